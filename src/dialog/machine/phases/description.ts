import type { PhaseStates } from '../setup.js';
import { ask } from './transitions.js';

/** Description and screening: the problem in the patient's words, confirm questions and triage questions. */
export const descriptionStates = {
  describe: {
    entry: ask('describe'),
    on: { answer: [{ guard: 'isValidAnswer', target: 'described', actions: 'recordAnswer' }, { actions: 'rejectAnswer' }] },
  },
  /**
   * Every path that has just recorded a description of a health problem passes here (describe
   * answered, an opening message taken as the description, a confirm interruption at describe
   * that resumes, a description changed from the review).
   */
  described: {
    always: [
      // A combination of what was said may already be an emergency (a head injury on blood thinners).
      { guard: 'isEmergencyNow', target: 'emergency', actions: 'divertToEmergency' },
      // The structured emergency check (phases/safetyCheck.ts), once, before any follow-up question.
      { guard: 'needsEmergencyCheck', target: 'safetyCheck' },
      { guard: 'isReturningToReview', target: 'reassess' },
      { target: 'triageNext' },
    ],
  },
  triageNext: {
    always: [
      { guard: 'hasPendingConfirm', target: 'confirm' },
      { guard: 'hasNextTriageQuestion', target: 'triageQuestion' },
      { guard: 'isClinicalNeed', target: 'duration' },
      { target: 'wants' },
    ],
  },
  confirm: {
    entry: 'askConfirm',
    on: {
      answer: [{ guard: 'isValidAnswer', target: 'afterConfirm', actions: 'recordQuestionAnswer' }, { actions: 'rejectAnswer' }],
    },
  },
  afterConfirm: {
    always: [
      { guard: 'isEmergencyNow', target: 'emergency', actions: 'divertToEmergency' },
      { guard: 'hasPendingConfirm', target: 'confirm' },
      { target: 'navigate', actions: ['sayConfirmed', 'navigateToResume'] },
    ],
  },
  triageQuestion: {
    entry: 'askTriageQuestion',
    on: {
      answer: [{ guard: 'isValidAnswer', target: 'afterTriageAnswer', actions: 'recordQuestionAnswer' }, { actions: 'rejectAnswer' }],
    },
  },
  afterTriageAnswer: {
    always: [
      { guard: 'isEmergencyNow', target: 'emergency', actions: 'divertToEmergency' },
      { guard: 'isReturningToReview', target: 'reassess' },
      { target: 'triageNext' },
    ],
  },
} satisfies PhaseStates;
