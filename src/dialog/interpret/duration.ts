import type { Lexicon } from './lexicon.js';
import { quantityAt } from './numbers.js';
import { editDistance, findPhrase, tokenise, tokensClose } from './tokens.js';

/** How long ago a problem started, in days, as read from a typed answer. */
export type DurationReading = { days: number } | null;

/** A reader for what our word lists do not cover ("since the 1st", dates), e.g. Microsoft Recognizers-Text. */
export type DurationFallback = (text: string, lang: string, now: Date) => number | null;

const DAY_MS = 24 * 3600 * 1000;

/**
 * "3 days", "2hrs", "about a fortnight", "a couple of weeks", "since Monday", "yesterday",
 * "since the 1st", "ages": how many days. `now` and the practice's time zone come from the event,
 * so "since Monday" means the Monday before the day of the conversation.
 */
export function readDuration(text: string, lex: Lexicon, now: Date, timeZone: string, months?: MonthNames): DurationReading {
  return readDurationTokens(tokenise(text), lex, now, timeZone, months);
}

/** Month names of a language (and English), folded, to their number 1–12 (monthNamesFor). */
export type MonthNames = ReadonlyMap<string, number>;

/** readDuration() of text already tokenised (tokenise()): an answer read in several languages is tokenised once. */
export function readDurationTokens(typed: readonly string[], lex: Lexicon, now: Date, timeZone: string, months?: MonthNames): DurationReading {
  // "2hrs", "3d", "2wks": a number stuck to its unit.
  const split = typed.flatMap((t) => {
    const m = /^(\d+)([\p{L}]+)$/u.exec(t);
    return m ? [m[1] as string, m[2] as string] : [t];
  });
  const tokens = joinUnitPhrases(split, lex);
  if (tokens.length === 0) return null;
  const has = (list: readonly (readonly string[])[]) => list.some((p) => findPhrase(tokens, p) >= 0);
  // The local date costs a formatToParts call: only worked out when a reading needs it.
  let local: ReturnType<typeof localDate> | undefined;
  const todayOf = () => (local ??= localDate(now, timeZone));
  // "2day", "2nite": a named time written with a digit, typed exactly, before "2" and "day" are split apart.
  if (lex.when.today.some((p) => p.length === 1 && /\d/.test(p[0] as string) && typed.includes(p[0] as string))) return { days: 0 };
  // "a long time" said with a unit word in it ("অনেক দিন", "ரொம்ப நாளா": many days, for a long time) is a long time, not days.
  if (longAgoWithUnitOf(lex).some((p) => findPhrase(split, p, 0, true) >= 0)) return { days: 365 };

  // "since the 1st", "since the 3rd of last month": a day of this month (or of the month before).
  if (has(lex.since)) {
    for (let i = 0; i < tokens.length; i++) {
      const m = /^(\d{1,2})(?:st|nd|rd|th|er|e|º)?$/.exec(tokens[i] as string);
      // "since 3 days" is a count, not a date; so is "de 2-3 săptămâni", "desde hace 2 o 3 semanas" (a range before a unit).
      if (!m || countsUnit(tokens, i, lex)) continue;
      const day = Number(m[1]);
      if (day < 1 || day > 31) continue;
      const today = todayOf();
      // "since the 3rd of February", "od 3 lutego": the day of that month, this year or last.
      const month = monthNear(tokens, i, months);
      if (month !== undefined) {
        const days = daysSinceDate(today, day, month);
        if (days !== null) return { days };
        continue;
      }
      const lastMonth = has(lex.when.lastMonth);
      const days = day <= today.day && !lastMonth ? today.day - day : today.day + (daysInPreviousMonth(today) - day);
      return { days };
    }
  }

  // A number with a unit: the largest such amount said ("2 weeks, worse for 3 days" started 2 weeks ago).
  let counted: number | null = null;
  let bare: number | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const match = unitMatch(tokens[i] as string, lex);
    if (match === undefined) continue;
    const unit = match.days;
    const before = quantityBefore(tokens, i, lex);
    // A unit on its own is a few of it ("weeks", "tygodnie"), or one where the language's list says so ("tydzień",
    // typed with a typo inside it too: "tyzdień"; another ending is another form, "hafte" is not "hafta").
    if (before === null) bare = Math.max(bare ?? 0, (isOne(tokens[i] as string, match.word, lex) ? 1 : 2) * unit);
    else counted = Math.max(counted ?? 0, before * unit);
  }
  if (counted !== null) return { days: counted };

  // A season named ("since last summer", "з літа"): since its first day.
  for (const exact of [true, false]) {
    for (const season of lex.seasons) if (findPhrase(split, season.tokens, 0, exact) >= 0) return { days: daysSinceSeason(todayOf(), season.month) };
  }

  // Phrases that name the time ("yesterday", "this morning", "ages") beat a bare unit ("昨天" holds "天", day);
  // typed exactly before with a typo ("з вечора", this evening, is not a typo of "вчора", yesterday). A
  // bare unit typed exactly beats a typo ("va avanti da settimane": "avanti" is not "avantieri").
  const named: [readonly (readonly string[])[], number][] = [
    [lex.when.longAgo, 365], [lex.when.lastMonth, 30], [lex.when.lastWeek, 7], [lex.when.yesterday, 1], [lex.when.today, 0],
  ];
  for (const exact of [true, false]) {
    if (!exact && bare !== null && !lex.weekdays.some((w) => findPhrase(split, w.tokens) >= 0)) return { days: bare };
    // A named phrase inside a longer one of another list counts as that one ("ers amser cinio", since lunchtime, is
    // today, not "ers amser", ages); otherwise the lists' order ("з обіду вчора", since lunch yesterday, is yesterday).
    const found: { days: number; start: number; end: number }[] = [];
    for (const [list, days] of named) {
      for (const p of list) {
        const at = findPhrase(tokens, p, 0, exact);
        if (at >= 0) found.push({ days, start: at, end: at + p.length });
      }
    }
    const inside = (f: (typeof found)[number]) => found.some((g) => g.start <= f.start && g.end >= f.end && g.end - g.start > f.end - f.start);
    const first = found.find((f) => !inside(f));
    if (first !== undefined) return { days: first.days };
  }

  if (has(lex.since) || tokens.length <= 2) {
    for (const w of lex.weekdays) {
      // A weekday holding a unit word ("星期一": 星期, week) is read on the tokens before units were joined.
      const joined = findPhrase(tokens, w.tokens);
      const at = joined >= 0 ? joined : w.tokens.length > 1 && findPhrase(split, w.tokens) >= 0 ? 0 : -1;
      if (at < 0) continue;
      // A weekday that is also a unit word (Romanian "luni": Monday, and months) is the weekday only
      // right after a since word ("de luni", "din luni": since Monday); else the unit ("luni", "de mai
      // multe luni": months).
      // (Only the form typed exactly: "lunii", of the month, keeps the weekday reading it had.)
      if (w.tokens.length === 1 && lex.units.has(w.tokens[0] as string) && findPhrase(tokens, w.tokens, 0, true) === at) {
        const prev = tokens[at - 1];
        if (prev === undefined || !lex.since.some((p) => p.length === 1 && p[0] === prev)) continue;
      }
      return { days: (todayOf().weekday - w.day + 7) % 7 };
    }
  }
  return bare === null ? null : { days: bare };
}

