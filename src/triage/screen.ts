import { EXCLUDE_MARK, OVERLAP_MARK, fillerMask, type CompiledLanguage, type CompiledPhrase, type CueList } from './compile.js';
import { splitClauses, tokenise, type Token } from './normalise.js';

/** How one occurrence of a trigger phrase was read in its clause. */
export type OccurrenceStatus = 'present' | 'not-now' | 'maybe-past' | 'negated' | 'past';

export interface Occurrence {
  ruleId: string;
  phrase: string;
  /** The patient's words that matched (normalised). Never logged. */
  words: string[];
  status: OccurrenceStatus;
  /** The cue words behind the status, for explanations. */
  cue?: string;
}

/** Largest number of non-filler words allowed between two words of a trigger phrase. */
const MAX_GAP = 2;
/** How far back a negation word reaches ("I do not have any chest pain"). */
const NEGATION_REACH = 4;
/**
 * How far after a trigger a post-position negation reaches ("göğüs ağrım yok", "سینے میں درد نہیں ہے"),
 * and only across filler words. Kept short: a negation read too far away would silence an emergency.
 */
const NEGATION_AFTER_REACH = 3;
/**
 * How many words a post-position denial may stand after an "or" word (lexicon `negationListOr`) and
 * still reach back to the item before it: "X یا بازو میں درد نہیں ہے" (no X or arm pain).
 */
const LIST_ITEM_REACH = 5;
/** How far either side of a trigger a tense cue reaches. */
const TENSE_REACH = 6;
/** How far a clear-past cue ("years ago") reaches, within its clause. */
const PAST_REACH = 9;
/** Fuzzy one-word triggers must be at least this long ("paint" must not read as "faint"). */
const SINGLE_WORD_FUZZY_MIN = 7;
/** Phrase words shorter than this allow no gap after them. */
const TIGHT_WORD_LENGTH = 4;
const YEAR = /^(19|20)\d\d$/;

/**
 * Arabic writes "and" (و) joined to the next word ("وأستفرغ" = "and I am vomiting"): a sign listed
 * second in a sentence would otherwise never match. The word is also read without it; the whole word
 * is still looked up, so words that begin with و keep their own meaning.
 */
function withoutArabicAnd(word: string): string | undefined {
  return word.length >= 4 && word.startsWith('\u0648') ? word.slice(1) : undefined;
}

/** Finds every trigger occurrence in the text, with its negation/tense reading. */
export function findOccurrences(text: string, lang: CompiledLanguage): Occurrence[] {
  const out: Occurrence[] = [];
  for (const clause of splitClauses(text, lang.clauseJoiners)) {
    const tokens = tokenise(clause, lang.textSpeak);
    if (tokens.length > 0) scanClause(tokens, lang, out);
  }
  // Message-wide exclusions (rule.excludeInMessage) cancel their rule in every clause.
  const wide = EXCLUDE_MARK + EXCLUDE_MARK;
  if (!out.some((o) => o.ruleId.startsWith(wide))) return out;
  const cancelled = new Set(out.filter((o) => o.ruleId.startsWith(wide)).map((o) => o.ruleId.slice(wide.length)));
  return out.filter((o) => !o.ruleId.startsWith(wide) && !cancelled.has(o.ruleId));
}

/** The largest number read as a clock time. */
const CLOCK_MAX = 24;

/**
 * Positions of numbers that are clock times: a clock word after them ("8 o'clock", "10点"), or a clock
 * word before them ("at 8", "la 8") with nothing after in the clause but a breaker or a clock word.
 */
function clockTimes(tokens: Token[], lang: CompiledLanguage): Set<number> {
  const out = new Set<number>();
  if (lang.clockBefore.size === 0 && lang.clockAfter.size === 0) return out;
  tokens.forEach((t, i) => {
    if (!NUMBER.test(t.raw) || Number(t.raw) > CLOCK_MAX) return;
    const next = tokens[i + 1]?.raw;
    const prev = tokens[i - 1]?.raw;
    if (next !== undefined && lang.clockAfter.has(next)) out.add(i);
    else if (prev !== undefined && lang.clockBefore.has(prev) && (next === undefined || lang.clockFollow.has(next))) out.add(i);
  });
  return out;
}

