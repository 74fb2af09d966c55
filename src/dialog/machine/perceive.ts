import type { LangCode } from '../../domain/types.js';
import type { Screening, TriageQuestion } from '../../triage/types.js';
import type { IntakeStep } from '../content.js';
import { matchChoice } from '../interpret/choices.js';
import { matchCommand } from '../interpret/commands.js';
import { normaliseName } from '../validate/name.js';
import { parseDateOfBirth } from '../validate/dateOfBirth.js';
import { normaliseNhsNumber } from '../validate/nhsNumber.js';
import { normalisePhone } from '../validate/phone.js';
import { normalisePostcode } from '../validate/postcode.js';
import type { Command } from '../wordbook.js';
import type { IntakeDeps } from './deps.js';
import { SAFETY_STEPS } from './safety.js';
import type { IntakeContext } from './types.js';

export type Parsed = { ok: true; code: string } | { ok: false; errorKey: string };

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

  const screening = memo((event, ctx): Screening => {
    const text = textOf(event);
    // A button sends one of our own codes ("wants.appointment"): there is nothing to screen.
    if (text.trim() === '' || ctx.lastPrompt?.choices?.includes(text.trim())) return { hits: [], suppressed: [] };
    return deps.triage.screen(text, deps.language.screeningLanguages(text, ctx.lang));
  });

  const command = memo((event, ctx): Command | null => matchCommand(textOf(event), ctx.lang, deps.words));

  const answer = memo((event, ctx): Parsed => parseStepAnswer(textOf(event), ctx, deps));

  /**
   * A valid answer to a closed question (a choice, a name, a date, a number) is not a description:
   * it is still screened for emergencies, but cannot add lower-tier rules ("An appointment" is not
   * an admin request, "My child" is not a child's symptom).
   */
  const isClosedAnswer = (event: object, ctx: IntakeContext): boolean => {
    if (!answer(event, ctx).ok) return false;
    if (ctx.step === 'confirm' || ctx.step === 'triageQuestion' || SAFETY_STEPS.has(ctx.step)) return true;
    const step = (deps.content.steps as Record<string, IntakeStep | undefined>)[ctx.step];
    return step !== undefined && step.input !== 'text';
  };

  /** Offer another language only where free text is expected, or when the reply made no sense. */
  const langSuggestion = memo((event, ctx): LangCode | null => {
    if (ctx.step.startsWith('language')) return null;
    if (!['describe', 'welcome'].includes(ctx.step) && answer(event, ctx).ok) return null;
    return deps.language.suggestSwitch(textOf(event), ctx.lang, ctx.flow.declinedLangs);
  });

  /** The language a free text is written in, for its tag: the conversation's unless clearly another. */
  const writtenIn = memo((event, ctx): LangCode => deps.language.suggestSwitch(textOf(event), ctx.lang, []) ?? ctx.lang);

  return { screening, command, langSuggestion, answer, isClosedAnswer, writtenIn, textOf };
}

export type Perception = ReturnType<typeof createPerception>;

export function currentQuestion(ctx: IntakeContext, deps: IntakeDeps): TriageQuestion | null {
  const confirm = ctx.step === 'confirm' ? ctx.triage.pendingConfirms[0]?.questionId : undefined;
  // The emergency check and the area picker (safety.ts) are engine questions too.
  const id = confirm ?? (ctx.step === 'triageQuestion' || SAFETY_STEPS.has(ctx.step) ? ctx.triage.currentQuestionId : undefined);
  return id ? deps.triage.question(id) : null;
}

function parseStepAnswer(text: string, ctx: IntakeContext, deps: IntakeDeps): Parsed {
  if (text.length > deps.content.maxTextChars) return { ok: false, errorKey: 'dialog.invalid.tooLong' };
  const question = currentQuestion(ctx, deps);
  if (question) {
    const code = matchChoice(text, question.choices, ctx.lang, deps.words);
    return code ? { ok: true, code } : { ok: false, errorKey: 'dialog.invalid.choice' };
  }
  const step = (deps.content.steps as Record<string, IntakeStep | undefined>)[ctx.step];
  if (!step) return { ok: false, errorKey: 'dialog.invalid.choice' };
  return parseByInput(text, step, ctx, deps);
}

function parseByInput(text: string, step: IntakeStep, ctx: IntakeContext, deps: IntakeDeps): Parsed {
  const trimmed = text.trim();
  const choice = step.choices ? matchChoice(trimmed, step.choices, ctx.lang, deps.words) : null;
  switch (step.input) {
    case 'choice':
      return choice ? { ok: true, code: choice } : { ok: false, errorKey: 'dialog.invalid.choice' };
    case 'text':
      return /\p{L}|\p{N}/u.test(trimmed) ? { ok: true, code: trimmed } : { ok: false, errorKey: 'dialog.invalid.text' };
    case 'name': {
      const name = normaliseName(trimmed);
      return name ? { ok: true, code: name } : { ok: false, errorKey: 'dialog.invalid.name' };
    }
    case 'date': {
      const r = parseDateOfBirth(trimmed, new Date(ctx.now));
      if (r.ok) return { ok: true, code: r.iso };
      return { ok: false, errorKey: r.reason === 'future' ? 'dialog.invalid.dateFuture' : 'dialog.invalid.date' };
    }
    case 'nhs': {
      if (choice === 'skip') return { ok: true, code: 'skip' };
      const nhs = normaliseNhsNumber(trimmed);
      return nhs ? { ok: true, code: nhs } : { ok: false, errorKey: 'dialog.invalid.nhs' };
    }
    case 'postcode': {
      const pc = normalisePostcode(trimmed);
      return pc ? { ok: true, code: pc } : { ok: false, errorKey: 'dialog.invalid.postcode' };
    }
    case 'phone': {
      const phone = normalisePhone(trimmed);
      return phone ? { ok: true, code: phone } : { ok: false, errorKey: 'dialog.invalid.phone' };
    }
    case 'language': {
      const offered = ctx.step === 'languageOffer' && ctx.flow.offerLang ? [ctx.flow.offerLang, ctx.lang] : [...deps.languagesOffered];
      const codes = offered.map((l) => `lang.${l}`);
      const byButtonOrNumber = matchChoice(trimmed, codes, ctx.lang, deps.words);
      const lang = byButtonOrNumber ? byButtonOrNumber.slice(5) : deps.language.parseChoice(trimmed, offered);
      return lang ? { ok: true, code: lang } : { ok: false, errorKey: 'dialog.invalid.language' };
    }
  }
}
