import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readability, type Readability } from './readability.js';

/**
 * The agreed plain-language limits for English texts (NHS content guidance aims at reading age 9):
 *   - the word-weighted average reading age of everything the patient reads is 9 or less;
 *   - no message of 6 words or more has a reading age above 12 (a few medical words are
 *     unavoidable). Flesch-Kincaid means nothing on a 1-5 word button title, so those count only
 *     towards the average.
 */
export const MAX_AVERAGE_READING_AGE = 9;
export const MAX_MESSAGE_READING_AGE = 12;
export const MIN_WORDS_FOR_MESSAGE_CHECK = 6;

type Tree = { [k: string]: string | string[] | Tree };

export interface ContentLintResult {
  strings: { file: string; key: string; text: string; score: Readability }[];
  averageReadingAge: number;
  tooHard: { file: string; key: string; text: string; score: Readability }[];
  ok: boolean;
}

function* strings(tree: Tree, prefix = ''): Generator<[string, string]> {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') yield [key, v];
    else if (!Array.isArray(v)) yield* strings(v, key);
  }
}

export function lintContent(dir: string): ContentLintResult {
  const all: ContentLintResult['strings'] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const tree = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Tree;
    for (const [key, text] of strings(tree)) all.push({ file, key, text, score: readability(text) });
  }
  const words = all.reduce((n, s) => n + s.score.words, 0);
  const averageReadingAge = words === 0 ? 0 : all.reduce((n, s) => n + s.score.readingAge * s.score.words, 0) / words;
  const tooHard = all.filter((s) => s.score.words >= MIN_WORDS_FOR_MESSAGE_CHECK && s.score.readingAge > MAX_MESSAGE_READING_AGE);
  return { strings: all, averageReadingAge, tooHard, ok: averageReadingAge <= MAX_AVERAGE_READING_AGE && tooHard.length === 0 };
}