function scanClause(tokens: Token[], lang: CompiledLanguage, out: Occurrence[]): void {
  const content: number[] = [];
  const filler = fillerMask(tokens, lang.stopwords, lang.stopPhrases, lang.keptAfterNegation);
  filler.forEach((f, i) => {
    if (!f) content.push(i);
  });
  // A trigger word "0" stands for a count of 10 or more ("took 0 tablets" reads "took 24 tablets"):
  // far above any daily dose of a tablet, so a count alone is an overdose (NHS: go to A&E even if well).
  const anyCount = lang.vocab.idOf(ANY_NUMBER);
  // A trigger word "00" stands for a count of 5 to 9: more than a usual dose of 1 or 2 tablets and 2 extra
  // (NHS: 1 or 2 extra by accident are unlikely to harm), but a
  // daily total too, so such triggers only mark the count; a combination says when it is an overdose.
  const smallCount = lang.vocab.idOf(SMALL_NUMBER);
  const clock = clockTimes(tokens, lang);
  const cands = content.map((i) => {
    const token = tokens[i] as Token;
    // A clock time is no count and no trigger word: "la 8" (at 8 o'clock) is not 8 tablets.
    if (clock.has(i)) return [];
    const bare = lang.lang === 'arb' ? withoutArabicAnd(token.stem) : undefined;
    const ids = bare ? [...lang.vocab.lookup(token.stem), ...lang.vocab.lookup(bare)] : lang.vocab.lookup(token.stem);
    if (!NUMBER.test(token.raw)) return ids;
    const n = Number(token.raw);
    if (anyCount !== undefined && n >= OVERDOSE_COUNT) return [...ids, anyCount];
    if (smallCount !== undefined && n >= SMALL_COUNT_MIN && n < OVERDOSE_COUNT) return [...ids, smallCount];
    return ids;
  });
  const raws = tokens.map((t) => t.raw);
  // Most clauses hold no trigger at all: find their cue words only when one matches.
  let cues: ClauseCues | undefined;
  const found: Occurrence[] = [];
  /** Token span of each found occurrence (same index), for denials that cover a shorter phrase. */
  const spans: [number, number][] = [];
  /** Whether each found occurrence skipped a content word inside its span (same index). */
  const skipped: boolean[] = [];

  for (let k = 0; k < content.length; k++) {
    for (const id of cands[k] ?? []) {
      for (const phrase of lang.byFirstId.get(id) ?? []) {
        const span = matchFrom(phrase, k, cands);
        if (!span) continue;
        const start = content[k] as number;
        const end = content[span[span.length - 1] as number] as number;
        if (phrase.ids.length === 1 && !acceptSingle(tokens[start] as Token, id, lang)) {
          // Arabic: "وأتعرق" ("and I am sweating") matched as "أتعرق"; the bare word must pass the same test.
          const bare = lang.lang === 'arb' ? withoutArabicAnd((tokens[start] as Token).stem) : undefined;
          if (bare === undefined || !acceptSingle({ ...(tokens[start] as Token), stem: bare }, id, lang)) continue;
        }
        cues ??= new ClauseCues(raws, filler, lang);
        // A paired phrase said body part first ("lips | blue"): the token positions of the last word of its
        // first half and the first of its second, between which a denial denies the sign.
        const pairGap: [number, number] | undefined =
          phrase.looseAt !== undefined && phrase.signLast
            ? [content[span[phrase.looseAt - 1] as number] as number, content[span[phrase.looseAt] as number] as number]
            : undefined;
        const { status, cue } = cues.read(start, end, phrase.negative, pairGap);
        found.push({
          ruleId: phrase.ruleId,
          phrase: phrase.text,
          words: span.map((c) => raws[content[c] as number] as string),
          status,
          ...(cue ? { cue } : {}),
        });
        spans.push([start, end]);
        skipped.push((span[span.length - 1] as number) - k + 1 > span.length);
      }
    }
  }
  if (lang.wholeByFirstId.size > 0) {
    // keepFiller phrases: every word of the clause counts, filler words too ("a little bleeding").
    const contentAt = new Map(content.map((i, k) => [i, k]));
    const all = tokens.map((t, i) => {
      const at = contentAt.get(i);
      return at !== undefined ? (cands[at] ?? []) : lang.vocab.lookup(t.stem);
    });
    for (let start = 0; start < all.length; start++) {
      for (const id of all[start] ?? []) {
        for (const phrase of lang.wholeByFirstId.get(id) ?? []) {
          const span = matchFrom(phrase, start, all);
          if (!span) continue;
          if (phrase.ids.length === 1 && !acceptSingle(tokens[start] as Token, id, lang)) continue;
          const end = span[span.length - 1] as number;
          cues ??= new ClauseCues(raws, filler, lang);
          const { status, cue } = cues.read(start, end, phrase.negative);
          found.push({ ruleId: phrase.ruleId, phrase: phrase.text, words: span.map((i) => raws[i] as string), status, ...(cue ? { cue } : {}) });
          spans.push([start, end]);
          skipped.push(filler.some((f, i) => !f && i > start && i < end && !span.includes(i)));
        }
      }
    }
  }
  denyCovered(found, spans);
  const excluded = new Set(found.filter((o) => o.ruleId.startsWith(EXCLUDE_MARK)).map((o) => o.ruleId.slice(1)));
  const breakerAt = excluded.size > 0 && lang.boundedExclusion.size > 0 ? breakerPositions(raws, lang) : [];
  // An overlap exclusion (excludeOverlapFrom) denies only the occurrences of its rule whose words it spans:
  // read as negated, so the English reading of the same words is denied too (engine.explain).
  const anyOverlap = found.some((o) => o.ruleId.startsWith(OVERLAP_MARK));
  const overlapping = (o: Occurrence, i: number): Occurrence | undefined => {
    if (!anyOverlap) return undefined;
    const [start, end] = spans[i] as [number, number];
    return found.find((d, j) => d.ruleId === OVERLAP_MARK + o.ruleId && (spans[j] as [number, number])[0] <= end && (spans[j] as [number, number])[1] >= start);
  };
  found.forEach((o, i) => {
    if (o.ruleId.startsWith(OVERLAP_MARK)) return;
    if (o.ruleId.startsWith(EXCLUDE_MARK + EXCLUDE_MARK)) {
      out.push(o);
      return;
    }
    if (o.ruleId.startsWith(EXCLUDE_MARK)) return;
    // A clause exclusion cancels the occurrence, unless the rule bounds its exclusions (excludeBounded)
    // and none stands near enough.
    if (excluded.has(o.ruleId) && !(lang.boundedExclusion.has(o.ruleId) && !excludedNear(found, spans, skipped, i, breakerAt, lang.boundedExclusion.get(o.ruleId)))) return;
    const by = o.status === 'negated' ? undefined : overlapping(o, i);
    out.push(by ? { ...o, status: 'negated', cue: by.phrase } : o);
  });
}

