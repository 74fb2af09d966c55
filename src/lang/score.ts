/**
 * Scores for languages that share a writing system (Latin: eng, pol, spa…; Arabic: urd, arb, pes).
 * franc-all alone gets about 89% on short patient messages (see docs: stack notes, section 4),
 * so its trigram score is combined with function-word hits and signature letters.
 */
import { francAll } from 'franc-all';
import type { LangCode } from '../domain/types.js';
import type { LexiconIndex } from './lexicon.js';

/** Weights measured in the stack-notes prototype; a word or letter shared by n languages counts 1/n. */
export const WORD_WEIGHT = 0.6;
export const LETTER_WEIGHT = 1.5;
/** Letters can prove a language but should not drown the rest of the evidence. */
const LETTER_CAP = 1.5;
export const LOCALE_HINT_WEIGHT = 0.3;

export type Scores = Map<LangCode, number>;

/** franc-all's normalised scores (best = 1) for the candidates it has trigram data for. */
export function francScores(text: string, candidates: readonly LangCode[], francable: readonly LangCode[]): Scores {
  const only = candidates.filter((c) => francable.includes(c));
  const scores: Scores = new Map();
  if (only.length === 0) return scores;
  for (const [lang, score] of francAll(text.toLowerCase(), { only, minLength: 1 })) {
    if (lang !== 'und') scores.set(lang, score);
  }
  // Candidates without trigram data (Roman Urdu) start from the weakest franc score, so only
  // their word evidence can lift them.
  const floor = scores.size > 0 ? Math.min(...scores.values()) : 0;
  for (const c of candidates) if (!scores.has(c)) scores.set(c, floor);
  return scores;
}

export function addWordHits(scores: Scores, words: readonly string[], index: LexiconIndex, keys: (w: string) => string[]): void {
  for (const word of words) {
    const langs = new Set<LangCode>();
    for (const key of keys(word)) for (const l of index.words.get(key) ?? []) langs.add(l);
    const inPlay = [...langs].filter((l) => scores.has(l));
    for (const l of inPlay) scores.set(l, (scores.get(l) ?? 0) + WORD_WEIGHT / inPlay.length);
  }
}

export function addLetterHits(scores: Scores, text: string, index: LexiconIndex): void {
  const bonus = new Map<LangCode, number>();
  for (const ch of new Set(text.toLowerCase())) {
    const langs = (index.letters.get(ch) ?? []).filter((l) => scores.has(l));
    for (const l of langs) bonus.set(l, (bonus.get(l) ?? 0) + LETTER_WEIGHT / langs.length);
  }
  for (const [l, b] of bonus) scores.set(l, (scores.get(l) ?? 0) + Math.min(b, LETTER_CAP));
}

export function addBonus(scores: Scores, lang: LangCode | null, weight: number): void {
  if (lang !== null && scores.has(lang)) scores.set(lang, (scores.get(lang) ?? 0) + weight);
}

/** Best and runner-up, or null when there is nothing to rank. */
export function ranked(scores: Scores): { top: LangCode; margin: number } | null {
  const sorted = [...scores].sort((a, b) => b[1] - a[1]);
  const first = sorted[0];
  if (!first) return null;
  return { top: first[0], margin: first[1] - (sorted[1]?.[1] ?? 0) };
}
