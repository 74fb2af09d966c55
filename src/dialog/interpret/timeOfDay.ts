import type { Lexicon } from './lexicon.js';
import { findPhrase } from './tokens.js';

/** The part of the day a time falls in, at "when is best?". */
export type PartOfDay = 'morning' | 'afternoon';

/**
 * The part of the day of an hour (0-23, or 1-12 without am/pm): said without am/pm, 1 to 6 is the
 * afternoon (nobody asks for a call at 2 in the night) and 7 to 11 the morning; "before" an hour up
 * to 1 pm is the morning; "after" noon or later is the afternoon. "After 10" or "before 4" span both:
 * null (the patient is asked again).
 */
export function partOfDay(hour: number, marked: boolean, mod?: 'before' | 'after'): PartOfDay | null {
  if (hour < 0 || hour > 23 || (!marked && hour === 0)) return null;
  const h = !marked && hour >= 1 && hour <= 6 ? hour + 12 : hour;
  if (mod === 'before') return h <= 13 ? 'morning' : null;
  if (mod === 'after') return h >= 12 ? 'afternoon' : null;
  return h < 12 ? 'morning' : 'afternoon';
}

/**
 * An hour typed with digits: "2", "2pm", "11h", "9am", "11den" (Turkish case ending), "14" (of
 * "14:00", whose minutes are the next token).
 */
const HOUR = /^(\d{1,2})(am|pm|[\p{L}]{1,4})?$/u;

type Phrases = readonly (readonly string[])[];

/** Where the first of `phrases` said whole in `tokens` starts, and its length; null when none is. */
function firstSaid(tokens: readonly string[], phrases: Phrases): { at: number; length: number } | null {
  for (const p of phrases) {
    const at = findPhrase(tokens, p, 0, true);
    if (at >= 0) return { at, length: p.length };
  }
  return null;
}
const MINUTES = /^[0-5]\d$/;

/**
 * "after 2 is best", "before 11", "2pm", "14:00", "11 se pehle", "2点以后", "11den önce": the part
 * of the day named by an hour in digits, with the language's words for before, after, am and pm
 * (`understand.words.clock`). 'both' when the hours span the two ("after 10", "before 4", "between
 * 10 and 2", "after 2 or before 11"): the patient is asked which. Null when there is no hour, or
 * the hour or its word is negated ("not after 2").
 */
export function readTimeOfDay(tokens: readonly string[], lex: Lexicon): PartOfDay | 'both' | null {
  const at = (phrases: Phrases) => firstSaid(tokens, phrases)?.at ?? -1;
  const negated = (i: number) => i > 0 && lex.negators.has(tokens[i - 1] as string);
  const hours: { hour: number; marked: boolean; at: number }[] = [];
  const am = at(lex.clock.am) >= 0;
  const pm = at(lex.clock.pm) >= 0;
  tokens.forEach((t, i) => {
    // The minutes of "14:00".
    if (i > 0 && MINUTES.test(t) && hours.some((h) => h.at === i - 1)) return;
    const m = HOUR.exec(t);
    if (!m) return;
    const suffix = m[2] ?? '';
    let hour = Number(m[1]);
    let marked = hour > 12;
    if (suffix === 'am' || (am && !pm)) {
      if (hour === 12) hour = 0;
      marked = true;
    } else if (suffix === 'pm' || (pm && !am)) {
      if (hour < 12) hour += 12;
      marked = true;
    }
    hours.push({ hour, marked, at: i });
  });
  if (hours.length === 0 || hours.some((h) => negated(h.at))) return null;
  const before = at(lex.clock.before);
  const after = at(lex.clock.after);
  if (negated(before) || negated(after)) return null;
  if (before >= 0 && after >= 0) return 'both';
  const mod = before >= 0 ? 'before' : after >= 0 ? 'after' : undefined;
  const parts = new Set(hours.map((h) => partOfDay(h.hour, h.marked, mod)));
  return parts.size === 1 ? ([...parts][0] ?? 'both') : 'both';
}

/** An hour said with a word of the clock ("at 3", "a las 3", "before 11", "2 pm"): not a choice's number. */
export function saysClockHour(tokens: readonly string[], lex: Lexicon): boolean {
  if (!tokens.some((t) => /^\d{1,2}$/.test(t))) return false;
  const { before, after, at, am, pm } = lex.clock;
  return [before, after, at, am, pm].some((list) => firstSaid(tokens, list) !== null);
}

/** Where the language's "but", "except" comes: the tokens after it (up to four), or null. */
export function afterExcept(tokens: readonly string[], lex: Lexicon): readonly string[] | null {
  const but = firstSaid(tokens, lex.clock.except);
  return but ? tokens.slice(but.at + but.length, but.at + but.length + 4) : null;
}