/** Token positions of the clause's breaker words and breaker phrases. */
function breakerPositions(raws: string[], lang: CompiledLanguage): number[] {
  const at = raws.flatMap((w, i) => (lang.breakers.has(w) ? [i] : []));
  for (const b of findCues(raws, lang.breakerPhrases)) at.push(b.at);
  return at;
}

/**
 * For a rule with bounded exclusions (rule.excludeBounded): an exclusion of its rule, read without
 * skipping a content word ("antibiótico y ahora no responde" is no "antibiótico no responde"), stands
 * in the same part of the clause as occurrence `i`, with no breaker strictly between the two ('part'),
 * or covers its words ('words').
 */
function excludedNear(
  found: readonly Occurrence[],
  spans: readonly [number, number][],
  skipped: readonly boolean[],
  i: number,
  breakerAt: readonly number[],
  mode: 'part' | 'words' | undefined,
): boolean {
  const [start, end] = spans[i] as [number, number];
  const mark = EXCLUDE_MARK + (found[i] as Occurrence).ruleId;
  return found.some((x, j) => {
    if (x.ruleId !== mark || skipped[j] === true) return false;
    const [xs, xe] = spans[j] as [number, number];
    if (mode === 'words') return xs <= start && xe >= end;
    const lo = Math.min(end, xe);
    const hi = Math.max(start, xs);
    return !breakerAt.some((b) => b > lo && b < hi);
  });
}

/**
 * A shorter phrase inside a denied longer one of the same rule is denied too: in "خون پتلا کرنے والی
 * دوائی نہیں لیتا" ("I do not take blood-thinning medicine") the denial after the whole phrase also
 * covers "خون پتلا" (blood thinner), which ends too far from it to be read as denied on its own.
 */
