import type { LangCode } from '../domain/types.js';
import { fillerMask, languageFiller } from './compile.js';
import type { LexiconDef, RuleDef, TriageContent } from './contentSchema.js';
import { phraseWords, type Token } from './normalise.js';

/**
 * Trigger phrases that shrink once filler words are dropped (hazard H102).
 *
 * Before matching, a phrase loses its language's filler words unless its rule keeps them (`keepFiller`):
 * English "dog bit" reads as "dog", French "l'a piqué" as "piqué", Italian "da anni" as "anni". This finds
 * every such phrase, in every rule's triggers and exclusions and every language's trigger lists, whose
 * filler-free form is broader in a way that matters, so its author either lists it as reviewed
 * (`dialogs/redflags/shrinks/<lang>.json`, with the shrunk form, so a change to the filler list re-opens
 * the review) or rewrites it. A phrase is flagged when a word was dropped and
 *  - one word is left (a one-word trigger matches any mention of that word: "dog", "piqué"), or
 *  - a dropped word is a negation word of the language ("not", "nie"): the phrase then reads its opposite,
 *  - a dropped word is a number (a digit, or a number word above one in `statedAge.json`): "every 4 hours"
 *    would read as "every hours",
 *  - a dropped word is a time or state word: an age unit of `statedAge.json` ("anni", "weeks") or a
 *    one-word clear-past, past or not-now cue of the lexicon ("ago", "stopped", "gone"), or
 *  - nothing is left: the phrase never matches at all.
 * Verbs cannot be told apart from other words in 20 languages without a tagger; a dropped verb that matters
 * mostly leaves one word ("dog bit", "feel sick"), which the first test catches.
 * A phrase is not flagged when another phrase of the same rule (and the same kind: trigger or exclusion)
 * already matches inside its shrunk form: the rule matched that much already, the shrink adds nothing.
 */

export type ShrinkKind = 'trigger' | 'exclude';
export type ShrinkReason = 'one word' | 'negation' | 'number' | 'time' | 'nothing left';

export interface Shrink {
  lang: LangCode;
  ruleId: string;
  kind: ShrinkKind;
  /** The phrase as the author wrote it. */
  phrase: string;
  /** What is matched: the phrase's words with filler dropped, as read (text-speak expanded, lower case). */
  shrunk: string;
  dropped: string[];
  reasons: ShrinkReason[];
  /** The content file the phrase is in (relative to dialogs/). */
  file: string;
  /** Set when the phrase was reviewed with another shrunk form (the filler list or the phrase changed since). */
  reviewedAs?: string;
}

/** One reviewed shrink, as listed in `dialogs/redflags/shrinks/<lang>.json`. */
export interface ReviewedShrink {
  rule: string;
  kind: ShrinkKind;
  phrase: string;
  shrunk: string;
  note?: string | undefined;
}

const DIGIT = /\p{Nd}/u;

interface LanguageWords {
  negation: ReadonlySet<string>;
  numbers: ReadonlySet<string>;
  time: ReadonlySet<string>;
}

function raws(list: readonly string[], textSpeak: ReadonlyMap<string, string[]>): string[][] {
  return list.map((p) => phraseWords(p, textSpeak).map((t) => t.raw));
}

/** Every phrase of every rule in one language that is compiled with filler dropped, by kind. */
function phrasesOf(lex: LexiconDef, rules: readonly RuleDef[]): { rule: RuleDef; kind: ShrinkKind; phrase: string; own: boolean }[] {
  const ruleById = new Map(rules.map((r) => [r.id, r] as const));
  const own = (r: RuleDef): string[] => [...(r.triggers?.[lex.lang] ?? []), ...(lex.triggers[r.id] ?? [])];
  // triggersFrom: phrases of a rule that keeps filler are dropped of it when borrowed by one that does not.
  const borrowed = (r: RuleDef, seen: Set<string>): string[] => {
    const from = r.triggersFrom ? ruleById.get(r.triggersFrom) : undefined;
    if (!from || seen.has(from.id)) return [];
    seen.add(from.id);
    return [...(from.keepFiller === true ? own(from) : []), ...borrowed(from, seen)];
  };
  const out: { rule: RuleDef; kind: ShrinkKind; phrase: string; own: boolean }[] = [];
  for (const rule of rules) {
    if (rule.keepFiller !== true) {
      for (const phrase of new Set(own(rule))) out.push({ rule, kind: 'trigger', phrase, own: true });
      for (const phrase of new Set(borrowed(rule, new Set([rule.id])))) out.push({ rule, kind: 'trigger', phrase, own: false });
    }
    // Exclusions are always compiled with filler dropped.
    for (const phrase of new Set([...(rule.exclude?.[lex.lang] ?? []), ...(rule.excludeInMessage?.[lex.lang] ?? [])])) {
      out.push({ rule, kind: 'exclude', phrase, own: true });
    }
  }
  return out;
}

/** Whether `part` stands, word for word, somewhere inside `whole`. */
function inside(part: readonly string[], whole: readonly string[]): boolean {
  if (part.length === 0 || part.length > whole.length) return false;
  for (let i = 0; i + part.length <= whole.length; i++) if (part.every((w, j) => whole[i + j] === w)) return true;
  return false;
}

