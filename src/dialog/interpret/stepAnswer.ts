import type { LangCode } from '../../domain/types.js';
import type { IntakeContent, IntakeStep } from '../content.js';
import { normaliseName } from '../validate/name.js';
import { monthNamesFor, parseDateOfBirth } from '../validate/dateOfBirth.js';
import { normaliseNhsNumber } from '../validate/nhsNumber.js';
import { normalisePhone } from '../validate/phone.js';
import { normalisePostcode } from '../validate/postcode.js';
import type { Wordbook } from '../wordbook.js';
import { durationBand, readDurationTokens } from './duration.js';
import { findChoice, type ChoicePhrase } from './findChoice.js';
import { vocabularyOf, type Lexicon } from './lexicon.js';
import { pickByNumber } from './numbers.js';
import { looksLikeDescription, readSmallTalk, soundsOngoing, type SmallTalk } from './opening.js';
import type { Recognisers } from './recognizersText.js';
import { readRelationship } from './relationship.js';
import { afterExcept, readTimeOfDay, saysClockHour } from './timeOfDay.js';
import { asciiDigits } from './normalise.js';
import { findPhrase, phraseTokens, phraseWords, tokenise, tokensClose } from './tokens.js';
import { isOnlyYesNo, readYesNo, readYesNoTokens, unheld, withoutNoPhrases, type YesNoReading } from './yesNo.js';

/** The code recorded for a question that was not answered after the last try. */
export const NOT_ANSWERED = 'notAnswered';

export type Parsed =
  | {
      ok: true;
      code: string;
      /** "my son" at "who is it for": the relationship too. */
      relationship?: string;
      /** At the first question: the message is the description of a problem (code is the need). */
      describes?: boolean;
      /** Taken after the last failed try: not answered, or (safety) counted as unsure. */
      assumed?: 'notAnswered' | 'safety';
    }
  | {
      ok: false;
      errorKey: string;
      params?: Record<string, string | number>;
      /** The answer fits these two choices equally: ask which. */
      either?: [string, string];
      smallTalk?: SmallTalk;
    };

/** What the reader needs to know about where the conversation is. */
export interface AnswerPlace {
  step: string;
  lang: LangCode;
  now: Date;
  timeZone: string;
  /** The two choices of an "A or B?" question just asked, which "1" and "2" then mean. */
  narrowTo?: readonly string[];
  /**
   * A button was tapped (src/bot/incoming.ts isTapped): a text that is one of the choices' codes is
   * that code. Typed (absent or false), a bare "yes", "no" or "unsure" that the conversation's
   * language reads otherwise (Lexicon.falseFriends: Polish "no") is read as its words instead.
   */
  tapped?: boolean;
}

export interface AnswerReaderDeps {
  content: IntakeContent;
  words: Wordbook;
  lexicon: (lang: LangCode) => Lexicon;
  recognisers?: Recognisers;
  /** A language named by the patient among `offered`, else null. */
  parseLanguage: (text: string, offered: readonly LangCode[]) => LangCode | null;
  bcp47Of: (lang: LangCode) => string | undefined;
  /** Languages whose yes/no words are tried, as a last resort, on an answer in another language. */
  otherLanguages?: readonly LangCode[];
}

const YES_NO = new Set(['yes', 'no', 'unsure']);
/** A choice that takes either of the others ("contact.either", "when.any"). */
const EITHER = /\.(either|any)$/;
/** The first comma, full stop, semicolon, exclamation or dash between two clauses (Latin, Arabic and Chinese forms). */
const CLAUSE_BREAK = /\s*[,.;!，。；！、،؛]+\s*|\s+[-–—]+\s+/u;
/** Choices that are a yes, a no (and maybe a not sure) under other codes ("safety.no"), by their last part. */
function yesNoCodes(choices: readonly string[]): { yes: string; no: string; unsure?: string } | null {
  const of = (w: string) => choices.find((c) => c.endsWith(`.${w}`));
  const yes = of('yes');
  const no = of('no');
  if (!yes || !no) return null;
  const unsure = of('unsure');
  return { yes, no, ...(unsure ? { unsure } : {}) };
}

/** What a button sends: one of our own dotted choice codes, never typed by a patient. */
const BUTTON_CODE = /^[a-z]+(\.[a-zA-Z0-9_]+)+$/;
/** Latin, Cyrillic and Greek words, and Chinese characters: a short word there is often part of another. */
const UNSPACED_OR_ALPHABETIC = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Han}\d]+$/u;
const ADMIN_NEEDS: ReadonlySet<string> = new Set(['need.admin', 'need.medicines']);
/** Questions of degree and preference, where "not a lot", "not in the afternoon" are said with filler between. */
const DETAIL_STEPS: ReadonlySet<string> = new Set(['impact', 'contactTimes', 'trend', 'wants', 'contactMethod']);

/**
 * "3/10", "8 out of 10", "7 de 10": a score out of ten at "how much does it affect your day?", as a
 * band: 0 none, 1-5 some, 6-10 a lot. Only a number, at most three words and 10, so "2" alone is
 * still the second choice and "10 days" is nothing.
 */