function denyCovered(found: Occurrence[], spans: readonly [number, number][]): void {
  found.forEach((o, i) => {
    if (o.status === 'negated') return;
    const [start, end] = spans[i] as [number, number];
    const by = found.find((d, j) => {
      const [ds, de] = spans[j] as [number, number];
      // Its words must be words the longer phrase matched, not words it only spanned with a gap:
      // "سینے میں دباؤ ہے اور بازو میں درد نہیں ہے" (chest pressure, and no arm pain) does not deny the
      // pressure through "سینے ... اور بازو میں درد" (chest and arm pain), which skipped it.
      return d.status === 'negated' && d.ruleId === o.ruleId && ds <= start && de >= end && o.words.every((w) => d.words.includes(w));
    });
    if (by) found[i] = { ...o, status: 'negated', ...(by.cue ? { cue: by.cue } : {}) };
  });
}

/** Content positions matched by each phrase word, or undefined. Greedy, left to right, bounded gaps. */
function matchFrom(phrase: CompiledPhrase, k: number, cands: (readonly number[])[]): number[] | undefined {
  const span = [k];
  let pos = k;
  for (let w = 1; w < phrase.ids.length; w++) {
    const want = phrase.ids[w] as number;
    // Short words ("not", "hit", "no") bind to the next word: "not short of breath" is not "not breathing".
    const gap = w === phrase.looseAt || (phrase.lens[w - 1] ?? 0) >= TIGHT_WORD_LENGTH ? MAX_GAP : 0;
    let found = -1;
    for (let p = pos + 1; p <= pos + 1 + gap && p < cands.length; p++) {
      if ((cands[p] as readonly number[]).includes(want)) {
        found = p;
        break;
      }
    }
    if (found < 0) return undefined;
    span.push(found);
    pos = found;
  }
  return span;
}

/**
 * A one-word trigger has no neighbour to confirm it, so it may differ only by a swap or a wrong
 * letter, never by length ("breathe" must not read as "breathless").
 */
function acceptSingle(token: Token, id: number, lang: CompiledLanguage): boolean {
  if (lang.vocab.isExact(token.stem, id)) return true;
  return token.stem.length >= SINGLE_WORD_FUZZY_MIN && token.stem.length === lang.vocab.word(id).length;
}

/** Cue positions in one clause, found once and reused for every trigger in it. */
class ClauseCues {
  private readonly negation: { at: number; cue: string }[];
  private readonly negationAfter: { at: number; cue: string }[];
  /** Negation-after cues that count only when the clause ends after them (filler words aside). */
  private readonly negationAtEnd: { at: number; cue: string }[];
  /** Positions of "or" words a post-position denial reaches back across. */
  private readonly listOr: number[];
  /** Positions of "and" words a post-position denial reaches back across (right after the first item). */
  private readonly listAnd: number[];
  /** Positions of words a negation before its sign does not reach across. */
  private readonly stops: number[];
  /** Breaker spans (first and last word); a single-word breaker starts and ends at the same place. */
  private breakerAt: { at: number; end: number }[];
  /** Every word position that belongs to some negation cue, before or after. */
  private readonly negationWordAt: Set<number>;
  /** Word positions of the negation cues that deny (exceptions left out), in any language. */
  private readonly denyingAt: Set<number>;
  private readonly gapNegation: boolean;
  private readonly strongPast: { at: number; cue: string }[];
  private readonly weakPast: { at: number; cue: string }[];
  private readonly recency: { at: number; cue: string }[];
  private readonly notNow: { at: number; cue: string }[];

