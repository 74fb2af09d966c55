/**
 * The frozen evaluation sets, one place for bench:triage and tests/triage/heldout.test.ts.
 * 2026-12: one file per set (heldout.json, paraphrase.json). 2026-12b: one file per language
 * (heldout-<lang>.json, paraphrase-<lang>.json), written by three writers blind to the rules.
 * 2026-12c: the same layout, written by four writers blind to the rules and to both earlier sets.
 * 2026-12d: the same layout, written by five writers blind to the rules and to the earlier sets, with
 * each case's `area` and `yesTo` signs (bench/answeringPatient.ts); scored twice, by the silent
 * patient and by the answering patient (keys ending `-answering`). 2026-12e: the same again, written
 * after every change of the session that wrote 2026-12d, for one clean figure. 2026-12f: the same again, written
 * and frozen before round 9's changes (pre-registered in its README), when 2026-12d was opened for development.
 * 2026-12g: the same again, written and frozen before round 10's changes, when 2026-12e and 2026-12f were opened.
 * 2026-12h: the same again, written and frozen before round 11's changes, when 2026-12g was opened; opened itself
 * for development on 2026-12-07 before round 12.
 * 2026-12i: the same again, written and frozen before round 12's changes, when 2026-12h was opened; opened itself
 * for development on 2026-12-07 before round 13.
 * 2026-12j: the same again, written and frozen before round 13's changes, when 2026-12i was opened; larger per
 * language (20 cases, 8 emergencies; English 40); opened itself for development on 2026-12-07 before round 14.
 * 2026-12k: the same again (same kit and counts as 2026-12j), written and frozen before round 14's changes;
 * opened itself for development on 2026-12-07 before round 15.
 * 2026-12l: the same size and design, written from a new kit (a new list of kinds of case, so new pictures) and frozen
 * before round 15's changes.
 * 2026-12m: the same size and design, from another new kit (kinds unlike 2026-12l's), written when round 15 was
 * built and frozen before round 16's changes; its cases may name the check line they pick by its id. 2026-12l and
 * 2026-12m were opened for development on 2026-12-07 after their second runs.
 * 2026-12n: the same size and design, from a third new kit (kinds unlike 2026-12l's and 2026-12m's), written and frozen
 * before round 18's changes (the structured net by area); opened for development on 2026-12-07 after its second run.
 * 2026-12o: the same size and design, from a fourth new kit (kinds unlike 2026-12l's, m's and n's), written and frozen
 * before round 19's changes.
 * 2026-12p: the same size and design, from a fifth new kit (kinds unlike 2026-12l's to o's) and a sign list grown by 19
 * NHS urgent and A&E signs, written and frozen before round 20's changes (an urgent check, area questions for the new signs).
 * 2026-12q: the same size and design, from a sixth new kit (kinds unlike 2026-12l's to p's; self-care kinds from the
 * conditions a pharmacist treats) and 9 signs that say what the problem is, written and frozen before round 22's changes;
 * opened for development on 2026-12-07 21:31 after round 23's run 2.
 * 2026-12r: the same size and design, from a seventh new kit (kinds unlike 2026-12l's to q's), written and frozen after
 * round 22's pre-registered changes merged (a clean figure for them) and before H92 (typed yes, no and not sure).
 * 2026-12s: the same size and design, from an eighth new kit (kinds unlike 2026-12l's to r's), written and frozen before
 * round 23's changes merged (pre-registered in its README); opened for development on 2026-12-07 23:35 before round 24.
 * 2026-12t: the same size and design, from a ninth new kit (kinds unlike 2026-12l's to s's), written and frozen before
 * round 24's changes merged (pre-registered in its README and 2026-12r's).
 * `key` names the set in tests/triage/known-misses.json.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadVignetteFile, type Vignette } from './triageSim.js';

export interface FrozenSet {
  key: string;
  name: string;
  /** The held-out set proper (not its paraphrases): at least 10 cases and 5 emergencies per language. */
  heldout: boolean;
  cases: Vignette[];
  /** Run with the answering patient (bench/answeringPatient.ts) instead of the silent one. */
  answering?: boolean;
}

/** Every `<prefix>-<lang>.json` in `dir`, in file-name order (none when the folder is absent). */
function loadPerLanguage(dir: string, prefix: string): Vignette[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.json'))
    .sort()
    .flatMap((f) => loadVignetteFile(join(dir, f)));
}

