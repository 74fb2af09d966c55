import { createTypedReader } from './bench/typedAnswers.js';
import { loadVignettes } from './bench/triageSim.js';
const { read } = createTypedReader();
for (const v of loadVignettes('tests/triage/vignettes')) {
  const p = read({ lang: 'eng', kind: 'opening', text: v.text });
  if (!p.ok || !p.describes) console.log(v.id, JSON.stringify(v.text), JSON.stringify(p));
}
