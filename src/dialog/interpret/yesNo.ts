import { squeeze, vocabularyOf, type Lexicon } from './lexicon.js';
import { findPhrase, tokenise, tokensClose } from './tokens.js';

export type YesNoReading = 'yes' | 'no' | 'unsure' | 'both' | 'none';

/** Beyond this many words an answer to a yes/no question is a story, not an answer (unless it starts with one). */
const MAX_ANSWER_WORDS = 12;

/**
 * Yes, no or not sure, as people type them: "yeah I think so", "no it isn't", "not really",
 * "definitely not", "nah", in the conversation's language or English. Longer phrases are read
 * first ("dont think so" before "think so"); an answer that says both ("no, yes") is 'both'.
 */
export function readYesNo(text: string, lex: Lexicon): YesNoReading {
  return readYesNoWords(text, lex).reading;
}

/**
 * Whether a text is nothing but a yes, a no or a not sure (with filler words): "no", "not sure",
 * "idk" are not names, but "Gia Rossi" ("già", Italian yes) is.
 */
export function isOnlyYesNo(text: string, lex: Lexicon): boolean {
  const r = readYesNoWords(text, lex);
  return r.reading !== 'none' && r.whole;
}

/** A lexicon's yes, no and not-sure phrases in reading order: groups as long, longest first. Built once per lexicon. */
type Kind = 'yes' | 'no' | 'unsure';
const EXACT_FIRST = [true, false] as const;
/**
 * One phrase of the plan; `emphasis` (a yes phrase listed as emphasis) and `alone` (a one-word false
 * friend) are worked out once with the plan, not on every reading.
 */
interface PlanEntry {
  p: readonly string[];
  kind: Kind;
  emphasis: boolean;
  alone: boolean;
}
const plans = new WeakMap<Lexicon, readonly (readonly PlanEntry[])[]>();
function planOf(lex: Lexicon): readonly (readonly PlanEntry[])[] {
  let plan = plans.get(lex);
  if (plan) return plan;
  // Longest phrases of every kind first, so "not sure" is unsure and "dont think so" is no (a stable sort:
  // among phrases as long, unsure before no before yes, each in its list's order).
  const kinds = [
    ...lex.unsure.map((p) => ({ p, kind: 'unsure' as const })),
    ...lex.no.map((p) => ({ p, kind: 'no' as const })),
    ...lex.yes.map((p) => ({ p, kind: 'yes' as const })),
  ]
    .sort((a, b) => b.p.length - a.p.length)
    .map(({ p, kind }): PlanEntry => ({
      p,
      kind,
      emphasis: kind === 'yes' && lex.emphasis.size > 0 && lex.emphasis.has(p.join(' ')),
      alone: p.length === 1 && lex.falseFriends.has(p[0] as string),
    }));
  const groups: PlanEntry[][] = [];
  for (const k of kinds) {
    const last = groups[groups.length - 1];
    if (last && (last[0] as (typeof kinds)[number]).p.length === k.p.length) last.push(k);
    else groups.push([k]);
  }
  plans.set(lex, (plan = groups));
  return plan;
}

/** A lexicon's one-word yes, no and not-sure phrases ("no", "ні", "нет"): negators that are answers on their own. */
const answerWords = new WeakMap<Lexicon, ReadonlySet<string>>();
function answerWordsOf(lex: Lexicon): ReadonlySet<string> {
  let set = answerWords.get(lex);
  if (!set) answerWords.set(lex, (set = new Set([...lex.yes, ...lex.no, ...lex.unsure].filter((p) => p.length === 1).map((p) => p[0] as string))));
  return set;
}

/** A lexicon's one-word no phrases ("nathi", "না"): a negation beside a word of knowing. */
const noWordSets = new WeakMap<Lexicon, ReadonlySet<string>>();
function noWordsOf(lex: Lexicon): ReadonlySet<string> {
  let set = noWordSets.get(lex);
  if (!set) noWordSets.set(lex, (set = new Set(lex.no.filter((p) => p.length === 1).map((p) => p[0] as string))));
  return set;
}

/** A lexicon's negators and one-word "I can't" phrases (Lexicon.unable): words read as themselves, never as a typo of an answer word. */
const ownWordSets = new WeakMap<Lexicon, ReadonlySet<string>>();
function ownWordsOf(lex: Lexicon): ReadonlySet<string> {
  let set = ownWordSets.get(lex);
  if (!set) ownWordSets.set(lex, (set = new Set([...lex.negators, ...lex.unable.filter((p) => p.length === 1).map((p) => p[0] as string)])));
  return set;
}

