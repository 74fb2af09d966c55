import type { PatientDetails } from '../../domain/types.js';
import type { Picture } from '../../triage/types.js';
import { ageInYears } from '../validate/dateOfBirth.js';
import type { FlowState, IntakeContext, IntakeFacts, IntakeInput, TriageProgress } from './types.js';

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
  const { intake, triage } = ctx;
  const dob = intake.patient.dateOfBirth;
  return {
    need: intake.need,
    texts: intake.texts.map((t) => ({ text: t.text, lang: t.lang })),
    answers: triage.answers,
    presentRuleIds: triage.presentRuleIds,
    deniedRuleIds: triage.deniedRuleIds,
    ...(dob ? { ageYears: ageInYears(dob, new Date(ctx.now)) } : {}),
    forSomeoneElse: intake.subject?.who === 'for.other',
    ...(intake.answers.duration ? { duration: intake.answers.duration.code } : {}),
  };
}

/**
 * Every key of the context, and of each of its groups, in one order.
 *
 * XState's assign copies the context with `Object.assign({}, context, update)` on every assign
 * action (four or five a turn). V8 (Node 20 to 24 alike) can copy a fast object's layout whole; when it cannot
 * (when the context is already a slow object, for one) it adds the keys one at a time, and an object
 * built that way turns into a slow dictionary-mode object at its 20th key. Every later copy of a
 * dictionary context with that many keys is one too: each costs about 9 µs instead of 0.4 µs, every
 * read in a guard is a hash lookup, and far more garbage is made. So the context has at most 16
 * top-level keys (19 less a margin), and any copy of it is fast whatever came before; the rest lives
 * in three plain-object groups (intake, triage, flow), each well under the limit and replaced as a
 * whole (`triage: { ...context.triage, presentRuleIds }`) when one of its fields changes.
 *
 * A copy that adds a key the object is not yet carrying also changes its shape (its hidden class),
 * which makes guards and actions polymorphic. Contexts built from these shapes (fresh or restored)
 * carry every key, including every key of each group, from the start, so shapes stay stable.
 * tests/dialog/turn.test.ts checks both (at most 16 keys, the same keys) at every step of scripted conversations.
 */
const INTAKE_SHAPE: Readonly<Record<keyof IntakeFacts, undefined>> = {
  need: undefined, texts: undefined, answers: undefined, subject: undefined, patient: undefined,
};
const TRIAGE_SHAPE: Readonly<Record<keyof TriageProgress, undefined>> = {
  answers: undefined, presentRuleIds: undefined, deniedRuleIds: undefined, askedQuestionIds: undefined,
  pendingConfirms: undefined, currentQuestionId: undefined, forcedQuestionId: undefined, redFlags: undefined,
  outcome: undefined,
};
const FLOW_SHAPE: Readonly<Record<keyof FlowState, undefined>> = {
  trail: undefined, returnToReview: undefined, resumeStep: undefined, navTo: undefined, replayText: undefined,
  narrowTo: undefined, offerLang: undefined, declinedLangs: undefined,
};
const CONTEXT_SHAPE: Readonly<Record<keyof IntakeContext, undefined>> = {
  conversationId: undefined, session: undefined, startedAt: undefined, lang: undefined, step: undefined, now: undefined,
  practice: undefined, failures: undefined, lastPrompt: undefined, say: undefined, effects: undefined,
  queuedUntil: undefined, request: undefined, intake: undefined, triage: undefined, flow: undefined,
};

/** `value` with every key of `shape` (those it lacks set to undefined); anything but an object is returned as is. */
function withKeys(shape: object, value: unknown): unknown {
  return typeof value === 'object' && value !== null ? { ...shape, ...value } : value;
}

/**
 * A stored snapshot with its context, and each group of it, given every key (see CONTEXT_SHAPE):
 * a snapshot comes from JSON, which drops keys whose value was undefined. Anything else is returned as is.
 */
export function withFullContext(persisted: unknown): unknown {
  if (typeof persisted !== 'object' || persisted === null || !('context' in persisted)) return persisted;
  const { context } = persisted;
  if (typeof context !== 'object' || context === null) return persisted;
  const groups = context as { intake?: unknown; triage?: unknown; flow?: unknown };
  return {
    ...persisted,
    context: {
      ...CONTEXT_SHAPE,
      ...context,
      intake: withKeys(INTAKE_SHAPE, groups.intake),
      triage: withKeys(TRIAGE_SHAPE, groups.triage),
      flow: withKeys(FLOW_SHAPE, groups.flow),
    },
  };
}

export function freshContext(input: IntakeInput, session: number): IntakeContext {
  return {
    ...CONTEXT_SHAPE,
    conversationId: input.conversationId,
    session,
    startedAt: input.at,
    lang: input.lang,
    step: 'welcome',
    now: input.at,
    practice: input.practice,
    failures: 0,
    say: [],
    effects: [],
    intake: { ...INTAKE_SHAPE, texts: [], answers: {}, patient: {} },
    triage: {
      ...TRIAGE_SHAPE,
      answers: {},
      presentRuleIds: [],
      deniedRuleIds: [],
      askedQuestionIds: [],
      pendingConfirms: [],
      redFlags: [],
    },
    flow: { ...FLOW_SHAPE, trail: [], returnToReview: false, declinedLangs: [] },
  };
}

export const unique = <T,>(xs: T[]): T[] => [...new Set(xs)];
