import { createTypedReader } from '../../bench/typedAnswers.js';
import type { LangCode } from '../../src/domain/types.js';
import { conversation } from '../support/dialog.js';

/**
 * Round 12 (helper "s12-typed", hazard H61): typed answers read the way people write them.
 * A. Negation where each language puts it, at "better, worse or the same?" and other questions of
 *    degree: a negated word names nothing (the patient is asked again), never the opposite choice.
 * B. A yes, then a description with a negation in it, without a comma ("yes I can't breathe").
 * C. How long: seasons in every language; "a long time" said with a day word; a weekday holding a
 *    unit word; "2day".
 * D. "No idea" and "not sure" in words of guessing and being sure: not sure, never no.
 * E. The statechart: a question's list is said again when the answer could not be read, or after help.
 * The phrasings are our own, not the opened sets' (NOW is Wednesday 4 March 2026).
 */
const { outcome } = createTypedReader();
const read = (lang: string, kind: string, text: string) => outcome({ lang: lang as LangCode, kind, text });

describe('A. trend: negation before or after the word', () => {
  it.each([
    ['pan', 'ਖ਼ਰਾਬ ਹੋ ਰਿਹਾ ਹੈ', 'trend.worse'],
    ['pan', 'ਪਹਿਲਾਂ ਨਾਲੋਂ ਚੰਗਾ', 'trend.better'],
    ['pes', 'داره بهتر میشه', 'trend.better'],
    ['pes', 'خوب شده', 'trend.better'],
    ['urd', 'خراب ہو رہا ہے', 'trend.worse'],
    ['cmn', '好起来了', 'trend.better'],
    ['tur', 'iyiye gidiyor', 'trend.better'],
    ['eng', 'it hasnt changed', 'trend.same'],
    ['pol', 'nic sie nie zmienia', 'trend.same'],
  ])('%s "%s" is %s', (lang, text, code) => {
    expect(read(lang, 'trend', text)).toBe(code);
  });

  // Not better may be the same or worse; not worse the same or better: asked again, never the word's own choice.
  it.each([
    ['pan', 'ਖ਼ਰਾਬ ਨਹੀਂ ਹੋ ਰਿਹਾ', 'trend.worse'],
    ['pan', 'ਠੀਕ ਨਹੀਂ ਹੋ ਰਿਹਾ', 'trend.better'],
    ['pan', 'ਵਿਗੜ ਨਹੀਂ ਰਿਹਾ', 'trend.worse'],
    ['pes', 'خوب نمیشه', 'trend.better'],
    ['pes', 'بهتر نمیشه', 'trend.better'],
    ['pes', 'بدتر نشده', 'trend.worse'],
    ['urd', 'ٹھیک نہیں ہو رہا', 'trend.better'],
    ['tur', 'iyi değil', 'trend.better'],
    ['tur', 'düzelmiyor', 'trend.better'],
    ['cmn', '没有好起来', 'trend.better'],
    ['eng', 'not getting worse', 'trend.worse'],
    ['eng', 'doesnt feel better', 'trend.better'],
  ])('%s "%s" is not read as %s', (lang, text, notThis) => {
    const got = read(lang, 'trend', text);
    expect(got).not.toBe(notThis);
    expect(got).toBe('?');
  });

  it('a negation in another clause does not reach the word ("no, it is getting worse")', () => {
    expect(read('eng', 'trend', 'no, its getting worse')).toBe('trend.worse');
    expect(read('por', 'impact', 'nao, faço tudo normalmente')).toBe('impact.none');
  });

  it('words our phrases say negated keep their choice ("no difference", "nothing changes me")', () => {
    expect(read('pan', 'trend', 'ਕੋਈ ਫਰਕ ਨਹੀਂ')).toBe('trend.same');
    expect(read('ita', 'impact', 'non mi cambia niente')).toBe('impact.none');
    expect(read('pan', 'contactMethod', 'ਕੋਈ ਫ਼ਰਕ ਨਹੀਂ')).toBe('contact.either');
  });
});

describe('B. yes, then a negated description, without a comma', () => {
  it.each([
    ['ukr', 'safetyCheck', 'так не можу дихати', 'safety.yes'],
    ['ukr', 'yesNo', 'так не можу нормально ходити', 'yes'],
    ['pes', 'safetyCheck', 'آره نمیتونم راه برم', 'safety.yes'],
  ])('%s %s "%s" is %s', (lang, kind, text, code) => {
    expect(read(lang, kind, text)).toBe(code);
  });

  it('a no or not-sure phrase starting with the yes word is still read as that phrase', () => {
    expect(read('ukr', 'yesNo', 'так собі')).toBe('unsure');
    expect(read('ukr', 'yesNo', 'так не думаю')).toBe('no');
    expect(read('ukr', 'yesNo', 'так не знаю')).toBe('unsure');
  });
});

