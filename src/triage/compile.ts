import type { LangCode } from '../domain/types.js';
import type { LexiconDef, RuleDef, TriageContent } from './contentSchema.js';
import { FuzzyVocabulary } from './fuzzy.js';
import { phraseWords, type Token } from './normalise.js';

/** Prefix of the pseudo rule id under which a rule's exclusion phrases are compiled. */
export const EXCLUDE_MARK = '!';
/** Marks an exclusion that cancels only the occurrences of its rule that it overlaps (excludeOverlapFrom). */
export const OVERLAP_MARK = '~';

/** One trigger phrase, compiled to vocabulary ids with filler words removed. */
export interface CompiledPhrase {
  ruleId: string;
  text: string;
  ids: number[];
  /** Length of each phrase word's stem (short words allow no gap after them). */
  lens: number[];
  /**
   * The phrase itself holds a negation word ("cant breathe", "سانس نہیں آ رہی"): a negation word
   * after it is part of what the patient describes, never a denial of it.
   */
  negative: boolean;
  /**
   * In a paired phrase (rule.triggersPaired), the index of the second half's first word: the usual
   * gap is allowed before it even after a short word ("سر | ٹکرا", "头 | 撞到").
   */
  looseAt?: number;
  /**
   * In a paired phrase, true when its second half is the sign (the first list of triggersPaired: "lips |
   * blue"): a denial between the halves denies the sign ("lips are not blue"). Said sign first ("vois plus
   * rien | de l'oeil"), a negation word in the gap belongs to the sign's own verb.
   */
  signLast?: boolean;
}

/**
 * Cue phrases as lists of raw words ("years ago" -> ['years','ago']), indexed by their first word
 * so a clause is scanned once per word instead of once per word per cue (screening is hot).
 * Within one first word the cues keep their content order.
 */
export type CueList = ReadonlyMap<string, readonly (readonly string[])[]>;

function indexCues(cues: string[][]): CueList {
  const byFirst = new Map<string, string[][]>();
  for (const cue of cues) {
    const first = cue[0] as string;
    const list = byFirst.get(first);
    if (list) list.push(cue);
    else byFirst.set(first, [cue]);
  }
  return byFirst;
}

/** Everything screen() needs for one language, built once at load time. */
export interface CompiledLanguage {
  lang: LangCode;
  vocab: FuzzyVocabulary;
  byFirstId: Map<number, CompiledPhrase[]>;
  /** Phrases of keepFiller rules, filler words kept, matched over every word of a clause. */
  wholeByFirstId: Map<number, CompiledPhrase[]>;
  textSpeak: Map<string, string[]>;
  /**
   * Rules whose clause exclusions reach only the trigger words in their own part of the clause, no
   * breaker word ("and", "but", "y") between ('part'), or only the words they cover ('words'): rule.excludeBounded.
   */
  boundedExclusion: Map<string, 'part' | 'words'>;
  stopwords: Set<string>;
  /** Filler phrases of several words (Han stopwords such as 有点 are one word per character). */
  stopPhrases: CueList;
  /** Filler words read as words right after a negation word (lexicon `verbsAfterNegation`). */
  keptAfterNegation: KeptAfterNegation;
  negation: CueList;
  /** Words after a trigger that deny it ("yok", "نہیں ہے"); read only within a few words, same clause. */
  negationAfter: CueList;
  /** Words after a trigger that deny it only at the end of the clause ("ਵੀ ਨਹੀਂ", "بھی نہیں"). */
  negationAfterAtEnd: CueList;
  negationExceptions: CueList;
  /** "Or" words a post-position denial reaches back across (lexicon `negationListOr`). */
  negationListOr: CueList;
  /** "And" words a post-position denial reaches back across when they follow the first item at once (lexicon `negationListAnd`). */
  negationListAnd: CueList;
  /** Words a negation before its sign does not reach across (lexicon `negationStops`). */
  negationStops: CueList;
  /** Words before / after a number that make it a clock time (lexicon `clockBefore`, `clockAfter`). */
  clockBefore: ReadonlySet<string>;
  clockAfter: ReadonlySet<string>;
  /** Words that may follow a clock time after a clock word before it: the breakers ("at 8 then", "la 8 si"). */
  clockFollow: ReadonlySet<string>;
  /** A denial inside a phrase's gap denies it (false only for the English reading of another language's message). */
  gapNegation: boolean;
  /** Words a comma before them does not cut off (lexicon `clauseJoiners`); each is a breaker too. */
  clauseJoiners: ReadonlySet<string>;
  breakers: Set<string>;
  /** Breakers of several words that must appear together (Han: 但是, 因为 are one word per character). */
  breakerPhrases: CueList;
  strongPast: CueList;
  weakPast: CueList;
  pastExceptions: CueList;
  presentPerfect: Set<string>;
  recency: CueList;
  notNow: CueList;
  notNowExceptions: CueList;
  recencyExceptions: CueList;
}

