/**
 * A simulated patient who never taps a button: it types every answer the way people write them,
 * from a phrasebook (the tuning table of tests/dialog/typed/tuning.json), with small typos, through
 * the statechart's public surface (runTurn), answering the emergency check in its own words too
 * (a typed "no", or the sign's and the area's titles typed by hand), keeping the persisted snapshot between turns as the
 * store does. Used by `npm run bench:typed` and tests/dialog/typedConversations.test.ts.
 */
import type { LangCode } from '../src/domain/types.js';
import type { IntakeMachine } from '../src/dialog/machine/intakeMachine.js';
import type { IntakeContext } from '../src/dialog/machine/types.js';
import { runTurn, type StoredConversation, type TurnResult } from '../src/dialog/turn.js';
import type { PracticeStatus } from '../src/practice/types.js';
import type { TriageEngine } from '../src/triage/types.js';
import { AREA_QUESTION_ID, CHECK_ANSWERS, CHECK_NONE, areaCode } from '../src/triage/safetySchema.js';
import { dobFor, reassuring, safetyAnswer } from './triageDialog.js';
import { answerQuestion, type PatientSigns } from './answeringPatient.js';
import type { Vignette } from './triageSim.js';
import { NOW } from './typedAnswers.js';

export const PRACTICE: PracticeStatus = { name: 'Bench Surgery', phone: '0113 496 0000', timeZone: 'Europe/London', open: true, outOfHoursRoutine: 'queue' };
const MAX_MESSAGES = 60;

export type Rng = ReturnType<typeof rng>;

/** A small seeded generator (mulberry32): the same conversations every run. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T };
}

/** A typo as people make them: two letters swapped in one longer word (alphabetic scripts only). */
export function typo(text: string, r: ReturnType<typeof rng>): string {
  const words = text.split(' ');
  const long = words.map((w, i) => [w, i] as const).filter(([w]) => /^[\p{Script=Latin}\p{Script=Cyrillic}]{6,}$/u.test(w));
  if (long.length === 0) return text;
  const [w, i] = r.pick(long);
  const k = 2 + Math.floor(r.next() * (w.length - 3));
  words[i] = w.slice(0, k) + (w[k + 1] ?? '') + (w[k] ?? '') + w.slice(k + 2);
  return words.join(' ');
}

export interface Phrasebook {
  /** Typed ways to give `code` at `step` in this language (the table's answers). */
  say(step: string, code: string): string | undefined;
  anyFor(step: string): { code: string; text: string } | undefined;
  /** A choice's title as shown in this language (typed by hand: the signs of the emergency check, the areas). */
  title(code: string): string | undefined;
}

export function phrasebookFrom(
  answers: Record<string, Record<string, string[]>>, r: ReturnType<typeof rng>, title: (code: string) => string | undefined,
): Phrasebook {
  return {
    title,
    say: (step, code) => {
      const list = answers[step]?.[code];
      return list && list.length > 0 ? r.pick(list) : undefined;
    },
    anyFor: (step) => {
      const entries = Object.entries(answers[step] ?? {}).filter(([, l]) => l.length > 0);
      if (entries.length === 0) return undefined;
      const [code, list] = r.pick(entries);
      return { code, text: r.pick(list) };
    },
  };
}

export interface Run {
  lang: LangCode;
  finished: boolean;
  final: string;
  turns: number;
  reprompts: number;
  openingUnderstood: boolean;
  submittedAt?: number;
  routine: boolean;
  /** The tier the conversation ended with ('emergency' when it diverted). */
  tier?: string;
  /** The request the conversation asked the edge to store (kind 'request'), if any. */
  stored?: { texts: string[]; need: string };
  /** Every reply's message keys, in order (for checks on re-prompts). */
  replies: string[][];
  /** Turns and re-prompts by the kind of question answered (yes/no, duration, who, check...): counts only. */
  byKind: Record<string, { turns: number; reprompts: number }>;
  error?: string;
}

export const REPROMPT = /^(understand\.(reprompt|either|outOfRange|notAName|dateTooOld)|dialog\.invalid\.)/;

function contextOf(t: TurnResult): IntakeContext | undefined {
  return (t.snapshot as { context?: IntakeContext } | undefined)?.context;
}

