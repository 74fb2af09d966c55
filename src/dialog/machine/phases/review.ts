import type { PhaseStates } from '../setup.js';
import { ask, yesOrNo } from './transitions.js';

/** Review and consent: the whole picture screened again, shown back, agreed, and sent. */
export const reviewStates = {
  // The whole picture is screened again (now with age) before the tier is final.
  reassess: {
    always: [
      { guard: 'isEmergencyNow', target: 'emergency', actions: 'divertToEmergency' },
      // The age may only be known now: a child gets the child version of the emergency check.
      { guard: 'needsChildCheck', target: 'safetyCheck' },
      { target: 'review', actions: ['setOutcome', 'leaveReviewMode'] },
    ],
  },
  review: {
    entry: ask('review'),
    on: {
      answer: [
        { guard: { type: 'isAnswer', params: { code: 'review.send' } }, target: 'consent', actions: 'recordAnswer' },
        { guard: { type: 'isAnswer', params: { code: 'review.change' } }, target: 'reviewPick' },
        { actions: 'rejectAnswer' },
      ],
    },
  },
  reviewPick: {
    entry: ask('reviewPick'),
    on: {
      answer: [{ guard: 'isValidAnswer', target: 'navigate', actions: 'chooseReviewChange' }, { actions: 'rejectAnswer' }],
    },
  },
  consent: {
    entry: ask('consent'),
    on: {
      answer: yesOrNo({ target: 'submitted', actions: ['recordAnswer', 'submitRequest'] }, { target: 'ended', actions: ['recordAnswer', 'sayNotSent'] }),
    },
  },
  submitted: {
    tags: ['done'],
    entry: ['markSubmitted', 'saySubmitted'],
    on: { answer: { actions: 'sayEnded' } },
  },
} satisfies PhaseStates;