function impactScore(tokens: readonly string[], choices: readonly string[]): string | null {
  const n = tokens.length;
  if (n < 2 || n > 5 || tokens[n - 1] !== '10' || !/^\d{1,2}$/.test(tokens[0] as string)) return null;
  if (tokens.slice(1, -1).some((t) => /\d/.test(t))) return null;
  const score = Number(tokens[0]);
  if (score > 10) return null;
  const band = score === 0 ? 'impact.none' : score <= 5 ? 'impact.some' : 'impact.lot';
  return choices.includes(band) ? band : null;
}

/**
 * "it stops me working", "no puedo dormir", "kaam nahi kar sakta", "vela seyya mudiyala": a word
 * of not being able (not itself negated: "it doesnt stop me working") and a thing of the day, in
 * any order, each said whole.
 */
function cannotDoDay(tokens: readonly string[], lex: Lexicon): boolean {
  const said = (phrases: readonly (readonly string[])[]) => phrases.map((p) => ({ p, at: findPhrase(tokens, p, 0, true) })).filter((x) => x.at >= 0);
  const unable = said(lex.unable);
  const daily = said(lex.dailyLife);
  if (unable.length === 0 || daily.length === 0) return false;
  // "nothing" said as the thing of the day does not turn "can't" round where a language says both
  // ("nieko negaliu daryti", "nic nie mogę robić": I can't do anything).
  const nothing = new Set(lex.dailyLife.filter((p) => p.length === 1).map((p) => p[0] as string));
  // When the only thing of the day is a "nothing" word ("rien"), a preventing word with no negation
  // in it followed by that word is "it stops me from nothing" ("ça m'empêche de rien"): not a lot.
  // "je ne peux rien", "nieko negaliu daryti" (I can't do anything) still are.
  const onlyNothing = daily.every(({ p }) => p.length === 1 && lex.negators.has(p[0] as string));
  const nothingAfter = (p: readonly string[], at: number) => {
    for (let k = at + p.length; k < tokens.length; k++) {
      const t = tokens[k] as string;
      if (lex.negators.has(t)) return true;
      if (!lex.filler.has(t)) return false;
    }
    return false;
  };
  const able = onlyNothing ? unable.filter(({ p, at }) => p.some((w) => lex.negators.has(w)) || !nothingAfter(p, at)) : unable;
  const negated = (at: number) => {
    for (let k = at - 1; k >= 0; k--) {
      const t = tokens[k] as string;
      if (lex.negators.has(t) && !nothing.has(t)) return true;
      if (!lex.filler.has(t)) return false;
    }
    return false;
  };
  // A word of not being able that starts with a negator ("cant", "no puedo") is not turned round by itself.
  return able.some(({ p, at }) => lex.negators.has(p[0] as string) || !negated(at));
}

/**
 * The words after a no said first as the answer ("no, I can barely walk", "nope it stops me
 * sleeping"), or null when the answer does not start so. The no is the answer only before a comma or
 * full stop, or where that word is no negator of the language ("nope", "nah"): Spanish "no me impide
 * trabajar" is one sentence, its verb negated.
 */
function afterAnswerNo(raw: string, tokens: readonly string[], lex: Lexicon): readonly string[] | null {
  const first = /^\s*([^\s,.;:!–—，。、！]+)\s*([,.;:!–—，。、！])?/u.exec(raw);
  if (!first) return null;
  const head = tokenise(first[1] as string);
  if (head.length === 0 || head.length >= tokens.length || head.some((t, i) => tokens[i] !== t)) return null;
  const read = readYesNoTokens(unheld(head, lex), lex);
  if (read.reading !== 'no' || !read.whole) return null;
  if (first[2] === undefined && head.some((t) => lex.negators.has(t))) return null;
  return tokens.slice(head.length);
}

/**
 * Reads a typed (or tapped) answer to one question: buttons send codes; people type numbers,
 * titles, parts of titles, synonyms, yes/no in their own words, durations and relationships.
 */
