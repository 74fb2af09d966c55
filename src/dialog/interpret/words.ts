import { z } from 'zod';

/**
 * The words a language's patients type, as data (locales/<lang>/understand.json, `understand.words`):
 * the recogniser's vocabulary for yes/no, numbers, durations, relationships and openings.
 * Every list may be empty in a language that has no such word; English lists are always also used.
 */
const list = z.array(z.string().min(1)).default([]);

export const TypedWordsSchema = z.object({
  /** "hi", "good morning": a greeting on its own gets a friendly reply and the question. */
  greeting: list,
  /** "thanks": a friendly reply, and the question again. */
  thanks: list,
  /** "I need help", "can you help me": the patient wants to start; say hello and ask. */
  helpMe: list,
  yes: list,
  no: list,
  /** "not sure", "maybe", "idk". */
  unsure: list,
  /**
   * Words that are a yes said alone ("definitely", "of course", "точно") but, beside a no or a not
   * sure, only make it stronger ("definitely not", "точно немає", "конечно нет"): read as a yes
   * only when the answer has no other yes, no or not-sure word. Each is read as a yes alone even if
   * not also listed under `yes`.
   */
  emphasis: list,
  /**
   * Words saying the patient is well ("I'm fine", "all good", "thank God"): after a no and a
   * comma or full stop they leave the answer a no ("no, I'm fine", "nie, wszystko ok"), where alone
   * some of them ("ok", "bine") are a yes. Without the comma they are not read so: "nie wszystko ok"
   * is "not all is ok".
   */
  fine: list,
  /** "or" ("albo", "یا", "或"): two choices said with it between them, at a question with an "either" choice, are that choice. */
  or: list,
  /**
   * Words of knowing, being sure or being able to say ("know", "sure", "say", "pata", "sais",
   * "जानि"): negated, they say "I don't know", never "no" ("nahi pata", "j'en sais rien", "can't
   * say"), in any word order and with other words between.
   */
  knowing: list,
  /** Words that turn the next word round ("not", "dont", "never"). */
  negators: list,
  /**
   * The language puts its negator after the word it turns round (Punjabi "ਠੀਕ ਨਹੀਂ ਹੋ ਰਿਹਾ", Urdu,
   * Bengali, Gujarati, Tamil, Persian "بهتر نمیشه", Turkish "iyi değil"): at a question of degree or
   * preference a negator after a choice's word, in the same clause, turns it round too (findChoice).
   */
  negatesAfter: z.boolean().default(false),
  /** "still", "again", "getting worse", "my usual": an opening about a problem the patient already has. */
  ongoing: list,
  /** Words that carry no meaning for a choice ("a", "the", "my", "please", "option"). */
  filler: list,
  /** Words for 1..12 (cardinal, ordinal and "a", "couple", "few" at their usual values), index 0 = 1. */
  numbers: z.array(list).max(12).default([]),
  units: z
    .object({ minute: list, hour: list, day: list, week: list, fortnight: list, month: list, year: list })
    .default({ minute: [], hour: [], day: [], week: [], fortnight: [], month: [], year: [] }),
  /** Unit words that mean one of it with no number ("tydzień", "місяця", "mėnesį"); other unit words alone mean a few. */
  unitsOne: list,
  /** Whole phrases that name a time: started today, yesterday, or a long time ago. */
  when: z.object({ today: list, yesterday: list, lastWeek: list, lastMonth: list, longAgo: list }).default({
    today: [], yesterday: [], lastWeek: [], lastMonth: [], longAgo: [],
  }),
  /** "since", "from": before a weekday or a day of the month. */
  since: list,
  /**
   * The seasons' names, with their case forms ("since last summer", "od zeszłego lata", "з літа",
   * "از تابستون"): the problem started on the season's first day in the UK (Met Office: spring
   * 1 March, summer 1 June, autumn 1 September, winter 1 December), the latest one not after today.
   */
  seasons: z.object({ spring: list, summer: list, autumn: list, winter: list }).default({ spring: [], summer: [], autumn: [], winter: [] }),
  /** Words for people, by relationship code; a match at "who is it for" also answers "who are they to you". */
  relations: z
    .object({ 'rel.child': list, 'rel.partner': list, 'rel.parent': list, 'rel.other': list })
    .default({ 'rel.child': [], 'rel.partner': [], 'rel.parent': [], 'rel.other': [] }),
  /**
   * "How much does it affect your day?": words that say the patient cannot do something ("cant",
   * "no puedo", "nahi kar sakta", "mudiyala", "stops me") and the things of a day ("work", "sleep",
   * "trabajar", "kaam", "上班"). Both in one answer, the first not negated, is a lot ("it stops me
   * working", "kaam nahi kar sakta"), in any word order; "I can still work" is not.
   */
  unable: list,
  dailyLife: list,
  /**
   * Words around a time of day, for "when is best?": "before 11", "after 2", "11 se pehle", "2点以后"
   * (the hour is read from its digits: src/dialog/interpret/timeOfDay.ts); "am"/"pm" words said
   * beside an hour; "at" ("a las 3": then 3 is an hour, not the third choice); and "but", "except"
   * before a part of the day that is ruled out ("any time but mornings").
   */
  clock: z
    .object({ before: list, after: list, at: list, am: list, pm: list, except: list })
    .default({ before: [], after: [], at: [], am: [], pm: [], except: [] }),
  /** "year old", "month old": "my 3 year old" is a child. */
  ageOld: list,
  /**
   * Other forms of the weekdays' names than the platform's own (which gives one form): case forms
   * ("з понеділка", since Monday) and the forms of a language many patients also write (Russian
   * "с понедельника" in Ukrainian), so "since Monday" is read through a typo too.
   */
  weekdays: z
    .object({ sunday: list, monday: list, tuesday: list, wednesday: list, thursday: list, friday: list, saturday: list })
    .default({ sunday: [], monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [] }),
});

export type TypedWords = z.infer<typeof TypedWordsSchema>;

export const NO_WORDS: TypedWords = TypedWordsSchema.parse({});