  constructor(
    private readonly raws: string[],
    private readonly filler: readonly boolean[],
    lang: CompiledLanguage,
  ) {
    // An exception ("no se", Spanish "no sé" once accents are folded) silences a negation that starts
    // with it, unless the negation cue is longer and so says more: "no se le hunden" (they do not sink).
    const exceptions = findCues(raws, lang.negationExceptions);
    // An exception that starts before the negation word and covers it silences it too: Lithuanian
    // "daugiau nei" (more than), where "nei" is "than", not "neither".
    const excepted = (c: { at: number; cue: string }): boolean =>
      exceptions.some((e) =>
        e.at === c.at
          ? e.cue.split(' ').length >= c.cue.split(' ').length
          : e.at < c.at && e.at + e.cue.split(' ').length >= c.at + c.cue.split(' ').length,
      );
    this.negation = findCues(raws, lang.negation).filter((c) => !excepted(c));
    this.breakerAt = raws.flatMap((w, i) => (lang.breakers.has(w) ? [{ at: i, end: i }] : []));
    if (lang.breakerPhrases.size > 0) {
      for (const b of findCues(raws, lang.breakerPhrases)) this.breakerAt.push({ at: b.at, end: b.at + b.cue.split(' ').length - 1 });
    }
    this.negationAfter = [];
    this.negationAtEnd = [];
    this.negationWordAt = new Set();
    this.listOr = lang.negationListOr.size > 0 ? findCues(raws, lang.negationListOr).map((c) => c.at) : [];
    this.listAnd = lang.negationListAnd.size > 0 ? findCues(raws, lang.negationListAnd).map((c) => c.at) : [];
    this.stops = lang.negationStops.size > 0 ? findCues(raws, lang.negationStops).map((c) => c.at) : [];
    if (lang.negationAfter.size > 0 || lang.negationAfterAtEnd.size > 0) {
      // Any word covered by an exception ("پتا نہیں", "رک نہیں رہا") never negates what came before.
      const covered = new Set(
        findCues(raws, lang.negationExceptions).flatMap((c) => c.cue.split(' ').map((_, j) => c.at + j)),
      );
      const after = findCues(raws, lang.negationAfter);
      const atEnd = findCues(raws, lang.negationAfterAtEnd);
      this.negationAfter = after.filter((c) => !covered.has(c.at));
      this.negationAtEnd = atEnd.filter((c) => !covered.has(c.at));
      for (const c of [...this.negation, ...after, ...atEnd]) {
        c.cue.split(' ').forEach((_, j) => this.negationWordAt.add(c.at + j));
      }
      // A breaker word inside an end-of-clause denial is its "also", not a new clause: Punjabi "ਵੀ"
      // ("ਬੁਖ਼ਾਰ ਵੀ ਨਹੀਂ", no fever either).
      const inDenial = new Set(this.negationAtEnd.flatMap((c) => c.cue.split(' ').map((_, j) => c.at + j)));
      if (inDenial.size > 0) this.breakerAt = this.breakerAt.filter((b) => !inDenial.has(b.at) && !inDenial.has(b.end));
    }
    this.gapNegation = lang.gapNegation;
    this.denyingAt = new Set(
      [...this.negation, ...this.negationAfter, ...this.negationAtEnd].flatMap((c) => c.cue.split(' ').map((_, j) => c.at + j)),
    );
    this.strongPast = [
      ...findCues(raws, lang.strongPast, true),
      ...raws.flatMap((w, i) => (YEAR.test(w) ? [{ at: i, cue: w }] : [])),
    ];
    // A breaker word inside a past cue is part of the time, not a new clause: Ukrainian "тому" is
    // "because" but also the "ago" of "кілька років тому".
    const pastWords = new Set(this.strongPast.flatMap((c) => c.cue.split(' ').map((_, j) => c.at + j)));
    this.breakerAt = this.breakerAt.filter((b) => !pastWords.has(b.at) && !pastWords.has(b.end));
    // "had" after "ive"/"has" is present perfect: the problem is still going on.
    // An exception covers its words: "had to use" (the cue first) or Bengali "0 ছিল", a reading that
    // "was" 2.1, where the cue comes after a number.
    const notPast = new Set(findCues(raws, lang.pastExceptions).flatMap((c) => c.cue.split(' ').map((_, j) => c.at + j)));
    this.weakPast = findCues(raws, lang.weakPast).filter(
      (c) => !lang.presentPerfect.has(raws[c.at - 1] ?? '') && !notPast.has(c.at),
    );
    const notRecent = new Set(findCues(raws, lang.recencyExceptions).flatMap((c) => c.cue.split(' ').map((_, j) => c.at + j)));
    this.recency = findCues(raws, lang.recency).filter((c) => !notRecent.has(c.at));
    // A not-now cue inside an exception ("সুগার কমে গেছে": the sugar has dropped) says nothing stopped.
    const notNowCovered = new Set(
      findCues(raws, lang.notNowExceptions).flatMap((c) => c.cue.split(' ').map((_, j) => c.at + j)),
    );
    this.notNow = findCues(raws, lang.notNow).filter((c) => !notNowCovered.has(c.at));
  }

