import { STEP_IDS } from '../../content.js';
import type { PhaseStates } from '../setup.js';
import { ask } from './transitions.js';

/** Steps `navigate` can go to: every fixed step and the few states that stand in for one. */
const NAV_TARGETS = [...STEP_IDS, 'triageQuestion', 'triageNext', 'described', 'safetyCheck', 'safetyWhich', 'safetyConfirm', 'areaPick', 'welcome', 'submitted', 'ended'] as const;

/** Moving about: back, resuming after an interruption, review changes, and choosing a language. */
export const navigationStates = {
  navigate: {
    always: [...NAV_TARGETS.map((to) => ({ guard: { type: 'isNavTarget' as const, params: { to } }, target: to })), { target: 'need' }],
  },
  languageMenu: {
    entry: ask('languageMenu'),
    on: {
      answer: [{ guard: 'isValidAnswer', target: 'navigate', actions: ['setLanguage', 'navigateToResume'] }, { actions: 'rejectAnswer' }],
    },
  },
  languageOffer: {
    entry: ask('languageOffer'),
    on: {
      answer: [
        { guard: 'isOfferedLanguageChosen', target: 'navigate', actions: ['setLanguage', 'navigateToResume', 'replayPendingText'] },
        { guard: 'isValidAnswer', target: 'navigate', actions: ['declineOfferedLanguage', 'navigateToResume', 'replayPendingText'] },
        { actions: 'rejectAnswer' },
      ],
    },
  },
} satisfies PhaseStates;
