import type { PhaseStates } from '../setup.js';
import { answered, ask } from './transitions.js';

/** Greeting and need: the first message, and what the patient needs. */
export const greetingStates = {
  welcome: {
    on: {
      'user.start': { target: 'need', actions: ['beginTurn', 'greet'] },
      answer: { target: 'need', actions: ['rememberOpening', 'greet'] },
    },
  },
  need: { entry: ask('need'), on: { answer: answered('describe') } },
} satisfies PhaseStates;