/** One conversation typed from the opening to an outcome. */
export function typedConversation(
  machine: IntakeMachine,
  triage: TriageEngine,
  lang: LangCode,
  opening: string,
  book: Phrasebook,
  r: Rng,
  v?: Vignette,
  id = 'typed',
  /** Replaces the patient's answer (e.g. with random input); return undefined to keep it. */
  mess?: (state: string) => string | undefined,
  maxMessages = MAX_MESSAGES,
  /** The answering patient (bench/answeringPatient.ts): the case's need, area and yesTo signs are its answers. */
  signs?: PatientSigns,
): Run {
  let stored: StoredConversation | undefined;
  let turns = 0;
  let reprompts = 0;
  let submittedAt: number | undefined;
  let request: Run['stored'];
  const replies: string[][] = [];
  const byKind: Run['byKind'] = {};
  let asked = 'opening';
  const say = (text: string, tapped = false): TurnResult => {
    const t = runTurn(machine, id, stored, { kind: 'message', at: NOW, practice: PRACTICE, lang, text, tapped, attachments: 0 }, { idleMs: 30 * 60_000 });
    const k = (byKind[asked] ??= { turns: 0, reprompts: 0 });
    k.turns++;
    if (t.say.some((m) => REPROMPT.test(m.key))) k.reprompts++;
    asked = kindOfState(t.state);
    stored = { machineVersion: t.machineVersion, snapshot: JSON.parse(JSON.stringify(t.snapshot)), updatedAt: NOW.toISOString() };
    turns++;
    replies.push(t.say.map((m) => m.key));
    for (const e of t.effects) if (e.request.kind === 'request') request = { texts: e.request.texts.map((x) => x.text), need: e.request.need };
    if (t.say.some((m) => REPROMPT.test(m.key))) reprompts++;
    if (t.state === 'submitted' && submittedAt === undefined) submittedAt = turns;
    return t;
  };
  const withTypo = (s: string) => (r.next() < 0.1 ? typo(s, r) : s);
  let t = say(opening);
  const openingUnderstood = !['need', 'describe', 'welcome'].includes(t.state) && !t.say.some((m) => REPROMPT.test(m.key));
  let error: string | undefined;
  while (!t.done && turns < maxMessages) {
    const messed = mess?.(t.state);
    const answer = messed ?? typedAnswer(t, triage, lang, book, r, v, signs);
    if (answer === undefined) {
      error = `no typed answer for ${t.state}`;
      break;
    }
    // The language buttons are the one thing this patient taps (typedAnswer sends their codes).
    const sent = withTypo(answer);
    t = say(sent, messed === undefined && sent === answer && TAPPED_STATES.has(t.state));
  }
  return {
    lang, finished: t.done && !error, final: t.state, turns, reprompts, openingUnderstood,
    ...(submittedAt !== undefined ? { submittedAt } : {}),
    routine: t.state === 'submitted' && ['routine', 'selfcare'].includes(t.urgency ?? ''),
    ...(t.state === 'emergency' ? { tier: 'emergency' } : t.urgency ? { tier: t.urgency } : {}),
    ...(request ? { stored: request } : {}),
    replies,
    byKind,
    ...(error ? { error } : {}),
  };
}

/** The kind of question a state asks, for the bench's breakdown. */
export function kindOfState(state: string): string {
  if (['triageQuestion', 'confirm', 'safetyConfirm', 'consent', 'pharmacyOffer', 'urgentClosed'].includes(state)) return 'yes/no';
  if (['safetyCheck', 'safetyWhich', 'areaPick'].includes(state)) return 'check';
  if (['duration', 'who', 'relationship', 'trend', 'impact', 'wants', 'contactMethod', 'contactTimes', 'review'].includes(state)) return state;
  if (['name', 'dob', 'nhs', 'postcode', 'phone'].includes(state)) return 'details';
  if (['need', 'welcome', 'describe'].includes(state)) return 'opening';
  return 'other';
}

const DETAILS: Record<string, (r: ReturnType<typeof rng>) => string> = {
  name: (r) => r.pick(['Alex Taylor', 'Sam Jones', 'Maria Nowak', 'Ahmed Khan']),
  dob: (r) => r.pick(['12/3/85', '12 March 1985', '1985-03-12', '12th march 85', '3.7.1990', '01/02/2001']),
  nhs: (r) => r.pick(['943 476 5919', '9434765919']),
  postcode: (r) => r.pick(['ls1 4ap', 'LS14AP', 'sw1a 1aa', 'M1  1AE']),
  phone: (r) => r.pick(['07700 900123', '+44 7700 900123', '(0113) 496 0000', '+44 (0)7700 900123', '07700900123']),
};

/** Where typedAnswer sends a button's code (the language offered, the language menu): a tap. */
const TAPPED_STATES = new Set(['languageOffer', 'languageMenu']);
const SAFETY_STATES = new Set(['safetyCheck', 'safetyWhich', 'areaPick']);
/** The emergency check is a yes/no question in other words: typed as the patient's own yes, no or not sure. */
const YES_NO_OF: Record<string, string> = { [CHECK_ANSWERS.yes]: 'yes', [CHECK_ANSWERS.no]: 'no', [CHECK_ANSWERS.unsure]: 'unsure' };

