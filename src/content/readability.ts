import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

/**
 * Readability of one English text, as NHS content guidance measures it: Flesch-Kincaid grade,
 * and reading age = grade + 5 (UK reading age is roughly the US grade plus five years).
 * Placeholders ({{practice}}) count as one short word; phone numbers and web addresses are ignored.
 */
export interface Readability {
  words: number;
  sentences: number;
  grade: number;
  readingAge: number;
}

export function readability(text: string): Readability {
  const plain = text
    .replace(/\{\{[^}]+\}\}/g, 'name')
    .replace(/\b[\w.-]+\.(?:uk|com|org)(?:\/[\w/.-]*)?/g, 'site')
    .replace(/\[[^\]]+\]/g, 'this')
    .replace(/\b\d[\d\s/]*\d\b|\b\d\b/g, 'one');
  const sentences = Math.max(1, plain.split(/[.!?]+(?:\s|$)/).filter((s) => /\p{L}/u.test(s)).length);
  const words = plain.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const syllables = words.reduce((sum, w) => sum + Math.max(1, syllable(w)), 0);
  const grade = words.length === 0 ? 0 : fleschKincaid({ sentence: sentences, word: words.length, syllable: syllables });
  return { words: words.length, sentences, grade, readingAge: Math.max(5, grade + 5) };
}
