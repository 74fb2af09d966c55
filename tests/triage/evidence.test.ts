import { gatherEvidence } from '../../src/triage/evidence.js';
import { createTriageEngine, loadTriageContent } from '../../src/triage/index.js';
import { buildQuestionIndex } from '../../src/triage/questions.js';
import type { RuleDef } from '../../src/triage/contentSchema.js';
import type { Picture, Screening } from '../../src/triage/types.js';
import { readCombinationsPlainly } from '../support/combinations.js';

/**
 * The combination rules (`when`) skip their second pass when the first added nothing
 * (src/triage/evidence.ts). Compared here with the reading before that change, on the real rules:
 * every combination entry's own rules present (so each can fire), each with one rule missing, with a
 * `none` rule added, at ages around every bound, and many random sets of rules present and denied.
 */
const content = loadTriageContent('dialogs');
const combinations = content.rules.filter((r) => r.when !== undefined);
const questions = buildQuestionIndex(content);
const noText = (): Screening => ({ hits: [], suppressed: [] });

/** The reading before the change, kept as the reference. */
function reference(presentIds: readonly string[], deniedIds: readonly string[], age: number | undefined, rules: readonly RuleDef[], passes = 2): Set<string> {
  return readCombinationsPlainly(new Set(presentIds), new Set(deniedIds), age, rules, passes);
}

const picture = (presentRuleIds: string[], deniedRuleIds: string[], ageYears: number | undefined): Picture => ({
  need: undefined,
  texts: [],
  answers: {},
  presentRuleIds,
  deniedRuleIds,
  ...(ageYears !== undefined ? { ageYears } : {}),
});

/** A small deterministic generator (the same cases on every run). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('combination rules (gatherEvidence)', () => {
  const ages: (number | undefined)[] = [undefined, Number.NaN, 0, 0.25, 1, 2, 5, 12, 15, 16, 17, 18, 40, 65, 90];
  for (const w of combinations.flatMap((r) => r.when ?? [])) {
    for (const bound of [w.ageYears?.min, w.ageYears?.max]) if (bound !== undefined) ages.push(bound - 0.01, bound, bound + 0.01);
  }

  const cases: [string[], string[], number | undefined][] = [];
  for (const rule of combinations) {
    for (const w of rule.when ?? []) {
      for (const age of [undefined, w.ageYears?.min, w.ageYears?.max, 30]) {
        cases.push([[...w.all], [], age]);
        cases.push([[...w.all, ...(w.none ?? []).slice(0, 1)], [], age]);
        cases.push([[...w.all], [rule.id], age]);
        if (w.all.length > 1) cases.push([w.all.slice(1), [], age]);
      }
    }
  }
  // A combination that needs another combination listed after it (so only the second pass finds it):
  // the consumer's own rules with the feeder given by the feeder's own rules instead.
  const position = new Map(combinations.map((r, i) => [r.id, i]));
  combinations.forEach((consumer, i) => {
    for (const w of consumer.when ?? []) {
      for (const id of w.all) {
        const feeder = combinations[position.get(id) ?? -1];
        if (!feeder || (position.get(id) as number) <= i) continue;
        for (const fw of feeder.when ?? []) cases.push([[...w.all.filter((x) => x !== id), ...fw.all], [], 30]);
      }
    }
  });
  const ids = [...new Set([...content.rules.map((r) => r.id), ...combinations.flatMap((r) => (r.when ?? []).flatMap((w) => [...w.all, ...(w.none ?? [])]))])];
  const inWhen = [...new Set(combinations.flatMap((r) => (r.when ?? []).flatMap((w) => [...w.all, ...(w.none ?? [])])))];
  const next = random(20261207);
  const pick = (from: readonly string[], n: number) => Array.from({ length: n }, () => from[Math.floor(next() * from.length)] as string);
  for (let i = 0; i < 3000; i++) {
    cases.push([[...pick(inWhen, Math.floor(next() * 8)), ...pick(ids, Math.floor(next() * 3))], pick(ids, Math.floor(next() * 3)), ages[Math.floor(next() * ages.length)]]);
  }

  it('make the same rules present as the plain reading, on every case', () => {
    let differ = 0;
    let fired = 0;
    let fedByAnother = 0;
    for (const [present, denied, age] of cases) {
      const expected = reference(present, denied, age, combinations);
      const got = gatherEvidence(picture(present, denied, age), noText, questions, combinations).present;
      if ([...expected].sort().join() !== [...got].sort().join()) differ += 1;
      if (expected.size > new Set(present).size) fired += 1;
      if (reference(present, denied, age, combinations, 1).size !== expected.size) fedByAnother += 1;
    }
    expect(differ).toBe(0);
    // The cases exercise the rules: many make a combination fire.
    expect(fired).toBeGreaterThan(cases.length / 10);
    // ...and some need the second pass (one combination feeding another, later in the list).
    expect(fedByAnother).toBeGreaterThan(0);
  });
});

describe('the screening cache (one entry per text, its results by language list)', () => {
  it('gives each language list its own result for the same text, whatever was asked before', () => {
    const texts = ['he is not breathing', 'nie oddycha', 'il ne respire plus', 'yes', 'chest pain and sweating'];
    const lists: (string | string[])[] = ['eng', 'pol', ['pol', 'eng'], ['fra', 'eng'], 'fra', ['eng']];
    // One engine asks every list in order, twice (the second time from the cache); the other in reverse.
    const forward = createTriageEngine(content);
    const backward = createTriageEngine(content);
    const read = (engine: ReturnType<typeof createTriageEngine>, order: typeof lists) =>
      new Map(texts.flatMap((text) => order.map((langs) => [`${String(langs)}|${text}`, engine.screen(text, langs as never)] as const)));
    const first = read(forward, lists);
    const again = read(forward, lists);
    const reversed = read(backward, [...lists].reverse());
    for (const [key, screening] of first) {
      expect(again.get(key)).toEqual(screening);
      expect(reversed.get(key)).toEqual(screening);
    }
    // The lists do read differently (a Polish emergency only with Polish).
    expect(first.get('eng|nie oddycha')).not.toEqual(first.get('pol|nie oddycha'));
  });
});
