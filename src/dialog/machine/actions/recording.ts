import type { RedFlagRecord } from '../../../domain/types.js';
import { unique } from '../context.js';
import type { Kit, Patch, TurnArgs } from '../kit.js';
import { answerPatch, questionAnswerPatch } from '../patches.js';
import { currentQuestion } from '../perceive.js';
import { buildRequest } from '../request.js';

/** Actions that record what the patient said, what screening found, and the request. */
export function createRecordingActions({ deps, see, say, decide, emergencyOutcome, unaskedConfirms, stepOf }: Kit) {
  const { content, triage } = deps;
  return {
    beginTurn: ({ event, context }: TurnArgs): Patch =>
      event.type === 'user.message' || event.type === 'user.start'
        ? { say: [], effects: [], now: event.at, practice: event.practice }
        : { say: context.say },
    /**
     * The first question answered from the opening message: the need, and when the message
     * describes the problem, the description too (so the patient is never asked to type it again).
     */
    recordOpening: ({ context, event }: TurnArgs): Patch => {
      const parsed = see.answer(event, context);
      if (!parsed.ok) return {};
      const atNeed = { ...context, step: 'need' };
      const needPatch = answerPatch(atNeed, parsed.code, content.steps.need.prompt, context.lang);
      if (!parsed.describes) return needPatch;
      const withNeed = { ...atNeed, ...needPatch } as typeof context;
      const text = see.textOf(event).trim();
      return answerPatch({ ...withNeed, step: 'describe' }, text, content.steps.describe.prompt, see.writtenIn(event, context));
    },
    sayNoted: ({ context }: TurnArgs): Patch => ({ say: say(context, { key: 'dialog.usingOpening' }) }),
    /** After the last failed try: say what was taken, and why (a safety question counts as unsure). */
    sayIfAssumed: ({ context, event }: TurnArgs): Patch => {
      const parsed = see.answer(event, context);
      if (!parsed.ok || !parsed.assumed) return {};
      const key = parsed.assumed === 'safety' ? 'understand.safetyAssumed' : 'understand.notAnswered';
      return { say: say(context, { key, params: { phone: context.practice.phone, practice: context.practice.name } }) };
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
      const parsed = see.answer(event, context);
      // An opening that describes the problem is recorded as at "describe", with its need.
      if ((context.step === 'welcome' || context.step === 'need') && parsed.ok && parsed.describes) {
        const atNeed = { ...context, step: 'need' };
        const withNeed = { ...atNeed, ...answerPatch(atNeed, parsed.code, content.steps.need.prompt, context.lang) } as typeof context;
        const described = answerPatch({ ...withNeed, step: 'describe' }, text.trim(), content.steps.describe.prompt, see.writtenIn(event, context));
        return { ...described, flow: { ...(described.flow ?? context.flow), resumeStep: 'described' } };
      }
      const atDescribe = context.step === 'describe';
      const { intake, flow } = context;
      return {
        flow: {
          ...flow,
          // A description recorded here resumes where every description goes next.
          resumeStep: atDescribe ? 'described' : context.step === 'welcome' ? 'need' : context.step,
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
      const patch = answerPatch(context, parsed.code, questionKey, context.step === 'describe' ? see.writtenIn(event, context) : context.lang);
      // "my son" at "who is it for" answers "who are they to you" too.
      if (context.step !== 'who' || !parsed.relationship || !patch.intake) return patch;
      const relationshipKey = stepOf('relationship')?.prompt ?? 'relationship';
      return answerPatch({ ...context, ...patch, step: 'relationship' } as typeof context, parsed.relationship, relationshipKey, context.lang);
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
