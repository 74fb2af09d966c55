/**
 * Explains a triage decision for one piece of text:  npm run triage -- "free text" [--lang eng]
 * Prints the rules that fire, the words that matched, what was suppressed (negation, past), and the
 * tier that decide() would set from this text alone. For developers and clinical reviewers; the
 * text is printed back only to the person who typed it and is never logged.
 */
import { createTriageEngine, loadTriageContent } from '../src/triage/index.js';

const args = process.argv.slice(2);
const langAt = args.indexOf('--lang');
const lang = langAt >= 0 ? (args[langAt + 1] ?? 'eng') : 'eng';
const text = args.filter((_, i) => langAt < 0 || (i !== langAt && i !== langAt + 1)).join(' ').trim();
if (!text) {
  console.error('usage: npm run triage -- "free text" [--lang eng]');
  process.exit(2);
}

const engine = createTriageEngine(loadTriageContent('dialogs'));
const screening = engine.screen(text, lang);
const explained = engine.explain(text, lang);

console.log(`ruleset ${engine.rulesetVersion}`);
console.log('\nRules that fire:');
if (screening.hits.length === 0) console.log('  (none)');
for (const h of screening.hits) {
  const ask = h.confirmQuestionId ? ` -> asks ${h.confirmQuestionId}` : '';
  console.log(`  ${h.ruleId} v${h.ruleVersion}  ${h.tier}/${h.disposition}  ${h.certainty}${ask}`);
  console.log(`      matched: ${h.matched.map((m) => `"${m}"`).join(', ')}`);
  for (const o of explained.filter((e) => e.ruleId === h.ruleId && e.cue)) {
    console.log(`      read as ${o.status} because of "${o.cue}"`);
  }
}
console.log('\nSuppressed:');
if (screening.suppressed.length === 0) console.log('  (none)');
for (const s of screening.suppressed) {
  const cue = explained.find((e) => e.ruleId === s.ruleId && e.phrase === s.phrase)?.cue;
  console.log(`  ${s.ruleId}  "${s.phrase}"  ${s.reason}${cue ? ` (cue "${cue}")` : ''}`);
}
const outcome = engine.decide({ need: 'need.new', texts: [{ text, lang }], answers: {}, presentRuleIds: [], deniedRuleIds: [] });
console.log(`\nTier from this text alone (unanswered questions count as present): ${outcome.tier} / ${outcome.disposition}`);
console.log(`  set by: ${outcome.ruleIds.join(', ') || '(default: no rule fired)'}`);
const next = engine.nextQuestion({ need: 'need.new', texts: [{ text, lang }], answers: {}, presentRuleIds: [], deniedRuleIds: [] });
console.log(`Next question: ${next ? `${next.id} (${next.promptKey})` : '(none)'}`);
