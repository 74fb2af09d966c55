import { assign, raise, setup } from 'xstate';
import { createAskingActions } from './actions/asking.js';
import { createFlowActions } from './actions/flow.js';
import { createRecordingActions } from './actions/recording.js';
import { createSayingActions } from './actions/saying.js';
import type { IntakeDeps } from './deps.js';
import { createGuards } from './guards.js';
import { createKit } from './kit.js';
import { createSafetyCheck } from './safety.js';
import type { IntakeContext, IntakeEvent, IntakeInput } from './types.js';

/**
 * The one `setup()` of the intake statechart: every guard (a question) and action (a verb) by
 * name. The phases (phases/*.ts) refer to these names only; their bodies live in guards.ts and
 * actions/*.ts as plain functions of the context and event.
 */
export function createIntakeSetup(deps: IntakeDeps) {
  const kit = createKit(deps);
  const safety = createSafetyCheck(kit);
  const asking = createAskingActions(kit, safety.checkListShown);
  const saying = createSayingActions(kit);
  const recording = createRecordingActions(kit);
  const flow = createFlowActions(kit);

  return setup({
    types: {} as { context: IntakeContext; events: IntakeEvent; input: IntakeInput },
    guards: { ...createGuards(kit), ...safety.guards },
    actions: {
      beginTurn: assign(recording.beginTurn),
      recordOpening: assign(recording.recordOpening),
      sayNoted: assign(recording.sayNoted),
      sayIfAssumed: assign(recording.sayIfAssumed),
      recordText: assign(recording.recordText),
      recordRuleHits: assign(recording.recordRuleHits),
      interruptForConfirm: assign(recording.interruptForConfirm),
      divertToEmergency: assign(recording.divertToEmergency),
      recordEmergencyHits: assign(recording.recordEmergencyHits),
      recordAnswer: assign(recording.recordAnswer),
      recordQuestionAnswer: assign(recording.recordQuestionAnswer),
      setOutcome: assign(recording.setOutcome),
      queueIfClosed: assign(recording.queueIfClosed),
      submitRequest: assign(recording.submitRequest),

      askStep: assign(asking.askStep),
      askTriageQuestion: assign(asking.askTriageQuestion),
      askConfirm: assign(asking.askConfirm),
      repeatPrompt: assign(asking.repeatPrompt),
      rejectAnswer: assign(asking.rejectAnswer),
      replyToSmallTalk: assign(asking.replyToSmallTalk),
      forwardAsAnswer: raise(({ event }) => ({
        type: 'answer' as const,
        text: event.type === 'user.message' ? event.text : '',
        attachments: event.type === 'user.message' ? (event.attachments ?? 0) : 0,
        tapped: event.type === 'user.message' && event.tapped === true,
      })),
      replayPendingText: raise(({ context }) => ({ type: 'answer' as const, text: context.flow.replayText ?? '' })),

      greet: assign(saying.greet),
      greetIfFirst: assign(saying.greetIfFirst),
      hintIfSilent: assign(saying.hintIfSilent),
      sayConfirmed: assign(saying.sayConfirmed),
      sayHelp: assign(saying.sayHelp),
      sayPerson: assign(saying.sayPerson),
      sayStopped: assign(saying.sayStopped),
      sayEnded: assign(saying.sayEnded),
      sayNotSent: assign(saying.sayNotSent),
      sayPharmacy: assign(saying.sayPharmacy),
      sayRouteClosed: assign(saying.sayRouteClosed),
      sayRestarted: assign(saying.sayRestarted),
      sayEmergencyAgain: assign(saying.sayEmergencyAgain),
      saySubmitted: assign(saying.saySubmitted),
      markSubmitted: assign({ step: 'submitted' }),
      markEnded: assign({ step: 'ended' }),

      resetConversation: assign(flow.resetConversation),
      rememberResume: assign(flow.rememberResume),
      rememberReplay: assign(flow.rememberReplay),
      navigateToResume: assign(flow.navigateToResume),
      goBack: assign(flow.goBack),
      chooseReviewChange: assign(flow.chooseReviewChange),
      leaveReviewMode: assign(flow.leaveReviewMode),
      setLanguage: assign(flow.setLanguage),
      declineOfferedLanguage: assign(flow.declineOfferedLanguage),

      askEmergencyCheck: assign(safety.actions.askEmergencyCheck),
      askWhichSign: assign(safety.actions.askWhichSign),
      askArea: assign(safety.actions.askArea),
      holdLineForConfirm: assign(safety.actions.holdLineForConfirm),
      askLineConfirm: assign(safety.actions.askLineConfirm),
      recordLineConfirm: assign(safety.actions.recordLineConfirm),
      rejectSafetyAnswer: assign(safety.actions.rejectSafetyAnswer),
      recordSafetyAnswer: assign(safety.actions.recordSafetyAnswer),
      recordTypedCheckLine: assign(safety.actions.recordTypedCheckLine),
      recordCheckNotSure: assign(safety.actions.recordCheckNotSure),
      divertFromCheck: assign(safety.actions.divertFromCheck),
      sayCheckNotSure: assign(safety.actions.sayCheckNotSure),
    },
  });
}

export type IntakeSetup = ReturnType<typeof createIntakeSetup>;
/** The states of one phase, checked against the names declared in setup(). */
export type PhaseStates = NonNullable<Parameters<IntakeSetup['createMachine']>[0]['states']>;
