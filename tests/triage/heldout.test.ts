/**
 * The frozen held-out and paraphrase sets (tests/triage/heldout-2026-12/, written blind to the rules
 * by another engineer) run through the whole dialog, each case in its own language, with the
 * simulated patient answering the emergency check from `recognises999Sign` (bench/triageDialog.ts).
 * Any missed emergency that is not in `known-misses.json` fails, and so does a known miss that is now
 * found (take it off the list): the list can only shrink. It is the open safety work, stated, not a
 * pass: every entry is a real emergency the bot does not find yet (hazard log, "Held-out findings").
 * Failure messages carry case ids, languages and tiers only, never the case text: nobody tuning rules
 * reads these cases; misses are fixed from NHS/NICE sources for the kind of emergency, never by
 * editing this test or the cases.
 */
import { readFileSync } from 'node:fs';
import { createDialogDriver } from '../../bench/triageDialog.js';
import { loadFrozenSets } from '../../bench/heldoutSets.js';

const known = JSON.parse(readFileSync('tests/triage/known-misses.json', 'utf8')) as { misses: Record<string, string[]> };
const driver = createDialogDriver();
const sets = loadFrozenSets();

describe.each(sets)('the $key set through the dialog', ({ key, heldout, cases, answering }) => {
  const emergencies = cases.filter((v) => v.gold === 'emergency');

  it('has cases to run: a held-out set has at least 10 cases and 5 emergencies in each of the 20 languages', () => {
    if (!heldout) return;
    const languages = (JSON.parse(readFileSync('locales/languages.json', 'utf8')) as { languages: { code: string }[] }).languages;
    const short = languages
      .map(({ code }) => ({ code, all: cases.filter((v) => (v.lang ?? 'eng') === code) }))
      .filter(({ all }) => all.length < 10 || all.filter((v) => v.gold === 'emergency').length < 5)
      .map(({ code }) => code);
    expect(short).toEqual([]);
  });

  it('misses no emergency beyond the known misses, and every known miss is still missed (ids, languages and tiers only)', () => {
    const runs = emergencies.map((v) => ({ v, run: driver.run(v, { answering: answering ?? false }) })).filter(({ run }) => run.finalState !== 'emergency');
    const listed = new Set(known.misses[key] ?? []);
    const newMisses = runs
      .filter(({ v }) => !listed.has(v.id))
      .map(({ v, run }) => `${v.id} (${v.lang ?? 'eng'}): ended ${run.tier ?? 'unfinished'}${run.error ? ', not finished' : ''}`);
    expect(newMisses).toEqual([]);
    const nowFound = [...listed].filter((id) => !runs.some(({ v }) => v.id === id));
    expect(nowFound).toEqual([]);
  });
});
