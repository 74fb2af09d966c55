import { ChoiceRecognizer } from '@microsoft/recognizers-text-choice';
import * as dateTime from '@microsoft/recognizers-text-date-time';
import { DateTimeRecognizer } from '@microsoft/recognizers-text-date-time';
import type { LangCode } from '../../domain/types.js';
import { partOfDay, type PartOfDay } from './timeOfDay.js';

/**
 * Readers the dialog uses where our own word lists found nothing: Microsoft Recognizers-Text, the
 * recognisers behind Bot Framework's prompts, for the languages whose JavaScript models work
 * (checked in tests/dialog/recognizers.test.ts; Portuguese and Italian date models return nothing
 * in 1.3.x, Italian yes/no too). Each model is built once; `warm()` builds them all at start-up,
 * because a first call compiles hundreds of regular expressions (seconds for French).
 * The date-time model costs milliseconds a call, so it is only asked at "how long" and "when is best?", when our own words found nothing.
 */
export interface Recognisers {
  /** Days since the problem started ("since last Tuesday", "a fortnight", "hace tres días"), or null. */
  durationDays(text: string, lang: LangCode, now: Date): number | null;
  /**
   * Whether the text may name a holiday the language's date model knows ("christmas", "navidad"):
   * its own holiday patterns, where they compile in JavaScript; true where they do not (French, Chinese).
   */
  mayNameHoliday(text: string, lang: LangCode): boolean;
  /**
   * The part of the day a time names ("in the evening", "2pm", "después de las 2", "晚上"), read by the
   * date model (morning for its TMO, afternoon for TAF, TEV, TNI; an hour by partOfDay), or null.
   */
  timeOfDay?(text: string, lang: LangCode): PartOfDay | null;
  /** A plain yes or no ("yup", "nope", "claro", "是的"), or null. */
  yesNo(text: string, lang: LangCode): 'yes' | 'no' | null;
  /** Build every model now. */
  warm(): void;
}

const DATE_CULTURES: Readonly<Partial<Record<LangCode, string>>> = { eng: 'en-us', spa: 'es-es', fra: 'fr-fr', cmn: 'zh-cn' };
const BOOLEAN_CULTURES: Partial<Record<LangCode, string>> = { eng: 'en-us', spa: 'es-es', por: 'pt-br', fra: 'fr-fr', cmn: 'zh-cn' };
const DAY_S = 86_400;

/**
 * What a culture's date model can read at all: its patterns are written in its script and digits.
 * Text with neither ("இரண்டு வாரம்" in an English conversation) gives it nothing, so it is not asked
 * (a call costs 2–15 ms even when it finds nothing). tests/dialog/recognizersScript.test.ts checks the
 * models find nothing in the other scripts' tuning phrases. (The yes/no models also read emoji: 👍.)
 */
const READABLE: Readonly<Record<string, RegExp>> = { 'zh-cn': /[\p{Script=Han}\p{Script=Latin}0-9０-９]/u };
const LATIN_OR_DIGIT = /[\p{Script=Latin}0-9]/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
export const mayRead = (culture: string, text: string): boolean => (READABLE[culture] ?? LATIN_OR_DIGIT).test(text);

/** The date model's own resources, by culture: their holiday patterns guard the model's use. */
const RESOURCES: Readonly<Record<string, unknown>> = {
  'en-us': dateTime.EnglishDateTime, 'es-es': dateTime.SpanishDateTime, 'fr-fr': dateTime.FrenchDateTime, 'zh-cn': dateTime.ChineseDateTime,
};
/** A culture's holiday patterns that compile as JavaScript regular expressions (some are .NET only), or null when none do. */
function holidayPatterns(culture: string): RegExp[] | null {
  const res = RESOURCES[culture] as Record<string, unknown> | undefined;
  const out: RegExp[] = [];
  for (const [key, source] of Object.entries(res ?? {})) {
    if (!/^Holiday(Regex|List)\d*$/.test(key) || typeof source !== 'string') continue;
    try {
      out.push(new RegExp(source, 'i'));
    } catch {
      // A .NET-only construct: this pattern cannot be used.
    }
  }
  return out.length > 0 ? out : null;
}

type DateModel = ReturnType<DateTimeRecognizer['getDateTimeModel']>;
type BooleanModel = ReturnType<ChoiceRecognizer['getBooleanModel']>;

