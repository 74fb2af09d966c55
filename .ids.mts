import { createDialogDriver } from './bench/triageDialog.ts';
import { loadFrozenSets } from './bench/heldoutSets.ts';
const [key, ...ids] = process.argv.slice(2);
const d = createDialogDriver();
const set = loadFrozenSets().find((s) => s.key === key)!;
for (const v of set.cases.filter((c) => ids.includes(c.id))) { const r = d.run(v, { answering: set.answering ?? false }); console.log(v.id, r.tier, r.ruleIds.join(',')); }
