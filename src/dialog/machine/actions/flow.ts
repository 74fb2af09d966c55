import { CHANGEABLE, INTERRUPTIONS, freshContext, unique } from '../context.js';
import type { Kit, Patch, TurnArgs } from '../kit.js';
import { backPatch } from '../patches.js';

/** Actions that decide where the conversation goes next: back, resume, review changes, language, restart. */
export function createFlowActions({ see }: Kit) {
  return {
    resetConversation: ({ context }: TurnArgs): Patch => {
      const fresh = freshContext(
        { conversationId: context.conversationId, lang: context.lang, at: context.now, practice: context.practice },
        context.session + 1,
      );
      return { ...fresh, flow: { ...fresh.flow, declinedLangs: context.flow.declinedLangs }, say: context.say };
    },
    rememberResume: ({ context }: TurnArgs): Patch => ({
      flow: { ...context.flow, resumeStep: INTERRUPTIONS.has(context.step) ? context.flow.resumeStep : context.step },
    }),
    rememberReplay: ({ context, event }: TurnArgs): Patch => ({
      flow: {
        ...context.flow,
        resumeStep: context.step,
        replayText: see.textOf(event),
        offerLang: see.langSuggestion(event, context) ?? undefined,
      },
    }),
    // Without an interruption to return from, a confirm question was part of the triage questions.
    navigateToResume: ({ context }: TurnArgs): Patch => ({
      flow: { ...context.flow, navTo: context.flow.resumeStep ?? 'triageNext', resumeStep: undefined },
    }),
    goBack: ({ context }: TurnArgs): Patch => backPatch(context),
    chooseReviewChange: ({ context, event }: TurnArgs): Patch => {
      const parsed = see.answer(event, context);
      const target = parsed.ok ? parsed.code.replace(/^change\./, '') : 'review';
      return { flow: { ...context.flow, navTo: CHANGEABLE.has(target) ? target : 'review', returnToReview: true } };
    },
    leaveReviewMode: ({ context }: TurnArgs): Patch => ({ flow: { ...context.flow, returnToReview: false } }),
    setLanguage: ({ context, event }: TurnArgs): Patch => {
      const parsed = see.answer(event, context);
      return parsed.ok ? { lang: parsed.code } : {};
    },
    declineOfferedLanguage: ({ context }: TurnArgs): Patch => {
      const { offerLang, declinedLangs } = context.flow;
      return { flow: { ...context.flow, declinedLangs: offerLang ? unique([...declinedLangs, offerLang]) : declinedLangs } };
    },
  };
}
