import type { StepId } from '../../content.js';
import type { Kit, Patch, TurnArgs } from '../kit.js';
import { promptFor, reviewLines, practiceParams } from '../speech.js';
import type { IntakeContext, OutMessage } from '../types.js';
import { unique } from '../context.js';

/** Actions that ask the patient something, or ask it again. */
export function createAskingActions(
  { deps, see, say, nextQuestion }: Kit,
  /** The emergency check's list of signs for a context at that step (safety.ts checkListShown), else []. */
  checkListOf: (ctx: IntakeContext) => OutMessage[] = () => [],
) {
  const { content, triage } = deps;
  /**
   * The list shown above the question being asked (a triage question's lines, the emergency check's
   * signs): a patient who could not answer, or asked for help, sees it again with the question.
   */
  const listAbove = (ctx: IntakeContext): OutMessage[] => {
    const qid = ctx.triage.currentQuestionId;
    if (ctx.step === 'triageQuestion' && qid) return (triage.question(qid).lines ?? []).map((key) => ({ key }));
    return ctx.step === 'safetyCheck' ? checkListOf(ctx) : [];
  };
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
      return {
        step: params.step,
        failures: 0,
        lastPrompt: prompt,
        say: silent ? context.say : say(context, ...before, prompt),
        ...(context.flow.narrowTo ? { flow: { ...context.flow, narrowTo: undefined } } : {}),
      };
    },
    askTriageQuestion: ({ context }: TurnArgs): Patch => {
      const { forcedQuestionId, askedQuestionIds } = context.triage;
      const question = (forcedQuestionId ? triage.question(forcedQuestionId) : null) ?? nextQuestion(context);
      if (!question) return {};
      const prompt: OutMessage = { key: question.promptKey, choices: [...question.choices] };
      const lines: OutMessage[] = (question.lines ?? []).map((key) => ({ key }));
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
        say: say(context, ...lines, prompt),
        ...(context.flow.narrowTo ? { flow: { ...context.flow, narrowTo: undefined } } : {}),
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
        ...(context.flow.narrowTo ? { flow: { ...context.flow, narrowTo: undefined } } : {}),
      };
    },
    repeatPrompt: ({ context }: TurnArgs): Patch => ({ say: context.lastPrompt ? say(context, ...listAbove(context), context.lastPrompt) : context.say }),
    /**
     * A re-prompt that says what is wanted: first the question's own plain-words hint (or "did you
     * mean A or B?" when the answer fits two choices), then the choices as a numbered list with the
     * practice's number. The last try never gets here: it is taken as not answered (see perceive).
     */
    rejectAnswer: ({ context, event }: TurnArgs): Patch => {
      const parsed = see.answer(event, context);
      const failures = context.failures + 1;
      const flow = { ...context.flow, replayText: undefined, narrowTo: undefined };
      if (!parsed.ok && parsed.either) {
        const [first, second] = parsed.either;
        const question: OutMessage = { key: 'understand.either', titles: { first, second }, choices: [first, second] };
        return { failures, flow: { ...flow, narrowTo: [first, second] }, say: say(context, question) };
      }
      const messages: OutMessage[] = [
        { key: parsed.ok ? 'dialog.invalid.choice' : parsed.errorKey, params: { ...practiceParams(context), ...(parsed.ok ? {} : parsed.params) } },
      ];
      const prompt = context.lastPrompt;
      if (prompt) messages.push(...listAbove(context));
      if (failures >= content.maxFailuresBeforeCallOffer) {
        if (prompt) messages.push(prompt.choices?.length ? { ...prompt, numbered: true } : prompt);
        messages.push({ key: 'dialog.offerCall', params: practiceParams(context) });
      } else if (prompt) messages.push(prompt);
      return { failures, flow, say: say(context, ...messages) };
    },
    /** "hi", "thanks", "I need help" at the first question: a friendly word, then the question; not a failed try. */
    replyToSmallTalk: ({ context, event }: TurnArgs): Patch => {
      const parsed = see.answer(event, context);
      const kind = !parsed.ok && parsed.smallTalk ? parsed.smallTalk : 'greeting';
      return { say: say(context, { key: `understand.smallTalk.${kind}` }, ...(context.lastPrompt ? [context.lastPrompt] : [])) };
    },
  };
}
