/**
 * Loads the detection hints in lexicon.json (function words, signature letters, Roman Urdu words)
 * and indexes them once at start-up so each detection is a few map look-ups.
 */
import { z } from 'zod';
import raw from './lexicon.json' with { type: 'json' };
import type { LangCode } from '../domain/types.js';
import { foldLatin } from './text.js';

const Entry = z.object({ words: z.array(z.string().min(1)), letters: z.string() });
const LexiconSchema = z.object({
  $comment: z.string(),
  latin: z.record(z.string().regex(/^[a-z]{3}$/), Entry),
  urdRoman: z.array(z.string().min(1)),
  arabic: z.record(z.string().regex(/^[a-z]{3}$/), Entry),
  cyrillic: z.object({ ukr: Entry, rus: Entry }),
  arabicHints: z.object({ $comment: z.string(), persoUrdu: z.string().min(1) }),
});

export interface LexiconIndex {
  /** Languages (franc codes) the index knows in this script. */
  langs: LangCode[];
  /** word → languages that list it. */
  words: Map<string, LangCode[]>;
  /** letter → languages that list it. */
  letters: Map<string, LangCode[]>;
}

function addTo(map: Map<string, LangCode[]>, key: string, lang: LangCode): void {
  const list = map.get(key) ?? [];
  if (!list.includes(lang)) list.push(lang);
  map.set(key, list);
}

function buildIndex(entries: Record<string, { words: string[]; letters: string }>, fold: (w: string) => string): LexiconIndex {
  const index: LexiconIndex = { langs: Object.keys(entries), words: new Map(), letters: new Map() };
  for (const [lang, entry] of Object.entries(entries)) {
    for (const word of entry.words) addTo(index.words, fold(word), lang);
    for (const letter of entry.letters) addTo(index.letters, letter, lang);
  }
  return index;
}

const lexicon = LexiconSchema.parse(raw);

/** Latin-script languages with franc trigram data, plus Roman Urdu words under 'urd'. */
export const LATIN_INDEX: LexiconIndex = (() => {
  const index = buildIndex(lexicon.latin, foldLatin);
  for (const word of lexicon.urdRoman) addTo(index.words, foldLatin(word), 'urd');
  return index;
})();

/** Arabic-script languages: urd, arb, pes. */
export const ARABIC_INDEX: LexiconIndex = buildIndex(lexicon.arabic, (w) => w);

/** Ukrainian (supported) against Russian (not supported), which share the script. */
export const CYRILLIC_INDEX: LexiconIndex = buildIndex(lexicon.cyrillic, (w) => w);

/** Letters Urdu and Persian share and Arabic does not use. */
export const PERSO_URDU_LETTERS: ReadonlySet<string> = new Set(lexicon.arabicHints.persoUrdu);
