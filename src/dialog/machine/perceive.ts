import type { LangCode } from '../../domain/types.js';
import type { Screening, TriageQuestion } from '../../triage/types.js';
import type { IntakeStep } from '../content.js';
import { matchCommand } from '../interpret/commands.js';
import { createLexicons } from '../interpret/lexicon.js';
import { NOT_ANSWERED, createAnswerReader, type AnswerPlace, type Parsed } from '../interpret/stepAnswer.js';
import type { Command } from '../wordbook.js';
import type { IntakeDeps } from './deps.js';
import { AREA_QUESTION_ID, CHECK_ANSWERS, CHECK_NONE } from '../../triage/safetySchema.js';
import { SAFETY_STEPS } from './safety.js';
import type { IntakeContext } from './types.js';

export type { Parsed } from '../interpret/stepAnswer.js';
/**
 * Guards look at the same event several times; screening and parsing happen once per event object.
 * Events are fresh objects per turn, so a WeakMap never serves a stale result.
 */
function memo<R>(fn: (event: object, ctx: IntakeContext) => R): (event: object, ctx: IntakeContext) => R {
  const cache = new WeakMap<object, R>();
  return (event, ctx) => {
    if (cache.has(event)) return cache.get(event) as R;
    const r = fn(event, ctx);
    cache.set(event, r);
    return r;
  };
}

