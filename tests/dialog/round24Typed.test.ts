import { createTypedReader } from '../../bench/typedAnswers.js';
import { areaCode } from '../../src/triage/safetySchema.js';
import type { LangCode } from '../../src/domain/types.js';
import { conversation, content } from '../support/dialog.js';

/**
 * H106: typed answers that were asked again (or misread) in Ukrainian and Persian first, then in the
 * other languages, by kind of answer: a no said with "not so" or "never", the afternoon or lunchtime as
 * today, "it doesn't affect me", "the person I care for" (never "me"), "my partner" said with a borrowed
 * word, Ukrainian and Persian typed in Latin letters, Persian typed with Arabic letters (ي ك) and
 * zero-width marks inside a word. Phrasings written for this test from the kinds, not copied from a set.
 */
const { outcome } = createTypedReader();

type Context = { context: { triage: { answers: Record<string, string>; currentQuestionId?: string } } };
const OPENING: Partial<Record<LangCode, string>> = {
  ukr: 'у мене три дні болить горло',
  pes: 'سه روز است گلودرد دارم',
  guj: 'ત્રણ દિવસથી ગળામાં દુખાવો છે',
  som: 'saddex maalin ayaa cunaha i xanuunayay',
  por: 'dói-me a garganta há três dias',
};

/** A sore throat told, then `answer` typed at the emergency check: the state after it and the check's answer. */
function atTheCheck(lang: LangCode, answer: string) {
  const c = conversation({ lang, id: `test:h106-check-${lang}` });
  c.say('hello');
  c.say('need.new');
  expect(c.say(OPENING[lang] as string).result.state).toBe('safetyCheck');
  const state = c.say(answer).result.state;
  return { state, answer: (c.stored?.snapshot as Context).context.triage.answers['q.check.adult'] };
}

describe('H106 the emergency check, typed', () => {
  it.each([
    ['ukr', 'ні, не так'],
    ['ukr', 'нi, не так'],
    ['ukr', 'н\u200bі'],
    ['pes', 'هیچوقت'],
    ['pes', 'هیچ وقت'],
    ['pes', 'هیچ\u200cوقت'],
    ['pes', 'hich vaght'],
    ['som', 'maya, sax maaha'],
  ])('%s %p is a no', (lang, text) => {
    expect(atTheCheck(lang as LangCode, text)).toEqual({ state: 'areaPick', answer: 'safety.no' });
  });

  it.each([
    ['guj', 'સમજાતું નથી'],
    ['guj', 'કહી ન શકું'],
    // Persian typed on an Arabic keyboard: ي for ی, ك for ک.
    ['pes', 'نميدونم'],
    ['pes', 'مطمئن نيستم'],
    // "Pode ser" (it could be) is a maybe: it was a yes at the check only, a needless 999.
    ['por', 'pode ser'],
  ])('%s %p is not sure, never a no', (lang, text) => {
    expect(atTheCheck(lang as LangCode, text).answer).toBe('safety.unsure');
  });

  it('keeps a yes a yes', () => {
    expect(atTheCheck('ukr', 'так').answer).toBe('safety.yes');
    expect(atTheCheck('pes', 'آره').answer).toBe('safety.yes');
  });
});

describe('H106 a question of the area, typed through the statechart', () => {
  /** The first area question after a "no" at the check, answered with `text`: the answer recorded. */
  function firstAreaQuestion(lang: LangCode, text: string): string | undefined {
    const c = conversation({ lang, id: `test:h106-area-${lang}` });
    c.say('hello');
    c.say('need.new');
    c.say(OPENING[lang] as string);
    c.say(lang === 'ukr' ? 'ні' : 'نه');
    const picked = c.tap(areaCode('breathing')).result;
    expect(picked.state).toBe('triageQuestion');
    const qid = (c.stored?.snapshot as Context).context.triage.currentQuestionId as string;
    c.say(text);
    return (c.stored?.snapshot as Context).context.triage.answers[qid];
  }

  it.each([
    ['ukr', 'ні, не так', 'no'],
    ['pes', 'هیچوقت', 'no'],
    ['pes', 'بله', 'yes'],
  ])('%s %p is %s', (lang, text, want) => {
    expect(firstAreaQuestion(lang as LangCode, text)).toBe(want);
  });
});

