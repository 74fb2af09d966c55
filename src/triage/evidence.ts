import { DISPOSITIONS, TIER_RANK, type Disposition, type Tier } from '../domain/types.js';
import type { Picture, RuleHit, Screening } from './types.js';
import type { RuleDef } from './contentSchema.js';
import { effectOf, type QuestionEntry } from './questions.js';

/** What the whole picture says, re-read from scratch each time (texts are re-screened). */
export interface Evidence {
  /** Rules known to be present: clear text hits, confirmed, or raised by an answer. */
  present: Set<string>;
  denied: Set<string>;
  /** Uncertain text hits not yet confirmed or denied, with the question that would settle them. */
  pending: RuleHit[];
}

export function gatherEvidence(
  picture: Picture,
  screen: (text: string, lang: string) => Screening,
  questions: Map<string, QuestionEntry>,
  combinations: readonly RuleDef[] = [],
): Evidence {
  const present = new Set<string>(picture.presentRuleIds);
  const denied = new Set<string>(picture.deniedRuleIds);
  for (const [qid, answer] of Object.entries(picture.answers)) {
    const eff = effectOf(questions.get(qid), answer);
    eff.raise.forEach((id) => present.add(id));
    eff.deny.forEach((id) => denied.add(id));
  }
  const uncertain = new Map<string, RuleHit>();
  for (const t of picture.texts) {
    for (const hit of screen(t.text, t.lang).hits) {
      if (hit.certainty === 'clear') present.add(hit.ruleId);
      else if (!uncertain.has(hit.ruleId)) uncertain.set(hit.ruleId, hit);
    }
  }
  addCombinations(present, denied, picture.ageYears, combinations);
  // A confirm "no" settles an uncertain hit; anything else unresolved stays pending.
  const pending = [...uncertain.values()].filter((h) => !present.has(h.ruleId) && !denied.has(h.ruleId));
  return { present, denied, pending };
}

export function rankOf(rule: RuleDef): number {
  return TIER_RANK[rule.tier] * 100 + (DISPOSITIONS.length - DISPOSITIONS.indexOf(rule.disposition));
}

/** Highest tier among the given rules, or undefined when none. */
export function maxTier(ids: Iterable<string>, rules: Map<string, RuleDef>): Tier | undefined {
  let best: RuleDef | undefined;
  for (const id of ids) {
    const r = rules.get(id);
    if (r && (!best || rankOf(r) > rankOf(best))) best = r;
  }
  return best?.tier;
}

export function dispositionRank(d: Disposition): number {
  return DISPOSITIONS.indexOf(d);
}

type WhenEntry = NonNullable<RuleDef['when']>[number];

/** The entry holds: every `all` rule present, no `none` rule present, the age (when named) known and in range. */
function whenMet(w: WhenEntry, present: Set<string>, age: number | undefined): boolean {
  if (!w.all.every((id) => present.has(id))) return false;
  if (w.none?.some((id) => present.has(id))) return false;
  const range = w.ageYears;
  return !range || (age !== undefined && (range.min === undefined || age >= range.min) && (range.max === undefined || age <= range.max));
}

/**
 * Rules whose `when` combination is met become present (twice over, so one combination may feed
 * another), in the order of the list. The second pass only runs when the first added a rule: with
 * nothing added it would see the same rules present and add nothing either.
 */
function addCombinations(present: Set<string>, denied: Set<string>, age: number | undefined, combinations: readonly RuleDef[]): void {
  for (let pass = 0; pass < 2; pass++) {
    let added = false;
    for (const rule of combinations) {
      if (present.has(rule.id) || denied.has(rule.id)) continue;
      if ((rule.when ?? []).some((w) => whenMet(w, present, age))) {
        present.add(rule.id);
        added = true;
      }
    }
    if (!added) return;
  }
}
