import type { LangCode, RedFlagRecord } from '../../domain/types.js';
import type { TriageEngine, TriageQuestion } from '../../triage/types.js';
import { PATIENT_FIELDS, unique } from './context.js';
import type { IntakeContext } from './types.js';

/**
 * How the larger actions change the context, as plain functions: the statechart declares each
 * action by name in setup() and calls these, so the chart stays readable.
 */

/** A valid answer to one of the fixed steps: kept as a code, and copied where it belongs. */
export function answerPatch(context: IntakeContext, code: string, questionKey: string, writtenIn: LangCode): Partial<IntakeContext> {
  const id = context.step;
  const patch: Partial<IntakeContext> = {
    answers: { ...context.answers, [id]: { questionId: id, questionKey, code, at: context.now } },
    trail: context.trail[context.trail.length - 1] === id ? context.trail : [...context.trail, id],
    replayText: undefined,
  };
  switch (id) {
    case 'need':
      patch.need = code as IntakeContext['need'];
      break;
    case 'describe':
      patch.texts = [...context.texts, { step: 'describe', text: code, lang: writtenIn, at: context.now }];
      break;
    case 'who':
      patch.subject =
        code === 'for.other'
          ? { who: 'for.other', ...(context.subject?.relationship ? { relationship: context.subject.relationship } : {}) }
          : { who: 'for.self' };
      break;
    case 'relationship':
      patch.subject = { who: 'for.other', relationship: code };
      break;
    case 'nhs': {
      const { nhsNumber: _dropped, ...rest } = context.patient;
      patch.patient = code === 'skip' ? rest : { ...context.patient, nhsNumber: code };
      break;
    }
    default: {
      const field = PATIENT_FIELDS[id];
      if (field) patch.patient = { ...context.patient, [field]: code };
    }
  }
  return patch;
}

/** An answer to a confirm or complaint question: the rules it raises or denies, each with its version. */
export function questionAnswerPatch(context: IntakeContext, question: TriageQuestion, code: string, triage: TriageEngine): Partial<IntakeContext> {
  const effect = triage.answerEffect(question.id, code);
  const confirm = context.step === 'confirm' ? context.pendingConfirms[0] : undefined;
  const record = (ruleId: string, present: boolean): RedFlagRecord => ({
    ruleId,
    ruleVersion: triage.rule(ruleId)?.version ?? 0,
    via: confirm ? 'confirm' : 'question',
    answer: code as 'yes' | 'no' | 'unsure',
    present,
  });
  return {
    triageAnswers: { ...context.triageAnswers, [question.id]: code },
    answers: { ...context.answers, [question.id]: { questionId: question.id, questionKey: question.promptKey, code, at: context.now } },
    presentRuleIds: unique([...context.presentRuleIds, ...effect.raise]),
    // Conflicting evidence resolves upward: a rule both raised and denied stays present.
    deniedRuleIds: unique([...context.deniedRuleIds, ...effect.deny.filter((r) => !effect.raise.includes(r))]),
    redFlags: [...context.redFlags, ...effect.raise.map((r) => record(r, true)), ...effect.deny.map((r) => record(r, false))],
    pendingConfirms: confirm ? context.pendingConfirms.slice(1) : context.pendingConfirms,
    trail: confirm ? context.trail : [...context.trail, `tq:${question.id}`],
  };
}

/** "back": the step before this one (triage questions are `tq:<id>` in the trail). */
export function backPatch(context: IntakeContext): Partial<IntakeContext> {
  const trail = [...context.trail];
  // Leaving the current step: the last trail entry is the step before it.
  if (trail[trail.length - 1] === context.step) trail.pop();
  const previous = trail.pop();
  if (!previous) {
    return { say: [...context.say, { key: 'dialog.backAtStart' }, ...(context.lastPrompt ? [context.lastPrompt] : [])], navTo: undefined };
  }
  if (previous.startsWith('tq:')) return { trail, navTo: 'triageQuestion', forcedQuestionId: previous.slice(3) };
  return { trail, navTo: previous };
}
