/** `npm run lint:content`: the reading age of every English string, failing above the agreed limits. */
import { join } from 'node:path';
import { MAX_AVERAGE_READING_AGE, MAX_MESSAGE_READING_AGE, MIN_WORDS_FOR_MESSAGE_CHECK, lintContent } from '../src/content/lintContent.js';

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
console.log(result.ok ? 'lint:content passed' : 'lint:content FAILED');
process.exit(result.ok ? 0 : 1);
