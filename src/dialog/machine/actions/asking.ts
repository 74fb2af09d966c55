import type { StepId } from '../../content.js';
import type { Kit, Patch, TurnArgs } from '../kit.js';
import { promptFor, reviewLines, practiceParams } from '../speech.js';
import type { OutMessage } from '../types.js';
import { unique } from '../context.js';

/** Actions that ask the patient something, or ask it again. */
export function createAskingActions({ deps, see, say, nextQuestion }: Kit) {
  const { content, triage } = deps;
  return {
    askStep: ({ context }: TurnArgs, params: { step: StepId }): Patch => {
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
    },
    askTriageQuestion: ({ context }: TurnArgs): Patch => {
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
    },
    askConfirm: ({ context }: TurnArgs): Patch => {
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
    },
    repeatPrompt: ({ context }: TurnArgs): Patch => ({ say: context.lastPrompt ? say(context, context.lastPrompt) : context.say }),
    rejectAnswer: ({ context, event }: TurnArgs): Patch => {
      const parsed = see.answer(event, context);
      const failures = context.failures + 1;
      const messages: OutMessage[] = [{ key: parsed.ok ? 'dialog.invalid.choice' : parsed.errorKey }];
      if (failures >= content.maxFailuresBeforeCallOffer) messages.push({ key: 'dialog.offerCall', params: practiceParams(context) });
      if (context.lastPrompt) messages.push(context.lastPrompt);
      return { failures, flow: { ...context.flow, replayText: undefined }, say: say(context, ...messages) };
    },
  };
}
