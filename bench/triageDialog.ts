/**
 * Drives a vignette through the real statechart (runTurn), one patient message at a time, the
 * way a patient would: "hello" -> need -> opening text -> every question the dialog asks ->
 * details -> review -> consent. Shared by `npm run bench:triage` and tests/triage/dialog.test.ts,
 * so the figures and the safety assertion come from the same conversations.
 *
 * The machine is built from the real content (the same few lines as tests/support/dialog.ts),
 * without the renderer: the bench reads states and tiers, not English text.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LangCode, NeedCode, Tier } from '../src/domain/types.js';
import { createIntakeMachine, type IntakeMachine } from '../src/dialog/machine/intakeMachine.js';
import type { IntakeContext } from '../src/dialog/machine/types.js';
import { pictureOf } from '../src/dialog/machine/context.js';
import { createLanguagePolicy } from '../src/dialog/languagePolicy.js';
import { sharedRecognisers } from '../src/dialog/interpret/recognizersText.js';
import { runTurn, type StoredConversation, type TurnResult } from '../src/dialog/turn.js';
import { createWordbook } from '../src/i18n/wordbook.js';
import type { PracticeStatus } from '../src/practice/types.js';
import { loadContent } from '../src/server/content.js';
import {
  AREA_QUESTION_ID, CHECK_ANSWERS, CHECK_VERSIONS, areaCode, checkQuestionId, lineCode, linesForAge, type CheckVersion,
} from '../src/triage/safetySchema.js';
import type { Picture, TriageEngine } from '../src/triage/types.js';
import type { Vignette } from './triageSim.js';
import { answerQuestion, loadPatientSigns, type PatientSigns } from './answeringPatient.js';

export { reassuring } from './answeringPatient.js';

export const projectRoot = join(import.meta.dirname, '..');

/** Fixed "now": tiers must not depend on the day the bench runs. */
const START = new Date('2026-03-04T10:00:00Z');
const PRACTICE: PracticeStatus = {
  name: 'Bench Surgery',
  phone: '0113 496 0000',
  timeZone: 'Europe/London',
  open: true,
  outOfHoursRoutine: 'queue',
};
/** A runaway dialog (a state the driver cannot answer) stops here instead of looping. */
const MAX_MESSAGES = 60;
/**
 * Clinical questions: answered from the case's answers, else (the answering patient) from its signs,
 * else reassuringly (the answer that raises nothing). safetyConfirm, the confirming question of a picked check line (the pregnancy line after
 * "a little spotting"), is one too: it asks about symptoms, so it is answered the same way, never
 * from recognises999Sign.
 */
const CLINICAL_ASK = new Set(['confirm', 'triageQuestion', 'safetyConfirm']);
/** The area a simulated patient picks, from what the case says of them (never from its text). */
const AREA_OF_SIGN: Record<string, string> = {
  chest_heart: 'chest', breathing: 'breathing', allergy: 'skin', stroke: 'head', unconscious_fit: 'head', bleeding: 'injury',
  severe_injury_burn: 'injury', self_harm_overdose: 'mental', pregnancy: 'pregnancy', child_baby: 'child',
};

export interface DialogRun {
  /** What the dialog decided: 'emergency' when it diverted, else the urgency on the last turn. */
  tier: Tier | undefined;
  finalState: string;
  /** Patient messages from the opening text (which counts as 1) to the end of the conversation. */
  messages: number;
  /** Patient messages from the opening text to the emergency diversion, when it diverted. */
  messagesToEmergency?: number;
  /** Triage question ids the dialog asked, in order. */
  asked: string[];
  ruleIds: string[];
  /** Set when the driver could not finish the conversation (a bench bug or a dialog dead end). */
  error?: string;
  /** How the emergency check went: the version shown and the patient's answers (codes only). */
  check?: { version: CheckVersion; answers: string[] };
}

