import { and, assign, enqueueActions, raise, setup } from 'xstate';
import type { RedFlagRecord, Tier, TriageOutcome } from '../../domain/types.js';
import { STEP_IDS, type StepId } from '../content.js';
import { CHANGEABLE, INTERRUPTIONS, freshContext, pictureOf, unique } from './context.js';
import type { IntakeDeps } from './deps.js';
import { answerPatch, backPatch, questionAnswerPatch } from './patches.js';
import { createPerception, currentQuestion } from './perceive.js';
import { buildRequest } from './request.js';
import { greeting, hoursNote, practiceParams, promptFor, reviewLines } from './speech.js';
import type { ConfirmTarget, IntakeContext, IntakeEvent, IntakeInput, OutMessage } from './types.js';

/**
 * Bump when states are renamed or removed: a stored snapshot from another version is not restored
 * (the conversation restarts politely) because XState cannot resume in a state that no longer exists.
 */
export const MACHINE_VERSION = 'intake-9';
/** A first message of at least this many words is taken as the description. */
const OPENING_MIN_WORDS = 4;

export function createIntakeMachine(deps: IntakeDeps) {
  const { triage, content } = deps;
  const see = createPerception(deps);
  // Several guards ask about one context in one step (assess asks up to six times); contexts are
  // immutable in XState, so the decision is computed once per context object.
  const decisions = new WeakMap<IntakeContext, TriageOutcome>();
  const decide = (ctx: IntakeContext): TriageOutcome => {
    let outcome = decisions.get(ctx);
    if (!outcome) decisions.set(ctx, (outcome = triage.decide(pictureOf(ctx))));
    return outcome;
  };
  const nextQuestions = new WeakMap<IntakeContext, ReturnType<typeof triage.nextQuestion>>();
  const nextQuestion = (ctx: IntakeContext) => {
    if (!nextQuestions.has(ctx)) nextQuestions.set(ctx, triage.nextQuestion(pictureOf(ctx)));
    return nextQuestions.get(ctx) ?? null;
  };

  /** The emergency outcome for a clear hit; if the engine's decision disagrees, the hit still wins. */
  const emergencyOutcome = (ctx: IntakeContext, event: object): TriageOutcome => {
    const decided = decide(ctx);
    if (decided.tier === 'emergency') return decided;
    const hit = see.screening(event, ctx).hits.find((h) => h.tier === 'emergency' && h.certainty === 'clear');
    return { ...decided, tier: 'emergency', disposition: hit?.disposition ?? 'call_999', ruleIds: hit ? [hit.ruleId] : decided.ruleIds };
  };

  const unaskedConfirms = (ctx: IntakeContext, event: object, tiers: readonly Tier[]): ConfirmTarget[] =>
    see
      .screening(event, ctx)
      .hits.filter(
        (h) =>
          h.certainty === 'uncertain' &&
          h.confirmQuestionId !== undefined &&
          tiers.includes(h.tier) &&
          !ctx.triage.askedQuestionIds.includes(h.confirmQuestionId) &&
          !ctx.triage.presentRuleIds.includes(h.ruleId) &&
          !ctx.triage.deniedRuleIds.includes(h.ruleId) &&
          !ctx.triage.pendingConfirms.some((p) => p.ruleId === h.ruleId),
      )
      .map((h) => ({ questionId: h.confirmQuestionId as string, ruleId: h.ruleId }));

  const say = (ctx: IntakeContext, ...messages: OutMessage[]): OutMessage[] => [...ctx.say, ...messages];
  const stepOf = (id: string) => (content.steps as Record<string, (typeof content.steps)[StepId] | undefined>)[id];

  /** After a valid answer: to the review when changing an answer from it, else on to `next`. */
  const answered = (next: string) => [
    { guard: and(['isValidAnswer', 'isReturningToReview']), target: 'reassess', actions: 'recordAnswer' as const },
    { guard: 'isValidAnswer' as const, target: next, actions: 'recordAnswer' as const },
    { actions: 'rejectAnswer' as const },
  ];
  const ask = (step: StepId) => ({ type: 'askStep' as const, params: { step } });
  type ActionName = 'recordAnswer' | 'queueIfClosed' | 'submitRequest' | 'sayPharmacy' | 'sayNotSent';
  /** A yes/no question: each answer has its own target and actions; anything else is re-asked. */
  const yesOrNo = (yes: { target: string; actions: ActionName[] }, no: { target: string; actions: ActionName[] }) => [
    { guard: { type: 'isAnswer' as const, params: { code: 'yes' } }, target: yes.target, actions: yes.actions },
    { guard: { type: 'isAnswer' as const, params: { code: 'no' } }, target: no.target, actions: no.actions },
    { actions: 'rejectAnswer' as const },
  ];

  return setup({
    types: {} as { context: IntakeContext; events: IntakeEvent; input: IntakeInput },
    guards: {
      hasEmergencyHit: ({ context, event }) =>
        see.screening(event, context).hits.some((h) => h.tier === 'emergency' && h.certainty === 'clear'),
      hasUnaskedEmergencyQuestion: ({ context, event }) =>
        !['confirm', 'triageQuestion', 'emergency'].includes(context.step) && unaskedConfirms(context, event, ['emergency']).length > 0,
      isEmpty: ({ event }) => see.textOf(event).trim() === '',
      isHelpCommand: ({ context, event }) => see.command(event, context) === 'help',
      isPersonCommand: ({ context, event }) => see.command(event, context) === 'person',
      isStopCommand: ({ context, event }) => see.command(event, context) === 'stop',
      isRestartCommand: ({ context, event }) => see.command(event, context) === 'restart',
      isBackCommand: ({ context, event }) => see.command(event, context) === 'back',
      isLanguageCommand: ({ context, event }) => see.command(event, context) === 'language',
      shouldOfferLanguage: ({ context, event }) => see.langSuggestion(event, context) !== null,
      isValidAnswer: ({ context, event }) => see.answer(event, context).ok,
      isAnswer: ({ context, event }, params: { code: string }) => {
        const parsed = see.answer(event, context);
        return parsed.ok && parsed.code === params.code;
      },
      isReturningToReview: ({ context }) => context.flow.returnToReview,
      isNavTarget: ({ context }, params: { to: string }) => context.flow.navTo === params.to,
      hasPendingConfirm: ({ context }) => context.triage.pendingConfirms.length > 0,
      hasNextTriageQuestion: ({ context }) => nextQuestion(context) !== null,
      isClinicalNeed: ({ context }) => context.intake.need !== undefined && content.clinicalNeeds.includes(context.intake.need),
      isEmergencyNow: ({ context }) => decide(context).tier === 'emergency',
      isUrgentWhileClosed: ({ context }) => decide(context).tier === 'urgent' && !context.practice.open,
      isRoutineAndComeBack: ({ context }) =>
        ['routine', 'selfcare'].includes(decide(context).tier) && !context.practice.open && context.practice.outOfHoursRoutine === 'come-back',
      isRoutineAndFull: ({ context }) => ['routine', 'selfcare'].includes(decide(context).tier) && context.practice.routineFull,
      isSelfcare: ({ context }) => decide(context).tier === 'selfcare',
      isOfferedLanguageChosen: ({ context, event }) => {
        const parsed = see.answer(event, context);
        return parsed.ok && parsed.code === context.flow.offerLang;
      },
    },
    actions: {
      beginTurn: assign(({ event, context }) =>
        event.type === 'user.message' || event.type === 'user.start'
          ? { say: [], effects: [], now: event.at, practice: event.practice }
          : { say: context.say },
      ),
      greet: assign(({ context }) => ({ flow: { ...context.flow, replayText: undefined }, say: say(context, ...greeting(context)) })),
      /** A first message that already describes the problem is kept, so the patient need not type it again. */
      rememberOpening: assign(({ context, event }) => {
        const text = see.textOf(event).trim();
        const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
        return words >= OPENING_MIN_WORDS && text.length <= content.maxTextChars ? { flow: { ...context.flow, openingText: text } } : {};
      }),
      useOpeningText: assign(({ context }) =>
        context.flow.openingText === undefined
          ? {}
          : {
              flow: { ...context.flow, replayText: context.flow.openingText, openingText: undefined },
              say: say(context, { key: 'dialog.usingOpening' }),
            },
      ),
      replayOpeningText: enqueueActions(({ context, enqueue }) => {
        const { replayText } = context.flow;
        if (replayText !== undefined && context.step === 'describe') enqueue.raise({ type: 'answer', text: replayText });
      }),
      askStep: assign(({ context }, params: { step: StepId }) => {
        const step = content.steps[params.step];
        const extra: Record<string, string> = {};
        if (params.step === 'urgentClosed') extra.when = context.practice.nextOpenAt ?? '';
        let prompt = promptFor(step, context, extra);
        if (params.step === 'languageMenu') prompt = { ...prompt, choices: deps.languagesOffered.map((l) => `lang.${l}`) };
        const { offerLang } = context.flow;
        if (params.step === 'languageOffer' && offerLang) {
          prompt = {
            ...prompt,
            params: { ...prompt.params, language: offerLang },
            choices: [`lang.${offerLang}`, `lang.${context.lang}`],
            alsoIn: [offerLang],
          };
        }
        const before: OutMessage[] = params.step === 'review' ? [{ key: 'dialog.q.review', lines: reviewLines(context) }] : [];
        if (params.step === 'review') prompt = { ...prompt, key: 'dialog.q.reviewSend' };
        // A replayed message (after choosing a language) answers this step; don't ask it first.
        const silent = context.flow.replayText !== undefined && !params.step.startsWith('language');
        return { step: params.step, failures: 0, lastPrompt: prompt, say: silent ? context.say : say(context, ...before, prompt) };
      }),
      askTriageQuestion: assign(({ context }) => {
        const { forcedQuestionId, askedQuestionIds } = context.triage;
        const question = (forcedQuestionId ? triage.question(forcedQuestionId) : null) ?? nextQuestion(context);
        if (!question) return {};
        const prompt: OutMessage = { key: question.promptKey, choices: [...question.choices] };
        return {
          step: 'triageQuestion',
          triage: {
            ...context.triage,
            currentQuestionId: question.id,
            forcedQuestionId: undefined,
            askedQuestionIds: unique([...askedQuestionIds, question.id]),
          },
          failures: 0,
          lastPrompt: prompt,
          say: say(context, prompt),
        };
      }),
      askConfirm: assign(({ context }) => {
        const next = context.triage.pendingConfirms[0];
        if (!next) return {};
        const question = triage.question(next.questionId);
        const prompt: OutMessage = { key: question.promptKey, choices: [...question.choices] };
        return {
          step: 'confirm',
          triage: { ...context.triage, askedQuestionIds: unique([...context.triage.askedQuestionIds, question.id]) },
          failures: 0,
          lastPrompt: prompt,
          say: say(context, prompt),
        };
      }),
      repeatPrompt: assign(({ context }) => ({ say: context.lastPrompt ? say(context, context.lastPrompt) : context.say })),
      greetIfFirst: assign(({ context }) => ({ say: context.step === 'welcome' ? say(context, ...greeting(context)) : context.say })),
      /** Never leave the patient with no reply. */
      hintIfSilent: assign(({ context }) => ({ say: context.say.length > 0 ? context.say : say(context, { key: 'dialog.endedHint' }) })),
      sayConfirmed: assign(({ context }) => ({ say: say(context, { key: 'dialog.confirmed' }) })),
      sayHelp: assign(({ context }) => ({ say: say(context, { key: 'dialog.help' }) })),
      sayPerson: assign(({ context }) => ({ say: say(context, { key: 'dialog.person', params: practiceParams(context) }, hoursNote(context)) })),
      sayEmptyOrAttachment: assign(({ context, event }) => ({
        say: say(context, {
          key: event.type === 'user.message' && (event.attachments ?? 0) > 0 ? 'dialog.invalid.attachment' : 'dialog.invalid.text',
        }),
      })),
      sayStopped: assign(({ context }) => ({ say: say(context, { key: context.request ? 'dialog.safetyNet' : 'dialog.stopped' }) })),
      sayEnded: assign(({ context }) => ({
        say: say(context, context.request ? { key: 'dialog.alreadySent', params: { reference: context.request.reference } } : { key: 'dialog.endedHint' }),
      })),
      sayNotSent: assign(({ context }) => ({ say: say(context, { key: 'dialog.notSent' }, { key: 'dialog.endedHint' }) })),
      sayPharmacy: assign(({ context }) => ({ say: say(context, { key: 'dialog.pharmacy' }) })),
      sayFull: assign(({ context }) => ({
        say: say(context, { key: 'dialog.full', params: practiceParams(context) }, { key: 'dialog.pharmacy' }, { key: 'dialog.safetyNet' }),
      })),
      sayComeBack: assign(({ context }) => ({
        say: say(context, { key: 'dialog.closedComeBack', params: { when: context.practice.nextOpenAt ?? '' } }),
      })),
      sayRestarted: assign(({ context }) => ({ say: say(context, { key: 'dialog.restarted' }) })),
      resetConversation: assign(({ context }) => {
        const fresh = freshContext(
          { conversationId: context.conversationId, lang: context.lang, at: context.now, practice: context.practice },
          context.session + 1,
        );
        return { ...fresh, flow: { ...fresh.flow, declinedLangs: context.flow.declinedLangs }, say: context.say };
      }),
      recordText: assign(({ context, event }) => ({
        intake: {
          ...context.intake,
          texts: [...context.intake.texts, { step: context.step, text: see.textOf(event), lang: see.writtenIn(event, context), at: context.now }],
        },
      })),
      /** Non-emergency rules found in free text count towards the tier; uncertain ones are queued to confirm. */
      recordRuleHits: assign(({ context, event }) => {
        if (see.isClosedAnswer(event, context)) return {};
        const hits = see.screening(event, context).hits;
        const { triage: before } = context;
        const clear = hits.filter((h) => h.certainty === 'clear' && !before.deniedRuleIds.includes(h.ruleId));
        const flags: RedFlagRecord[] = clear
          .filter((h) => !before.presentRuleIds.includes(h.ruleId))
          .map((h) => ({ ruleId: h.ruleId, ruleVersion: h.ruleVersion, via: 'text', present: true }));
        return {
          triage: {
            ...before,
            presentRuleIds: unique([...before.presentRuleIds, ...clear.map((h) => h.ruleId)]),
            redFlags: [...before.redFlags, ...flags],
            pendingConfirms: [...before.pendingConfirms, ...unaskedConfirms(context, event, ['emergency', 'urgent', 'routine', 'selfcare'])],
          },
        };
      }),
      /** An uncertain emergency interrupts the step; a description given with it still counts. */
      interruptForConfirm: assign(({ context, event }) => {
        const text = see.textOf(event);
        const atDescribe = context.step === 'describe';
        const { intake, flow } = context;
        return {
          flow: {
            ...flow,
            resumeStep: atDescribe ? 'triageNext' : context.step === 'welcome' ? 'need' : context.step,
            ...(context.step === 'welcome' ? { openingText: text } : {}),
            ...(atDescribe ? { trail: [...flow.trail, 'describe'] } : {}),
          },
          ...(atDescribe
            ? {
                intake: {
                  ...intake,
                  answers: { ...intake.answers, describe: { questionId: 'describe', questionKey: content.steps.describe.prompt, code: text, at: context.now } },
                  texts: [...intake.texts, { step: 'describe', text, lang: see.writtenIn(event, context), at: context.now }],
                },
              }
            : {}),
        };
      }),
      divertToEmergency: assign(({ context, event }) => {
        const outcome = emergencyOutcome(context, event);
        const request = buildRequest({ ...context }, 'emergency-diversion', outcome);
        const key = `dialog.emergency.${outcome.disposition}`;
        // Give the advice in the language the emergency was written in, and in the conversation's too.
        const written = see
          .screening(event, context)
          .hits.filter((h) => h.tier === 'emergency')
          .flatMap((h) => h.langs ?? [])
          .find((l) => l !== 'eng' && l !== context.lang);
        const alsoIn = written ? { alsoIn: [context.lang] } : {};
        return {
          triage: { ...context.triage, outcome },
          step: 'emergency',
          ...(written ? { lang: written } : {}),
          say: say(context, { key, ...alsoIn }, { key: 'dialog.emergency.noRequest' }),
          lastPrompt: { key },
          effects: [...context.effects, { type: 'request.store' as const, request }],
        };
      }),
      recordEmergencyHits: assign(({ context, event }) => {
        const hits = see.screening(event, context).hits.filter((h) => h.certainty === 'clear');
        const { triage: before } = context;
        const fresh = hits.filter((h) => !before.presentRuleIds.includes(h.ruleId));
        return {
          triage: {
            ...before,
            presentRuleIds: unique([...before.presentRuleIds, ...hits.map((h) => h.ruleId)]),
            redFlags: [...before.redFlags, ...fresh.map((h) => ({ ruleId: h.ruleId, ruleVersion: h.ruleVersion, via: 'text' as const, present: true }))],
          },
        };
      }),
      sayEmergencyAgain: assign(({ context }) => ({
        say: say(context, { key: context.triage.outcome ? `dialog.emergency.${context.triage.outcome.disposition}` : 'dialog.emergency.repeat' }),
      })),
      forwardAsAnswer: raise(({ event }) => ({
        type: 'answer' as const,
        text: event.type === 'user.message' ? event.text : '',
        attachments: event.type === 'user.message' ? (event.attachments ?? 0) : 0,
      })),
      rejectAnswer: assign(({ context, event }) => {
        const parsed = see.answer(event, context);
        const failures = context.failures + 1;
        const messages: OutMessage[] = [{ key: parsed.ok ? 'dialog.invalid.choice' : parsed.errorKey }];
        if (failures >= content.maxFailuresBeforeCallOffer) messages.push({ key: 'dialog.offerCall', params: practiceParams(context) });
        if (context.lastPrompt) messages.push(context.lastPrompt);
        return { failures, flow: { ...context.flow, replayText: undefined }, say: say(context, ...messages) };
      }),
      recordAnswer: assign(({ context, event }) => {
        const parsed = see.answer(event, context);
        if (!parsed.ok) return {};
        const questionKey = stepOf(context.step)?.prompt ?? context.step;
        return answerPatch(context, parsed.code, questionKey, context.step === 'describe' ? see.writtenIn(event, context) : context.lang);
      }),
      recordQuestionAnswer: assign(({ context, event }) => {
        const parsed = see.answer(event, context);
        const question = currentQuestion(context, deps);
        if (!parsed.ok || !question) return {};
        return questionAnswerPatch(context, question, parsed.code, triage);
      }),
      setOutcome: assign(({ context }) => ({ triage: { ...context.triage, outcome: decide(context) } })),
      queueIfClosed: assign(({ context }) => ({
        queuedUntil: context.practice.open ? undefined : context.practice.nextOpenAt,
      })),
      rememberResume: assign(({ context }) => ({
        flow: { ...context.flow, resumeStep: INTERRUPTIONS.has(context.step) ? context.flow.resumeStep : context.step },
      })),
      rememberReplay: assign(({ context, event }) => ({
        flow: {
          ...context.flow,
          resumeStep: context.step,
          replayText: see.textOf(event),
          offerLang: see.langSuggestion(event, context) ?? undefined,
        },
      })),
      // Without an interruption to return from, a confirm question was part of the triage questions.
      navigateToResume: assign(({ context }) => ({
        flow: { ...context.flow, navTo: context.flow.resumeStep ?? 'triageNext', resumeStep: undefined },
      })),
      goBack: assign(({ context }) => backPatch(context)),
      chooseReviewChange: assign(({ context, event }) => {
        const parsed = see.answer(event, context);
        const target = parsed.ok ? parsed.code.replace(/^change\./, '') : 'review';
        return { flow: { ...context.flow, navTo: CHANGEABLE.has(target) ? target : 'review', returnToReview: true } };
      }),
      leaveReviewMode: assign(({ context }) => ({ flow: { ...context.flow, returnToReview: false } })),
      setLanguage: assign(({ context, event }) => {
        const parsed = see.answer(event, context);
        return parsed.ok ? { lang: parsed.code } : {};
      }),
      declineOfferedLanguage: assign(({ context }) => {
        const { offerLang, declinedLangs } = context.flow;
        return { flow: { ...context.flow, declinedLangs: offerLang ? unique([...declinedLangs, offerLang]) : declinedLangs } };
      }),
      replayPendingText: raise(({ context }) => ({ type: 'answer' as const, text: context.flow.replayText ?? '' })),
      submitRequest: assign(({ context }) => {
        const outcome = context.triage.outcome ?? decide(context);
        const request = buildRequest(context, 'request', outcome);
        return { request: { id: request.id, reference: request.reference }, effects: [...context.effects, { type: 'request.store' as const, request }] };
      }),
      saySubmitted: assign(({ context }) => {
        const tier = context.triage.outcome?.tier ?? 'routine';
        const queued = context.queuedUntil !== undefined;
        const nextKey = tier === 'urgent' ? (queued ? 'urgentQueued' : 'urgent') : tier === 'emergency' ? 'emergency' : queued ? 'routineQueued' : tier;
        return {
          say: say(
            context,
            { key: 'dialog.submitted', params: { reference: context.request?.reference ?? '' } },
            { key: `dialog.nextStep.${nextKey}`, params: { when: context.queuedUntil ?? '', count: content.routineResponseWorkingDays } },
            { key: 'dialog.safetyNet' },
          ),
          lastPrompt: { key: 'dialog.alreadySent', params: { reference: context.request?.reference ?? '' } },
        };
      }),
    },
  }).createMachine({
    id: 'intake',
    context: ({ input }) => freshContext(input, 1),
    initial: 'welcome',
    on: {
      'user.message': [
        // Red-flag screening comes before anything else, at every step.
        { guard: 'hasEmergencyHit', target: '.emergency', actions: ['beginTurn', 'recordText', 'recordEmergencyHits', 'divertToEmergency'] },
        { guard: 'isEmpty', actions: ['beginTurn', 'sayEmptyOrAttachment', 'repeatPrompt'] },
        {
          guard: 'hasUnaskedEmergencyQuestion',
          target: '.confirm',
          actions: ['beginTurn', 'greetIfFirst', 'interruptForConfirm', 'recordRuleHits'],
        },
        { guard: 'isHelpCommand', actions: ['beginTurn', 'sayHelp', 'repeatPrompt'] },
        { guard: 'isPersonCommand', actions: ['beginTurn', 'sayPerson', 'repeatPrompt'] },
        { guard: 'isStopCommand', target: '.ended', actions: ['beginTurn', 'sayStopped'] },
        { guard: 'isRestartCommand', target: '.need', actions: ['beginTurn', 'resetConversation', 'sayRestarted'] },
        { guard: 'isBackCommand', target: '.navigate', actions: ['beginTurn', 'goBack'] },
        { guard: 'isLanguageCommand', target: '.languageMenu', actions: ['beginTurn', 'rememberResume'] },
        { guard: 'shouldOfferLanguage', target: '.languageOffer', actions: ['beginTurn', 'recordRuleHits', 'rememberReplay'] },
        { actions: ['beginTurn', 'recordRuleHits', 'forwardAsAnswer'] },
      ],
    },
    states: {
      welcome: {
        on: {
          'user.start': { target: 'need', actions: ['beginTurn', 'greet'] },
          answer: { target: 'need', actions: ['rememberOpening', 'greet'] },
        },
      },
      navigate: {
        always: [
          ...[...STEP_IDS, 'triageQuestion', 'triageNext', 'welcome', 'submitted', 'ended'].map((to) => ({
            guard: { type: 'isNavTarget' as const, params: { to } },
            target: to,
          })),
          { target: 'need' },
        ],
      },
      need: { entry: ask('need'), on: { answer: answered('describe') } },
      describe: { entry: ['useOpeningText', ask('describe'), 'replayOpeningText'], on: { answer: answered('triageNext') } },
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
          answer: [
            { guard: 'isValidAnswer', target: 'afterConfirm', actions: 'recordQuestionAnswer' },
            { actions: 'rejectAnswer' },
          ],
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
          answer: [
            { guard: 'isValidAnswer', target: 'afterTriageAnswer', actions: 'recordQuestionAnswer' },
            { actions: 'rejectAnswer' },
          ],
        },
      },
      afterTriageAnswer: {
        always: [
          { guard: 'isEmergencyNow', target: 'emergency', actions: 'divertToEmergency' },
          { guard: 'isReturningToReview', target: 'reassess' },
          { target: 'triageNext' },
        ],
      },
      duration: { entry: ask('duration'), on: { answer: answered('trend') } },
      trend: { entry: ask('trend'), on: { answer: answered('impact') } },
      impact: { entry: ask('impact'), on: { answer: answered('wants') } },
      wants: { entry: ask('wants'), on: { answer: answered('assess') } },
      assess: {
        always: [
          { guard: 'isEmergencyNow', target: 'emergency', actions: 'divertToEmergency' },
          { guard: 'isUrgentWhileClosed', target: 'urgentClosed', actions: 'setOutcome' },
          { guard: 'isRoutineAndComeBack', target: 'ended', actions: ['setOutcome', 'sayComeBack'] },
          { guard: 'isRoutineAndFull', target: 'ended', actions: ['setOutcome', 'sayFull'] },
          { guard: 'isSelfcare', target: 'pharmacyOffer', actions: ['setOutcome', 'queueIfClosed'] },
          { target: 'who', actions: ['setOutcome', 'queueIfClosed'] },
        ],
      },
      pharmacyOffer: {
        entry: ask('pharmacyOffer'),
        on: {
          answer: yesOrNo({ target: 'who', actions: ['recordAnswer'] }, { target: 'ended', actions: ['recordAnswer', 'sayPharmacy', 'sayNotSent'] }),
        },
      },
      urgentClosed: {
        entry: ask('urgentClosed'),
        on: {
          answer: yesOrNo({ target: 'who', actions: ['recordAnswer', 'queueIfClosed'] }, { target: 'ended', actions: ['recordAnswer', 'sayNotSent'] }),
        },
      },
      who: {
        entry: ask('who'),
        on: {
          answer: [
            { guard: { type: 'isAnswer', params: { code: 'for.other' } }, target: 'relationship', actions: 'recordAnswer' },
            ...answered('name'),
          ],
        },
      },
      relationship: { entry: ask('relationship'), on: { answer: answered('name') } },
      name: { entry: ask('name'), on: { answer: answered('dob') } },
      dob: { entry: ask('dob'), on: { answer: answered('nhs') } },
      nhs: { entry: ask('nhs'), on: { answer: answered('postcode') } },
      postcode: { entry: ask('postcode'), on: { answer: answered('phone') } },
      phone: { entry: ask('phone'), on: { answer: answered('contactMethod') } },
      contactMethod: { entry: ask('contactMethod'), on: { answer: answered('contactTimes') } },
      contactTimes: { entry: ask('contactTimes'), on: { answer: answered('reassess') } },
      // The whole picture is screened again (now with age) before the tier is final.
      reassess: {
        always: [
          { guard: 'isEmergencyNow', target: 'emergency', actions: 'divertToEmergency' },
          { target: 'review', actions: ['setOutcome', 'leaveReviewMode'] },
        ],
      },
      review: {
        entry: ask('review'),
        on: {
          answer: [
            { guard: { type: 'isAnswer', params: { code: 'review.send' } }, target: 'consent', actions: 'recordAnswer' },
            { guard: { type: 'isAnswer', params: { code: 'review.change' } }, target: 'reviewPick' },
            { actions: 'rejectAnswer' },
          ],
        },
      },
      reviewPick: {
        entry: ask('reviewPick'),
        on: {
          answer: [{ guard: 'isValidAnswer', target: 'navigate', actions: 'chooseReviewChange' }, { actions: 'rejectAnswer' }],
        },
      },
      consent: {
        entry: ask('consent'),
        on: {
          answer: yesOrNo({ target: 'submitted', actions: ['recordAnswer', 'submitRequest'] }, { target: 'ended', actions: ['recordAnswer', 'sayNotSent'] }),
        },
      },
      submitted: {
        tags: ['done'],
        entry: [assign({ step: 'submitted' }), 'saySubmitted'],
        on: { answer: { actions: 'sayEnded' } },
      },
      emergency: {
        tags: ['done'],
        on: { answer: { actions: 'sayEmergencyAgain' } },
      },
      ended: {
        tags: ['done'],
        entry: [assign({ step: 'ended' }), 'hintIfSilent'],
        on: { answer: { actions: 'sayEnded' } },
      },
      languageMenu: {
        entry: ask('languageMenu'),
        on: {
          answer: [
            { guard: 'isValidAnswer', target: 'navigate', actions: ['setLanguage', 'navigateToResume'] },
            { actions: 'rejectAnswer' },
          ],
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
    },
  });
}

export type IntakeMachine = ReturnType<typeof createIntakeMachine>;
