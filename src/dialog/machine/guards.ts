import type { Kit, TurnArgs } from './kit.js';

/** Every guard of the statechart, by name: each one a question about the event or the context. */
export function createGuards({ deps, see, decide, nextQuestion, unaskedConfirms }: Kit) {
  const { content } = deps;
  return {
    hasEmergencyHit: ({ context, event }: TurnArgs) =>
      see.screening(event, context).hits.some((h) => h.tier === 'emergency' && h.certainty === 'clear'),
    hasUnaskedEmergencyQuestion: ({ context, event }: TurnArgs) =>
      !['confirm', 'triageQuestion', 'emergency'].includes(context.step) && unaskedConfirms(context, event, ['emergency']).length > 0,
    isHelpCommand: ({ context, event }: TurnArgs) => see.command(event, context) === 'help',
    isPersonCommand: ({ context, event }: TurnArgs) => see.command(event, context) === 'person',
    isStopCommand: ({ context, event }: TurnArgs) => see.command(event, context) === 'stop',
    isRestartCommand: ({ context, event }: TurnArgs) => see.command(event, context) === 'restart',
    isBackCommand: ({ context, event }: TurnArgs) => see.command(event, context) === 'back',
    isLanguageCommand: ({ context, event }: TurnArgs) => see.command(event, context) === 'language',
    shouldOfferLanguage: ({ context, event }: TurnArgs) => see.langSuggestion(event, context) !== null,
    isValidAnswer: ({ context, event }: TurnArgs) => see.answer(event, context).ok,
    isAnswer: ({ context, event }: TurnArgs, params: { code: string }) => {
      const parsed = see.answer(event, context);
      return parsed.ok && parsed.code === params.code;
    },
    /** The opening (or the answer to the first question) describes the problem itself. */
    isDescribedProblem: ({ context, event }: TurnArgs) => {
      const parsed = see.answer(event, context);
      return parsed.ok && parsed.describes === true;
    },
    isSmallTalk: ({ context, event }: TurnArgs) => {
      const parsed = see.answer(event, context);
      return !parsed.ok && parsed.smallTalk !== undefined;
    },
    /** "my mum" at "who is it for": the relationship is known already. */
    hasRelationship: ({ context, event }: TurnArgs) => {
      const parsed = see.answer(event, context);
      return parsed.ok && parsed.relationship !== undefined;
    },
    isReturningToReview: ({ context }: TurnArgs) => context.flow.returnToReview,
    isValidChangeFromReview: ({ context, event }: TurnArgs) => context.flow.returnToReview && see.answer(event, context).ok,
    isNavTarget: ({ context }: TurnArgs, params: { to: string }) => context.flow.navTo === params.to,
    hasPendingConfirm: ({ context }: TurnArgs) => context.triage.pendingConfirms.length > 0,
    hasNextTriageQuestion: ({ context }: TurnArgs) => nextQuestion(context) !== null,
    isClinicalNeed: ({ context }: TurnArgs) => context.intake.need !== undefined && content.clinicalNeeds.includes(context.intake.need),
    isEmergencyNow: ({ context }: TurnArgs) => decide(context).tier === 'emergency',
    isUrgentWhileClosed: ({ context }: TurnArgs) => decide(context).tier === 'urgent' && !context.practice.open,
    // The route is never closed in core hours (GP contract) except by an exceptional closure; outside
    // them the practice may close it instead of queueing. There is no daily cap to decline on.
    isRoutineWhileRouteClosed: ({ context }: TurnArgs) =>
      ['routine', 'selfcare'].includes(decide(context).tier) && !context.practice.open && context.practice.outOfHoursRoutine === 'closed',
    isSelfcare: ({ context }: TurnArgs) => decide(context).tier === 'selfcare',
    isOfferedLanguageChosen: ({ context, event }: TurnArgs) => {
      const parsed = see.answer(event, context);
      return parsed.ok && parsed.code === context.flow.offerLang;
    },
  };
}
