/**
 * npm run triage:shrunk [-- <lang>] — trigger phrases of emergency rules that shrink to ONE word once
 * filler words are dropped ("come un macigno" -> "macigno"), per language. Such a phrase fires on that
 * word alone, whatever it meant in the patient's sentence; each one listed is worth a reader's look
 * (a fluent speaker's, ideally): keep it if the word alone is the sign, else give it its body word.
 */
import { compileLanguages } from '../src/triage/compile.js';
import { loadTriageContent } from '../src/triage/loadContent.js';

const only = process.argv[2];
const content = loadTriageContent('dialogs');
const tier = new Map(content.rules.map((r) => [r.id, r.tier] as const));
for (const [lang, compiled] of compileLanguages(content)) {
  if (only && lang !== only) continue;
  const shrunk = [...compiled.byFirstId.values()]
    .flat()
    .filter((p) => tier.get(p.ruleId) === 'emergency' && p.ids.length === 1 && p.text.trim().split(/\s+/).length > 1)
    .map((p) => `  ${p.ruleId}: "${p.text}" -> "${compiled.vocab.word(p.ids[0] as number)}"`);
  console.log(`${lang}: ${shrunk.length} emergency phrase(s) shrink to one word`);
  for (const line of shrunk) console.log(line);
}