export interface RunOptions {
  /**
   * The answering patient (bench/answeringPatient.ts): direct questions answered from the case's
   * `yesTo` signs and the area picker from its `area`. Default: the silent patient.
   */
  answering?: boolean;
  /**
   * The structured net alone: the opening text is replaced by WITHHELD_TEXT (English, no symptom word),
   * so only the emergency check, the area picker and the area's questions can find an emergency.
   */
  withholdText?: boolean;
}

/** A description that names no symptom and is long enough to be a story (dialogs/intake.json storyBeyondRequest). */
export const WITHHELD_TEXT = 'Please can someone help me with this problem that I have today';

export interface DialogDriver {
  run(v: Vignette, options?: RunOptions): DialogRun;
  /** Milliseconds spent inside triage.screen(), one entry per call made by the dialog. */
  readonly screenTimes: number[];
  readonly engine: TriageEngine;
}

/** Builds the machine once from the real content; `timeScreens` wraps screen() with a timer. */
export function createDialogDriver(options: { timeScreens?: boolean } = {}): DialogDriver {
  const content = loadContent(projectRoot);
  const engine = content.triage;
  const screenTimes: number[] = [];
  const triage: TriageEngine = options.timeScreens
    ? {
        ...engine,
        screen: (text: string, lang: LangCode) => {
          const start = performance.now();
          const out = engine.screen(text, lang);
          screenTimes.push(performance.now() - start);
          return out;
        },
      }
    : engine;
  const allLanguages = content.languages.map((l) => l.code);
  const machine = createIntakeMachine({
    content: content.intake,
    triage,
    words: createWordbook(content.resources, content.languages),
    language: createLanguagePolicy(content.languages, allLanguages),
    languagesOffered: allLanguages,
    recognisers: sharedRecognisers(),
  });
  const signs = loadPatientSigns(projectRoot);
  let counter = 0;
  return {
    run: (v, runOptions = {}) =>
      drive(machine, engine, runOptions.withholdText ? { ...v, text: WITHHELD_TEXT, lang: 'eng' } : v, `bench:${++counter}`, runOptions.answering ? signs : undefined),
    screenTimes,
    engine,
  };
}

function drive(machine: IntakeMachine, engine: TriageEngine, v: Vignette, id: string, signs: PatientSigns | undefined): DialogRun {
  let stored: StoredConversation | undefined;
  let last: TurnResult | undefined;
  let messages = 0;
  let sentOpening = false;
  let rejected = 0;
  const asked: string[] = [];
  let check: DialogRun['check'];
  /** The greeting and the patient's story are typed; the need and every answer are buttons tapped. */
  const say = (text: string, tapped = true): TurnResult => {
    const result = runTurn(machine, id, stored, { kind: 'message', at: START, practice: PRACTICE, lang: v.lang ?? 'eng', text, tapped, attachments: 0 }, { idleMs: 30 * 60_000 });
    // Round-trip through JSON as the store does, so the bench exercises the persisted snapshot.
    stored = { machineVersion: result.machineVersion, snapshot: JSON.parse(JSON.stringify(result.snapshot)), updatedAt: START.toISOString() };
    if (sentOpening) messages++;
    if (last && last.state === result.state && result.say.some((m) => m.key.startsWith('dialog.invalid'))) rejected++;
    last = result;
    return result;
  };
  const finish = (error?: string): DialogRun => {
    const state = last?.state ?? 'none';
    const tier: Tier | undefined = state === 'emergency' ? 'emergency' : last?.urgency;
    return {
      tier,
      finalState: state,
      messages,
      ...(state === 'emergency' ? { messagesToEmergency: messages } : {}),
      asked,
      ruleIds: contextOf(last)?.triage.outcome?.ruleIds ?? [],
      ...(error ? { error } : {}),
      ...(check ? { check } : {}),
    };
  };

  const greeted = say('hello', false);
  if (greeted.state !== 'need') return finish(`greeting went to ${greeted.state}`);
  say(needOf(v));
  sentOpening = true;
  let turn = say(v.text, false);
  while (!turn.done && messages < MAX_MESSAGES) {
    if (rejected > 2) return finish(`dialog kept rejecting the driver's answer at ${turn.state}`);
    const state = turn.state;
    if (CLINICAL_ASK.has(state)) {
      const ctx = contextOf(turn);
      const qid = state === 'confirm' ? ctx?.triage.pendingConfirms[0]?.questionId : ctx?.triage.currentQuestionId;
      if (!qid) return finish(`no question id at ${state}`);
      asked.push(qid);
      turn = say(answerQuestion(engine, signs, v, engine.question(qid)));
      continue;
    }
    if (state === 'safetyCheck' || state === 'safetyWhich' || state === 'areaPick') {
      const qid = contextOf(turn)?.triage.currentQuestionId ?? '';
      const ctx = contextOf(turn);
      const answer =
        signs && state === 'areaPick' && v.area !== undefined ? areaCode(v.area) : safetyAnswer(engine, v, qid, ctx ? pictureOf(ctx) : undefined);
      if (state !== 'areaPick') {
        const version = CHECK_VERSIONS.find((cv) => qid.endsWith(`.${cv}`)) ?? 'adult';
        check = { version, answers: [...(check?.answers ?? []), answer] };
      }
      turn = say(answer);
      continue;
    }
    const answer = v.answers[state] ?? detailAnswer(state, v);
    if (answer === undefined) return finish(`driver has no answer for step ${state}`);
    turn = say(answer);
  }
  if (!turn.done) return finish(`conversation did not end within ${MAX_MESSAGES} messages (at ${turn.state})`);
  return finish();
}

