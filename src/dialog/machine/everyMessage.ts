/**
 * What happens to every message before the current step sees it. Red-flag screening comes before
 * anything else, at every step; then commands; then the message goes to the step as its answer
 * (an empty message or a picture too: it is a failed try like any other, so it cannot loop).
 */
export const everyMessage = [
  { guard: 'hasEmergencyHit', target: '.emergency', actions: ['beginTurn', 'recordText', 'recordEmergencyHits', 'divertToEmergency'] },
  { guard: 'hasUnaskedEmergencyQuestion', target: '.confirm', actions: ['beginTurn', 'greetIfFirst', 'interruptForConfirm', 'recordRuleHits'] },
  { guard: 'isHelpCommand', actions: ['beginTurn', 'sayHelp', 'repeatPrompt'] },
  { guard: 'isPersonCommand', actions: ['beginTurn', 'sayPerson', 'repeatPrompt'] },
  { guard: 'isStopCommand', target: '.ended', actions: ['beginTurn', 'sayStopped'] },
  { guard: 'isRestartCommand', target: '.need', actions: ['beginTurn', 'resetConversation', 'sayRestarted'] },
  { guard: 'isBackCommand', target: '.navigate', actions: ['beginTurn', 'goBack'] },
  { guard: 'isLanguageCommand', target: '.languageMenu', actions: ['beginTurn', 'rememberResume'] },
  { guard: 'shouldOfferLanguage', target: '.languageOffer', actions: ['beginTurn', 'recordRuleHits', 'rememberReplay'] },
  { actions: ['beginTurn', 'recordRuleHits', 'sayIfAssumed', 'forwardAsAnswer'] },
] as const;