export function createAnswerReader(deps: AnswerReaderDeps) {
  const { content, words } = deps;
  const phraseCache = new Map<string, ChoicePhrase[]>();
  const months = new Map<LangCode, ReadonlyMap<string, number>>();
  const monthsOf = (lang: LangCode) => {
    let m = months.get(lang);
    if (!m) months.set(lang, (m = new Map([...monthNamesFor('en'), ...monthNamesFor(deps.bcp47Of(lang) ?? 'en')])));
    return m;
  };
  const phrasesFor = (choices: readonly string[], lang: LangCode): ChoicePhrase[] => {
    const key = `${lang}|${choices.join(',')}`;
    let phrases = phraseCache.get(key);
    if (!phrases) {
      const langs: LangCode[] = lang === 'eng' ? ['eng'] : [lang, 'eng'];
      // English's title or synonym that is the language's own word for another answer (Polish "no") is left out.
      const falseFriends = lang === 'eng' ? new Set<string>() : deps.lexicon(lang).falseFriends;
      phrases = choices.flatMap((code) =>
        langs.flatMap((l) => {
          const title = words.choiceTitle(l, code);
          return [...(title ? [title] : []), ...words.choiceSynonyms(l, code)]
            .filter((text) => l === lang || !falseFriends.has(phraseTokens(text).join(' ')))
            .map((text) => ({ code, text }));
        }),
      );
      phraseCache.set(key, phrases);
    }
    return phrases;
  };
  /** Each list's phrases by their words (phraseWords), in list order: built once per list (phrasesFor keeps the lists). */
  const byWords = new WeakMap<readonly ChoicePhrase[], ReadonlyMap<string, readonly ChoicePhrase[]>>();
  /** The phrases of `phrases` that are `typed` word for word, in list order. */
  const exactPhrases = (phrases: readonly ChoicePhrase[], typed: string): readonly ChoicePhrase[] => {
    let index = byWords.get(phrases);
    if (!index) {
      const built = new Map<string, ChoicePhrase[]>();
      for (const p of phrases) {
        const w = phraseWords(p.text);
        const list = built.get(w);
        if (list) list.push(p);
        else built.set(w, [p]);
      }
      byWords.set(phrases, (index = built));
    }
    return index.get(typed) ?? [];
  };

  /** An answer to a list of choices; `kind` adds what that kind of question understands. */
  function readChoice(text: string, choices: readonly string[], place: AnswerPlace, repromptKey: string): Parsed {
    const raw = text.trim();
    const lex = deps.lexicon(place.lang);
    // A code is a tapped button, or typed words that mean it in this language ("no" is not, in Polish).
    if (choices.includes(raw) && (place.tapped === true || !lex.falseFriends.has(raw))) return { ok: true, code: raw };
    const listed = place.narrowTo?.length ? place.narrowTo : choices;
    // A title or synonym typed word for word comes first: "ychydig" (Welsh "a bit") is also "a few".
    const tokens = tokenise(raw);
    const typed = tokens.join(' ');
    const exact = typed === '' ? undefined : exactPhrases(phrasesFor(choices, place.lang), typed);
    if (exact && exact.length > 0 && new Set(exact.map((p) => p.code)).size === 1) return { ok: true, code: (exact[0] as ChoicePhrase).code };
    const clockHour = place.step === 'contactTimes' && saysClockHour(tokens, lex);
    const byNumber = clockHour ? ({ kind: 'outOfRange', n: 0 } as const) : pickByNumber(raw, listed.length, lex);
    if (byNumber.kind === 'index') return { ok: true, code: listed[byNumber.n - 1] as string };
    if (byNumber.kind === 'outOfRange') {
      // At "when is best?", "11" or "до 11" (до is a filler word elsewhere) is an hour, not the eleventh choice.
      const when = place.step === 'contactTimes' ? readContactTime(raw, choices, place, lex) : null;
      if (when) return timeAnswer(when, repromptKey);
      return { ok: false, errorKey: 'understand.outOfRange', params: { count: listed.length } };
    }

    if (choices.every((c) => YES_NO.has(c))) return readYesNoChoice(raw, choices, place, lex, repromptKey);
    // A yes/no question in other words (the emergency check: "safety.yes", "safety.no", "safety.unsure").
    const asYesNo = yesNoCodes(choices);
    if (asYesNo) {
      const reading = yesNoReading(raw, place, lex);
      const code = reading === 'yes' || reading === 'no' || reading === 'unsure' ? asYesNo[reading] : undefined;
      if (code) return { ok: true, code };
      if (reading === 'both') return { ok: false, errorKey: repromptKey, either: [asYesNo.yes, asYesNo.no] };
    }
    if (place.step === 'duration') {
      const exact = findChoice(raw, phrasesFor(choices, place.lang), lex.filler, lex.negators);
      // Our own words first; then the other offered languages' ("due settimane" in an English
      // conversation); only then Recognizers-Text, once, for the conversation's language (milliseconds a call).
      const own = readDurationTokens(tokens, lex, place.now, place.timeZone, monthsOf(place.lang))?.days;
      const other = own === undefined ? durationInAnotherLanguage(raw, tokens, place) : undefined;
      // Words of another language (read there, even where languages disagree), or none of the
      // conversation's language at all, are nothing its date model could read.
      const askModel =
        own === undefined && other === undefined && (mayBeDate(tokens, lex, place.lang) || deps.recognisers?.mayNameHoliday(raw, place.lang) === true);
      const days = own ?? (askModel ? deps.recognisers?.durationDays(raw, place.lang, place.now) : other) ?? null;
      const band = days === null ? null : durationBand(days, content.durationBands);
      // A title said whole ("a few weeks") wins; a number of days decides otherwise.
      if (band && choices.includes(band)) return exact.kind === 'one' && isWholeTitle(raw, exact.code, place.lang) ? { ok: true, code: exact.code } : { ok: true, code: band };
      return fromMatch(exact, repromptKey);
    }
    if (place.step === 'impact') {
      const band = impactScore(tokens, choices) ?? (choices.includes('impact.lot') && cannotDoDay(tokens, lex) ? 'impact.lot' : null);
      if (band) return { ok: true, code: band };
      // "How much does it affect your day?" "No." / "Not really.": not at all. Only a no said whole
      // (with filler): "no, I can barely walk" is left to the words after it.
      if (choices.includes('impact.none') && isOnlyYesNo(raw, lex) && readYesNoTokens(unheld(tokens, lex), lex).reading === 'no') return { ok: true, code: 'impact.none' };
      // A no and then what it stops ("no, I can barely walk", "nope, it stops me sleeping"): a lot,
      // never "not at all" from the no alone. Other words after a no are read with it, as before.
      const rest = afterAnswerNo(raw, tokens, lex);
      if (rest && choices.includes('impact.lot') && cannotDoDay(rest, lex)) return { ok: true, code: 'impact.lot' };
    }
    if (place.step === 'contactTimes') {
      const when = readContactTime(raw, choices, place, lex);
      if (when) return timeAnswer(when, repromptKey);
    }
    if (place.step === 'who') {
      const relationship = readRelationship(raw, lex);
      if (relationship && choices.includes('for.other')) return { ok: true, code: 'for.other', relationship };
    }
    if (place.step === 'relationship') {
      const relationship = readRelationship(raw, lex);
      if (relationship && choices.includes(relationship)) return { ok: true, code: relationship };
    }
    const reach = DETAIL_STEPS.has(place.step) ? { after: lex.negatesAfter } : false;
    return fromMatch(eitherOf(findChoice(raw, phrasesFor(choices, place.lang), lex.filler, lex.negators, reach), choices, tokens, lex, place.lang), repromptKey);
  }

  /**
   * At a question with an "either" choice (contact.either, when.any): "doesn't matter, call" names
   * the either choice and one other, and is the either choice; "call or text", "morning or
   * afternoon" names the other two with the language's "or" (understand.words.or) between them, and
   * is the either choice too. Never with a negator ("call, not text").
   */
  function eitherOf(match: ReturnType<typeof findChoice>, choices: readonly string[], tokens: readonly string[], lex: Lexicon, lang: LangCode): ReturnType<typeof findChoice> {
    if (match.kind !== 'two') return match;
    const either = choices.find((c) => EITHER.test(c));
    if (!either) return match;
    // A negator inside the either choice's own words ("dim ots", "kai vandho nahi": no matter) does not count.
    const own = new Array<boolean>(tokens.length).fill(false);
    for (const p of phrasesFor([either], lang)) {
      const words = phraseTokens(p.text);
      for (let at = findPhrase(tokens, words); at >= 0; at = findPhrase(tokens, words, at + 1)) for (let k = 0; k < words.length; k++) own[at + k] = true;
    }
    if (tokens.some((t, i) => !own[i] && lex.negators.has(t))) return match;
    // "any time before lunch" is the morning: the either choice beside an hour's word is left to ask.
    const clockWord = [...lex.clock.before, ...lex.clock.after, ...lex.clock.except].some((p) => findPhrase(tokens, p, 0, true) >= 0);
    if (match.codes.includes(either)) return clockWord ? match : { kind: 'one', code: either };
    const others = choices.filter((c) => c !== either);
    const saidOr = lex.or.some((p) => findPhrase(tokens, p, 0, true) > 0);
    if (others.length === 2 && others.every((c) => match.codes.includes(c)) && saidOr) return { kind: 'one', code: either };
    return match;
  }

  /**
   * "When is best?": a part of the day ruled out ("any time but mornings" is the afternoon), an hour
   * ("after 2", "before 11", "2pm", "14:00", with the language's words for before and after), or,
   * when the words name no choice, Recognizers-Text's reading of a time ("in the evening"). 'both'
   * when the hours span morning and afternoon ("after 10"): the patient is asked which. Null leaves
   * the answer to the choice's own words.
   */
  function readContactTime(raw: string, choices: readonly string[], place: AnswerPlace, lex: Lexicon): string | 'both' | null {
    const tokens = tokenise(raw);
    const code = (part: 'morning' | 'afternoon' | null) => (part && choices.includes(`when.${part}`) ? `when.${part}` : null);
    const rest = afterExcept(tokens, lex);
    if (rest && rest.length > 0 && choices.includes('when.morning') && choices.includes('when.afternoon')) {
      const ruledOut = findChoice(rest.join(' '), phrasesFor(['when.morning', 'when.afternoon'], place.lang), lex.filler, lex.negators, true);
      if (ruledOut.kind === 'one') return ruledOut.code === 'when.morning' ? 'when.afternoon' : 'when.morning';
    }
    const hour = readTimeOfDay(tokens, lex);
    if (hour === 'both') return choices.includes('when.morning') && choices.includes('when.afternoon') ? 'both' : null;
    const byHour = code(hour);
    if (byHour) return byHour;
    const beside = partBeside(tokens, place.lang, lex);
    if (beside && choices.includes(beside)) return beside;
    if (tokens.some((t) => lex.negators.has(t))) return null;
    if (findChoice(raw, phrasesFor(choices, place.lang), lex.filler, lex.negators, true).kind !== 'none') return null;
    return code(deps.recognisers?.timeOfDay?.(raw, place.lang) ?? null);
  }

  /**
   * "before noon", "before the afternoon", "dopahar se pehle", "duhurka ka hor": a word for before
   * with the afternoon (noon, lunch) is the morning; "after the morning" is the afternoon. Only when
   * the answer is little more than the two (at most two words besides the before/after word and
   * filler), so "afternoon, before I go to work" is still the afternoon.
   */
  function partBeside(tokens: readonly string[], lang: LangCode, lex: Lexicon): string | null {
    const turns: [readonly (readonly string[])[], string, string][] = [
      [lex.clock.before, 'when.afternoon', 'when.morning'],
      [lex.clock.after, 'when.morning', 'when.afternoon'],
    ];
    for (const [words, from, to] of turns) {
      for (const p of words) {
        const at = findPhrase(tokens, p, 0, true);
        if (at < 0) continue;
        if (at > 0 && lex.negators.has(tokens[at - 1] as string)) return null;
        const rest = tokens.filter((t, i) => (i < at || i >= at + p.length) && !lex.filler.has(t));
        if (rest.length === 0 || rest.length > 2 || rest.some((t) => lex.negators.has(t))) break;
        const m = findChoice(rest.join(' '), phrasesFor([from, to], lang), lex.filler, lex.negators, true);
        if (m.kind === 'one' && m.code === from) return to;
        break;
      }
    }
    return null;
  }

  /**
   * Whether a date model could read the answer: it has a digit, a month's name or a word of the
   * conversation's language (and English), or (asked of the model's own patterns) a holiday. "hace dos
   * semanas" in an English conversation of a practice that does not offer Spanish has none; the model
   * would spend milliseconds finding nothing.
   */
  const mayBeDate = (tokens: readonly string[], lex: Lexicon, lang: LangCode): boolean => {
    const words = vocabularyOf(lex);
    const months = monthsOf(lang);
    return tokens.some((t) => /\d/.test(t) || words.has(t) || months.has(t));
  };

  /** The answer is one of the choice's own phrases, word for word ("a few weeks"). */
  const isWholeTitle = (raw: string, code: string, lang: LangCode) => {
    const typed = tokenise(raw).join(' ');
    return exactPhrases(phrasesFor([code], lang), typed).length > 0;
  };

  function yesNoReading(raw: string, place: AnswerPlace, lex: Lexicon): YesNoReading {
    const tokens = tokenise(raw);
    let reading = readYesNoTokens(unheld(tokens, lex), lex).reading;
    if (reading === 'both' && noThenFine(raw, lex)) return 'no';
    if ((reading === 'both' || reading === 'unsure') && yesThenNegatedClause(raw, place, lex)) return 'yes';
    if (reading === 'none') reading = deps.recognisers?.yesNo(raw, place.lang) ?? 'none';
    if (reading === 'none') reading = yesNoInAnotherLanguage(raw, tokens, place.lang);
    return reading;
  }

  function readYesNoChoice(raw: string, choices: readonly string[], place: AnswerPlace, lex: Lexicon, repromptKey: string): Parsed {
    const reading = yesNoReading(raw, place, lex);
    if (reading === 'yes' || reading === 'no') return choices.includes(reading) ? { ok: true, code: reading } : { ok: false, errorKey: repromptKey };
    if (reading === 'unsure') return choices.includes('unsure') ? { ok: true, code: 'unsure' } : { ok: false, errorKey: repromptKey };
    if (reading === 'both') return { ok: false, errorKey: repromptKey, either: ['yes', 'no'] };
    return fromMatch(findChoice(raw, phrasesFor(choices, place.lang), lex.filler, lex.negators), repromptKey);
  }

  /**
   * "no, I'm fine", "nie, wszystko ok", "nu, sunt bine": a no said whole, then a comma (or a full
   * stop...), then only words saying the patient is well (Lexicon.fine). Without the comma it is
   * not read so ("nie wszystko ok" is "not all is ok"), nor with anything else after the comma.
   */
  function noThenFine(raw: string, lex: Lexicon): boolean {
    if (lex.fine.size === 0) return false;
    const m = CLAUSE_BREAK.exec(raw);
    if (!m) return false;
    const head = readYesNoTokens(unheld(tokenise(raw.slice(0, m.index)), lex), lex);
    if (head.reading !== 'no' || !head.whole) return false;
    const tail = tokenise(raw.slice(m.index + m[0].length)).filter((t) => !lex.filler.has(t));
    return tail.length > 0 && lex.fine.has(tail.join(' '));
  }

  /**
   * "yes, I can't breathe", "sí no puede respirar bien", "haan saans nahi aa rahi", "tak, nie może
   * oddychać": a yes said whole first, then words telling what is wrong, with a negation inside them
   * ("can't breathe"). The yes is the answer; the negation belongs to the description. Only when
   * what follows has a word that is no answer word (a verb, a sign: "breathe", "dor") and reads as
   * no answer of its own but that negation: "yes, no", "yes, I don't know", "yes, not sure" and
   * "yes... no" are left as they were (both, or not sure). A maybe-word right after a negator
   * ("nie może", "nu poate", "не може": cannot) is that negated verb, not a not sure.
   */
  function yesThenNegatedClause(raw: string, place: AnswerPlace, lex: Lexicon): boolean {
    const all = unheld(tokenise(raw), lex);
    const brk = CLAUSE_BREAK.exec(raw);
    // The yes: the first clause, or else the first word.
    const byBreak = brk && brk.index > 0 ? unheld(tokenise(raw.slice(0, brk.index)), lex) : null;
    const candidates = [...(byBreak && byBreak.length > 0 && byBreak.length < all.length && byBreak.every((t, i) => all[i] === t) ? [byBreak.length] : []), 1];
    for (const n of candidates) {
      const head = all.slice(0, n);
      if (head.some((t) => lex.negators.has(t))) continue;
      const h = readYesNoTokens(head, lex);
      if (h.reading !== 'yes' || !h.whole) continue;
      // The yes is one of the yes button's own words ("haan", "sí", "yeah"), not a word of degree or
      // knowing the lists also read as a yes ("konjam": a bit, "sure"), which a negation after it takes in.
      // A word of being sure is one: a not-sure phrase has it after a negator ("not sure", "مش اكيد", "nu sunt sigur").
      const certainty = (t: string) => lex.knowing.has(t) || lex.unsure.some((p) => p.slice(1).includes(t) && p.slice(0, p.indexOf(t)).some((w) => lex.negators.has(w)));
      if (!yesWordsOf(place.lang).has(head.join(' ')) || head.some(certainty)) continue;
      // Without a comma, a yes word that also starts a no or not-sure phrase ("ঠিক বলতে পারছি না":
      // I can't quite say; "так собі") may be an adverb the negation takes in: not read so.
      // A negator straight after it ("так не можу дихати": yes, I can't breathe), where no such phrase is said, is the description's.
      const startsPhrase = (p: readonly string[]) => p.length >= 2 && p[0] === head[0];
      const negatedNext = lex.negators.has(all[1] as string) && ![...lex.no, ...lex.unsure].some((p) => startsPhrase(p) && findPhrase(all, p, 0, true) === 0);
      if (n === 1 && n !== byBreak?.length && !negatedNext && [...lex.no, ...lex.unsure].some(startsPhrase)) continue;
      const tail = all.slice(n);
      if (tail.length < 2 || tail.some((t) => lex.knowing.has(t))) continue;
      const answerWords = new Set([...lex.yes, ...lex.no, ...lex.unsure].filter((p) => p.length === 1).map((p) => p[0] as string));
      // A one-word maybe right after a negator is a negated "can": left out of the tail's reading.
      // (Another ending of it too: "не можу", I can't, beside "може", maybe.)
      const maybeWords = lex.unsure.filter((p) => p.length === 1).map((p) => p[0] as string);
      const maybe = { has: (t: string) => maybeWords.some((w) => tokensClose(t, w)) };
      // A one-word yes after the negation is the negated verb's adverb ("nu pot respira bine", "nie może
      // dobrze oddychać": can't breathe well), not a yes of its own: left out too.
      const yesWords = new Set(lex.yes.filter((p) => p.length === 1).map((p) => p[0] as string));
      const negatedBefore = (i: number) => tail.slice(0, i).some((w) => lex.negators.has(w));
      const kept = tail.filter((t, i) => !(maybe.has(t) && i > 0 && lex.negators.has(tail[i - 1] as string)) && !(yesWords.has(t) && !lex.negators.has(t) && negatedBefore(i)));
      // At least two words of the description besides answer words and negators (a maybe-word
      // negated, "nie może", is one): "konjam kooda illa" (not even a bit) is no description.
      const described = tail.filter((t, i) => !lex.filler.has(t) && !lex.negators.has(t) && (!answerWords.has(t) || (maybe.has(t) && i > 0 && lex.negators.has(tail[i - 1] as string))));
      if (described.length < 2) continue;
      // The first word after the yes is no bare answer word ("yes no ..."), unless a negator that is not one.
      const first = tail[0] as string;
      if (answerWords.has(first) && !lex.negators.has(first)) continue;
      const t = readYesNoTokens(kept, lex);
      if (t.reading !== 'no' || t.whole) continue;
      // Every no in the tail is a single negator word inside it (no no-phrase of two words or more: "nothing like that").
      if (lex.no.some((p) => p.length >= 2 && findPhrase(kept, p, 0, true) >= 0)) continue;
      return true;
    }
    return false;
  }

  /** The yes button's title and synonyms in a language and English, as tokens joined with spaces: built once per language. */
  const yesWords = new Map<LangCode, ReadonlySet<string>>();
  function yesWordsOf(lang: LangCode): ReadonlySet<string> {
    let set = yesWords.get(lang);
    if (!set) {
      const langs: LangCode[] = lang === 'eng' ? ['eng'] : [lang, 'eng'];
      const falseFriends = deps.lexicon(lang).falseFriends;
      const phrases = langs.flatMap((l) => [words.choiceTitle(l, 'yes') ?? '', ...words.choiceSynonyms(l, 'yes')].filter((p) => l === lang || !falseFriends.has(phraseWords(p))));
      yesWords.set(lang, (set = new Set(phrases.map((p) => phraseWords(p)).filter((p) => p !== ''))));
    }
    return set;
  }

  /** "tak" in an English conversation: a yes or no in another language, when every language that reads it agrees. */
  function yesNoInAnotherLanguage(raw: string, tokens: readonly string[], lang: LangCode): YesNoReading {
    if (raw.length > 40) return 'none';
    let found: YesNoReading = 'none';
    for (const other of deps.otherLanguages ?? []) {
      if (other === lang) continue;
      const r = readYesNoTokens(tokens, deps.lexicon(other)).reading;
      if (r === 'none' || r === found) continue;
      if (found !== 'none') return 'none';
      found = r;
    }
    return found;
  }

  /**
   * "due settimane" in an English conversation: days read with another offered language's words,
   * when every language that reads it puts it in the same band; null when they disagree; undefined
   * when none reads it.
   */
  function durationInAnotherLanguage(raw: string, tokens: readonly string[], place: AnswerPlace): number | null | undefined {
    if (raw.length > 60 || tokens.length === 0) return undefined;
    let found: { days: number; band: string | null } | undefined;
    for (const other of deps.otherLanguages ?? []) {
      if (other === place.lang) continue;
      const r = readDurationTokens(tokens, deps.lexicon(other), place.now, place.timeZone, monthsOf(other));
      if (!r) continue;
      const band = durationBand(r.days, content.durationBands);
      if (found && found.band !== band) return null;
      found ??= { days: r.days, band };
    }
    return found?.days;
  }

  const timeAnswer = (when: string, repromptKey: string): Parsed =>
    when === 'both' ? { ok: false, errorKey: repromptKey, either: ['when.morning', 'when.afternoon'] } : { ok: true, code: when };

  const fromMatch = (match: ReturnType<typeof findChoice>, repromptKey: string): Parsed =>
    match.kind === 'one'
      ? { ok: true, code: match.code }
      : match.kind === 'two'
        ? { ok: false, errorKey: repromptKey, either: match.codes }
        : { ok: false, errorKey: repromptKey };

  /**
   * The first question ("what do you need help with?"), and the very first message: a choice; small
   * talk (a friendly reply, then the question); or the problem itself, taken as the description.
   */
  function readOpening(text: string, place: AnswerPlace): Parsed {
    const choices = content.steps.need.choices ?? [];
    const lex = deps.lexicon(place.lang);
    const raw = text.trim();
    if (raw.length > content.maxTextChars) return { ok: false, errorKey: 'dialog.invalid.tooLong' };
    const reprompt = 'understand.reprompt.need';
    if (choices.includes(raw)) return { ok: true, code: raw };
    // A button of another question ("trend.same", tapped on an old message) is not a description.
    if (BUTTON_CODE.test(raw) && words.choiceTitle('eng', raw) !== undefined) return { ok: false, errorKey: 'dialog.invalid.choice' };
    const byNumber = pickByNumber(raw, choices.length, lex);
    if (byNumber.kind === 'index') return { ok: true, code: choices[byNumber.n - 1] as string };
    if (byNumber.kind === 'outOfRange') return { ok: false, errorKey: 'understand.outOfRange', params: { count: choices.length } };
    const phrases = phrasesFor(choices, place.lang);
    const typed = tokenise(raw).join(' ');
    const exact = exactPhrases(phrases, typed)[0];
    // Admin and medicines needs are their own description ("fit note", "my repeat prescription").
    const asNeed = (code: string): Parsed => ({ ok: true, code, ...(ADMIN_NEEDS.has(code) ? { describes: true } : {}) });
    if (exact) return asNeed(exact.code);
    const talk = readSmallTalk(raw, lex);
    if (talk) return { ok: false, errorKey: reprompt, smallTalk: talk };
    const short = tokenise(raw).filter((t) => !lex.filler.has(t)).length <= 2;
    if (short) {
      // A short answer is a choice only when every word of it belongs to that choice ("new problem");
      // "flu symptoms" or "sepsis" are problems, told in few words.
      const match = findChoice(raw, phrases, lex.filler, lex.negators);
      const words = phrasesFor([match.kind === 'one' ? match.code : ''], place.lang).flatMap((p) => [...phraseTokens(p.text)]);
      const content = tokenise(raw).filter((t) => !lex.filler.has(t) && !lex.negators.has(t));
      if (match.kind === 'one' && content.every((t) => words.some((w) => tokensClose(t, w)))) return asNeed(match.code);
    }
    const admin = adminNeedIn(raw, place.lang);
    if (admin) return { ok: true, code: admin, describes: true };
    if (looksLikeDescription(raw, lex)) return { ok: true, code: soundsOngoing(raw, lex) ? 'need.ongoing' : 'need.new', describes: true };
    return { ok: false, errorKey: reprompt };
  }

  /**
   * An admin or medicines need named inside a longer message ("I need a sick note for work"): one of
   * their phrases said whole; a one-word phrase only when long and typed exactly, so "form" in
   * "pain from my back" or "test" in "testa" is not taken for one.
   */
  function adminNeedIn(raw: string, lang: LangCode): string | null {
    const typed = tokenise(raw);
    const codes = new Set<string>();
    for (const p of phrasesFor([...ADMIN_NEEDS], lang)) {
      const tokens = phraseTokens(p.text);
      const one = tokens[0] as string;
      const letters = [...one].length;
      // Scripts that write vowels as marks (Indic) or not at all (Arabic) spell a word in fewer
      // characters: there three typed exactly are a word ("દવા", medicine), in a short request
      // (a longer message naming a medicine is more often a symptom story).
      const short = UNSPACED_OR_ALPHABETIC.test(one) || typed.length > 6 ? 5 : 3;
      const said =
        tokens.length >= 2
          ? findPhrase(typed, tokens) >= 0
          : tokens.length === 1 && ((letters >= 6 && typed.some((t) => tokensClose(t, one))) || (letters >= short && letters < 6 && typed.includes(one)));
      if (said) codes.add(p.code);
    }
    return codes.size === 1 ? ([...codes][0] as string) : null;
  }

  function readStep(text: string, step: IntakeStep, place: AnswerPlace, offered: { languages: readonly LangCode[]; offerLang?: LangCode }): Parsed {
    const trimmed = text.trim();
    if (text.length > content.maxTextChars) return { ok: false, errorKey: 'dialog.invalid.tooLong' };
    const repromptKey = `understand.reprompt.${place.step}`;
    switch (step.input) {
      case 'choice':
        return readChoice(trimmed, step.choices ?? [], place, repromptKey);
      case 'text':
        return /\p{L}|\p{N}/u.test(trimmed) ? { ok: true, code: trimmed } : { ok: false, errorKey: 'dialog.invalid.text' };
      case 'name': {
        const name = normaliseName(trimmed);
        if (!name) return { ok: false, errorKey: 'dialog.invalid.name' };
        return isNotAName(name, place.lang) ? { ok: false, errorKey: 'understand.notAName' } : { ok: true, code: name };
      }
      case 'date': {
        const r = parseDateOfBirth(asciiDigits(trimmed), place.now, monthsOf(place.lang));
        if (r.ok) return { ok: true, code: r.iso };
        return { ok: false, errorKey: r.reason === 'future' ? 'dialog.invalid.dateFuture' : r.reason === 'tooOld' ? 'understand.dateTooOld' : 'dialog.invalid.date' };
      }
      case 'nhs': {
        const skip = readChoice(trimmed, step.choices ?? [], place, 'dialog.invalid.nhs');
        if (skip.ok) return { ok: true, code: 'skip' };
        const yn = readYesNo(trimmed, deps.lexicon(place.lang));
        if (yn === 'unsure' || yn === 'no') return { ok: true, code: 'skip' };
        const nhs = normaliseNhsNumber(asciiDigits(trimmed));
        return nhs ? { ok: true, code: nhs } : { ok: false, errorKey: 'dialog.invalid.nhs' };
      }
      case 'postcode': {
        const pc = normalisePostcode(trimmed);
        return pc ? { ok: true, code: pc } : { ok: false, errorKey: 'dialog.invalid.postcode' };
      }
      case 'phone': {
        const phone = normalisePhone(asciiDigits(trimmed));
        return phone ? { ok: true, code: phone } : { ok: false, errorKey: 'dialog.invalid.phone' };
      }
      case 'language': {
        const langs = place.step === 'languageOffer' && offered.offerLang ? [offered.offerLang, place.lang] : [...offered.languages];
        const codes = langs.map((l) => `lang.${l}`);
        const byChoice = readChoice(trimmed, codes, { ...place, step: 'language' }, 'dialog.invalid.language');
        const lang = byChoice.ok ? byChoice.code.slice(5) : deps.parseLanguage(trimmed, langs);
        if (lang) return { ok: true, code: lang };
        // "yes" to "continue in Polish?" is the offered language; "no" is staying.
        if (place.step === 'languageOffer' && offered.offerLang) {
          const yn = readYesNo(trimmed, deps.lexicon(place.lang));
          if (yn === 'yes') return { ok: true, code: offered.offerLang };
          if (yn === 'no') return { ok: true, code: place.lang };
        }
        return { ok: false, errorKey: 'dialog.invalid.language' };
      }
    }
  }

  /** "yes", "no", "idk", "skip", a single letter: answers, not names. */
  function isNotAName(name: string, lang: LangCode): boolean {
    const letters = name.replace(/[^\p{L}]/gu, '');
    if ([...letters].length < 2) return true;
    const lex = deps.lexicon(lang);
    if (isOnlyYesNo(name, lex)) return true;
    return answersOf(lang).has(name.toLowerCase()) || readSmallTalk(name, lex) !== null;
  }

  /** The titles and synonyms of skip, yes, no and not sure in a language and English, lower-cased: built once per language. */
  const notNames = new Map<LangCode, ReadonlySet<string>>();
  function answersOf(lang: LangCode): ReadonlySet<string> {
    let set = notNames.get(lang);
    if (!set) {
      const langs: LangCode[] = lang === 'eng' ? ['eng'] : [lang, 'eng'];
      const answers = langs.flatMap((l) => ['skip', 'yes', 'no', 'unsure'].flatMap((c) => [words.choiceTitle(l, c) ?? '', ...words.choiceSynonyms(l, c)]));
      notNames.set(lang, (set = new Set(answers.map((a) => a.toLowerCase()))));
    }
    return set;
  }

  /** The answer without its no phrases ("nothing like that"), for naming a sign at the emergency check (yesNo.withoutNoPhrases). */
  const withoutNo = (text: string, lang: LangCode): string => withoutNoPhrases(text, deps.lexicon(lang));

  return { readChoice, readOpening, readStep, phrasesFor, withoutNo };
}

export type AnswerReader = ReturnType<typeof createAnswerReader>;
