/**
 * Text normalisation shared by trigger phrases (at load time) and patient text (at screen time).
 * Both sides go through the same steps, so lossy steps (collapsing repeated letters, stemming)
 * cannot create a mismatch: "chesst", "bleeeding" and "breathing" meet their triggers half-way.
 */

/**
 * Characters that end a clause: a negation or tense cue never reaches across them. Besides Latin
 * punctuation: the ideographic comma and full stop (、。, which NFKD leaves alone), CJK brackets,
 * the Arabic comma, semicolon and question mark (، ؛ ؟), the Urdu full stop (۔) and the danda
 * (। ॥) that Bengali, Punjabi and Gujarati writers use as a full stop.
 */
const CLAUSE_PUNCT = /[.,;:!?()[\]{}\n\r\t–—"“”、。「」『』【】《》〈〉\u060c\u061b\u061f\u06d4\u0964\u0965]+/;

export interface Token {
  /** The word as typed (after text-speak expansion); filler words are recognised on this. */
  word: string;
  /** After text-speak expansion and repeated-letter collapse; cue words are compared on this. */
  raw: string;
  /** `raw` lightly stemmed; trigger phrases are compared on this. */
  stem: string;
}

/**
 * Arabic-script letter variants that patients (and keyboards) use interchangeably, folded to one
 * form after NFKD (which has already split أ إ آ ؤ ئ ۀ ۂ ۓ into a base letter and a hamza/madda mark):
 * ى ی -> ي, ك -> ک, ة ہ ۃ ھ -> ه; Arabic-Indic and Persian digits -> 0-9.
 */
const ARABIC_FOLD: Readonly<Record<string, string>> = {
  '\u0649': '\u064a', // ى alef maksura
  '\u06cc': '\u064a', // ی Farsi yeh
  '\u0643': '\u06a9', // ك Arabic kaf -> ک keheh
  '\u0629': '\u0647', // ة teh marbuta (often typed as ه)
  '\u06c1': '\u0647', // ہ Urdu heh goal
  '\u06c3': '\u0647', // ۃ
  '\u06be': '\u0647', // ھ heh doachashmee (typed as ه on Arabic keyboards)
};
const ARABIC_LETTERS = /[\u0649\u06cc\u0643\u0629\u06c1\u06c3\u06be]/g;
/** Tatweel, harakat, hamza/madda marks, superscript alef and Quranic marks: dropped, never separators. */
const ARABIC_MARKS = /\u0640|[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]/gu;
const ARABIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;
/** Devanagari, Bengali, Gurmukhi, Gujarati and Tamil digits (each block's zero ends in 6: U+09E6 is ০). */
const INDIC_DIGITS = /[\u0966-\u096f\u09e6-\u09ef\u0a66-\u0a6f\u0ae6-\u0aef\u0be6-\u0bef]/g;
/** A count written against an Indic word ("20টা", "20 tablets" in Bengali) is read as its own word. */
const DIGIT_BEFORE_INDIC = /(\d)(?=[\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Tamil}])/gu;
/**
 * An English word written against a word of another script ("warfarinની", "sugarটা", "insulinکی"):
 * patients who mix languages glue English drug and symptom names to their own case endings. The two
 * parts are read as two words, so the English word meets its trigger and the ending is a word of its own.
 */
const LATIN_BEFORE_OTHER = /(\p{Script=Latin})(?=[\p{Script=Arabic}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Tamil}\p{Script=Devanagari}])/gu;
const OTHER_BEFORE_LATIN = /([\p{Script=Arabic}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Tamil}\p{Script=Devanagari}]\p{M}*)(?=\p{Script=Latin})/gu;
const NON_ASCII = /[^\x20-\x7e]/;
/** A comma and the word after it (letters and marks), for clause joiners. */
const JOINED_COMMA = /,\s*([\p{L}\p{M}]+)/gu;

/**
 * Lowercase, strip accents and apostrophes, keep letters, marks and digits; clause punctuation is
 * kept as a split point. Accents are folded away for Latin (and Cyrillic) letters only: vowel signs
 * of Gurmukhi, Bengali, Gujarati, Tamil… are part of their words and stay. Arabic-script variants
 * are folded (see ARABIC_FOLD); each Han character is its own word, so phrases match inside the
 * unspaced sentences Chinese is written in.
 */