function contextOf(result: TurnResult | undefined): IntakeContext | undefined {
  const snap = result?.snapshot as { context?: IntakeContext } | undefined;
  return snap?.context;
}

/** The need the patient would pick: the vignette's own, else a new problem. */
function needOf(v: Vignette): NeedCode {
  return v.need ?? 'need.new';
}

/**
 * The simulated patient's answers to the emergency check and the area picker. The check: the sign
 * the case says they would recognise, if the version shown lists it (a line that `covers` it), else
 * "No, none of these" (the worst case: a patient who does not see their problem in the list). A line
 * the dialog leaves out for the known age (the baby line for an older child) is not there to pick.
 * The area: from pregnancy, age and the recognised sign; otherwise "something else".
 */
export function safetyAnswer(engine: TriageEngine, v: Vignette, questionId: string, picture?: Picture): string {
  const check = engine.emergencyCheck;
  // A case names the sign it recognises (a SIGN_KIND), or, in sets from the 2026-12m kit on, the check
  // line it would pick by that line's id: read as the first sign the line covers, so the line picked is
  // still the first shown one that covers it (the same line in the version the patient sees).
  const named = v.recognises999Sign ?? null;
  const sign = named !== null && check.lines[named] ? (check.lines[named]?.covers[0] ?? named) : named;
  if (questionId === AREA_QUESTION_ID) {
    const area = v.pregnant ? 'pregnancy' : v.ageYears !== undefined && v.ageYears < check.childUnderYears ? 'child' : (sign && AREA_OF_SIGN[sign]) || 'other';
    return areaCode(area);
  }
  const version = CHECK_VERSIONS.find((cv) => questionId.endsWith(`.${cv}`)) ?? 'adult';
  // Only the lines shown: an age-bound line the dialog left out (the age is known) cannot be picked.
  const shown = picture ? engine.checkLines(picture, version) : linesForAge(check, version, undefined);
  const line = sign ? shown.find((l) => check.lines[l]?.covers.includes(sign as never)) : undefined;
  if (questionId === checkQuestionId(version)) return line ? CHECK_ANSWERS.yes : CHECK_ANSWERS.no;
  return line ? lineCode(line) : 'safety.none';
}

