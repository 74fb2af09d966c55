/**
 * Language detection for one patient message. Pure and fast (tens of µs): it never switches
 * anything itself; the policy (policy.ts) decides whether to offer a switch.
 * Order inside: length gate → writing system → shared-script scoring (franc-all + word lists).
 */
import type { LangCode } from '../domain/types.js';
import { BUILTIN_LANGUAGES } from './builtin.js';
import { ARABIC_INDEX, CYRILLIC_INDEX, LATIN_INDEX, PERSO_URDU_LETTERS } from './lexicon.js';
import { localeToLang } from './locale.js';
import { LETTER_WEIGHT, LOCALE_HINT_WEIGHT, addBonus, addLetterHits, addWordHits, francScores, ranked, type Scores } from './score.js';
import { foldLatin, shapeOf, type ScriptName, type TextShape } from './text.js';

export type DetectReason = 'script' | 'franc' | 'lexicon' | 'too-short' | 'no-letters' | 'unsupported';

export interface Detection {
  /** Best guess, or null when the message says nothing reliable about language. */
  lang: LangCode | null;
  /** 'high' only when the message is long enough to act on and the evidence is clear. */
  confidence: 'high' | 'low';
  reason: DetectReason;
  /** The message is long enough for the policy to act on (offer a switch). */
  longEnough: boolean;
}

export interface DetectOptions {
  current: LangCode;
  supported: readonly LangCode[];
  /** activity.locale; a weak hint only. */
  channelLocale?: string;
  /** The question asked expects a short answer (name, date, yes/no): demand more text. */
  expectsShortAnswer?: boolean;
}

/** Scripts that belong to exactly one supported language. */
const SCRIPT_LANG: Partial<Record<ScriptName, LangCode>> = {
  Gurmukhi: 'pan', Bengali: 'ben', Gujarati: 'guj', Tamil: 'tam', Han: 'cmn', Cyrillic: 'ukr',
};
const INDIC: ReadonlySet<ScriptName> = new Set(['Gurmukhi', 'Bengali', 'Gujarati', 'Tamil']);

/** [units, letters] needed to guess at all, to act normally, and to act when a short answer is expected. */
const GATES = {
  guess: { alphabet: [3, 10], indic: [3, 6], han: [4, 4] },
  act: { alphabet: [4, 15], indic: [4, 10], han: [5, 5] },
  actShort: { alphabet: [6, 25], indic: [6, 16], han: [10, 10] },
} as const;

/** Margin between the two best shared-script scores below which the guess stays 'low'. */
export const MIN_MARGIN = 0.3;

function passes(shape: TextShape, script: ScriptName, gate: keyof typeof GATES): boolean {
  const kind = script === 'Han' ? 'han' : INDIC.has(script) ? 'indic' : 'alphabet';
  const [units, letters] = GATES[gate][kind];
  return shape.units >= units && shape.letters >= letters;
}

/**
 * franc-all's trigrams were unreliable on short Ukrainian/Russian messages, so only word lists
 * and signature letters decide; a tie stays Ukrainian (the supported one).
 */
function looksRussian(text: string, shape: TextShape): boolean {
  const scores: Scores = new Map([['ukr', 0], ['rus', 0]]);
  addWordHits(scores, shape.words, CYRILLIC_INDEX, (w) => [w]);
  addLetterHits(scores, text, CYRILLIC_INDEX);
  return (scores.get('rus') ?? 0) > (scores.get('ukr') ?? 0);
}
const URDU_ONLY = /[ٹڈڑںےھۓہ]/u;

/**
 * One message is detected up to three times in a turn (which languages to screen it in, whether to
 * offer a switch, which language its text is tagged with); detection is pure, so the last answer
 * is kept for the same text and options.
 */
let last: { text: string; opts: DetectOptions; found: Readonly<Detection> } | undefined;

export function detectLanguage(text: string, opts: DetectOptions): Readonly<Detection> {
  if (last && last.text === text && sameOptions(last.opts, opts)) return last.found;
  const found = Object.freeze(detect(text, opts));
  last = { text, opts: { ...opts, supported: [...opts.supported] }, found };
  return found;
}

function sameOptions(a: DetectOptions, b: DetectOptions): boolean {
  return (
    a.current === b.current &&
    a.channelLocale === b.channelLocale &&
    a.expectsShortAnswer === b.expectsShortAnswer &&
    (a.supported === b.supported || (a.supported.length === b.supported.length && a.supported.every((l, i) => l === b.supported[i])))
  );
}

