/**
 * The frozen held-out and paraphrase sets (tests/triage/heldout-2026-12/, written blind to the rules
 * by another engineer) run through the whole dialog, each case in its own language, with the
 * simulated patient answering the emergency check from `recognises999Sign` (bench/triageDialog.ts).
 * Any missed emergency fails. Failure messages carry case ids, languages and tiers only, never the
 * case text: nobody tuning rules reads these cases; misses are fixed from NHS/NICE sources for the
 * kind of emergency, never by editing this test or the cases.
 */
import { createDialogDriver } from '../../bench/triageDialog.js';
import { loadVignetteFile } from '../../bench/triageSim.js';

const DIR = 'tests/triage/heldout-2026-12';
const driver = createDialogDriver();
const sets = ['heldout', 'paraphrase'].map((name) => ({ name, cases: loadVignetteFile(`${DIR}/${name}.json`) }));

describe.each(sets)('the $name set through the dialog', ({ name, cases }) => {
  const emergencies = cases.filter((v) => v.gold === 'emergency');

  it('has cases to run (the paraphrase set may not be written yet)', () => {
    if (name === 'heldout') expect(emergencies.length).toBeGreaterThanOrEqual(40);
  });

  it('misses no emergency (ids, languages and tiers only)', () => {
    const missed = emergencies
      .map((v) => ({ v, run: driver.run(v) }))
      .filter(({ run }) => run.finalState !== 'emergency')
      .map(({ v, run }) => `${v.id} (${v.lang ?? 'eng'}): ended ${run.tier ?? 'unfinished'}${run.error ? ', not finished' : ''}`);
    expect(missed).toEqual([]);
  });
});
