import { DISPOSITIONS, TIER_RANK, type Disposition, type Tier } from '../domain/types.js';
import type { Picture, RuleHit, Screening } from './types.js';
import type { RuleDef } from './contentSchema.js';
import { effectLists, type QuestionEntry } from './questions.js';

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
  for (const [qid, answer] of Object.entries(picture.answers)) applyEffect(questions.get(qid), answer, present, denied);
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

/** The answer's effect added to the sets, read from the content's own lists (effectLists: no copies). */
function applyEffect(entry: QuestionEntry | undefined, answer: string, present: Set<string>, denied: Set<string>): void {
  const eff = effectLists(entry, answer);
  for (const id of eff.raise) present.add(id);
  for (const id of eff.deny) denied.add(id);
}

/** A rule's `when` entries as plain arrays and numbers, read with plain loops (no closure per rule and entry). */
interface CompiledEntry {
  all: readonly string[];
  none: readonly string[];
  /** Whether the entry names an age range (its bounds may still be open). */
  aged: boolean;
  min: number | undefined;
  max: number | undefined;
}
interface CompiledCombination {
  id: string;
  entries: readonly CompiledEntry[];
}

/**
 * The combination rules compiled once per (immutable) list of rules: every decision reads all of them
 * (84 rules, 240-odd entries), and the closures of the plain reading were most of a decision's time
 * and garbage. Kept by the list object, so a list is compiled the first time it is read.
 */
const compiledLists = new WeakMap<readonly RuleDef[], readonly CompiledCombination[]>();
function compiledCombinations(combinations: readonly RuleDef[]): readonly CompiledCombination[] {
  let compiled = compiledLists.get(combinations);
  if (!compiled) {
    compiled = combinations.map((rule) => ({
      id: rule.id,
      entries: (rule.when ?? []).map((w) => ({
        all: [...w.all],
        none: [...(w.none ?? [])],
        aged: w.ageYears !== undefined,
        min: w.ageYears?.min,
        max: w.ageYears?.max,
      })),
    }));
    compiledLists.set(combinations, compiled);
  }
  return compiled;
}

/** The entry holds: every `all` rule present, no `none` rule present, the age (when named) known and in range. */
function whenMet(w: CompiledEntry, present: Set<string>, age: number | undefined): boolean {
  const { all, none } = w;
  for (let i = 0; i < all.length; i++) if (!present.has(all[i] as string)) return false;
  for (let i = 0; i < none.length; i++) if (present.has(none[i] as string)) return false;
  return !w.aged || (age !== undefined && (w.min === undefined || age >= w.min) && (w.max === undefined || age <= w.max));
}

/**
 * Rules whose `when` combination is met become present (twice over, so one combination may feed
 * another), in the order of the list. The second pass only runs when the first added a rule: with
 * nothing added it would see the same rules present and add nothing either.
 */
function addCombinations(present: Set<string>, denied: Set<string>, age: number | undefined, combinations: readonly RuleDef[]): void {
  const compiled = compiledCombinations(combinations);
  for (let pass = 0; pass < 2; pass++) {
    let added = false;
    for (let r = 0; r < compiled.length; r++) {
      const rule = compiled[r] as CompiledCombination;
      if (present.has(rule.id) || denied.has(rule.id)) continue;
      const { entries } = rule;
      for (let e = 0; e < entries.length; e++) {
        if (whenMet(entries[e] as CompiledEntry, present, age)) {
          present.add(rule.id);
          added = true;
          break;
        }
      }
    }
    if (!added) return;
  }
}