/** Screen with the patient's language, English (often mixed in) and any language the text looks like. */
export function createPerception(deps: IntakeDeps) {
  const textOf = (event: object): string => ('text' in event && typeof event.text === 'string' ? event.text : '');
  const tappedOf = (event: object): boolean => 'tapped' in event && event.tapped === true;

  const screening = memo((event, ctx): Screening => {
    const text = textOf(event);
    // A button sends one of our own codes ("wants.appointment"): there is nothing to screen.
    if (text.trim() === '' || ctx.lastPrompt?.choices?.includes(text.trim())) return { hits: [], suppressed: [] };
    return deps.triage.screen(text, deps.language.screeningLanguages(text, ctx.lang));
  });

  const command = memo((event, ctx): Command | null => matchCommand(textOf(event), ctx.lang, deps.words));

  const lexicon = createLexicons(deps.words, (lang) => deps.words.bcp47(lang));
  const reader = createAnswerReader({
    content: deps.content,
    words: deps.words,
    lexicon,
    ...(deps.recognisers ? { recognisers: deps.recognisers } : {}),
    parseLanguage: (text, offered) => deps.language.parseChoice(text, offered),
    bcp47Of: (lang) => deps.words.bcp47(lang),
    otherLanguages: deps.languagesOffered,
  });

  /**
   * What the answer is; after the last failed try, what is taken instead (see assumedAnswer). A turn
   * reads the same text twice (the message, then the answer event it raises) in the same place: the
   * last reading is kept for that. The message is read before the turn's `now` is set in the context
   * and the answer after, so the clock is part of the key only when the reading looked at it (a
   * date or a duration): most readings never do, and are not done twice.
   */
  let last: { key: string; clock: string | null; parsed: Parsed } | undefined;
  const answer = memo((event, ctx): Parsed => {
    const text = textOf(event);
    const tapped = tappedOf(event);
    const attachments = 'attachments' in event && typeof event.attachments === 'number' ? event.attachments : 0;
    const key = `${ctx.conversationId}\u0000${ctx.session}\u0000${ctx.step}\u0000${ctx.lang}\u0000${ctx.failures}\u0000${ctx.flow.narrowTo?.join() ?? ''}\u0000${ctx.flow.offerLang ?? ''}\u0000${ctx.triage.currentQuestionId ?? ''}\u0000${ctx.triage.pendingConfirms[0]?.questionId ?? ''}\u0000${attachments}\u0000${tapped}\u0000${text}`;
    const clock = `${ctx.now}\u0000${ctx.practice.timeZone}`;
    if (last?.key === key && (last.clock === null || last.clock === clock)) return last.parsed;
    const read = { clockUsed: false };
    // Nothing typed (or only a picture): say so, and count it as a try.
    let parsed: Parsed = text.trim() === '' ? { ok: false, errorKey: attachments > 0 ? 'dialog.invalid.attachment' : 'dialog.invalid.text' } : readAnswer(text, tapped, ctx, read);
    if (!parsed.ok && !parsed.smallTalk && isLastTry(ctx)) parsed = assumedAnswer(ctx) ?? parsed;
    last = { key, clock: read.clockUsed ? clock : null, parsed };
    return parsed;
  });

  /** `read.clockUsed` is set when the reader asks the place for `now` or `timeZone`. */
  function readAnswer(text: string, tapped: boolean, ctx: IntakeContext, read: { clockUsed: boolean }): Parsed {
    const place: AnswerPlace = {
      step: ctx.step,
      lang: ctx.lang,
      tapped,
      get now() {
        read.clockUsed = true;
        return new Date(ctx.now);
      },
      get timeZone() {
        read.clockUsed = true;
        return ctx.practice.timeZone;
      },
      ...(ctx.flow.narrowTo ? { narrowTo: ctx.flow.narrowTo } : {}),
    };
    if (ctx.step === 'welcome' || ctx.step === 'need') return reader.readOpening(text, place);
    const question = currentQuestion(ctx, deps);
    if (question) {
      if (text.length > deps.content.maxTextChars) return { ok: false, errorKey: 'dialog.invalid.tooLong' };
      return reader.readChoice(text, question.choices, place, 'understand.reprompt.yesNo');
    }
    const step = stepOf(ctx.step);
    if (!step) return { ok: false, errorKey: 'dialog.invalid.choice' };
    return reader.readStep(text, step, place, { languages: deps.languagesOffered, ...(ctx.flow.offerLang ? { offerLang: ctx.flow.offerLang } : {}) });
  }

  const stepOf = (id: string) => (deps.content.steps as Record<string, IntakeStep | undefined>)[id];
  /**
   * Safety questions are never skipped: red-flag questions and their confirmations, steps marked
   * `safety` in dialogs/intake.json, and the emergency check, its which-sign question and the area
   * picker (safety.ts). One policy and one number (content.maxTries) for all of them.
   */
  const isSafetyQuestion = (ctx: IntakeContext) =>
    ctx.step === 'confirm' || ctx.step === 'triageQuestion' || SAFETY_STEPS.has(ctx.step) || stepOf(ctx.step)?.safety === true;
  const isLastTry = (ctx: IntakeContext) =>
    ctx.failures + 1 >= deps.content.maxTries && (currentQuestion(ctx, deps) !== null || stepOf(ctx.step) !== undefined);

  /**
   * What a safety question's unreadable answer is taken as: the answer its content names (`unreadable`,
   * only on a question that records a detail and never moves the tier, e.g. "None of these, or not sure"
   * at the urgent check's "Which one is it?", H88; checkContent), else most cautious first: "unsure"
   * (counts as "yes" for the tier), else "yes"; at the which-sign question and the area picker "I cannot
   * say which", whose rule is urgent or an emergency (src/triage/questions.ts safetyQuestions).
   */
  const SAFETY_ASSUMPTIONS = ['unsure', CHECK_ANSWERS.unsure, 'yes', CHECK_ANSWERS.yes, CHECK_NONE];

  /**
   * No loops: after the last failed try, a safety question is taken as the answer above (mostly
   * "unsure", which counts upward for the tier); any other question as its `ifNotAnswered` answer,
   * else not answered.
   */
  function assumedAnswer(ctx: IntakeContext): Parsed | null {
    const question = currentQuestion(ctx, deps);
    const step = stepOf(ctx.step);
    const choices = question?.choices ?? step?.choices ?? [];
    if (isSafetyQuestion(ctx)) {
      const code = question?.unreadable ?? SAFETY_ASSUMPTIONS.find((c) => choices.includes(c)) ?? (question?.id === AREA_QUESTION_ID ? CHECK_NONE : null);
      return code ? { ok: true, code, assumed: 'safety' } : null;
    }
    if (!step) return null;
    if (step.input === 'language') return { ok: true, code: ctx.lang, assumed: 'notAnswered' };
    return { ok: true, code: step.ifNotAnswered ?? NOT_ANSWERED, assumed: 'notAnswered' };
  }

  /**
   * A valid answer to a closed question (a choice, a name, a date, a number) is not a description:
   * it is still screened for emergencies, but cannot add lower-tier rules ("An appointment" is not
   * an admin request, "My child" is not a child's symptom).
   */
  const isClosedAnswer = (event: object, ctx: IntakeContext): boolean => {
    const parsed = answer(event, ctx);
    if (!parsed.ok || parsed.describes || parsed.assumed) return false;
    if (ctx.step === 'confirm' || ctx.step === 'triageQuestion' || SAFETY_STEPS.has(ctx.step)) return true;
    const step = (deps.content.steps as Record<string, IntakeStep | undefined>)[ctx.step];
    return step !== undefined && step.input !== 'text';
  };

  /** Offer another language only where free text is expected, or when the reply made no sense. */
  const langSuggestion = memo((event, ctx): LangCode | null => {
    if (ctx.step.startsWith('language')) return null;
    if (!['describe', 'welcome', 'need'].includes(ctx.step) && answer(event, ctx).ok) return null;
    return deps.language.suggestSwitch(textOf(event), ctx.lang, ctx.flow.declinedLangs);
  });

  /** The language a free text is written in, for its tag: the conversation's unless clearly another. */
  const writtenIn = memo((event, ctx): LangCode => deps.language.suggestSwitch(textOf(event), ctx.lang, []) ?? ctx.lang);

  /** One of `codes` named in typed words (titles, synonyms, typos, word order), or null: for lists no step owns. */
  const chooseTyped = (text: string, codes: readonly string[], ctx: IntakeContext): string | null => {
    const place: AnswerPlace = { step: ctx.step, lang: ctx.lang, now: new Date(ctx.now), timeZone: ctx.practice.timeZone };
    // At the emergency check, "nothing like that" names no sign ("ایسا کچھ نہیں": "something" is in a sign's words).
    const said = ctx.step === 'safetyCheck' ? reader.withoutNo(text, ctx.lang) : text;
    if (said.trim() === '') return null;
    const parsed = reader.readChoice(said, codes, place, 'dialog.invalid.choice');
    return parsed.ok ? parsed.code : null;
  };

  return { screening, command, langSuggestion, answer, isClosedAnswer, writtenIn, textOf, chooseTyped };
}

export type Perception = ReturnType<typeof createPerception>;

export function currentQuestion(ctx: IntakeContext, deps: IntakeDeps): TriageQuestion | null {
  const confirm = ctx.step === 'confirm' ? ctx.triage.pendingConfirms[0]?.questionId : undefined;
  // The emergency check and the area picker (safety.ts) are engine questions too.
  const id = confirm ?? (ctx.step === 'triageQuestion' || SAFETY_STEPS.has(ctx.step) ? ctx.triage.currentQuestionId : undefined);
  return id ? deps.triage.question(id) : null;
}