/** How many tokens an emphasis phrase takes at `at` (a one-word one through a typo), or 0. */
function emphasisAt(tokens: readonly string[], at: number, lex: Lexicon): number {
  for (const len of [3, 2]) if (at + len <= tokens.length && lex.emphasis.has(tokens.slice(at, at + len).join(' '))) return len;
  const t = tokens[at] as string;
  if (lex.emphasis.has(t)) return 1;
  for (const e of lex.emphasis) if (!e.includes(' ') && tokensClose(t, e)) return 1;
  return 0;
}

/**
 * Words typed with a letter held ("niee", "takk", "ouii", "naa") as the language's own answer word
 * (Lexicon.held); words the language's lists already know are left as typed. Only in the
 * conversation's own language (not when another language's words are tried as a last resort), so
 * a Tamil "naa" (I) is never the English "na".
 */
export function unheld(tokens: readonly string[], lex: Lexicon): readonly string[] {
  if (lex.held.size === 0 || !tokens.some((t) => HELD.test(t))) return tokens;
  const known = vocabularyOf(lex);
  return tokens.map((t) => (HELD.test(t) && !known.has(t) ? lex.held.get(squeeze(t)) ?? t : t));
}
const HELD = /(\p{L})\1/u;

function readYesNoWords(text: string, lex: Lexicon): { reading: YesNoReading; whole: boolean } {
  return readYesNoTokens(tokenise(text), lex);
}

/**
 * Readings of short answers kept per lexicon, by their tokens: the same few answers ("no", "not
 * sure", "nope") come in every conversation, and an answer no language's own words read is tried in
 * each of the other offered languages (19 readings). The reading is a pure function of the tokens
 * and the (immutable) lexicon. Bounded, oldest first out; only answers of MAX_ANSWER_WORDS words or
 * fewer are kept, so a description never is.
 */
type YesNoResult = Readonly<{ reading: YesNoReading; whole: boolean }>;
const readings = new WeakMap<Lexicon, Map<string, YesNoResult>>();
const READINGS_MAX = 5000;
const SEPARATOR = '\u0000';

/** readYesNo() of text already tokenised (tokenise()): an answer read in several languages is tokenised once. */
export function readYesNoTokens(all: readonly string[], lex: Lexicon): YesNoResult {
  if (all.length === 0 || all.length > MAX_ANSWER_WORDS || all.some((t) => t.includes(SEPARATOR))) return readYesNoTokensUncached(all, lex);
  let byTokens = readings.get(lex);
  if (!byTokens) readings.set(lex, (byTokens = new Map()));
  const key = all.join(SEPARATOR);
  let result = byTokens.get(key);
  if (result === undefined) {
    result = Object.freeze(readYesNoTokensUncached(all, lex));
    if (byTokens.size >= READINGS_MAX) byTokens.delete(byTokens.keys().next().value as string);
    byTokens.set(key, result);
  }
  return result;
}