/** What the typing patient writes at this state: the table's words for the code a button patient would choose. */
function typedAnswer(t: TurnResult, triage: TriageEngine, lang: LangCode, book: Phrasebook, r: Rng, v?: Vignette, signs?: PatientSigns): string | undefined {
  const state = t.state;
  // safetyConfirm (a picked check line's confirming question) is a clinical yes/no question too (bench/triageDialog.ts).
  if (state === 'triageQuestion' || state === 'confirm' || state === 'safetyConfirm') {
    const ctx = contextOf(t);
    const qid = state === 'confirm' ? ctx?.triage.pendingConfirms[0]?.questionId : ctx?.triage.currentQuestionId;
    if (!qid) return undefined;
    const code = v ? answerQuestion(triage, signs, v, triage.question(qid)) : reassuring(triage, triage.question(qid));
    return book.say('yesNo', code) ?? book.say('yesNo', 'no');
  }
  if (SAFETY_STATES.has(state)) {
    const qid = contextOf(t)?.triage.currentQuestionId;
    if (!qid) return undefined;
    // The sign the case would recognise (as the button bench does), else "No, none of these".
    const code = signs && v?.area !== undefined && qid === AREA_QUESTION_ID ? areaCode(v.area) : v ? safetyAnswer(triage, v, qid) : qid === AREA_QUESTION_ID ? areaCode('other') : qid.startsWith('q.check.which') ? CHECK_NONE : CHECK_ANSWERS.no;
    const yesNo = YES_NO_OF[code];
    return (yesNo ? book.say('safetyCheck', code) ?? book.say('yesNo', yesNo) : undefined) ?? book.title(code)?.toLowerCase();
  }
  if (signs && v) {
    // The answering patient's own details: who it is for and the age the case gives.
    const child = v.ageYears !== undefined && v.ageYears < 16;
    if (state === 'who') return book.say('who', v.who === 'other' || child ? 'for.other' : 'for.self');
    if (state === 'relationship') return book.say('relationship', child ? 'rel.child' : 'rel.other');
    if (state === 'dob' && v.ageYears !== undefined) return dobFor(v.ageYears);
  }
  const detail = DETAILS[state];
  if (detail) return detail(r);
  switch (state) {
    case 'need':
      return (signs && v ? book.say('need', v.need) : undefined) ?? book.anyFor('need')?.text;
    case 'describe':
      return v?.text ?? 'I have a rash on my arm';
    case 'consent':
    case 'pharmacyOffer':
    case 'urgentClosed':
      return book.say('yesNo', 'yes');
    case 'languageOffer':
    case 'languageMenu':
      return `lang.${lang}`;
    case 'who':
      return r.next() < 0.7 ? book.say('who', 'for.self') : book.anyFor('relationship')?.text;
    case 'review':
      return book.say('review', 'review.send');
    default:
      return book.anyFor(state)?.text;
  }
}

/** Steps a button patient writes rather than taps. */
const WRITTEN_STATES = new Set(['name', 'dob', 'postcode', 'phone']);

/** The same opening with buttons: hello, the need, the text, then codes. */
export function buttonConversation(machine: IntakeMachine, triage: TriageEngine, lang: LangCode, opening: string, need: string, id = 'buttons'): number | undefined {
  let stored: StoredConversation | undefined;
  let turns = 0;
  /** Typed: the greeting, the opening and the details a patient writes (name, date of birth, postcode, phone); all else is tapped. */
  const say = (text: string, tapped = true): TurnResult => {
    const t = runTurn(machine, id, stored, { kind: 'message', at: NOW, practice: PRACTICE, lang, text, tapped, attachments: 0 }, { idleMs: 30 * 60_000 });
    stored = { machineVersion: t.machineVersion, snapshot: JSON.parse(JSON.stringify(t.snapshot)), updatedAt: NOW.toISOString() };
    turns++;
    return t;
  };
  say('hello', false);
  say(need);
  let t = say(opening, false);
  const codes: Record<string, string> = {
    duration: 'duration.days', trend: 'trend.same', impact: 'impact.some', wants: 'wants.appointment', who: 'for.self', name: 'Alex Taylor',
    dob: '12/03/1985', nhs: 'skip', postcode: 'LS1 4AP', phone: '07700 900123', contactMethod: 'contact.either', contactTimes: 'when.any',
    review: 'review.send', consent: 'yes', pharmacyOffer: 'yes', urgentClosed: 'yes', languageOffer: `lang.${lang}`,
    safetyCheck: CHECK_ANSWERS.no, safetyWhich: CHECK_NONE, areaPick: areaCode('other'),
  };
  while (!t.done && turns < MAX_MESSAGES) {
    if (t.state === 'triageQuestion' || t.state === 'confirm') {
      const ctx = contextOf(t);
      const qid = t.state === 'confirm' ? ctx?.triage.pendingConfirms[0]?.questionId : ctx?.triage.currentQuestionId;
      t = say(qid ? reassuring(triage, triage.question(qid)) : 'no');
      continue;
    }
    const code = codes[t.state];
    if (!code) return undefined;
    t = say(code, !WRITTEN_STATES.has(t.state));
  }
  return t.state === 'submitted' ? turns : undefined;
}