/** Answers to the fixed steps, consistent with the vignette (who it is for, their age). */
function detailAnswer(step: string, v: Vignette): string | undefined {
  switch (step) {
    case 'languageOffer':
      return `lang.${v.lang ?? 'eng'}`;
    case 'duration':
      // Round 22: a case that says it started more than 2 weeks ago answers weeks (earlier sets never tag it).
      return v.yesTo?.includes('lasting_weeks') === true ? 'duration.weeks' : 'duration.days';
    case 'trend':
      return 'trend.same';
    case 'impact':
      return 'impact.some';
    case 'wants':
      return v.need === 'need.medicines' ? 'wants.prescription' : v.need === 'need.admin' ? 'wants.document' : 'wants.appointment';
    case 'pharmacyOffer':
    case 'urgentClosed':
    case 'consent':
      return 'yes';
    case 'who':
      return subjectOf(v) ? 'for.other' : 'for.self';
    case 'relationship':
      return subjectOf(v) ?? 'rel.other';
    case 'name':
      return 'Alex Taylor';
    case 'dob':
      return dobFor(ageOf(v) ?? 35);
    case 'nhs':
      return 'skip';
    case 'postcode':
      return 'LS1 4AP';
    case 'phone':
      return '07700 900123';
    case 'contactMethod':
      return 'contact.either';
    case 'contactTimes':
      return 'when.any';
    case 'review':
      return 'review.send';
    default:
      return undefined;
  }
}

const CHILD = /\b(son|daughter|baby|babys|newborn|toddler|child|childs|kid|kids|boy|girl|grandson|granddaughter)\b/;
const PARTNER = /\b(husband|wife|partner|boyfriend|girlfriend|hubby)\b/;
const PARENT = /\b(mum|mums|mom|mother|dad|dads|father|nan|nana|gran|grandad|grandma|grandpa)\b/;
const OTHER = /\b(brother|sister|friend|flatmate|neighbour|colleague|uncle|aunt|cousin)\b/;

/** The relationship code when the vignette is about someone else, else undefined (for.self). */
export function subjectOf(v: Vignette): string | undefined {
  if (v.who === 'self') return undefined;
  // Cases in other languages say who it is for and how old they are; the English text is not read for them.
  if (v.lang !== undefined && v.lang !== 'eng') {
    if (v.who === undefined) return undefined;
    return v.ageYears !== undefined && v.ageYears < 16 ? 'rel.child' : 'rel.other';
  }
  const t = v.text.toLowerCase().replace(/['’]/g, '');
  const rel = CHILD.test(t) ? 'rel.child' : PARTNER.test(t) ? 'rel.partner' : PARENT.test(t) ? 'rel.parent' : OTHER.test(t) ? 'rel.other' : undefined;
  const aboutOther = /\b(my|our|his|her)\s+(\w+\s+)?(son|daughter|baby|babys|newborn|toddler|child|kid|boy|girl|husband|wife|partner|mum|mom|mother|dad|father|nan|gran|grandad|brother|sister|friend)s?\b/.test(t);
  if (v.who === 'other' || v.tags.includes('other') || aboutOther) return rel ?? 'rel.other';
  return undefined;
}

/** Age in years: the vignette's own field, else an explicit "6 week old" / "aged 70" in the text. */
export function ageOf(v: Vignette): number | undefined {
  if (v.ageYears !== undefined) return v.ageYears;
  const t = v.text.toLowerCase();
  const m = /\b(\d{1,3})[\s-]*(day|week|wk|month|year|yr)s?[\s-]*old\b/.exec(t) ?? /\baged?\s+(\d{1,3})\b()/.exec(t);
  if (m) {
    const n = Number(m[1]);
    const unit = m[2] ?? 'year';
    const perYear: Record<string, number> = { day: 365, week: 52, wk: 52, month: 12, year: 1, yr: 1, '': 1 };
    return n / (perYear[unit] ?? 1);
  }
  if (/\b(newborn|baby|babys)\b/.test(t)) return 0.5;
  return undefined;
}

/** A day-first date of birth that makes the patient `years` old at the bench's fixed "now". */
export function dobFor(years: number): string {
  const d = new Date(START.getTime() - Math.round(years * 365.2425 * 24 * 3600 * 1000) - 2 * 24 * 3600 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}