export function loadFrozenSets(root = 'tests/triage'): FrozenSet[] {
  const a = join(root, 'heldout-2026-12');
  const b = join(root, 'heldout-2026-12b');
  const c = join(root, 'heldout-2026-12c');
  const d = join(root, 'heldout-2026-12d');
  const e = join(root, 'heldout-2026-12e');
  const f = join(root, 'heldout-2026-12f');
  const g = join(root, 'heldout-2026-12g');
  const h = join(root, 'heldout-2026-12h');
  const i = join(root, 'heldout-2026-12i');
  const j = join(root, 'heldout-2026-12j');
  const k = join(root, 'heldout-2026-12k');
  const l = join(root, 'heldout-2026-12l');
  const m = join(root, 'heldout-2026-12m');
  const n = join(root, 'heldout-2026-12n');
  const o = join(root, 'heldout-2026-12o');
  const p = join(root, 'heldout-2026-12p');
  const q = join(root, 'heldout-2026-12q');
  const r = join(root, 'heldout-2026-12r');
  const s = join(root, 'heldout-2026-12s');
  const t = join(root, 'heldout-2026-12t');
  return [
    { key: 'heldout', name: 'held-out 2026-12 (frozen; scored many times since, see its README)', heldout: true, cases: loadVignetteFile(join(a, 'heldout.json')) },
    { key: 'paraphrase', name: 'paraphrase 2026-12 (frozen)', heldout: false, cases: loadVignetteFile(join(a, 'paraphrase.json')) },
    { key: 'heldout-2026-12b', name: 'held-out 2026-12b (frozen, second set, never read)', heldout: true, cases: loadPerLanguage(b, 'heldout') },
    { key: 'paraphrase-2026-12b', name: 'paraphrase 2026-12b (frozen, never read)', heldout: false, cases: loadPerLanguage(b, 'paraphrase') },
    { key: 'heldout-2026-12c', name: 'held-out 2026-12c (frozen, third set, never read)', heldout: true, cases: loadPerLanguage(c, 'heldout') },
    { key: 'paraphrase-2026-12c', name: 'paraphrase 2026-12c (frozen, never read)', heldout: false, cases: loadPerLanguage(c, 'paraphrase') },
    // Opened for development on 2026-12-06 at 17:47 UTC (its README): read in full since, so not blind.
    ...answeringSet(d, '2026-12d', 'fourth set', 'opened for development on 2026-12-06, read in full: not blind'),
    ...answeringSet(e, '2026-12e', 'fifth set', 'used up, opened for development on 2026-12-06 20:20: not blind'),
    ...answeringSet(f, '2026-12f', 'sixth set', 'used up, opened for development on 2026-12-06 20:20: not blind'),
    ...answeringSet(g, '2026-12g', 'seventh set', 'used up, opened for development on 2026-12-06 23:20: not blind'),
    ...answeringSet(h, '2026-12h', 'eighth set', 'used up, opened for development on 2026-12-07 02:25: not blind'),
    ...answeringSet(i, '2026-12i', 'ninth set', 'used up, opened for development on 2026-12-07 04:59: not blind'),
    ...answeringSet(j, '2026-12j', 'tenth set', 'used up, opened for development on 2026-12-07 06:01: not blind'),
    ...answeringSet(k, '2026-12k', 'eleventh set', 'used up, opened for development on 2026-12-07 09:05: not blind'),
    ...answeringSet(l, '2026-12l', 'twelfth set, new kinds', 'used up, opened for development on 2026-12-07 10:35: not blind'),
    ...answeringSet(m, '2026-12m', 'thirteenth set, other new kinds', 'used up, opened for development on 2026-12-07 10:35: not blind'),
    ...answeringSet(n, '2026-12n', 'fourteenth set, a third kit of new kinds', 'used up, opened for development on 2026-12-07 12:52: not blind'),
    ...answeringSet(o, '2026-12o', 'fifteenth set, a fourth kit of new kinds'),
    ...answeringSet(p, '2026-12p', 'sixteenth set, a fifth kit of new kinds and 19 new signs'),
    ...answeringSet(q, '2026-12q', 'seventeenth set, a sixth kit of new kinds and 9 signs of what the problem is', 'used up, opened for development on 2026-12-07 21:31: not blind'),
    ...answeringSet(r, '2026-12r', 'eighteenth set, a seventh kit of new kinds, written after round 22'),
    ...answeringSet(s, '2026-12s', 'nineteenth set, an eighth kit of new kinds', 'used up, opened for development on 2026-12-07 23:35: not blind'),
    ...answeringSet(t, '2026-12t', 'twentieth set, a ninth kit of new kinds'),
  ];
}

/** A set with `area` and `yesTo`: scored by the silent and by the answering patient, held-out and paraphrase. */
function answeringSet(dir: string, tag: string, which: string, status = 'frozen, never read'): FrozenSet[] {
  const heldout = loadPerLanguage(dir, 'heldout');
  const paraphrase = loadPerLanguage(dir, 'paraphrase');
  return [
    { key: `heldout-${tag}`, name: `held-out ${tag}, silent patient (${which}, ${status})`, heldout: true, cases: heldout },
    { key: `paraphrase-${tag}`, name: `paraphrase ${tag}, silent patient (${status})`, heldout: false, cases: paraphrase },
    { key: `heldout-${tag}-answering`, name: `held-out ${tag}, answering patient (${which}, ${status})`, heldout: true, cases: heldout, answering: true },
    { key: `paraphrase-${tag}-answering`, name: `paraphrase ${tag}, answering patient (${status})`, heldout: false, cases: paraphrase, answering: true },
  ];
}