  private holdsNegation(start: number, end: number): boolean {
    return holdsNegationIn(this.negationWordAt, start, end);
  }

  read(start: number, end: number, negativePhrase: boolean, pairGap?: [number, number]): { status: OccurrenceStatus; cue?: string } {
    const from = this.breakerAt.filter((b) => b.end < start).reduce((a, b) => Math.max(a, b.end + 1), 0);
    const to = this.breakerAt.filter((b) => b.at > end).reduce((a, b) => Math.min(a, b.at - 1), this.raws.length - 1);
    // A phrase that holds its own negation ("not felt the baby move") is not denied again by a cue
    // that ends inside it ("have not" + "not felt ...": the "not" is the phrase's own).
    const ownCue = (c: { at: number; cue: string }) => negativePhrase && c.at + c.cue.split(' ').length - 1 >= start;
    // A stop word between ("sin fiebre y vomitando") ends the negation's reach.
    const cutOff = (c: { at: number; cue: string }) => this.stops.some((j) => j >= c.at + c.cue.split(' ').length && j < start);
    const neg = this.negation.find(
      (c) => c.at >= from && c.at < start && start - c.at <= NEGATION_REACH && !ownCue(c) && !cutOff(c),
    );
    if (neg) return { status: 'negated', cue: neg.cue };
    // A denial inside the words of a phrase that holds none itself denies it: "کوئی دورہ نہیں پڑا" (no fit
    // happened) is not "دورہ پڑا" (a fit happened), matched across the gap.
    if (!negativePhrase && this.gapNegation) {
      for (let i = start + 1; i < end; i++) if (this.denyingAt.has(i)) return { status: 'negated', cue: this.raws[i] as string };
    }
    // A denial between the two halves of a paired phrase ("her lips are not blue", "嘴唇没有发紫": lips |
    // blue read over "are not") denies it too, unless the phrase holds its own negation.
    const between = negativePhrase || !pairGap ? undefined : this.negation.find((c) => c.at > pairGap[0] && c.at < pairGap[1]);
    if (between) return { status: 'negated', cue: between.cue };
    if ((this.negationAfter.length > 0 || this.negationAtEnd.length > 0) && !negativePhrase && !this.holdsNegation(start, end)) {
      // Only filler words may stand between: "درد نہیں ہے" and "ਦਰਦ ਨਹੀਂ ਹੈ" are denials, but in
      // "chest pain, sleep not coming" the negation belongs to another verb.
      // Or the trigger is the first item of an "or" list the denial ends: "X or Y not" denies X too,
      // when only filler stands between X and the "or", and Y holds a word of its own.
      const listed = (c: { at: number; cue: string }, joiners: number[], adjacent: boolean) =>
        joiners.some(
          (j) =>
            j > end &&
            j < c.at &&
            c.at - j <= LIST_ITEM_REACH &&
            (adjacent ? j === end + 1 : j - end <= NEGATION_AFTER_REACH && this.filler.slice(end + 1, j).every(Boolean)) &&
            this.filler.slice(j + 1, c.at).some((f) => !f),
        );
      // An "and" right after the trigger ("qandho iyo matag ma qabo") is a breaker read through by a
      // denial that ends the list: the clause then ends at the next other breaker.
      const toList =
        this.listAnd.length === 0
          ? to
          : this.breakerAt
              .filter((b) => b.at > end && !this.listAnd.includes(b.at))
              .reduce((a, b) => Math.min(a, b.at - 1), this.raws.length - 1);
      const lastAt = (c: { at: number; cue: string }) => c.at + c.cue.split(' ').length - 1;
      const near = (c: { at: number; cue: string }) =>
        c.at > end &&
        ((lastAt(c) <= to &&
          ((c.at - end <= NEGATION_AFTER_REACH && this.filler.slice(end + 1, c.at).every(Boolean)) || listed(c, this.listOr, false))) ||
          (lastAt(c) <= toList && listed(c, this.listAnd, true)));
      // An end-of-clause cue also needs only filler words after it: "ਬੁਖ਼ਾਰ ਵੀ ਨਹੀਂ" (no fever either)
      // denies, "ਦਰਦ ਵੀ ਨਹੀਂ ਜਾ ਰਿਹਾ" (the pain will not go either) does not.
      const endsClause = (c: { at: number; cue: string }) =>
        this.filler.slice(lastAt(c) + 1, (lastAt(c) <= to ? to : toList) + 1).every(Boolean);
      const after = this.negationAfter.find(near) ?? this.negationAtEnd.find((c) => near(c) && endsClause(c));
      if (after) return { status: 'negated', cue: after.cue };
    }
    const lo = Math.max(from, start - TENSE_REACH);
    const hi = Math.min(to, end + TENSE_REACH);
    const near = (list: { at: number; cue: string }[]): { at: number; cue: string } | undefined => {
      const inWindow = list.filter((c) => c.at >= lo && c.at <= hi && (c.at < start || c.at > end));
      return inWindow.sort((a, b) => dist(a.at, start, end) - dist(b.at, start, end))[0];
    };
    const stopped = near(this.notNow);
    if (stopped) return { status: 'not-now', cue: stopped.cue };
    const recent = near(this.recency);
    // A clear time ago reaches further than the other cues: it sets the time of its whole clause
    // ("кілька років тому я лежала в лікарні після передозування": the overdose was years ago).
    const pastLo = Math.max(from, start - PAST_REACH);
    const pastHi = Math.min(to, end + PAST_REACH);
    // A cue may also start with the trigger's own words and go on past it: "infarctus à 0 ans" (a heart
    // attack at 60) dates the event it names, and only that event.
    const past = this.strongPast
      .filter((c) => c.at >= pastLo && c.at <= pastHi && (c.at < start || c.at > end || (c.at === start && c.at + c.cue.split(' ').length - 1 > end)))
      .sort((a, b) => dist(a.at, start, end) - dist(b.at, start, end))[0];
    if (past && (!recent || dist(past.at, start, end) < dist(recent.at, start, end))) return { status: 'past', cue: past.cue };
    const maybe = near(this.weakPast);
    if (maybe && !recent) return { status: 'maybe-past', cue: maybe.cue };
    return { status: 'present' };
  }
}

