import type { PhaseStates } from '../setup.js';
import { answered, ask } from './transitions.js';

/**
 * Greeting and need: the first message, and what the patient needs. A first message (or an answer
 * to the first question) that describes the problem is taken as the description, and the dialog
 * goes straight on; small talk gets a friendly word and the question.
 */
export const greetingStates = {
  welcome: {
    on: {
      'user.start': { target: 'need', actions: ['beginTurn', 'greet'] },
      answer: [
        { guard: 'isDescribedProblem', target: 'described', actions: ['greet', 'recordOpening', 'sayNoted'] },
        { guard: 'isValidAnswer', target: 'describe', actions: ['greet', 'recordOpening'] },
        { target: 'need', actions: ['greet'] },
      ],
    },
  },
  need: {
    entry: ask('need'),
    on: {
      answer: [
        { guard: 'isDescribedProblem', target: 'described', actions: ['recordOpening', 'sayNoted'] },
        { guard: 'isSmallTalk', actions: 'replyToSmallTalk' },
        ...answered('describe'),
      ],
    },
  },
} satisfies PhaseStates;