const NO_TEXT_SPEAK: ReadonlyMap<string, string[]> = new Map();
const HAN = /\p{Script=Han}/u;
const FOLDED_SCRIPTS = /[\p{Script=Arabic}\p{Script=Han}\p{Script=Gurmukhi}\p{Script=Bengali}\p{Script=Gujarati}\p{Script=Tamil}łı]/u;

/** Filler words that are words when a negation word comes just before them, and those negation words. */
export interface KeptAfterNegation {
  words: ReadonlySet<string>;
  negation: ReadonlySet<string>;
}
const NONE_KEPT: KeptAfterNegation = { words: new Set(), negation: new Set() };

/**
 * Which tokens are filler: single stopwords by the word as typed, and stopword phrases of several
 * words where all of them appear in a row. Shared by trigger phrases and patient text.
 * A word of `kept` right after a negation word is not filler: Portuguese "para" is "for", but
 * "não para" is "does not stop"; dropped, "não para de sangrar" read as "não sangra" (it does not bleed).
 */
export function fillerMask(
  tokens: readonly Token[],
  stopwords: ReadonlySet<string>,
  stopPhrases: CueList,
  kept: KeptAfterNegation = NONE_KEPT,
): boolean[] {
  const mask = tokens.map(
    (t, i) => stopwords.has(t.word) && !(kept.words.has(t.word) && i > 0 && kept.negation.has((tokens[i - 1] as Token).raw)),
  );
  if (stopPhrases.size === 0) return mask;
  for (let i = 0; i < tokens.length; i++) {
    for (const seq of stopPhrases.get((tokens[i] as Token).word) ?? []) {
      if (seq.every((w, j) => tokens[i + j]?.word === w)) for (let j = 0; j < seq.length; j++) mask[i + j] = true;
    }
  }
  return mask;
}

export function compileLanguages(content: TriageContent): Map<LangCode, CompiledLanguage> {
  const out = new Map<LangCode, CompiledLanguage>();
  const ruleById = new Map(content.rules.map((r) => [r.id, r]));
  for (const lex of content.lexicons) {
    out.set(lex.lang, compileLanguage(lex, content.rules, ruleById));
  }
  return out;
}

/**
 * How one language drops filler words: its text-speak, stopwords (single and phrases), the filler words
 * kept after a negation word, and its negation words. Shared by the compiler and the content check that
 * finds trigger phrases whose meaning shrinks once filler is dropped (checkShrinks.ts).
 */
export interface LanguageFiller {
  textSpeak: Map<string, string[]>;
  stopwords: Set<string>;
  stopPhrases: CueList;
  keptAfterNegation: KeptAfterNegation;
  /** Negation words read before a sign ("no", "not"; only the first word of a cue of three or more). */
  negationBefore: Set<string>;
  /** Negation words read after a sign ("yok", "نہیں"). */
  negationAfterWords: Set<string>;
}