/** A lexicon's "a long time" phrases of two words or more with a unit word in them ("অনেক দিন"): worked out once per lexicon. */
const longAgoWithUnit = new WeakMap<Lexicon, readonly (readonly string[])[]>();
function longAgoWithUnitOf(lex: Lexicon): readonly (readonly string[])[] {
  let list = longAgoWithUnit.get(lex);
  if (!list) longAgoWithUnit.set(lex, (list = lex.when.longAgo.filter((p) => p.length >= 2 && p.some((t) => unitMatch(t, lex) !== undefined))));
  return list;
}

/** Units of several tokens ("个星期", "小时") as one token, so their parts are not read as units on their own. */
function joinUnitPhrases(tokens: readonly string[], lex: Lexicon): string[] {
  if (lex.unitPhrases.length === 0) return [...tokens];
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const p = lex.unitPhrases.find((ph) => ph.every((t, k) => tokens[i + k] === t));
    if (p) {
      out.push(p.join(' '));
      i += p.length;
    } else out.push(tokens[i++] as string);
  }
  return out;
}

function unitAt(token: string, lex: Lexicon): number | undefined {
  return unitMatch(token, lex)?.days;
}

/** A unit word that means one of it: one of the list's, or such a word with a typo inside it (same length, same last letter). */
const isOne = (token: string, word: string, lex: Lexicon): boolean =>
  lex.unitsOne.has(token) || (lex.unitsOne.has(word) && token.length === word.length && token.at(-1) === word.at(-1));

