/**
 * The answering patient (issue 15, evaluation from the fourth held-out set, 2026-12d): a simulated
 * patient who answers the bot's direct questions truthfully from the signs the case's blind writer
 * said are true (`yesTo`, codes of bench/patientSigns.json), and picks the area the writer named.
 * The silent patient (the default, and the only one for the earlier sets) answers every question
 * with the answer that raises nothing, so only the opening text and the emergency check can find an
 * emergency; the answering patient measures the structured net (check, area picker, complaint
 * questions) as a real patient meets it.
 *
 * A question is answered with its raising answer only when every group of its mapped signs has one
 * true sign; an unmapped question, or one the case says no to, gets the reassuring answer. Questions
 * get credit only through signs: the sign list is frozen with each set that uses it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TriageEngine, TriageQuestion } from '../src/triage/types.js';
import type { Vignette } from './triageSim.js';

export interface PatientSigns {
  signs: Record<string, string>;
  /** Question id (or `q.confirm.*` for every generic confirm) -> groups of sign codes; all groups must hold. */
  questions: Record<string, string[][]>;
  /**
   * For a question whose choices each name a sign ("Which one is it?" after the urgent check, H88):
   * question id -> choice code -> the signs that choice is about. The patient picks the first choice,
   * in the order shown, with a true sign; with none, the answer that raises nothing.
   */
  choices?: Record<string, Record<string, string[]>>;
}

const GENERIC_CONFIRM = 'q.confirm.*';

export function loadPatientSigns(root: string): PatientSigns {
  return JSON.parse(readFileSync(join(root, 'bench', 'patientSigns.json'), 'utf8')) as PatientSigns;
}

/** The sign groups a question asks about, or undefined when it asks about none. */
export function signsAsked(signs: PatientSigns, questionId: string): string[][] | undefined {
  return signs.questions[questionId] ?? (questionId.startsWith('q.confirm.') ? signs.questions[GENERIC_CONFIRM] : undefined);
}

/** The answer that raises nothing: unasked-about red flags are reported absent. */
export function reassuring(engine: TriageEngine, q: TriageQuestion): string {
  const order = ['no', 'yes', ...q.choices];
  return order.find((c) => q.choices.includes(c) && engine.answerEffect(q.id, c).raise.length === 0) ?? 'no';
}

/** The answer that raises what the question is about ('yes', or 'no' for "does your inhaler help?"). */
function raising(engine: TriageEngine, q: TriageQuestion): string | undefined {
  const order = ['yes', 'no', ...q.choices];
  return order.find((c) => q.choices.includes(c) && engine.answerEffect(q.id, c).raise.length > 0);
}

/**
 * How the simulated patient answers a clinical question: the case's own `answers` first (tuning
 * cases), then, for a case with `yesTo`, truthfully from its signs, else reassuringly.
 */
export function answerQuestion(engine: TriageEngine, signs: PatientSigns | undefined, v: Vignette, q: TriageQuestion): string {
  const own = v.answers[q.id];
  if (own !== undefined) return own;
  const byChoice = signs && v.yesTo ? signs.choices?.[q.id] : undefined;
  if (byChoice) return q.choices.find((c) => (byChoice[c] ?? []).some((s) => v.yesTo?.includes(s))) ?? reassuring(engine, q);
  const groups = signs && v.yesTo ? signsAsked(signs, q.id) : undefined;
  if (groups && groups.every((g) => g.some((s) => v.yesTo?.includes(s)))) return raising(engine, q) ?? reassuring(engine, q);
  return reassuring(engine, q);
}
