import type { IntakeDeps } from './deps.js';
import { freshContext } from './context.js';
import { everyMessage } from './everyMessage.js';
import { aboutPatientStates } from './phases/aboutPatient.js';
import { descriptionStates } from './phases/description.js';
import { endingStates } from './phases/endings.js';
import { followUpStates } from './phases/followUps.js';
import { greetingStates } from './phases/greeting.js';
import { navigationStates } from './phases/navigation.js';
import { reviewStates } from './phases/review.js';
import { safetyCheckStates } from './phases/safetyCheck.js';
import { createIntakeSetup } from './setup.js';

/**
 * Bump when states are renamed or removed: a stored snapshot from another version is not restored
 * (the conversation restarts politely) because XState cannot resume in a state that no longer exists.
 */
export const MACHINE_VERSION = 'intake-11';

/** The intake statechart: the phases (phases/*.ts) composed into one machine on one setup(). */
export function createIntakeMachine(deps: IntakeDeps) {
  return createIntakeSetup(deps).createMachine({
    id: 'intake',
    context: ({ input }) => freshContext(input, 1),
    initial: 'welcome',
    on: { 'user.message': [...everyMessage] },
    states: {
      ...greetingStates,
      ...descriptionStates,
      ...safetyCheckStates,
      ...followUpStates,
      ...aboutPatientStates,
      ...reviewStates,
      ...endingStates,
      ...navigationStates,
    },
  });
}

export type IntakeMachine = ReturnType<typeof createIntakeMachine>;
