import type { StepId } from '../../content.js';

/** Transition shapes the phases share; names only, checked against setup() where they are used. */

/** Enter a fixed step: ask its question. */
export const ask = (step: StepId) => ({ type: 'askStep' as const, params: { step } });

/** After a valid answer: to the review when changing an answer from it, else on to `next`. */
export const answered = <T extends string>(next: T) => [
  { guard: 'isValidChangeFromReview' as const, target: 'reassess' as const, actions: 'recordAnswer' as const },
  { guard: 'isValidAnswer' as const, target: next, actions: 'recordAnswer' as const },
  { actions: 'rejectAnswer' as const },
];

type ActionName = 'recordAnswer' | 'queueIfClosed' | 'submitRequest' | 'sayPharmacy' | 'sayNotSent';
/** A yes/no question: each answer has its own target and actions; anything else is re-asked. */
export const yesOrNo = <Y extends string, N extends string>(yes: { target: Y; actions: ActionName[] }, no: { target: N; actions: ActionName[] }) => [
  { guard: { type: 'isAnswer' as const, params: { code: 'yes' } }, target: yes.target, actions: yes.actions },
  { guard: { type: 'isAnswer' as const, params: { code: 'no' } }, target: no.target, actions: no.actions },
  { actions: 'rejectAnswer' as const },
];

/**
 * The next clinical step after a description or an answer: a pending confirm question, the next
 * triage question, the follow-ups (a clinical need) or what the patient wants. Spread at the end of
 * every eventless state that used to go on through the `triageNext` state, so the choice is made in
 * the same microstep (one fewer a turn); `triageNext` itself stays, for `navigate`.
 */
export const toNextTriageStep = [
  { guard: 'hasPendingConfirm' as const, target: 'confirm' as const },
  { guard: 'hasNextTriageQuestion' as const, target: 'triageQuestion' as const },
  { guard: 'isClinicalNeed' as const, target: 'duration' as const },
  { target: 'wants' as const },
];
