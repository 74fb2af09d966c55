import { createDialogDriver } from './bench/triageDialog.ts';
import { loadFrozenSets } from './bench/heldoutSets.ts';
import { loadPatientSigns, signsAsked } from './bench/answeringPatient.ts';
import { TIER_RANK } from './src/domain/types.ts';
const driver = createDialogDriver();
const ps = loadPatientSigns('.');
const sets = (process.argv[2] ?? 'd,e,f,g').split(',');
const miss = new Map<string, string[]>();
for (const s of sets) for (const set of loadFrozenSets().filter((f) => f.key === `heldout-2026-12${s}-answering`)) {
  for (const v of set.cases) {
    const run = driver.run(v, { answering: true });
    if ((run.tier ? TIER_RANK[run.tier] : -1) >= TIER_RANK[v.gold]) continue;
    const askedSigns = new Set(run.asked.flatMap((q) => (signsAsked(ps, q) ?? []).flat()));
    const un = (v.yesTo ?? []).filter((x) => !['still_happening', 'started_last_week'].includes(x) && !askedSigns.has(x));
    console.log(`${v.id} ${v.gold}->${run.tier} need=${v.need} area=${v.area} src=${v.source} unasked=${un.join(',')} rules=${run.ruleIds.join(',')}`);
    for (const u of un) (miss.get(u) ?? miss.set(u, []).get(u))!.push(v.id);
  }
}
console.log([...miss].sort((a, b) => b[1].length - a[1].length).map(([k, v]) => `${k} ${v.length}`).join('\n'));
