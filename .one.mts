import { createDialogDriver } from './bench/triageDialog.ts';
import { loadFrozenSets } from './bench/heldoutSets.ts';
const [key, id] = process.argv.slice(2);
const d = createDialogDriver();
const set = loadFrozenSets().find((s) => s.key === key)!;
const v = set.cases.find((c) => c.id === id)!;
console.log(JSON.stringify(d.run(v, { answering: set.answering ?? false }), null, 1));