export function languageFiller(lex: LexiconDef): LanguageFiller {
  const textSpeak = new Map<string, string[]>();
  for (const [from, to] of Object.entries(lex.textSpeak)) {
    textSpeak.set(from.toLowerCase(), to.toLowerCase().split(/\s+/));
    // Scripts whose letters normalisation folds or splits (Arabic letter variants, Han characters,
    // Indic vowel signs) are also looked up, and expanded, in their normalised form.
    if (FOLDED_SCRIPTS.test(from + to)) {
      const key = phraseWords(from, NO_TEXT_SPEAK).map((t) => t.word);
      const value = phraseWords(to, NO_TEXT_SPEAK).map((t) => t.word);
      if (key.length === 1 && value.length > 0) textSpeak.set(key[0] as string, value);
    }
  }
  const words = (list: string[]): string[][] =>
    list.map((p) => phraseWords(p, textSpeak).map((t) => t.raw)).filter((w) => w.length > 0);
  // Stopwords are normalised like text (accents, Arabic letter variants, Han split per character),
  // but without text-speak expansion: they are compared with the word as typed.
  const stopwords = new Set<string>();
  const stopSeqs: string[][] = [];
  for (const sw of lex.stopwords) {
    // The stopword as written is kept too: text-speak may expand to it unnormalised ("cok" -> "çok").
    stopwords.add(sw.toLowerCase().replace(/['’]/g, ''));
    const ws = phraseWords(sw, NO_TEXT_SPEAK).map((t) => t.word);
    if (ws.length === 1) stopwords.add(ws[0] as string);
    else if (ws.length > 1) stopSeqs.push(ws);
  }
  const stopPhrases = indexCues(stopSeqs);
  // A negation cue of three or more words names what it denies ("no se le hunden": they do not sink,
  // where a bare "no se" is "I don't know"); only its first word is a negation word, so a trigger
  // holding the rest ("se le hunden las costillas") is not read as a negative phrase.
  const negationBefore = new Set(words(lex.negation).flatMap((ws) => (ws.length >= 3 ? ws.slice(0, 1) : ws)));
  const keptAfterNegation: KeptAfterNegation = {
    words: new Set(lex.verbsAfterNegation.map((w) => w.toLowerCase())),
    negation: negationBefore,
  };
  const negationAfterWords = new Set([...words(lex.negationAfter), ...words(lex.negationAfterAtEnd)].flat());
  return { textSpeak, stopwords, stopPhrases, keptAfterNegation, negationBefore, negationAfterWords };
}

function compileLanguage(lex: LexiconDef, rules: RuleDef[], ruleById: Map<string, RuleDef>): CompiledLanguage {
  const { textSpeak, stopwords, stopPhrases, keptAfterNegation, negationBefore, negationAfterWords } = languageFiller(lex);
  const words = (list: string[]): string[][] =>
    list.map((p) => phraseWords(p, textSpeak).map((t) => t.raw)).filter((w) => w.length > 0);
  const cue = (list: string[]): CueList => indexCues(words(list));
  const negationWords = new Set([...negationBefore, ...negationAfterWords]);
  // A breaker of several words counts word by word (as it always has), except Han, where one
  // character alone (是, 为, 有) is far too common to end a negation's reach.
  const breakers = new Set<string>();
  const breakerSeqs: string[][] = [];
  const clauseJoiners = new Set(words(lex.clauseJoiners).flat());
  for (const ws of [...words(lex.breakers), ...words(lex.clauseJoiners)]) {
    if (ws.length > 1 && ws.some((w) => HAN.test(w))) breakerSeqs.push(ws);
    else for (const w of ws) breakers.add(w);
  }
  // One-letter typos never cross a negation infix or a listed minimal pair (normalised like text).
  const normalisedWord = (w: string): string => phraseWords(w, textSpeak).map((t) => t.stem).join(' ');
  const vocab = new FuzzyVocabulary({
    negationInfixes: lex.negationInfixes.map((f) => phraseWords(f, NO_TEXT_SPEAK).map((t) => t.raw).join('')),
    notTypos: lex.notTypos.map((group) => group.map(normalisedWord)),
  });
  const byFirstId = new Map<number, CompiledPhrase[]>();
  const wholeByFirstId = new Map<number, CompiledPhrase[]>();

  const phrasesOf = (rule: RuleDef): string[] => {
    const own = [...(rule.triggers?.[lex.lang] ?? []), ...(lex.triggers[rule.id] ?? [])];
    if (!rule.triggersFrom) return own;
    const from = ruleById.get(rule.triggersFrom);
    return from ? [...own, ...phrasesOf(from)] : own;
  };
  // triggersPaired: one phrase of each rule, in either order (a sign word beside a body-part word).
  function pairedPhrases(rule: RuleDef): { text: string; first: string; signLast: boolean }[] {
    if (!rule.triggersPaired) return [];
    const [a, b] = rule.triggersPaired.map((id) => ruleById.get(id));
    if (!a || !b) return [];
    // A phrase made only of filler words ("only", "solo") would pair as the other word alone.
    const hasContent = (p: string): boolean => {
      const all = phraseWords(p, textSpeak);
      const filler = fillerMask(all, stopwords, stopPhrases, keptAfterNegation);
      return all.some((_, i) => !filler[i]);
    };
    const left = phrasesOf(a).filter(hasContent);
    const right = phrasesOf(b).filter(hasContent);
    // A phrase that holds a negation word keeps the side the negation reads: "nie czuje" (negation
    // before) pairs only with what follows it, "அனுபவம் இல்லை" / "অনুভূতি নেই" (negation after) only
    // with what comes before it. Read the other way round it would be a denial ("krocze nie boli").
    const side = (p: string): 'before' | 'after' | undefined => {
      const raws = phraseWords(p, textSpeak).map((t) => t.raw);
      if (raws.some((w) => negationBefore.has(w))) return 'before';
      if (raws.some((w) => negationAfterWords.has(w))) return 'after';
      return undefined;
    };
    const pair = (x: string, y: string, signLast = false) => ({ text: `${x} ${y}`, first: x, signLast });
    const orders = (p: string, q: string): { text: string; first: string; signLast: boolean }[] => {
      const sp = side(p);
      const sq = side(q);
      if (sp === 'before' || sq === 'after') return [pair(p, q)];
      if (sp === 'after' || sq === 'before') return [pair(q, p, true)];
      return [pair(p, q), pair(q, p, true)];
    };
    return left.flatMap((p) => right.flatMap((q) => orders(p, q)));
  }

  /** `firstHalf`: the first half of a paired phrase, whose last word may stand up to the usual gap from the second half. */
  const addPhrase = (ruleId: string, text: string, keepFiller = false, firstHalf?: string, signLast = false): void => {
    const all = phraseWords(text, textSpeak);
    const filler = fillerMask(all, stopwords, stopPhrases, keptAfterNegation);
    const words = keepFiller ? all : all.filter((_, i) => !filler[i]);
    if (words.length === 0) return;
    let looseAt: number | undefined;
    if (firstHalf !== undefined) {
      const head = phraseWords(firstHalf, textSpeak);
      const headFiller = fillerMask(head, stopwords, stopPhrases, keptAfterNegation);
      const kept = keepFiller ? head : head.filter((_, i) => !headFiller[i]);
      // The two halves are two words a patient may split ("سرش به میز خورد"), unless the first
      // half ends in a negation word, which must stay bound to what it denies ("nie | krocza").
      const last = kept[kept.length - 1];
      if (last && !negationWords.has(last.raw) && kept.length < words.length) looseAt = kept.length;
    }
    const ids = words.map((w) => vocab.add(w.stem));
    const first = ids[0] as number;
    const index = keepFiller ? wholeByFirstId : byFirstId;
    const list = index.get(first) ?? [];
    const negative = all.some((t) => negationWords.has(t.raw));
    list.push({
      ruleId,
      text,
      ids,
      lens: words.map((w) => w.stem.length),
      negative,
      ...(looseAt !== undefined ? { looseAt } : {}),
      ...(looseAt !== undefined && signLast ? { signLast } : {}),
    });
    index.set(first, list);
  };
  for (const rule of rules) {
    for (const text of new Set(phrasesOf(rule))) addPhrase(rule.id, text, rule.keepFiller === true);
    for (const p of pairedPhrases(rule)) addPhrase(rule.id, p.text, rule.keepFiller === true, p.first, p.signLast);
    // Exclusions are matched like triggers under a marked id and cancel the rule in their clause.
    for (const text of rule.exclude?.[lex.lang] ?? []) addPhrase(`${EXCLUDE_MARK}${rule.id}`, text);
    // ... and under a doubly marked id, in the whole message.
    for (const text of rule.excludeInMessage?.[lex.lang] ?? []) addPhrase(`${EXCLUDE_MARK}${EXCLUDE_MARK}${rule.id}`, text);
    // Exclusions borrowed from other rules' trigger phrases (excludeFrom, excludeInMessageFrom).
    for (const from of rule.excludeFrom ?? []) {
      const other = ruleById.get(from);
      for (const text of other ? new Set(phrasesOf(other)) : []) addPhrase(`${EXCLUDE_MARK}${rule.id}`, text, other?.keepFiller === true);
    }
    for (const from of rule.excludeOverlapFrom ?? []) {
      const other = ruleById.get(from);
      for (const text of other ? new Set(phrasesOf(other)) : []) addPhrase(`${OVERLAP_MARK}${rule.id}`, text, other?.keepFiller === true);
    }
    for (const from of rule.excludeInMessageFrom ?? []) {
      const other = ruleById.get(from);
      for (const text of other ? new Set(phrasesOf(other)) : []) addPhrase(`${EXCLUDE_MARK}${EXCLUDE_MARK}${rule.id}`, text, other?.keepFiller === true);
    }
  }
  return {
    lang: lex.lang,
    vocab,
    boundedExclusion: new Map(rules.flatMap((r) => (r.excludeBounded ? [[r.id, r.excludeBounded] as const] : []))),
    byFirstId,
    wholeByFirstId,
    textSpeak,
    stopwords,
    stopPhrases,
    keptAfterNegation,
    negation: cue(lex.negation),
    negationAfter: cue(lex.negationAfter),
    negationAfterAtEnd: cue(lex.negationAfterAtEnd),
    negationExceptions: cue(lex.negationExceptions),
    negationListOr: cue(lex.negationListOr),
    negationListAnd: cue(lex.negationListAnd),
    negationStops: cue(lex.negationStops),
    clockBefore: new Set(words(lex.clockBefore).flat()),
    clockAfter: new Set(words(lex.clockAfter).flat()),
    clockFollow: breakers,
    gapNegation: true,
    clauseJoiners,
    breakers,
    breakerPhrases: indexCues(breakerSeqs),
    strongPast: cue(lex.strongPast),
    weakPast: cue(lex.weakPast),
    pastExceptions: cue(lex.pastExceptions),
    presentPerfect: new Set(words(lex.presentPerfect).flat()),
    recency: cue(lex.recency),
    notNow: cue(lex.notNow),
    notNowExceptions: cue(lex.notNowExceptions),
    recencyExceptions: cue(lex.recencyExceptions),
  };
}