describe('H106 answers read one at a time', () => {
  it.each([
    // Since the middle of the day is today; a named time inside a longer phrase counts as the longer one.
    ['eng', 'duration', 'since lunch', 'duration.today'],
    ['cym', 'duration', 'ers amser cinio', 'duration.today'],
    ['cym', 'duration', 'ers amser', 'duration.months'],
    ['ukr', 'duration', 'з обіду вчора', 'duration.days'],
    ['pes', 'duration', 'از ظهر', 'duration.today'],
    ['spa', 'duration', 'desde el mediodía', 'duration.today'],
    ['pol', 'duration', 'od południa', 'duration.today'],
    ['cmn', 'duration', '从中午开始', 'duration.today'],
    // How much it affects the day.
    ['ukr', 'impact', 'помірно', 'impact.some'],
    ['pes', 'impact', 'تا حدودی', 'impact.some'],
    ['pes', 'impact', 'شدیدا', 'impact.lot'],
    ['por', 'impact', 'não me afeta', 'impact.none'],
    ['ita', 'impact', 'non mi influisce', 'impact.none'],
    // Who it is for: "the person I care for" is never "me".
    ['ukr', 'who', 'людина, за якою я доглядаю', 'for.other'],
    ['ukr', 'who', 'про кого я піклуюсь', 'for.other'],
    ['ben', 'who', 'যার দেখাশোনা আমি করি', 'for.other'],
    ['tam', 'who', 'நான் கவனிச்சுக்கிறவங்க', 'for.other'],
    ['ukr', 'who', 'для мене', 'for.self'],
    // A partner said with a borrowed word, a boyfriend not a son.
    ['pes', 'relationship', 'دوست پسرم', 'rel.partner'],
    ['pes', 'relationship', 'پسرم', 'rel.child'],
    ['urd', 'relationship', 'میرا پارٹنر', 'rel.partner'],
    ['guj', 'relationship', 'મારી પાર્ટનર', 'rel.partner'],
    // A doctor's note is a document, not an appointment; seeing the doctor stays an appointment.
    ['tur', 'wants', 'doktor yazısı', 'wants.document'],
    ['tur', 'wants', 'doktora görünmek', 'wants.appointment'],
    ['pes', 'wants', 'تمدید داروها', 'wants.prescription'],
    ['pes', 'wants', 'می‌خوام یه وقت بگیرم', 'wants.appointment'],
    ['ukr', 'wants', 'просто порадитися', 'wants.talk'],
    // Ukrainian and Persian in Latin letters.
    ['ukr', 'trend', 'krashche', 'trend.better'],
    ['ukr', 'trend', 'hirshe', 'trend.worse'],
    ['ukr', 'contactTimes', 'zranku', 'when.morning'],
    ['ukr', 'contactTimes', 'bez riznytsi koly', 'when.any'],
    ['ukr', 'who', 'dlya mene', 'for.self'],
    ['pes', 'contactTimes', 'sob', 'when.morning'],
    ['pes', 'contactMethod', 'telefon', 'contact.call'],
    ['pes', 'contactMethod', 'harkodum', 'contact.either'],
    // Persian typed with Arabic letters and with a zero-width joiner inside a word.
    ['pes', 'trend', 'بدتر ميشه', 'trend.worse'],
    ['pes', 'impact', 'يكم', 'impact.some'],
    ['pes', 'contactMethod', 'پيامك', 'contact.text'],
    ['pes', 'impact', 'خ\u200dیلی', 'impact.lot'],
    // A yes or a no typed as the patient's own word, never another meaning.
    ['som', 'yesNo', 'waligeed', 'no'],
    ['lit', 'yesNo', 'tiksliai', 'yes'],
    ['guj', 'yesNo', 'કહી ન શકું', 'unsure'],
  ])('%s %s %p is %s', (lang, kind, text, want) => {
    expect(outcome({ lang: lang as LangCode, kind, text })).toBe(want);
  });

  it.each([
    // "Not so long ago" is not a no: read as neither (asked again), never as a no.
    ['ukr', 'не так давно'],
    // "Yes, just like that" is never a no.
    ['ukr', 'так, саме так'],
  ])('%s %p is never a no', (lang, text) => {
    expect(outcome({ lang: lang as LangCode, kind: 'yesNo', text })).not.toBe('no');
  });
});

describe('H106 "one of them" at the emergency check is a yes, "none of them" a no', () => {
  // "them" was a word of "none of them" only, so "1 of them" was read as none of them (a yes read as a no).
  it.each([
    ['eng', 'ys 1 of them', 'safety.yes'],
    ['eng', 'one of those', 'safety.yes'],
    ['eng', 'no, none of them', 'safety.no'],
    ['fra', 'un de ceux-là', 'safety.yes'],
    ['fra', 'aucun de ceux-là', 'safety.no'],
    ['spa', 'uno de ellos', 'safety.yes'],
    ['spa', 'ninguno de ellos', 'safety.no'],
    ['pol', 'jeden z nich', 'safety.yes'],
    ['pol', 'żaden z nich', 'safety.no'],
    ['por', 'um deles', 'safety.yes'],
    ['ukr', 'один з них', 'safety.yes'],
    ['ukr', 'жоден з них', 'safety.no'],
  ])('%s %p is %s', (lang, text, want) => {
    expect(outcome({ lang: lang as LangCode, kind: 'safetyCheck', text })).toBe(want);
  });
});

describe('H106 stopped bleeding is no choking, in any language', () => {
  const ids = (text: string, lang: string) => content.triage.screen(text, lang as never).hits.map((h) => h.ruleId);
  it.each([
    ['ukr', 'кров уже не йде'],
    ['ukr', 'Я промила ранку водою, кров вже не йде, він грається'],
    ['ukr', 'кровь уже не идёт'],
    ['pol', 'krew już nie leci'],
    ['eng', 'the blood has stopped now'],
    ['spa', 'ya no sale sangre'],
    ['pes', 'دیگه خون نمیاد'],
    ['tur', 'kan artık gelmiyor'],
  ])('%s %p', (lang, text) => {
    expect(ids(text, lang)).not.toContain('rf.choking');
  });

  it.each([
    ['ukr', 'син подавився цукеркою і не може дихати'],
    ['ukr', 'вона вдавилася шматком мʼяса'],
    ['eng', 'my son is choking on a grape'],
  ])('choking still fires: %s %p', (lang, text) => {
    expect(ids(text, lang)).toContain('rf.choking');
  });
});
