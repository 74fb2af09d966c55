import type { RuleDef } from '../../src/triage/contentSchema.js';

/**
 * The plain reading of the rules' combinations (`when`), kept as the reference the compiled reading in
 * src/triage/evidence.ts is checked against: each pass adds every rule whose combination is met.
 */
export function readCombinationsPlainly(present: Set<string>, denied: ReadonlySet<string>, age: number | undefined, rules: readonly RuleDef[], passes = 2): Set<string> {
  for (let pass = 0; pass < passes; pass++) {
    for (const rule of rules) {
      if (present.has(rule.id) || denied.has(rule.id)) continue;
      const met = (rule.when ?? []).some(
        (w) =>
          w.all.every((id) => present.has(id)) &&
          !(w.none ?? []).some((id) => present.has(id)) &&
          (!w.ageYears || (age !== undefined && (w.ageYears.min === undefined || age >= w.ageYears.min) && (w.ageYears.max === undefined || age <= w.ageYears.max))),
      );
      if (met) present.add(rule.id);
    }
  }
  return present;
}
