import type { TriageQuestion } from './types.js';
import type { ComplaintDef, QuestionDef, RuleDef, TriageContent } from './contentSchema.js';
import {
  AREA_QUESTION_ID, CHECK_ANSWERS, CHECK_NONE, CHECK_VERSIONS, areaCode, checkQuestionId, confirmQuestionId, lineCode, whichQuestionId,
} from './safetySchema.js';

const YES_NO_UNSURE = ['yes', 'no', 'unsure'];
/** Prompt used when a rule has no confirm question of its own ("Is this happening now?"). */
export const GENERIC_CONFIRM_PROMPT = 'triage.confirm.now';

/** Id of the confirm question for a rule: its own, or a generic one made for it. */
export function confirmIdOf(rule: RuleDef): string {
  return rule.confirm?.id ?? `q.confirm.${rule.id}`;
}

export interface QuestionEntry {
  question: TriageQuestion;
  /** Set for confirm questions: the rule a 'yes' raises and a 'no' denies. */
  confirms?: string;
  def?: QuestionDef;
  complaint?: ComplaintDef;
}

/** Every question the engine can ask, by id: rule confirm questions and complaint questions. */
export function buildQuestionIndex(content: TriageContent): Map<string, QuestionEntry> {
  const index = new Map<string, QuestionEntry>();
  for (const rule of content.rules) {
    const id = confirmIdOf(rule);
    index.set(id, {
      question: { id, promptKey: rule.confirm?.promptKey ?? GENERIC_CONFIRM_PROMPT, choices: YES_NO_UNSURE },
      confirms: rule.id,
    });
  }
  for (const complaint of content.complaints) {
    for (const def of complaint.questions) {
      const question: TriageQuestion = {
        id: def.id, promptKey: def.promptKey, choices: def.choices,
        ...(def.lines ? { lines: [...def.lines] } : {}),
        ...(def.unreadable !== undefined ? { unreadable: def.unreadable } : {}),
      };
      index.set(def.id, { question, def, complaint });
    }
  }
  for (const [id, def] of safetyQuestions(content)) index.set(id, { question: { id, promptKey: def.promptKey, choices: def.choices }, def });
  return index;
}

/** Effect of an answer. 'unsure' counts as 'yes' unless content says otherwise: resolve upward. */
export function effectOf(entry: QuestionEntry | undefined, answer: string): { raise: string[]; deny: string[] } {
  const eff = effectLists(entry, answer);
  return { raise: [...eff.raise], deny: [...eff.deny] };
}

/** Effect of an answer to a content question ('unsure' without an effect of its own takes 'yes''s). */
export function defEffect(def: QuestionDef, answer: string): { raise: string[]; deny: string[] } {
  const eff = defEffectLists(def, answer);
  return { raise: [...eff.raise], deny: [...eff.deny] };
}

const NO_EFFECT = { raise: [], deny: [] } as const;

/** effectOf's lists as the content holds them, not copied: for a caller that only reads them (the evidence, every decision). */
export function effectLists(entry: QuestionEntry | undefined, answer: string): { raise: readonly string[]; deny: readonly string[] } {
  if (!entry) return NO_EFFECT;
  if (entry.confirms) return answer === 'no' ? { raise: [], deny: [entry.confirms] } : { raise: [entry.confirms], deny: [] };
  return entry.def ? defEffectLists(entry.def, answer) : NO_EFFECT;
}

function defEffectLists(def: QuestionDef, answer: string): { raise: readonly string[]; deny: readonly string[] } {
  const eff = def.effects[answer] ?? (answer === 'unsure' ? def.effects['yes'] : undefined);
  return { raise: eff?.raise ?? [], deny: eff?.deny ?? [] };
}

/**
 * The emergency check and the area picker as engine questions, so their answers are recorded and
 * decided like any other: "yes" asks which sign; each sign raises its rule; "none of these" after
 * "yes" raises the 999 rule, after "not sure" the urgent one (never below urgent). The check
 * question itself raises nothing: the dialog branches on it. A line with a `confirm` has one more
 * question per version (q.check.confirm.<line>.<version>): yes/not sure raise the line's rule, no its milder one.
 */
export function safetyQuestions(content: TriageContent): Map<string, QuestionDef> {
  const { emergencyCheck: check, areas } = content;
  const out = new Map<string, QuestionDef>();
  const effect = (raise: string[]) => ({ raise, deny: [] });
  for (const version of CHECK_VERSIONS) {
    const lines = check.versions[version];
    out.set(checkQuestionId(version), {
      id: checkQuestionId(version),
      promptKey: 'safety.check.ask',
      choices: [CHECK_ANSWERS.yes, CHECK_ANSWERS.no, CHECK_ANSWERS.unsure],
      effects: {},
    });
    for (const after of ['yes', 'unsure'] as const) {
      const effects: QuestionDef['effects'] = {};
      for (const line of lines) effects[lineCode(line)] = effect([check.lines[line]?.ruleId ?? '']);
      effects[CHECK_NONE] = effect([after === 'yes' ? check.yesButUnsureWhichRuleId : check.notSureRuleId]);
      const id = whichQuestionId(version, after);
      out.set(id, { id, promptKey: 'safety.which.ask', choices: [...lines.map(lineCode), CHECK_NONE], effects });
    }
    // A line's confirming question: "yes" (and "not sure", resolved upward) is the line's sign; "no" its milder rule.
    for (const line of lines) {
      const def = check.lines[line];
      if (!def?.confirm) continue;
      const id = confirmQuestionId(line, version);
      out.set(id, {
        id, promptKey: def.confirm.promptKey, choices: [...YES_NO_UNSURE], effects: { yes: effect([def.ruleId]), no: effect([def.confirm.noRuleId]) },
      });
    }
  }
  const areaEffects: QuestionDef['effects'] = {};
  for (const a of areas.areas) areaEffects[areaCode(a.code)] = effect([...a.raise]);
  // Not a choice: what the dialog records when it cannot read the area after its last try (never below urgent).
  areaEffects[CHECK_NONE] = effect([check.notSureRuleId]);
  out.set(AREA_QUESTION_ID, { id: AREA_QUESTION_ID, promptKey: 'safety.area.ask', choices: areas.areas.map((a) => areaCode(a.code)), effects: areaEffects });
  return out;
}
