import type { LangCode } from '../../domain/types.js';
import type { Wordbook } from '../wordbook.js';
import { phraseTokens } from './tokens.js';
import type { TypedWords } from './words.js';

/** A language's typed words (with English's, which patients often mix in), ready to match: built once per language. */
export interface Lexicon {
  lang: LangCode;
  filler: ReadonlySet<string>;
  negators: ReadonlySet<string>;
  /** The language's own TypedWords.negatesAfter (English's is false). */
  negatesAfter: boolean;
  greeting: readonly (readonly string[])[];
  thanks: readonly (readonly string[])[];
  helpMe: readonly (readonly string[])[];
  yes: readonly (readonly string[])[];
  no: readonly (readonly string[])[];
  unsure: readonly (readonly string[])[];
  /** Words of knowing or being sure (TypedWords.knowing), one token each: beside a negator, a not sure. */
  knowing: ReadonlySet<string>;
  /** Yes words that, beside another answer word, only strengthen it (TypedWords.emphasis), tokens joined with spaces. */
  emphasis: ReadonlySet<string>;
  /**
   * The language's own yes, no and not-sure words that English reads otherwise (Polish "no", "yeah"
   * or "no", listed among its not-sure words), tokens joined with spaces. English's phrase is left
   * out of the lexicon; a tapped button's code is still that code (AnswerPlace.tapped).
   */
  falseFriends: ReadonlySet<string>;
  /**
   * The language's own one-word yes, no and not-sure words by their form with every held letter
   * typed once ("niee", "takk", "ouii", "naa" are "nie", "tak", "oui", "na"): squeezed form to the
   * word. Only the language's own words (English's in an English conversation), only forms of two
   * letters or more, and none whose squeezed form is also another answer's.
   */
  held: ReadonlyMap<string, string>;
  /**
   * Words saying the patient is well ("I'm fine", "all good", "thank God"; TypedWords.fine), tokens
   * joined with spaces: after a no and a comma they leave it a no ("nie, wszystko ok").
   */
  fine: ReadonlySet<string>;
  /** The language's (and English's) words for "or" (TypedWords.or): "call or text" is either. */
  or: readonly (readonly string[])[];
  ongoing: readonly (readonly string[])[];
  /** Number words (one token each) to their value. */
  numbers: ReadonlyMap<string, number>;
  /** Multi-word number phrases ("a couple of") to their value. */
  numberPhrases: readonly { tokens: readonly string[]; value: number }[];
  /** Unit words to their length in days; a unit of several tokens ("个星期", "two weeks") by its tokens joined with spaces. */
  units: ReadonlyMap<string, number>;
  /** Units of several tokens, longest first, read as one. */
  unitPhrases: readonly (readonly string[])[];
  /** Unit words that mean one of it without a number. */
  unitsOne: ReadonlySet<string>;
  when: Readonly<Record<keyof TypedWords['when'], readonly (readonly string[])[]>>;
  since: readonly (readonly string[])[];
  /** Season names (TypedWords.seasons) with the month (1-12) the season starts in the UK, longest first. */
  seasons: readonly { month: number; tokens: readonly string[] }[];
  relations: readonly { code: string; tokens: readonly string[] }[];
  ageOld: readonly (readonly string[])[];
  /** "I can't" and the things of a day (TypedWords.unable, dailyLife), at "how much does it affect your day?". */
  unable: readonly (readonly string[])[];
  dailyLife: readonly (readonly string[])[];
  /** Words around a time of day (TypedWords.clock). */
  clock: Readonly<Record<keyof TypedWords['clock'], readonly (readonly string[])[]>>;
  weekdays: readonly { day: number; tokens: readonly string[] }[];
}

/** The month a season starts in the UK (the Met Office's seasons), as recognizersText.ts SEASON_MONTH. */
const SEASON_MONTH: Record<keyof TypedWords['seasons'], number> = { spring: 3, summer: 6, autumn: 9, winter: 12 };

const UNIT_DAYS: Record<keyof TypedWords['units'], number> = {
  minute: 1 / 1440, hour: 1 / 24, day: 1, week: 7, fortnight: 14, month: 30.44, year: 365.25,
};

/** Lexicons built from the wordbook, one per language, on first use. */
export function createLexicons(words: Wordbook, bcp47Of: (lang: LangCode) => string | undefined) {
  const built = new Map<LangCode, Lexicon>();
  return (lang: LangCode): Lexicon => {
    let lex = built.get(lang);
    if (!lex) built.set(lang, (lex = buildLexicon(lang, lang === 'eng' ? [words.typedWords('eng')] : [words.typedWords(lang), words.typedWords('eng')], bcp47Of(lang))));
    return lex;
  };
}

