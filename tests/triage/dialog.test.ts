/**
 * The safety assertion on whole conversations: every emergency vignette, driven through the real
 * statechart (runTurn) exactly as `npm run bench:triage` drives it, must end in the emergency
 * state; and non-emergencies must rarely be sent to 999. The held-out set (vignettes/heldout/) is
 * reported by the bench, not asserted here: it measures the rules, it does not gate them.
 */
import { createDialogDriver } from '../../bench/triageDialog.js';
import { loadVignettes } from '../../bench/triageSim.js';

const driver = createDialogDriver();
const vignettes = loadVignettes('tests/triage/vignettes');
/** Target from issue 3: over-triage to `emergency` of non-emergencies below 5%. */
const MAX_OVER_TO_EMERGENCY = 0.05;

describe('vignettes through the statechart', () => {
  const emergencies = vignettes.filter((v) => v.gold === 'emergency');

  it('has emergency vignettes to check', () => {
    expect(emergencies.length).toBeGreaterThanOrEqual(100);
  });

  it.each(emergencies.map((v) => [v.id, v] as const))('diverts the emergency %s', (_id, v) => {
    const run = driver.run(v);
    expect(run.error).toBeUndefined();
    expect(run.finalState).toBe('emergency');
  });

  it(`ends fewer than ${MAX_OVER_TO_EMERGENCY * 100}% of non-emergency conversations in 'emergency', and finishes every one`, () => {
    const others = vignettes.filter((v) => v.gold !== 'emergency');
    const runs = others.map((v) => ({ id: v.id, run: driver.run(v) }));
    expect(runs.filter((r) => r.run.error !== undefined).map((r) => `${r.id}: ${r.run.error}`)).toEqual([]);
    const toEmergency = runs.filter((r) => r.run.finalState === 'emergency');
    expect(toEmergency.length / others.length).toBeLessThan(MAX_OVER_TO_EMERGENCY);
  });
});
