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

export function freshContext(input: IntakeInput, session: number): IntakeContext {
  return {
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