/** readYesNoTokens without the kept readings (exported for the test that compares the two). */
export function readYesNoTokensUncached(all: readonly string[], lex: Lexicon): { reading: YesNoReading; whole: boolean } {
  if (all.length === 0) return { reading: 'none', whole: false };
  const tokens = all.length > MAX_ANSWER_WORDS ? all.slice(0, 3) : all;
  const used = new Array<boolean>(tokens.length).fill(false);
  const take = (p: readonly string[], exact: boolean): number => {
    let found = 0;
    let at = findPhrase(tokens, p, 0, exact);
    while (at >= 0) {
      // A negator or a one-word "I can't" of the language, typed as it is, is no typo of another word ("نمیتونم", I can't, is not "نمیدونم", I don't know).
      const typoOfNegator = !exact && p.some((w, k) => tokens[at + k] !== w && ownWordsOf(lex).has(tokens[at + k] as string));
      if (!typoOfNegator && p.every((_, k) => !used[at + k])) {
        for (let k = 0; k < p.length; k++) used[at + k] = true;
        found++;
      }
      at = findPhrase(tokens, p, at + 1, exact);
    }
    return found;
  };
  const counts = { yes: 0, no: 0, unsure: 0 };
  // A false friend said alone (Polish "no": "yeah", or the English "no") cannot be read either way:
  // the patient is asked "yes or no?" by name, and a safety question that is never answered counts
  // as not sure (the no-loop policy). Beside other answer words it is a particle ("no, raczej nie":
  // well, rather not), read by those.
  const alone = { yes: 0, no: 0, unsure: 0 };
  // "definitely", "of course", "точно": a yes alone, only a stronger no beside one ("точно немає").
  let emphasis = 0;
  // "not definitely", "не точно", "не зовсім точно": a certainty denied is a not sure, never a no (nor a yes).
  if (lex.emphasis.size > 0) {
    const answers = answerWordsOf(lex);
    for (let i = 0; i + 1 < tokens.length; i++) {
      // A negator that is an answer alone ("ні, точно", "no, definitely", "нет, конечно") is a no made
      // stronger; where it is also "not" ("pas certain", "مش اكيد") the not-sure phrase is listed.
      if (used[i] || !lex.negators.has(tokens[i] as string) || answers.has(tokens[i] as string)) continue;
      // The emphasis may come after filler and one other word ("not too sure").
      let other = 0;
      for (let j = i + 1; j < tokens.length; j++) {
        const n = emphasisAt(tokens, j, lex);
        if (n > 0) {
          for (let k = i; k < j + n; k++) used[k] = true;
          counts.unsure++;
          break;
        }
        const t = tokens[j] as string;
        if (lex.negators.has(t) || (!lex.filler.has(t) && ++other > 1)) break;
      }
    }
  }
  // Longest first; among phrases as long, words typed exactly before typos: "nemanau" (no) is not a
  // typo of "nežinau" (not sure), and "no estoy seugro" is still "no estoy seguro", not "no".
  for (const group of planOf(lex)) {
    // A phrase longer than the answer cannot be in it.
    if (((group[0] as (typeof group)[number]).p.length) > tokens.length) continue;
    for (const exact of EXACT_FIRST) {
      for (const entry of group) {
        if (entry.emphasis) emphasis += take(entry.p, exact);
        else (entry.alone ? alone : counts)[entry.kind] += take(entry.p, exact);
      }
    }
  }
  // A negator (left over, or read as a no: "nahi", "না", "rien") beside a word of knowing left over
  // ("pakka nahi pata", "j'en sais rien", "বলতে পারছি না", "can't say") is a not sure: an "I don't
  // know" in words we had not listed is never a no.
  const noWords = noWordsOf(lex);
  const negator = tokens.some((t) => lex.negators.has(t) || noWords.has(t));
  // A word of knowing read as a yes ("sure") counts only right beside the negation ("sure na", "not sure").
  const besideNegation = (i: number) => [tokens[i - 1], tokens[i + 1]].some((t) => t !== undefined && (lex.negators.has(t) || noWords.has(t)));
  if (negator && tokens.some((t, i) => !lex.negators.has(t) && lex.knowing.has(t) && (!used[i] || besideNegation(i)))) counts.unsure++;
  // A bare negator ("not", "never") left over answers no.
  else
    tokens.forEach((t, i) => {
      if (!used[i] && lex.negators.has(t)) counts.no++;
    });
  if (counts.yes + counts.no + counts.unsure === 0 && emphasis > 0) counts.yes = emphasis;
  if (counts.yes + counts.no + counts.unsure === 0 && alone.yes + alone.no + alone.unsure > 0) Object.assign(counts, { yes: 1, no: 1, unsure: 0 });
  const whole = tokens.length === all.length && tokens.every((t, i) => used[i] || lex.negators.has(t) || lex.filler.has(t));
  // "not sure", said with a yes or a no or both ("maybe yes, maybe no"), is not sure.
  const reading: YesNoReading =
    counts.unsure > 0 ? 'unsure' : counts.yes > 0 && counts.no > 0 ? 'both' : counts.yes > 0 ? 'yes' : counts.no > 0 ? 'no' : 'none';
  return { reading, whole };
}

/**
 * The answer without its no phrases of two words or more ("nothing like that", "ایسا کچھ نہیں",
 * "öyle bir şey yok"), when it reads as a no: what is left may still name a sign ("no, but he
 * swallowed pills"), while "something" inside "nothing" does not name one. The text as typed
 * otherwise (one-word no's, like "no", are kept: they name nothing anyway).
 */
export function withoutNoPhrases(text: string, lex: Lexicon): string {
  const tokens = unheld(tokenise(text), lex);
  if (readYesNoTokens(tokens, lex).reading !== 'no') return text;
  const used = new Array<boolean>(tokens.length).fill(false);
  // Every word of every such phrase said, overlapping too ("na dim un": "na dim" and "dim un").
  for (const p of lex.no) {
    if (p.length < 2) continue;
    for (let at = findPhrase(tokens, p, 0, true); at >= 0; at = findPhrase(tokens, p, at + 1, true)) for (let k = 0; k < p.length; k++) used[at + k] = true;
  }
  return used.some(Boolean) ? tokens.filter((_, i) => !used[i]).join(' ') : text;
}