/** The shrinking phrases of every rule in every language (reviewed or not), in content order. */
export function findShrinks(content: TriageContent): Shrink[] {
  const out: Shrink[] = [];
  for (const lex of content.lexicons) {
    const filler = languageFiller(lex);
    const age = content.statedAge?.languages[lex.lang];
    const one = (list: readonly string[]): string[] => raws(list, filler.textSpeak).filter((ws) => ws.length === 1).map((ws) => ws[0] as string);
    const words: LanguageWords = {
      // Only one-word cues: the words of "do not" or "free of" are no denial alone.
      negation: new Set([...one(lex.negation), ...one(lex.negationAfter), ...one(lex.negationAfterAtEnd)]),
      numbers: new Set(one(Object.entries(age?.numbers ?? {}).filter(([, n]) => n > 1).map(([w]) => w))),
      time: new Set([...one(Object.values(age?.units ?? {}).flat()), ...one(lex.strongPast), ...one(lex.weakPast), ...one(lex.notNow)]),
    };
    // Each phrase is read once per language (many are shared by several rules and read again for coverage).
    const readings = new Map<string, { all: Token[]; kept: Token[]; dropped: Token[] }>();
    const read = (phrase: string): { all: Token[]; kept: Token[]; dropped: Token[] } => {
      const known = readings.get(phrase);
      if (known) return known;
      const all = phraseWords(phrase, filler.textSpeak);
      const mask = fillerMask(all, filler.stopwords, filler.stopPhrases, filler.keptAfterNegation);
      const reading = { all, kept: all.filter((_, i) => !mask[i]), dropped: all.filter((_, i) => mask[i]) };
      readings.set(phrase, reading);
      return reading;
    };
    const phrases = phrasesOf(lex, content.rules);
    // The compiled stems of each rule's phrases, by kind, to see whether another phrase already covers a shrink.
    const stemsBy = new Map<string, { phrase: string; stems: string[] }[]>();
    for (const p of phrases) {
      const key = `${p.kind} ${p.rule.id}`;
      const list = stemsBy.get(key) ?? [];
      list.push({ phrase: p.phrase, stems: read(p.phrase).kept.map((t) => t.stem) });
      stemsBy.set(key, list);
    }
    for (const p of phrases) {
      const { all, kept, dropped } = read(p.phrase);
      if (dropped.length === 0) continue;
      const reasons: ShrinkReason[] = [];
      if (kept.length === 0) reasons.push('nothing left');
      if (kept.length === 1) reasons.push('one word');
      if (dropped.some((t) => words.negation.has(t.raw))) reasons.push('negation');
      if (dropped.some((t) => DIGIT.test(t.raw) || words.numbers.has(t.raw))) reasons.push('number');
      if (dropped.some((t) => words.time.has(t.raw))) reasons.push('time');
      if (reasons.length === 0 || all.length === 0) continue;
      const stems = kept.map((t) => t.stem);
      const covered = (stemsBy.get(`${p.kind} ${p.rule.id}`) ?? []).some((o) => o.phrase !== p.phrase && inside(o.stems, stems));
      if (covered && kept.length > 0) continue;
      const file = p.own && (p.kind === 'exclude' || (p.rule.triggers?.[lex.lang] ?? []).includes(p.phrase))
        ? (content.origin[p.rule.id] ?? '(in memory)')
        : (content.origin[`triggers:${lex.lang}:${p.rule.id}`] ?? content.origin[`lexicon:${lex.lang}`] ?? '(in memory)');
      out.push({
        lang: lex.lang,
        ruleId: p.rule.id,
        kind: p.kind,
        phrase: p.phrase,
        shrunk: kept.map((t) => t.raw).join(' '),
        dropped: dropped.map((t) => t.raw),
        reasons,
        file,
      });
    }
  }
  return out;
}

const keyOf = (lang: string, rule: string, kind: string, phrase: string): string => `${lang}\u0000${rule}\u0000${kind}\u0000${phrase.trim()}`;

export interface ShrinkReview {
  /** Shrinking phrases nobody has reviewed, or whose shrunk form changed since the review. */
  unreviewed: Shrink[];
  /** Reviewed entries that match no shrinking phrase any more (the phrase changed, or it no longer shrinks). */
  stale: { lang: LangCode; file: string; entry: ReviewedShrink }[];
}

/** Compares the shrinking phrases with the reviewed lists (`content.reviewedShrinks`). */
export function reviewShrinks(content: TriageContent): ShrinkReview {
  const reviewed = new Map<string, ReviewedShrink>();
  for (const [lang, list] of Object.entries(content.reviewedShrinks ?? {})) {
    for (const entry of list) reviewed.set(keyOf(lang, entry.rule, entry.kind, entry.phrase), entry);
  }
  const used = new Set<string>();
  const unreviewed: Shrink[] = [];
  for (const s of findShrinks(content)) {
    const key = keyOf(s.lang, s.ruleId, s.kind, s.phrase);
    const entry = reviewed.get(key);
    if (entry && entry.shrunk === s.shrunk) used.add(key);
    else {
      if (entry) used.add(key);
      unreviewed.push(entry ? { ...s, reviewedAs: entry.shrunk } : s);
    }
  }
  const stale = [...reviewed.entries()]
    .filter(([key]) => !used.has(key))
    .map(([key, entry]) => {
      const lang = key.split('\u0000')[0] as LangCode;
      return { lang, file: content.origin[`shrinks:${lang}`] ?? '(in memory)', entry };
    });
  return { unreviewed, stale };
}

/** One line per unreviewed shrink, naming everything an author needs to find and decide it. */
export function describeShrink(s: Shrink): string {
  const was = s.reviewedAs !== undefined ? ` (reviewed when it read "${s.reviewedAs}": review it again)` : '';
  return `${s.file}: rule ${s.ruleId}, ${s.lang}, ${s.kind} "${s.phrase}" reads as "${s.shrunk}" once filler is dropped (${s.reasons.join(', ')}; dropped: ${s.dropped.join(' ')})${was}`;
}
