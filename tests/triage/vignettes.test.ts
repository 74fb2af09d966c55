import { createTriageEngine, loadTriageContent } from '../../src/triage/index.js';
import { loadVignettes, simulate } from '../../bench/triageSim.js';
import { TIER_RANK } from '../../src/domain/types.js';

const engine = createTriageEngine(loadTriageContent('dialogs'));
const vignettes = loadVignettes('tests/triage/vignettes');

describe('vignettes', () => {
  it('has at least 300 cases, each with a gold tier and a known source', async () => {
    const { readFileSync } = await import('node:fs');
    const sources = JSON.parse(readFileSync('tests/triage/vignettes/sources.json', 'utf8')) as Record<string, unknown>;
    expect(vignettes.length).toBeGreaterThanOrEqual(300);
    for (const v of vignettes) expect(Object.keys(sources)).toContain(v.source);
    expect(new Set(vignettes.map((v) => v.id)).size).toBe(vignettes.length);
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
