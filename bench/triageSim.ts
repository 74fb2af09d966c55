/**
 * Drives the triage engine the way the dialog does, for the bench and the safety tests:
 * describe -> confirm questions -> complaint questions -> decide. An emergency diverts as soon as
 * a present rule reaches the emergency tier. Questions a vignette does not answer get the answer
 * that raises nothing (the patient reports no red flag), so gold emergencies must be findable from
 * what the vignette says.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LangCode, NeedCode, Tier, TriageOutcome } from '../src/domain/types.js';
import type { Picture, TriageEngine } from '../src/triage/types.js';
import { reassuring } from './answeringPatient.js';

export interface Vignette {
  id: string;
  text: string;
  need: NeedCode;
  gold: Tier;
  answers: Record<string, string>;
  source: string;
  tags: string[];
  /** Who the patient writes about when the text leaves it unclear (default: read from the text). */
  who?: 'self' | 'other';
  /** The patient's age when it matters (default: read from the text, e.g. "6 week old"). */
  ageYears?: number;
  /** Set on held-out vignettes: written after the rules were tuned, never used to tune them. */
  heldOut?: boolean;
  /** ISO 639-3 language the patient writes in (default English). */
  lang?: string;
  /**
   * The NHS "call 999" sign the patient would say yes to when shown the emergency check
   * (dialogs/safety/emergencyCheck.json `covers` vocabulary), or null: they answer "No, none of these".
   */
  recognises999Sign?: string | null;
  pregnant?: boolean;
  paraphraseOf?: string;
  style?: string;
  /** The area the patient taps at the area picker (dialogs/safety/areas.json codes); from the fourth set on. */
  area?: string;
  /** Signs (bench/patientSigns.json) the patient says yes to when asked directly; from the fourth set on. */
  yesTo?: string[];
}

/** A vague adult's conversation for tests: a description that matches no rule, every field filled; `extra` overrides. */
export function vagueVignette(id: string, extra: Partial<Vignette> = {}): Vignette {
  return {
    id,
    text: 'I just feel awful and I do not know what is wrong',
    need: 'need.new',
    gold: 'routine',
    answers: {},
    source: 'test',
    tags: [],
    who: 'self',
    ageYears: 40,
    recognises999Sign: null,
    ...extra,
  };
}

export interface SimResult {
  outcome: TriageOutcome;
  /** Patient messages sent until the outcome (the opening message counts as 1). */
  turns: number;
  asked: string[];
}

const MAX_QUESTIONS = 12;

export function loadVignettes(dir: string): Vignette[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'sources.json')
    .sort()
    .flatMap((f) => loadVignetteFile(join(dir, f)));
}

/** One file of cases; a missing file is an empty set (the paraphrase set may not exist yet). */
export function loadVignetteFile(file: string): Vignette[] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return ((JSON.parse(raw) as { cases?: Vignette[] }).cases ?? []).map((v) => ({ ...v, answers: v.answers ?? {}, tags: v.tags ?? [] }));
}

export function simulate(engine: TriageEngine, v: Vignette): SimResult {
  const present = new Set<string>();
  const denied = new Set<string>();
  const answers: Record<string, string> = {};
  // The case's own language, screened in English too as the dialog does (a vignette without one is English).
  const lang = (v.lang ?? 'eng') as LangCode;
  const picture = (): Picture => ({
    need: v.need,
    texts: [{ text: v.text, lang }],
    answers,
    presentRuleIds: [...present],
    deniedRuleIds: [...denied],
    // The dialog asks the date of birth: the age-bound combinations (a child's fever signs) see it too.
    ...(v.ageYears !== undefined ? { ageYears: v.ageYears } : {}),
  });
  const diverted = (): boolean => [...present].some((id) => engine.rule(id)?.tier === 'emergency');
  for (const hit of engine.screen(v.text, lang === 'eng' ? 'eng' : [lang, 'eng']).hits) if (hit.certainty === 'clear') present.add(hit.ruleId);
  let turns = 1;
  const asked: string[] = [];
  while (!diverted() && asked.length < MAX_QUESTIONS) {
    const q = engine.nextQuestion(picture());
    if (!q) break;
    const answer = v.answers[q.id] ?? reassuring(engine, q);
    asked.push(q.id);
    turns++;
    answers[q.id] = answer;
    const eff = engine.answerEffect(q.id, answer);
    eff.raise.forEach((id) => present.add(id));
    eff.deny.forEach((id) => denied.add(id));
  }
  return { outcome: engine.decide(picture()), turns, asked };
}
