/**
 * `npm run lint:content`: all content loads and validates as it does at start-up (dialogs/, locales/:
 * schemas, unknown or duplicate rule ids, triggers), then the reading age of every English string,
 * failing above the agreed limits.
 */
import { join } from 'node:path';
import { MAX_AVERAGE_READING_AGE, MAX_MESSAGE_READING_AGE, MIN_WORDS_FOR_MESSAGE_CHECK, lintContent } from '../src/content/lintContent.js';
import { loadContent } from '../src/server/content.js';
import { reviewShrinks } from '../src/triage/checkShrinks.js';
import { readTriageContent } from '../src/triage/loadContent.js';

try {
  loadContent(join(import.meta.dirname, '..'));
} catch (err) {
  console.log(`lint:content FAILED: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
// Start-up refuses unreviewed shrinking triggers (H102); a review entry that matches no phrase any more only fails here.
const { stale } = reviewShrinks(readTriageContent(join(import.meta.dirname, '..', 'dialogs')));
for (const s of stale) console.log(`stale shrink review (${s.file}): ${JSON.stringify(s.entry)}: remove it (npm run triage:shrunk)`);

const result = lintContent(join(import.meta.dirname, '..', 'locales', 'en'));
for (const s of result.strings) {
  console.log(`${s.score.readingAge.toFixed(1).padStart(5)}  ${String(s.score.words).padStart(3)} words  ${s.file}:${s.key}`);
}
const words = result.strings.reduce((n, s) => n + s.score.words, 0);
console.log(
  `\n${result.strings.length} English strings, ${words} words; average reading age ${result.averageReadingAge.toFixed(1)} (limit ${MAX_AVERAGE_READING_AGE}); ` +
    `limit ${MAX_MESSAGE_READING_AGE} for messages of ${MIN_WORDS_FOR_MESSAGE_CHECK}+ words.`,
);
for (const s of result.tooHard) console.log(`too hard (${s.score.readingAge.toFixed(1)}): ${s.file}:${s.key}: ${s.text}`);
const ok = result.ok && stale.length === 0;
console.log(ok ? 'lint:content passed' : 'lint:content FAILED');
process.exit(ok ? 0 : 1);
