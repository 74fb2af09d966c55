/**
 * `npm run triage:shrunk -- [lang] [--all]`: trigger phrases that shrink to a broader phrase once filler words are
 * dropped (H102, src/triage/checkShrinks.ts), the same list start-up checks. By default the ones not yet reviewed
 * (start-up refuses them) and the reviewed entries that match no phrase any more; `--all` every shrinking phrase,
 * reviewed or not. Each unreviewed one is printed with the entry to add to dialogs/redflags/shrinks/<lang>.json
 * once a person has checked that its shrunk form still means only what the phrase means.
 */
import { join } from 'node:path';
import { describeShrink, findShrinks, reviewShrinks } from '../src/triage/checkShrinks.js';
import { readTriageContent } from '../src/triage/loadContent.js';

const args = process.argv.slice(2);
const all = args.includes('--all');
const only = args.find((a) => !a.startsWith('--'));
const content = readTriageContent(join(import.meta.dirname, '..', 'dialogs'));
const { unreviewed, stale } = reviewShrinks(content);
const inLang = <T extends { lang: string }>(list: T[]): T[] => list.filter((s) => !only || s.lang === only);

if (all) {
  const open = new Set(unreviewed.map((s) => `${s.lang} ${s.ruleId} ${s.kind} ${s.phrase}`));
  for (const s of inLang(findShrinks(content))) {
    console.log(`${open.has(`${s.lang} ${s.ruleId} ${s.kind} ${s.phrase}`) ? 'UNREVIEWED' : 'reviewed  '} ${describeShrink(s)}`);
  }
}
for (const s of inLang(unreviewed)) {
  if (!all) console.log(describeShrink(s));
  console.log(`  entry for redflags/shrinks/${s.lang}.json: ${JSON.stringify({ rule: s.ruleId, kind: s.kind, phrase: s.phrase, shrunk: s.shrunk, note: '<why the shrunk form is harmless>' })}`);
}
for (const s of inLang(stale)) console.log(`${s.file}: reviewed entry matches no shrinking phrase any more, remove it: ${JSON.stringify(s.entry)}`);
console.log(`${inLang(unreviewed).length} unreviewed, ${inLang(stale).length} stale review entries${only ? ` (${only})` : ''}`);
process.exit(inLang(unreviewed).length + inLang(stale).length > 0 ? 1 : 0);
