import { createTriageEngine, loadTriageContent } from '../../src/triage/index.js';
import { loadVignettes, simulate } from '../../bench/triageSim.js';
import { TIER_RANK } from '../../src/domain/types.js';

const engine = createTriageEngine(loadTriageContent('dialogs'));
const all = loadVignettes('tests/triage/vignettes');
/**
 * The engine-only simulation has no emergency check: cases tagged check-only (a carer picking the
 * check's baby line) get their tier from the check alone, so they are asserted through the
 * statechart instead (tests/triage/dialog.test.ts diverts every emergency vignette, these included).
 * Nor has it the area picker: cases tagged area-only (whose emergency is found by a question of the
 * area the patient taps, asked after every check) are asserted there too.
 */
const vignettes = all.filter((v) => !v.tags.includes('check-only') && !v.tags.includes('area-only'));

describe('vignettes', () => {
  it('has at least 300 cases, each with a gold tier and a known source', async () => {
    const { readFileSync } = await import('node:fs');
    const sources = JSON.parse(readFileSync('tests/triage/vignettes/sources.json', 'utf8')) as Record<string, unknown>;
    expect(vignettes.length).toBeGreaterThanOrEqual(300);
    for (const v of all) expect(Object.keys(sources)).toContain(v.source);
    expect(new Set(all.map((v) => v.id)).size).toBe(all.length);
    // Only cases a carer ticks the check for may be left to the statechart.
    expect(all.filter((v) => v.tags.includes('check-only') && !v.recognises999Sign)).toEqual([]);
  });

  it.each(vignettes.filter((v) => v.gold === 'emergency').map((v) => [v.id, v] as const))(
    'never misses an emergency: %s',
    (_id, v) => {
      expect(simulate(engine, v).outcome.tier).toBe('emergency');
    },
  );

  it('under-triages fewer than 2% of all vignettes', () => {
    const under = vignettes.filter((v) => TIER_RANK[simulate(engine, v).outcome.tier] < TIER_RANK[v.gold]);
    expect(under.length / vignettes.length).toBeLessThan(0.02);
  });
});
