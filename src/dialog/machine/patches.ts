import type { LangCode, RedFlagRecord } from '../../domain/types.js';
import type { TriageEngine, TriageQuestion } from '../../triage/types.js';
import { NOT_ANSWERED } from '../interpret/stepAnswer.js';
import { PATIENT_FIELDS, unique } from './context.js';
import type { IntakeContext, IntakeFacts } from './types.js';

/**
 * How the larger actions change the context, as plain functions: the statechart declares each
 * action by name in setup() and calls these, so the chart stays readable.
 */

/** A valid answer to one of the fixed steps: kept as a code, and copied where it belongs. */
export function answerPatch(context: IntakeContext, code: string, questionKey: string, writtenIn: LangCode): Partial<IntakeContext> {
  const id = context.step;
  const { intake: before, flow } = context;
  const intake: IntakeFacts = { ...before, answers: { ...before.answers, [id]: { questionId: id, questionKey, code, at: context.now } } };
  // Not answered after the last try: recorded as such, and nothing else is filled in from it.
  switch (code === NOT_ANSWERED ? '' : id) {
    case 'need':
      intake.need = code as IntakeFacts['need'];
      break;
    case 'describe':
      intake.texts = [...before.texts, { step: 'describe', text: code, lang: writtenIn, at: context.now }];
      break;
    case 'who':
      intake.subject =
        code === 'for.other'
          ? { who: 'for.other', ...(before.subject?.relationship ? { relationship: before.subject.relationship } : {}) }
          : { who: 'for.self' };
      break;
    case 'relationship':
      intake.subject = { who: 'for.other', relationship: code };
      break;
    case 'nhs': {
      const { nhsNumber: _dropped, ...rest } = before.patient;
      intake.patient = code === 'skip' ? rest : { ...before.patient, nhsNumber: code };
      break;
    }
    default: {
      const field = PATIENT_FIELDS[id];
      if (field) intake.patient = { ...before.patient, [field]: code };
    }
  }
  return {
    intake,
    flow: { ...flow, trail: flow.trail[flow.trail.length - 1] === id ? flow.trail : [...flow.trail, id], replayText: undefined },
  };
}

/**
 * The answer a red-flag record keeps for one rule the answer raised or denied (answerEffect). A yes, no
 * or not sure answer keeps the patient's own word ("no" to "Are you safe right now?" raises
 * rf.mh.imminent: no, present). Any other choice is read from its effect, whatever its code: a yes to
 * each rule it raises (a sign picked from a list, "Which one is it?", H88), a no to each it denies ("none
 * of these"); a choice that raises and denies nothing makes no record. The code itself is in the answers.
 */
function recordedAnswer(code: string, present: boolean): NonNullable<RedFlagRecord['answer']> {
  if (code === 'yes' || code === 'no' || code === 'unsure') return code;
  return present ? 'yes' : 'no';
}

/** An answer to a confirm or complaint question: the rules it raises or denies, each with its version. */
export function questionAnswerPatch(context: IntakeContext, question: TriageQuestion, code: string, engine: TriageEngine): Partial<IntakeContext> {
  const { intake, triage, flow } = context;
  const effect = engine.answerEffect(question.id, code);
  const confirm = context.step === 'confirm' ? triage.pendingConfirms[0] : undefined;
  const record = (ruleId: string, present: boolean): RedFlagRecord => ({
    ruleId,
    ruleVersion: engine.rule(ruleId)?.version ?? 0,
    via: confirm ? 'confirm' : 'question',
    answer: recordedAnswer(code, present),
    present,
  });
  return {
    intake: {
      ...intake,
      answers: { ...intake.answers, [question.id]: { questionId: question.id, questionKey: question.promptKey, code, at: context.now } },
    },
    triage: {
      ...triage,
      answers: { ...triage.answers, [question.id]: code },
      presentRuleIds: unique([...triage.presentRuleIds, ...effect.raise]),
      // Conflicting evidence resolves upward: a rule both raised and denied stays present.
      deniedRuleIds: unique([...triage.deniedRuleIds, ...effect.deny.filter((r) => !effect.raise.includes(r))]),
      redFlags: [...triage.redFlags, ...effect.raise.map((r) => record(r, true)), ...effect.deny.map((r) => record(r, false))],
      pendingConfirms: confirm ? triage.pendingConfirms.slice(1) : triage.pendingConfirms,
    },
    flow: confirm ? flow : { ...flow, trail: [...flow.trail, `tq:${question.id}`] },
  };
}

/** "back": the step before this one (triage questions are `tq:<id>` in the trail). */
export function backPatch(context: IntakeContext): Partial<IntakeContext> {
  const { flow } = context;
  const trail = [...flow.trail];
  // Leaving the current step: the last trail entry is the step before it.
  if (trail[trail.length - 1] === context.step) trail.pop();
  const previous = trail.pop();
  if (!previous) {
    return {
      say: [...context.say, { key: 'dialog.backAtStart' }, ...(context.lastPrompt ? [context.lastPrompt] : [])],
      flow: { ...flow, navTo: undefined },
    };
  }
  if (previous.startsWith('tq:')) {
    return { flow: { ...flow, trail, navTo: 'triageQuestion' }, triage: { ...context.triage, forcedQuestionId: previous.slice(3) } };
  }
  return { flow: { ...flow, trail, navTo: previous } };
}