/** True when a negation word lies inside the matched words ("سانس نہیں آ رہی" matched with a gap). */
function holdsNegationIn(at: Set<number>, start: number, end: number): boolean {
  for (let i = start; i <= end; i++) if (at.has(i)) return true;
  return false;
}

function dist(at: number, start: number, end: number): number {
  return at < start ? start - at : at - end;
}

/** A cue word "0" stands for any number, so "acum 0 ani" (Romanian "5 years ago") is one cue. */
const ANY_NUMBER = '0';
/** The smallest count a trigger's "0" stands for. */
const OVERDOSE_COUNT = 10;
/** A trigger word "00" stands for a count from SMALL_COUNT_MIN up to OVERDOSE_COUNT - 1. */
const SMALL_NUMBER = '00';
const SMALL_COUNT_MIN = 5;
const NUMBER = /^\d+$/;

function cueWordMatches(w: string, raw: string | undefined, anyWord: boolean): boolean {
  return raw === w || (w === ANY_NUMBER && raw !== undefined && (anyWord || NUMBER.test(raw)));
}

/**
 * Start positions of every cue phrase in the clause (cue phrases are matched exactly, word by word).
 * With `anyWord` (the clear-past cues), a "0" inside a cue also stands for one word, so a number
 * written as a word or a vague count reads like digits: "acum 0 ani" meets "acum doi ani", "il y a
 * 0 ans" meets "il y a deux ans" and "il y a quelques ans". A cue never starts with that word.
 */
function findCues(raws: string[], cues: CueList, anyWord = false): { at: number; cue: string }[] {
  const out: { at: number; cue: string }[] = [];
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i] as string;
    const starting = cues.get(raw);
    const anyNumber = raw !== ANY_NUMBER && NUMBER.test(raw) ? cues.get(ANY_NUMBER) : undefined;
    if (!starting && !anyNumber) continue;
    for (const cue of [...(starting ?? []), ...(anyNumber ?? [])]) {
      if (cue.every((w, j) => cueWordMatches(w, raws[i + j], anyWord && j > 0))) out.push({ at: i, cue: cue.join(' ') });
    }
  }
  return out;
}
