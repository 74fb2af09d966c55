import type { TriageQuestion } from './types.js';
import type { ComplaintDef, QuestionDef, RuleDef, TriageContent } from './contentSchema.js';

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
      index.set(def.id, { question: { id: def.id, promptKey: def.promptKey, choices: def.choices }, def, complaint });
    }
  }
  return index;
}

/** Effect of an answer. 'unsure' counts as 'yes' unless content says otherwise: resolve upward. */
export function effectOf(entry: QuestionEntry | undefined, answer: string): { raise: string[]; deny: string[] } {
  if (!entry) return { raise: [], deny: [] };
  if (entry.confirms) {
    return answer === 'no' ? { raise: [], deny: [entry.confirms] } : { raise: [entry.confirms], deny: [] };
  }
  const effects = entry.def?.effects ?? {};
  const eff = effects[answer] ?? (answer === 'unsure' ? effects['yes'] : undefined);
  return { raise: [...(eff?.raise ?? [])], deny: [...(eff?.deny ?? [])] };
}
