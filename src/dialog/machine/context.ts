import type { PatientDetails } from '../../domain/types.js';
import type { Picture } from '../../triage/types.js';
import { ageInYears } from '../validate/dateOfBirth.js';
import type { IntakeContext, IntakeInput } from './types.js';

/** The statechart's context: how a conversation starts, and what the triage engine sees of it. */

/** Steps the patient answers that can be changed from the review. */
export const CHANGEABLE = new Set<string>([
  'describe', 'duration', 'trend', 'impact', 'wants', 'who', 'relationship', 'name', 'dob', 'nhs', 'postcode', 'phone',
  'contactMethod', 'contactTimes',
]);
/** Steps whose answer is one field of the patient's details, as given. */
export const PATIENT_FIELDS: Readonly<Record<string, keyof PatientDetails>> = {
  name: 'name', dob: 'dateOfBirth', postcode: 'postcode', phone: 'phone', contactMethod: 'contactMethod', contactTimes: 'contactTimes',
};
/** Steps with no question of their own; "back" skips them. */
export const INTERRUPTIONS = new Set(['confirm', 'languageMenu', 'languageOffer', 'welcome']);

export function pictureOf(ctx: IntakeContext): Picture {
  const dob = ctx.patient.dateOfBirth;
  return {
    need: ctx.need,
    texts: ctx.texts.map((t) => ({ text: t.text, lang: t.lang })),
    answers: ctx.triageAnswers,
    presentRuleIds: ctx.presentRuleIds,
    deniedRuleIds: ctx.deniedRuleIds,
    ...(dob ? { ageYears: ageInYears(dob, new Date(ctx.now)) } : {}),
    forSomeoneElse: ctx.subject?.who === 'for.other',
  };
}

/**
 * Every key of the context, in one order. XState copies the context with Object.assign on each
 * assign action; when that adds a key the object is not yet carrying, V8 turns the copy (and every
 * later copy) into a slow dictionary object, which made each assign cost several µs. Contexts built
 * from this shape (fresh or restored) carry every key from the start and stay fast.
 */
const CONTEXT_SHAPE: Readonly<Record<keyof IntakeContext, undefined>> = {
  conversationId: undefined, session: undefined, lang: undefined, declinedLangs: undefined, startedAt: undefined,
  now: undefined, practice: undefined, step: undefined, need: undefined, texts: undefined, answers: undefined,
  triageAnswers: undefined, presentRuleIds: undefined, deniedRuleIds: undefined, askedQuestionIds: undefined,
  pendingConfirms: undefined, currentQuestionId: undefined, redFlags: undefined, outcome: undefined, subject: undefined,
  patient: undefined, trail: undefined, returnToReview: undefined, resumeStep: undefined, navTo: undefined,
  forcedQuestionId: undefined, replayText: undefined, openingText: undefined, offerLang: undefined, failures: undefined,
  queuedUntil: undefined, request: undefined, lastPrompt: undefined, say: undefined, effects: undefined,
};

/** A stored snapshot with its context given every key (see CONTEXT_SHAPE); anything else is returned as is. */
export function withFullContext(persisted: unknown): unknown {
  if (typeof persisted !== 'object' || persisted === null || !('context' in persisted)) return persisted;
  const { context } = persisted;
  if (typeof context !== 'object' || context === null) return persisted;
  return { ...persisted, context: { ...CONTEXT_SHAPE, ...context } };
}

export function freshContext(input: IntakeInput, session: number): IntakeContext {
  return {
    ...CONTEXT_SHAPE,
    conversationId: input.conversationId,
    session,
    lang: input.lang,
    declinedLangs: [],
    startedAt: input.at,
    now: input.at,
    practice: input.practice,
    step: 'welcome',
    texts: [],
    answers: {},
    triageAnswers: {},
    presentRuleIds: [],
    deniedRuleIds: [],
    askedQuestionIds: [],
    pendingConfirms: [],
    redFlags: [],
    patient: {},
    trail: [],
    returnToReview: false,
    failures: 0,
    say: [],
    effects: [],
  };
}

export const unique = <T,>(xs: T[]): T[] => [...new Set(xs)];