/** The unit word a token is (itself, or the nearest of ours it is a typo or another ending of) and its length in days. */
function unitMatch(token: string, lex: Lexicon): { word: string; days: number } | undefined {
  const exact = lex.units.get(token);
  if (exact !== undefined) return { word: token, days: exact };
  if (token.length < 4) return undefined;
  let best: { word: string; days: number; distance: number } | undefined;
  for (const [word, days] of lex.units) {
    if (word.length < 4 || !tokensClose(token, word)) continue;
    const distance = editDistance(token, word, 3);
    if (!best || distance < best.distance) best = { word, days, distance };
  }
  return best && { word: best.word, days: best.days };
}

/** The number at `i` counts a unit: the next token is one, or the one after a second number ("2-3 weeks", "2 or 3 weeks"). */
function countsUnit(tokens: readonly string[], i: number, lex: Lexicon): boolean {
  for (let j = i + 1; j <= i + 3 && j < tokens.length; j++) {
    if (unitAt(tokens[j] as string, lex) !== undefined) return j === i + 1 || quantityBefore(tokens, j, lex) !== null;
    if (j > i + 1 && quantityAt(tokens, j, lex) === null) return false;
  }
  return false;
}

function quantityBefore(tokens: readonly string[], unitIndex: number, lex: Lexicon): number | null {
  // Look back up to three tokens ("a couple of weeks", "about 3 days", "3 or 4 days").
  for (let start = Math.max(0, unitIndex - 3); start < unitIndex; start++) {
    const q = quantityAt(tokens, start, lex);
    if (q && start + q.length <= unitIndex) {
      // "3 or 4 days": the larger.
      const next = quantityAt(tokens, start + q.length + 1, lex);
      return next && start + q.length + 1 + next.length === unitIndex ? Math.max(q.value, next.value) : q.value;
    }
  }
  return null;
}

/** Formatters by time zone: building one costs far more than using it. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    const options = { weekday: 'short', day: 'numeric', month: 'numeric', year: 'numeric' } as const;
    try {
      f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
    } catch {
      f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' });
    }
    if (formatters.size < 100) formatters.set(timeZone, f);
  }
  return f;
}

function localDate(now: Date, timeZone: string): { weekday: number; day: number; month: number; year: number } {
  const parts = formatterFor(timeZone).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return { weekday, day: Number(get('day')), month: Number(get('month')), year: Number(get('year')) };
}

/** A month's name within a few words of the day number ("3rd of february" is 3 / rd / of / february; "february the 3rd", "3 lutego"). */
function monthNear(tokens: readonly string[], at: number, months: MonthNames | undefined): number | undefined {
  if (!months || months.size === 0) return undefined;
  for (const j of [at + 1, at + 2, at + 3, at - 1, at - 2]) {
    const t = tokens[j];
    const month = t === undefined ? undefined : months.get(t.replace(/\.$/, ''));
    if (month !== undefined) return month;
  }
  return undefined;
}

/** Days since the latest first day of `month` not after today (this year's, else last year's). */
function daysSinceSeason(today: { day: number; month: number; year: number }, month: number): number {
  return daysSinceDate(today, 1, month) ?? 0;
}

/** Days from the last `day` of `month` that is not after today (this year, else last year); null for 31 February. */
function daysSinceDate(today: { day: number; month: number; year: number }, day: number, month: number): number | null {
  const todayUtc = Date.UTC(today.year, today.month - 1, today.day);
  for (const year of [today.year, today.year - 1]) {
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() !== month - 1) return null;
    if (date.getTime() <= todayUtc) return Math.round((todayUtc - date.getTime()) / DAY_MS);
  }
  return null;
}

function daysInPreviousMonth(d: { month: number; year: number }): number {
  return Math.round((Date.UTC(d.year, d.month - 1, 1) - Date.UTC(d.year, d.month - 2, 1)) / DAY_MS);
}

/** The offered band for a number of days: the first whose upper bound it is under. */
export function durationBand(days: number, bands: readonly { code: string; underDays?: number }[]): string | null {
  for (const b of bands) if (b.underDays === undefined || days < b.underDays) return b.code;
  return null;
}