/** How a language reads its yes, no and not-sure words (and, as a no, its negators): phrase key to kinds. */
function answerKinds(w: TypedWords): Map<string, Set<string>> {
  const kinds = new Map<string, Set<string>>();
  const add = (list: readonly string[], kind: string) => {
    for (const p of list) {
      const key = phraseTokens(p).join(' ');
      if (key !== '') kinds.set(key, (kinds.get(key) ?? new Set<string>()).add(kind));
    }
  };
  add([...w.yes, ...w.emphasis], 'yes');
  add(w.no, 'no');
  add(w.unsure, 'unsure');
  return kinds;
}

/** Words of the first source (the language's own) that the last (English) reads as another answer. */
function falseFriendsOf(sources: readonly TypedWords[]): Set<string> {
  const own = sources[0];
  const english = sources[sources.length - 1];
  if (!own || !english || own === english) return new Set();
  const ours = answerKinds(own);
  const theirs = answerKinds(english);
  for (const n of english.negators) {
    const key = phraseTokens(n).join(' ');
    if (key !== '') theirs.set(key, (theirs.get(key) ?? new Set<string>()).add('no'));
  }
  return new Set([...ours].filter(([key, kinds]) => [...(theirs.get(key) ?? [])].some((k) => !kinds.has(k))).map(([key]) => key));
}

/** A word with every run of one letter typed once: "niee" is "nie", "yesss" is "yes". */
export const squeeze = (word: string): string => word.replace(/(\p{L})\1+/gu, '$1');

/** TypedWords' own one-word answers by squeezed form (Lexicon.held). */
function heldOf(own: TypedWords | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!own) return out;
  const kindOf = new Map<string, string>();
  const clash = new Set<string>();
  const lists: [readonly string[], string][] = [[own.yes, 'yes'], [own.emphasis, 'yes'], [own.no, 'no'], [own.unsure, 'unsure']];
  for (const [list, kind] of lists) {
    for (const p of list) {
      const t = phraseTokens(p);
      if (t.length !== 1) continue;
      const word = t[0] as string;
      const key = squeeze(word);
      if ([...key].length < 2) continue;
      const before = kindOf.get(key);
      if (before !== undefined && before !== kind) clash.add(key);
      kindOf.set(key, kind);
      if (!out.has(key)) out.set(key, word);
    }
  }
  for (const k of clash) out.delete(k);
  return out;
}

function buildLexicon(lang: LangCode, sources: readonly TypedWords[], bcp47: string | undefined): Lexicon {
  const falseFriends = falseFriendsOf(sources);
  // The language's own filler words are never English's words in it: Portuguese "no", "na" (in the:
  // "dor no peito"), Welsh "y" (the), Spanish "y", "ya", Polish "na" (on) are no yes or no there.
  const ownFiller = new Set(sources.length > 1 ? (sources[0]?.filler ?? []).map((p) => phraseTokens(p).join(' ')) : []);
  // English's phrases that are the language's own words with another meaning are left out.
  const own = (w: TypedWords, p: string) => w === sources[0] || (!falseFriends.has(phraseTokens(p).join(' ')) && !ownFiller.has(phraseTokens(p).join(' ')));
  const phrases = (pick: (w: TypedWords) => readonly string[]) =>
    [...new Set(sources.flatMap((w) => pick(w).filter((p) => own(w, p))))].map((p) => phraseTokens(p)).filter((t) => t.length > 0).sort((a, b) => b.length - a.length);
  const singles = (pick: (w: TypedWords) => readonly string[]) => new Set(phrases(pick).filter((t) => t.length === 1).map((t) => t[0] as string));
  const numbers = new Map<string, number>();
  const numberPhrases: { tokens: readonly string[]; value: number }[] = [];
  // English last, so a language's own reading of a word wins.
  for (const w of sources) {
    w.numbers.forEach((list, i) => {
      for (const p of list) {
        const tokens = phraseTokens(p);
        if (tokens.length === 1 && !numbers.has(tokens[0] as string)) numbers.set(tokens[0] as string, i + 1);
        else if (tokens.length > 1) numberPhrases.push({ tokens, value: i + 1 });
      }
    });
  }
  const units = new Map<string, number>();
  for (const w of sources) {
    for (const [unit, list] of Object.entries(w.units) as [keyof TypedWords['units'], string[]][]) {
      for (const p of list) {
        const key = phraseTokens(p).join(' ');
        if (key !== '' && !units.has(key)) units.set(key, UNIT_DAYS[unit]);
      }
    }
  }
  const relations = sources.flatMap((w) =>
    (Object.entries(w.relations) as [string, string[]][]).flatMap(([code, list]) => list.map((p) => ({ code, tokens: phraseTokens(p) }))),
  );
  return {
    lang,
    filler: singles((w) => w.filler),
    negators: singles((w) => w.negators),
    negatesAfter: sources[0]?.negatesAfter === true,
    greeting: phrases((w) => w.greeting),
    thanks: phrases((w) => w.thanks),
    helpMe: phrases((w) => w.helpMe),
    yes: phrases((w) => [...w.yes, ...w.emphasis]),
    no: phrases((w) => w.no),
    unsure: phrases((w) => w.unsure),
    knowing: singles((w) => w.knowing),
    emphasis: new Set(sources.flatMap((w) => w.emphasis.filter((p) => own(w, p)).map((p) => phraseTokens(p).join(' '))).filter((k) => k !== '')),
    falseFriends,
    held: heldOf(sources[0]),
    or: phrases((w) => w.or),
    fine: new Set(sources.flatMap((w) => w.fine.map((p) => phraseTokens(p).join(' '))).filter((k) => k !== '')),
    ongoing: phrases((w) => w.ongoing),
    numbers,
    numberPhrases: numberPhrases.sort((a, b) => b.tokens.length - a.tokens.length),
    units,
    unitPhrases: [...units.keys()].filter((k) => k.includes(' ')).map((k) => k.split(' ')).sort((a, b) => b.length - a.length),
    unitsOne: singles((w) => w.unitsOne),
    when: {
      today: phrases((w) => w.when.today),
      yesterday: phrases((w) => w.when.yesterday),
      lastWeek: phrases((w) => w.when.lastWeek),
      lastMonth: phrases((w) => w.when.lastMonth),
      longAgo: phrases((w) => w.when.longAgo),
    },
    since: phrases((w) => w.since),
    seasons: sources
      .flatMap((w) => (Object.entries(w.seasons) as [keyof TypedWords['seasons'], string[]][]).flatMap(([season, list]) => list.map((p) => ({ month: SEASON_MONTH[season], tokens: phraseTokens(p) }))))
      .filter((s) => s.tokens.length > 0)
      .sort((a, b) => b.tokens.length - a.tokens.length),
    relations: relations.filter((r) => r.tokens.length > 0).sort((a, b) => b.tokens.length - a.tokens.length),
    ageOld: phrases((w) => w.ageOld),
    unable: phrases((w) => w.unable),
    dailyLife: phrases((w) => w.dailyLife),
    clock: {
      before: phrases((w) => w.clock.before),
      after: phrases((w) => w.clock.after),
      at: phrases((w) => w.clock.at),
      am: phrases((w) => w.clock.am),
      pm: phrases((w) => w.clock.pm),
      except: phrases((w) => w.clock.except),
    },
    weekdays: [...weekdayNames([bcp47 ?? 'en', 'en']), ...weekdayForms(sources)],
  };
}