export function splitClauses(text: string, joiners?: ReadonlySet<string>): string[] {
  let lower = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    // "can't", "dad's", "I've" -> "cant", "dads", "ive": patients drop apostrophes anyway.
    .replace(/['’‘`]/g, '');
  // Plain ASCII text (most English) cannot hold anything the steps below change.
  if (NON_ASCII.test(lower)) lower = foldScripts(lower);
  // A comma before a joiner word ("nie czuję, kiedy sikam") does not end the clause.
  if (joiners && joiners.size > 0) lower = lower.replace(JOINED_COMMA, (m, word: string) => (joiners.has(word) ? ` ${word}` : m));
  return lower
    .split(CLAUSE_PUNCT)
    .map((c) => c.replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ').trim())
    .filter((c) => c.length > 0);
}

function foldScripts(text: string): string {
  return (
    text
      .replace(ARABIC_MARKS, '')
      .replace(ARABIC_LETTERS, (c) => ARABIC_FOLD[c] ?? c)
      .replace(ARABIC_DIGITS, (d) => String((d.charCodeAt(0) & 0xf) % 10))
      .replace(INDIC_DIGITS, (d) => String(((d.charCodeAt(0) & 0xf) + 4) % 10))
      .replace(DIGIT_BEFORE_INDIC, '$1 ')
      .replace(LATIN_BEFORE_OTHER, '$1 ')
      .replace(OTHER_BEFORE_LATIN, '$1 ')
      // Letters NFKD leaves whole, which patients without a Polish or Turkish keyboard type plain:
      // "głowa" / "glowa", "tutamıyor" / "tutamiyor".
      .replace(/ł/g, 'l')
      .replace(/ı/g, 'i')
      // ZWNJ separates the parts of a Persian/Urdu word ("می‌خواهم"): read it as a space there, as
      // many patients type one; elsewhere (Indic conjuncts) it and ZWJ are invisible joiners.
      .replace(/(\p{Script=Arabic})\u200c/gu, '$1 ')
      .replace(/[\u200c\u200d]/g, '')
      // A mark belongs to a word only after a letter of a script that uses marks (not Latin, whose
      // accents are folded away, and never alone: emoji variation selectors, keycaps).
      .replace(/(^|[^\p{L}\p{M}]|\p{Script=Latin})\p{M}+/gu, '$1')
      .replace(/\p{Script=Han}/gu, ' $& ')
  );
}

/** "chesst" -> "chest", "pleeease" -> "please". Digits are left alone ("1000"). */
export function collapseRepeats(word: string): string {
  // Fast path (screening is hot): most words have no doubled code unit and no surrogate pair, and
  // then the regex below could not change them. Anything else goes through the regex unchanged.
  let prev = -1;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === prev || (c >= 0xd800 && c <= 0xdfff)) return word.replace(/(\p{L})\1+/gu, '$1');
    prev = c;
  }
  return word;
}

/**
 * Words the stemmer leaves whole because their stem is another word: "burning" is a feeling (burning
 * when peeing, burning eyes, a burning pain), "burn" an injury; cut to "burn" it raised the burn rules
 * (hazard log H51). "burned" and "burns" still meet "burn"; triggers that mean the feeling say "burning".
 */
const KEEP_WHOLE: ReadonlySet<string> = new Set(['burning']);

/**
 * A deliberately small stemmer: enough to make "breathe/breathing/breath" and "dropped/drooping"
 * meet, never so aggressive that short words merge ("fitting" stays apart from "fit").
 */
export function stem(word: string): string {
  if (KEEP_WHOLE.has(word)) return word;
  if (word.length > 5 && word.endsWith('ing')) return cut(word, 3);
  if (word.length > 4 && word.endsWith('ed')) return cut(word, 2);
  if (word.length > 5 && word.endsWith('es')) return cut(word, 2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  if (word.length > 4 && word.endsWith('e')) return cut(word, 1);
  return word;
}

/** `word` without its last n letters, unless that leaves fewer than 4 (then the word unchanged). */
function cut(word: string, n: number): string {
  const s = word.slice(0, -n);
  return s.length >= 4 ? s : word;
}

/** Turns one clause into tokens, expanding text-speak ("cnt" -> "cant", "bcos" -> "because"). */
export function tokenise(clause: string, textSpeak: ReadonlyMap<string, string[]>): Token[] {
  const out: Token[] = [];
  for (const w of clause.split(' ')) {
    if (w.length === 0) continue;
    for (const t of wordTokens(w, textSpeak)) out.push(t);
  }
  return out;
}

/**
 * Tokens of one word, memoised per text-speak table: patients reuse the same words, and this is
 * the hot loop of screening. Tokens are never mutated by their readers, so sharing them is safe.
 */
const tokenMemo = new WeakMap<ReadonlyMap<string, string[]>, Map<string, readonly Token[]>>();
const TOKEN_MEMO_MAX = 50_000;

function wordTokens(w: string, textSpeak: ReadonlyMap<string, string[]>): readonly Token[] {
  let memo = tokenMemo.get(textSpeak);
  if (!memo) {
    memo = new Map();
    tokenMemo.set(textSpeak, memo);
  }
  const known = memo.get(w);
  if (known) return known;
  const expanded = textSpeak.get(w) ?? textSpeak.get(collapseRepeats(w)) ?? [w];
  const tokens = expanded.map((e): Token => {
    const raw = collapseRepeats(e);
    return { word: e, raw, stem: stem(raw) };
  });
  if (memo.size >= TOKEN_MEMO_MAX) memo.clear(); // bound memory on a long-running server
  memo.set(w, tokens);
  return tokens;
}

/** Normalises a cue or trigger phrase the same way as patient text, as a list of raw words. */
export function phraseWords(phrase: string, textSpeak: ReadonlyMap<string, string[]>): Token[] {
  return splitClauses(phrase).flatMap((c) => tokenise(c, textSpeak));
}