function detect(text: string, opts: DetectOptions): Detection {
  const shape = shapeOf(text);
  const script = shape.dominant;
  if (script === null) return { lang: null, confidence: 'low', reason: 'no-letters', longEnough: false };
  // Names and addresses ("Anna Maria Kowalska", "High Street London") say nothing about the patient's language.
  const nameLike = shape.allTitleCase && shape.units <= 4;
  if (nameLike || !passes(shape, script, 'guess')) return { lang: null, confidence: 'low', reason: 'too-short', longEnough: false };
  const canAct = passes(shape, script, opts.expectsShortAnswer ? 'actShort' : 'act');
  const supported = (l: LangCode | undefined): l is LangCode => l !== undefined && opts.supported.includes(l);

  const single = SCRIPT_LANG[script];
  if (single !== undefined) {
    if (!supported(single)) return { lang: null, confidence: 'low', reason: 'unsupported', longEnough: canAct };
    // Russian is not supported; offering Ukrainian to a Russian writer is a choice for the patient, not us.
    if (script === 'Cyrillic' && looksRussian(text, shape)) {
      return { lang: null, confidence: 'low', reason: 'unsupported', longEnough: canAct };
    }
    return { lang: single, confidence: canAct ? 'high' : 'low', reason: 'script', longEnough: canAct };
  }
  const hint = localeToLang(opts.channelLocale, BUILTIN_LANGUAGES);
  if (script === 'Arabic') return fromScores(arabicScores(text, shape, opts.supported, hint), canAct, 'script');
  if (script === 'Latin') {
    const scores = latinScores(text, shape, opts.supported, hint);
    const best = ranked(scores);
    // Roman Urdu has no trigram data: it can only win on word lists, so it is never more than a hint.
    if (best?.top === 'urd') return { lang: 'urd', confidence: 'low', reason: 'lexicon', longEnough: canAct };
    return fromScores(scores, canAct, 'franc');
  }
  return { lang: null, confidence: 'low', reason: 'unsupported', longEnough: canAct };
}

function fromScores(scores: Scores, canAct: boolean, reason: DetectReason): Detection {
  const best = ranked(scores);
  if (best === null) return { lang: null, confidence: 'low', reason: 'unsupported', longEnough: canAct };
  return { lang: best.top, confidence: canAct && best.margin >= MIN_MARGIN ? 'high' : 'low', reason, longEnough: canAct };
}

function latinScores(text: string, shape: TextShape, supported: readonly LangCode[], hint: LangCode | null): Scores {
  const candidates = LATIN_INDEX.langs.filter((l) => supported.includes(l));
  if (supported.includes('urd')) candidates.push('urd');
  const scores = francScores(text, candidates, LATIN_INDEX.langs);
  addWordHits(scores, shape.words, LATIN_INDEX, (w) => {
    const folded = foldLatin(w);
    // "j'ai", "aujourd'hui": try the whole word and its parts.
    return folded.includes("'") ? [folded, ...folded.split("'")] : [folded];
  });
  addLetterHits(scores, text, LATIN_INDEX);
  addBonus(scores, hint, LOCALE_HINT_WEIGHT);
  return scores;
}

const PERSIANISE: Record<string, string> = { 'ي': 'ی', 'ك': 'ک', 'ى': 'ی' };

function arabicScores(text: string, shape: TextShape, supported: readonly LangCode[], hint: LangCode | null): Scores {
  const candidates = ARABIC_INDEX.langs.filter((l) => supported.includes(l));
  const scores = francScores(text, candidates, ARABIC_INDEX.langs);
  // Persian typed on an Arabic keyboard uses ي and ك; look words up in both spellings.
  addWordHits(scores, shape.words, ARABIC_INDEX, (w) => {
    const bare = w.replace(/\p{M}/gu, '');
    return [bare, bare.replace(/[يكى]/g, (c) => PERSIANISE[c] ?? c)];
  });
  addLetterHits(scores, text, ARABIC_INDEX);
  const hasPersoUrdu = [...text].some((c) => PERSO_URDU_LETTERS.has(c));
  if (hasPersoUrdu && !URDU_ONLY.test(text)) addBonus(scores, 'pes', LETTER_WEIGHT * 0.67);
  addBonus(scores, hint, LOCALE_HINT_WEIGHT);
  return scores;
}