export function createRecognisers(): Recognisers {
  const dateModels = new Map<string, DateModel>();
  const booleanModels = new Map<string, BooleanModel>();
  const dateModel = (culture: string) => {
    let m = dateModels.get(culture);
    if (!m) dateModels.set(culture, (m = new DateTimeRecognizer(culture, undefined, true).getDateTimeModel(culture, false)));
    return m;
  };
  const booleanModel = (culture: string) => {
    let m = booleanModels.get(culture);
    if (!m) booleanModels.set(culture, (m = new ChoiceRecognizer(culture, undefined, true).getBooleanModel(culture, false)));
    return m;
  };

  const holidays = new Map<string, RegExp[] | null>();
  const holidaysOf = (culture: string) => {
    if (!holidays.has(culture)) holidays.set(culture, holidayPatterns(culture));
    return holidays.get(culture) ?? null;
  };

  return {
    mayNameHoliday(text, lang) {
      const culture = DATE_CULTURES[lang];
      if (!culture) return false;
      const patterns = holidaysOf(culture);
      return patterns === null || patterns.some((p) => p.test(text));
    },
    durationDays(text, lang, now) {
      const culture = DATE_CULTURES[lang];
      // The date model costs milliseconds a call (tens for long Chinese text): only short answers go to it.
      if (!culture || text.length > 60 || !mayRead(culture, text)) return null;
      let best: number | null = null;
      for (const r of dateModel(culture).parse(text, now)) {
        const values = (r.resolution as { values?: Record<string, string | undefined>[] } | undefined)?.values ?? [];
        for (const v of values) {
          const days = daysOf(v, now);
          // Of several readings ("since Monday" may be last or next Monday), the one in the past.
          if (days !== null && days >= 0 && (best === null || days < best || best < 0)) best = days;
        }
      }
      return best;
    },
    timeOfDay(text, lang) {
      const culture = DATE_CULTURES[lang];
      if (!culture || text.length > 60 || !mayRead(culture, text)) return null;
      const [first] = dateModel(culture).parse(text, new Date(0));
      const values = (first?.resolution as { values?: Record<string, string | undefined>[] } | undefined)?.values ?? [];
      const [v] = values;
      const timex = v?.timex ?? '';
      if (!v || v.type === 'set') return null;
      if (/T(MO)$/.test(timex)) return 'morning';
      if (/T(AF|EV|NI)$/.test(timex)) return 'afternoon';
      const hour = /T(\d{2})/.exec(timex);
      if (!hour) return null;
      // "a las 3": 03:00 and 15:00 both offered, so the hour was said without am/pm.
      const mod = v.Mod === 'before' || v.Mod === 'after' ? v.Mod : undefined;
      return partOfDay(Number(hour[1]), values.length === 1 && Number(hour[1]) > 0, mod);
    },
    yesNo(text, lang) {
      const culture = BOOLEAN_CULTURES[lang];
      // Text in a script the model cannot read, with no emoji (👍 is read in every culture), gives it nothing.
      if (!culture || text.length > 200 || (!mayRead(culture, text) && !PICTOGRAPHIC.test(text))) return null;
      const [first] = booleanModel(culture).parse(text);
      const value = (first?.resolution as { value?: unknown } | undefined)?.value;
      return value === true ? 'yes' : value === false ? 'no' : null;
    },
    warm() {
      const now = new Date(0);
      for (const c of Object.values(DATE_CULTURES)) {
        if (!c) continue;
        dateModel(c).parse('3 days', now);
        holidaysOf(c);
      }
      for (const c of Object.values(BOOLEAN_CULTURES)) if (c) booleanModel(c).parse('yes');
    },
  };
}

/** Days from a resolved value to `now`: a duration's length, or the time since a date or a range's start. */
function daysOf(v: Record<string, string | undefined>, now: Date): number | null {
  if (v.type === 'duration' && v.value !== undefined) return Number(v.value) / DAY_S;
  const start = v.type === 'date' || v.type === 'datetime' ? v.value : v.start ?? seasonStart(v.timex, now);
  if (!start) return null;
  const at = Date.parse(start.length === 10 ? `${start}T00:00:00Z` : start.replace(' ', 'T') + 'Z');
  if (Number.isNaN(at)) return null;
  return Math.floor((now.getTime() - at) / (DAY_S * 1000));
}

/** The month (1-12) a season starts in the UK (the Met Office's seasons): spring March, summer June, autumn September, winter December. */
const SEASON_MONTH: Readonly<Record<string, number>> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/**
 * "since last summer" (timex 2025-SU), "desde el verano pasado" (SU): the date model names a season
 * but gives no start. Its first day: of the year named, or (no year) the latest one not after now.
 * undefined for any other timex.
 */
export function seasonStart(timex: string | undefined, now: Date): string | undefined {
  const m = /^(?:(\d{4})-)?(SP|SU|FA|WI)$/.exec(timex ?? '');
  if (!m) return undefined;
  const month = SEASON_MONTH[m[2] as string] as number;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (m[1] !== undefined) return `${m[1]}-${pad(month)}-01`;
  const year = now.getUTCFullYear();
  const thisYear = Date.UTC(year, month - 1, 1);
  return `${thisYear <= now.getTime() ? year : year - 1}-${pad(month)}-01`;
}

let shared: Recognisers | undefined;
/**
 * One set of models per process: they are large (tens of MB once built) and pure, so every app and
 * machine in the process shares them. The composition root warms them before it listens.
 */
export function sharedRecognisers(): Recognisers {
  shared ??= createRecognisers();
  return shared;
}
