import type { PhaseStates } from '../setup.js';

/** Where a conversation ends without a request being sent (the emergency diversion stores its own). */
export const endingStates = {
  emergency: {
    tags: ['done'],
    on: { answer: { actions: 'sayEmergencyAgain' } },
  },
  ended: {
    tags: ['done'],
    entry: ['markEnded', 'hintIfSilent'],
    on: { answer: { actions: 'sayEnded' } },
  },
} satisfies PhaseStates;
