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