describe('C. how long', () => {
  // Seasons start on the Met Office's first days (1 March, 1 June, 1 September, 1 December); NOW is 4 March 2026.
  it.each([
    ['eng', 'since last summer'], ['cym', 'ers yr haf'], ['pol', 'od zeszłego lata'], ['ron', 'de vara trecută'],
    ['pan', 'ਸਰਦੀਆਂ ਤੋਂ'], ['urd', 'سردیوں سے'], ['por', 'desde o inverno'], ['arb', 'من الشتاء'], ['ben', 'শীতকাল থেকে'],
    ['guj', 'શિયાળાથી'], ['ita', "dall'autunno"], ['cmn', '从去年冬天'], ['lit', 'nuo žiemos'], ['tam', 'குளிர்காலம் முதல்'],
    ['tur', 'kıştan beri'], ['som', 'tan iyo jiilaalkii'], ['ukr', 'з осені'], ['pes', 'از زمستون'],
  ])('%s "%s" is months', (lang, text) => {
    expect(read(lang, 'duration', text)).toBe('duration.months');
  });

  it('this spring, started on 1 March, is days', () => {
    expect(read('ukr', 'duration', 'з весни')).toBe('duration.days');
    expect(read('tur', 'duration', 'ilkbahardan beri')).toBe('duration.days');
  });

  it.each([
    ['ben', 'অনেক দিন থেকে', 'duration.months'],
    ['tam', 'ரொம்ப நாளாக இருக்கு', 'duration.months'],
    ['ben', 'কয়েক সপ্তাহ', 'duration.weeks'],
    ['cmn', '星期一开始的', 'duration.days'],
    ['eng', '2day', 'duration.today'],
    ['eng', '3 days', 'duration.days'],
    ['eng', 'since my fall last week', 'duration.days'],
  ])('%s "%s" is %s', (lang, text, code) => {
    expect(read(lang, 'duration', text)).toBe(code);
  });
});

describe('D. no idea, not sure: never a no', () => {
  it.each([
    ['pan', 'ਮੈਨੂੰ ਕੋਈ ਅੰਦਾਜ਼ਾ ਨਹੀਂ'],
    ['urd', 'مجھے کوئی اندازہ نہیں'],
    ['ben', 'আমি শিওর না'],
    ['guj', 'મને કોઈ અંદાજ નથી'],
    ['pes', 'هیچ ایده ای ندارم'],
    ['lit', 'nesu tikras'],
    ['por', 'não tenho certeza'],
  ])('%s "%s" is not sure', (lang, text) => {
    expect(read(lang, 'yesNo', text)).toBe('unsure');
  });

  it('a plain Persian "I don\'t have it" is a no', () => {
    expect(read('pes', 'yesNo', 'تب ندارم')).toBe('no');
  });
});

describe('E. the statechart: the list is said again', () => {
  const keys = (r: { result: { say: { key: string }[] } }) => r.result.say.map((m) => m.key);

  it('an unread answer at a triage question with lines says the lines again before the question', () => {
    const c = conversation({ id: 'round12:lines' });
    c.start();
    c.tap('need.new');
    c.say('I feel generally unwell and tired');
    c.tap('safety.no');
    let r = c.tap('safety.area.other');
    for (let i = 0; i < 8 && (r.result.snapshot as { context: { triage: { currentQuestionId?: string } } }).context.triage.currentQuestionId !== 'q.general.hidden'; i++) r = c.tap('no');
    const asked = keys(r).filter((k) => k.startsWith('triage.general.hidden'));
    expect(asked.length).toBeGreaterThan(1);
    const again = keys(c.say('blorp wibble'));
    expect(again[0]).toBe('understand.reprompt.yesNo');
    expect(again.slice(1)).toEqual(asked);
  });

  it('help at the emergency check says the signs again with the question', () => {
    const c = conversation({ id: 'round12:help' });
    c.start();
    c.tap('need.new');
    const first = keys(c.say('I feel generally unwell and tired'));
    expect(first.some((k) => k.startsWith('safety.line.'))).toBe(true);
    const help = keys(c.say('help'));
    expect(help.filter((k) => k.startsWith('safety.line.') || k.startsWith('safety.check.'))).toEqual(first);
  });
});
