import type { RedFlagRecord } from '../../../domain/types.js';
import { unique } from '../context.js';
import type { Kit, Patch, TurnArgs } from '../kit.js';
import { answerPatch, questionAnswerPatch } from '../patches.js';
import { currentQuestion } from '../perceive.js';
import { buildRequest } from '../request.js';

/** A first message of at least this many words is taken as the description. */
const OPENING_MIN_WORDS = 4;

/** Actions that record what the patient said, what screening found, and the request. */
export function createRecordingActions({ deps, see, say, decide, emergencyOutcome, unaskedConfirms, stepOf }: Kit) {
  const { content, triage } = deps;
  return {
    beginTurn: ({ event, context }: TurnArgs): Patch =>
      event.type === 'user.message' || event.type === 'user.start'
        ? { say: [], effects: [], now: event.at, practice: event.practice }
        : { say: context.say },
    /** A first message that already describes the problem is kept, so the patient need not type it again. */
    rememberOpening: ({ context, event }: TurnArgs): Patch => {
      const text = see.textOf(event).trim();
      const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
      return words >= OPENING_MIN_WORDS && text.length <= content.maxTextChars ? { flow: { ...context.flow, openingText: text } } : {};
    },
    useOpeningText: ({ context }: TurnArgs): Patch =>
      context.flow.openingText === undefined
        ? {}
        : {
            flow: { ...context.flow, replayText: context.flow.openingText, openingText: undefined },
            say: say(context, { key: 'dialog.usingOpening' }),
          },
    recordText: ({ context, event }: TurnArgs): Patch => ({
      intake: {
        ...context.intake,
        texts: [...context.intake.texts, { step: context.step, text: see.textOf(event), lang: see.writtenIn(event, context), at: context.now }],
      },
    }),
    /** Non-emergency rules found in free text count towards the tier; uncertain ones are queued to confirm. */
    recordRuleHits: ({ context, event }: TurnArgs): Patch => {
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
    },
    /** An uncertain emergency interrupts the step; a description given with it still counts. */
    interruptForConfirm: ({ context, event }: TurnArgs): Patch => {
      const text = see.textOf(event);
      const atDescribe = context.step === 'describe';
      const { intake, flow } = context;
      return {
        flow: {
          ...flow,
          // A description recorded here resumes where every description goes next.
          resumeStep: atDescribe ? 'described' : context.step === 'welcome' ? 'need' : context.step,
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
    },
    divertToEmergency: ({ context, event }: TurnArgs): Patch => {
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
    },
    recordEmergencyHits: ({ context, event }: TurnArgs): Patch => {
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
    },
    recordAnswer: ({ context, event }: TurnArgs): Patch => {
      const parsed = see.answer(event, context);
      if (!parsed.ok) return {};
      const questionKey = stepOf(context.step)?.prompt ?? context.step;
      return answerPatch(context, parsed.code, questionKey, context.step === 'describe' ? see.writtenIn(event, context) : context.lang);
    },
    recordQuestionAnswer: ({ context, event }: TurnArgs): Patch => {
      const parsed = see.answer(event, context);
      const question = currentQuestion(context, deps);
      if (!parsed.ok || !question) return {};
      return questionAnswerPatch(context, question, parsed.code, triage);
    },
    setOutcome: ({ context }: TurnArgs): Patch => ({ triage: { ...context.triage, outcome: decide(context) } }),
    queueIfClosed: ({ context }: TurnArgs): Patch => ({ queuedUntil: context.practice.open ? undefined : context.practice.nextOpenAt }),
    submitRequest: ({ context }: TurnArgs): Patch => {
      const outcome = context.triage.outcome ?? decide(context);
      const request = buildRequest(context, 'request', outcome);
      return { request: { id: request.id, reference: request.reference }, effects: [...context.effects, { type: 'request.store' as const, request }] };
    },
  };
}
