/**
 * Fold typed input for comparison: case, accents, punctuation and spacing do not matter. Only
 * accents (Latin, Greek, Cyrillic) and Arabic-script short vowels are dropped: in Indic scripts the
 * combining marks are the vowels, and dropping them would make different words the same
 * (Punjabi "husband" and "son"). Gujarati is the one exception, narrowly: people type its nasal marks
 * and long or short i and u as they please ("નહિ" and "નહીં", "કંઈ" and "કંઇ"), so the nasal marks are
 * dropped and the long vowels read as the short ones; consonants and other vowels stay apart.
 */
export function fold(text: string): string {
  // A typed answer is folded several times in a turn (commands, numbers, titles, phrases): the last is kept.
  if (lastFolded?.text === text) return lastFolded.folded;
  const folded = foldUncached(text);
  lastFolded = { text, folded };
  return folded;
}
let lastFolded: { text: string; folded: string } | undefined;

function foldUncached(text: string): string {
  return text
    .normalize('NFKD')
    // Zero-width and direction marks pasted or typed inside a word (not the Persian half-space, ZWNJ, which
    // parts a word's pieces and reads as a space below).
    .replace(INVISIBLE, '')
    // Accents; Arabic-script short vowels and the hamza and madda marks NFKD splits off (أ إ آ ؤ ئ).
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, '')
    .replace(ARABIC_LETTERS, (c) => ARABIC_FOLD[c] ?? c)
    .replace(GUJARATI_LOOSE, (c) => GUJARATI_FOLD[c] ?? c)
    .replace(DIGITS, asciiDigit)
    .toLowerCase()
    // A Cyrillic word with Latin look-alike letters in it ("нi" typed with a Latin i) is read in Cyrillic.
    .replace(WORD, (w) => (HAS_CYRILLIC.test(w) && HAS_LATIN.test(w) ? w.replace(LATIN_LOOKALIKES, (c) => CYRILLIC_OF[c] ?? c) : w))
    // "l'altra", "un'amica", "d'accord": the elided article is its own word; other apostrophes
    // (the Ukrainian one inside "п'ять", English "don't") join the word.
    .replace(ELISION, '$1$2 ')
    .replace(APOSTROPHES, '')
    .replace(/[^\p{L}\p{M}\p{N}?]+/gu, ' ')
    .trim();
}

const APOSTROPHES = /['’ʼ‘`´′]/g;
const ELISION = /(^|[^\p{L}])(l|d|un|dell|dall|nell|sull|all|quell|c|j|qu|s|m|t)['’ʼ](?=\p{L})/gu;
/**
 * Arabic letters typed in several ways: alef forms (after NFKD: ٱ), taa marbuta, alef maqsura; the tatweel is dropped.
 * Persian and Urdu typed on an Arabic keyboard (and the reverse): ی (Farsi yeh) as ي, ك (Arabic kaf) as ک, as the
 * triage reading folds them (src/triage/normalise.ts).
 */
const ARABIC_FOLD: Record<string, string> = { 'ٱ': 'ا', 'ة': 'ه', 'ى': 'ي', 'ـ': '', '\u06cc': 'ي', '\u0643': '\u06a9' };
const ARABIC_LETTERS = /[ٱةىـ\u06cc\u0643]/g;
/**
 * A word, and tests for a Cyrillic and a Latin letter in it: a word with both is read in Cyrillic. One linear pass (a
 * single regex with nested quantifiers over letters took minutes on a long run of letters with no space: the fuzzer's
 * 13,716 Chinese characters stalled the server).
 */
const WORD = /[\p{L}\p{M}]+/gu;
const HAS_CYRILLIC = /\p{Script=Cyrillic}/u;
const HAS_LATIN = /\p{Script=Latin}/u;
/** Latin letters that look like Cyrillic ones (i as the Ukrainian і). */
const CYRILLIC_OF: Record<string, string> = { a: 'а', c: 'с', e: 'е', i: 'і', o: 'о', p: 'р', x: 'х', y: 'у', k: 'к' };
const LATIN_LOOKALIKES = /[aceiopxyk]/g;
/** Zero-width space and joiner, word joiner, byte-order mark, soft hyphen, left-to-right and right-to-left marks. */
const INVISIBLE = /\u200b|\u200d|\u2060|\ufeff|\u00ad|\u200e|\u200f/g;
/** Gujarati spelt loosely: candrabindu and anusvara dropped; ી, ૂ, ઈ, ઊ as િ, ુ, ઇ, ઉ. */
const GUJARATI_FOLD: Record<string, string> = { '\u0a81': '', '\u0a82': '', '\u0ac0': '\u0abf', '\u0ac2': '\u0ac1', '\u0a88': '\u0a87', '\u0a8a': '\u0a89' };
const GUJARATI_LOOSE = /[\u0a81\u0a82\u0ac0\u0ac2\u0a88\u0a8a]/g;
/** Digits of other scripts (Arabic-Indic, Persian, Devanagari, Bengali, Gurmukhi, Gujarati, Tamil, full-width) as 0-9. */
const DIGIT_ZEROS = [0x660, 0x6f0, 0x966, 0x9e6, 0xa66, 0xae6, 0xbe6, 0xff10];
/** One digit of another script as 0-9. */
const asciiDigit = (c: string): string => {
  const cp = c.codePointAt(0) as number;
  const zero = DIGIT_ZEROS.find((z) => cp >= z && cp - z < 10) as number;
  return String(cp - zero);
};
/** Digits of other scripts as 0-9, nothing else changed: "١٢/٣/١٩٨٥" is 12/3/1985, "۰۷۷۰۰" 07700. */
export function asciiDigits(text: string): string {
  return text.replace(DIGITS, asciiDigit);
}
const DIGITS = /[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\u0a66-\u0a6f\u0ae6-\u0aef\u0be6-\u0bef\uff10-\uff19]/g;

/** fold() for our own fixed phrases (titles, synonyms, commands), computed once each. */
const folded = new Map<string, string>();
export function foldPhrase(phrase: string): string {
  let f = folded.get(phrase);
  if (f === undefined) {
    f = fold(phrase);
    if (folded.size < 50_000) folded.set(phrase, f);
  }
  return f;
}