const WEEKDAY_KEYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
/** The word lists' own forms of the weekdays (understand.words.weekdays), Sunday = 0. */
function weekdayForms(sources: readonly TypedWords[]): { day: number; tokens: readonly string[] }[] {
  return sources.flatMap((w) => WEEKDAY_KEYS.flatMap((key, day) => w.weekdays[key].map((p) => ({ day, tokens: phraseTokens(p) })))).filter((d) => d.tokens.length > 0);
}

/** Weekday names from the platform's own locale data (long and short forms), Sunday = 0. */
function weekdayNames(tags: readonly string[]): { day: number; tokens: readonly string[] }[] {
  const out: { day: number; tokens: readonly string[] }[] = [];
  for (const tag of new Set(tags)) {
    for (const style of ['long', 'short'] as const) {
      let format: Intl.DateTimeFormat;
      try {
        format = new Intl.DateTimeFormat(tag, { weekday: style, timeZone: 'UTC' });
      } catch {
        continue;
      }
      for (let day = 0; day < 7; day++) {
        // 2026-01-04 was a Sunday.
        const tokens = phraseTokens(format.format(new Date(Date.UTC(2026, 0, 4 + day))));
        if (tokens.length > 0 && (tokens.join('').length >= 3 || /[^\p{Script=Latin}]/u.test(tokens.join('')))) out.push({ day, tokens });
        // "segunda-feira" is said "segunda".
        if (tokens.length === 2 && (tokens[0] as string).length >= 5 && /^\p{Script=Latin}+$/u.test(tokens[0] as string)) out.push({ day, tokens: [tokens[0] as string] });
      }
    }
  }
  return out;
}

const vocabularies = new WeakMap<Lexicon, ReadonlySet<string>>();
/** Every token of a lexicon's words (all its lists): what its language (and English) has words for. Built once per lexicon. */
export function vocabularyOf(lex: Lexicon): ReadonlySet<string> {
  let v = vocabularies.get(lex);
  if (v) return v;
  const set = new Set<string>([...lex.filler, ...lex.negators, ...lex.numbers.keys(), ...lex.unitsOne]);
  const add = (phrases: readonly (readonly string[])[]) => {
    for (const p of phrases) for (const t of p) set.add(t);
  };
  add([lex.greeting, lex.thanks, lex.helpMe, lex.yes, lex.no, lex.unsure, lex.ongoing, lex.since, lex.ageOld, ...Object.values(lex.when)].flat());
  add(lex.numberPhrases.map((p) => p.tokens));
  add([...lex.units.keys()].map((k) => k.split(' ')));
  add(lex.relations.map((r) => r.tokens));
  add(lex.weekdays.map((w) => w.tokens));
  vocabularies.set(lex, (v = set));
  return v;
}
