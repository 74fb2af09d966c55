import { createTypedReader } from '../../../bench/typedAnswers.js';

/**
 * Round 10 (s10-typed): held letters, "no, I'm fine", the polite "ji", "hard to say" as not sure.
 * Phrases written for these tests, in each language's everyday forms (not copied from a set).
 */
const { outcome } = createTypedReader();
const yn = (text: string, lang = 'eng') => outcome({ lang, kind: 'yesNo', text });
const check = (text: string, lang = 'eng') => outcome({ lang, kind: 'safetyCheck', text });

describe('a letter held is the word', () => {
  it.each([
    ['eng', 'noooo', 'no'],
    ['eng', 'yesss', 'yes'],
    ['eng', 'yeahhh', 'yes'],
    ['pol', 'nieee', 'no'],
    ['pol', 'taaak', 'yes'],
    ['lit', 'neeee', 'no'],
    ['fra', 'nonnn', 'no'],
    ['fra', 'ouiii', 'yes'],
    ['spa', 'siii', 'yes'],
    ['ron', 'nuuuu', 'no'],
    ['urd', 'nahiii', 'no'],
    ['som', 'mayaa', 'no'],
  ])('%s %p is %s', (lang, text, code) => {
    expect(yn(text, lang)).toBe(code);
  });

  // Only the conversation's own words are held: a Tamil "naa" (I) is never the English "na".
  it('a Tamil sentence starting "naa" (I) is not an English no', () => {
    expect(yn('naa paathen', 'tam')).not.toBe('no');
  });

  it('a held no beside a yes word is still asked, never a yes', () => {
    expect(yn('niee, wszystko ok', 'pol')).toBe('no');
    expect(yn('niee tak', 'pol')).toBe('yes|no');
  });
});

describe('"no, I am fine" is a no; "not fine" never is', () => {
  it.each([
    ['eng', 'no, im fine thanks'],
    ['eng', 'nah im good'],
    ['pol', 'nie, wszystko w porządku'],
    ['ron', 'nu, totul e bine'],
    ['lit', 'ne, viskas tvarkoj'],
    ['spa', 'no, estoy bien'],
    ['ita', 'no, tutto ok'],
    ['fra', 'non, ça va'],
    ['urd', 'nahi sab theek hai'],
    ['ben', 'না সব ঠিক আছে'],
    ['arb', 'لا انا بخير'],
    ['cmn', '没有，我很好'],
    ['tur', 'hayır, iyiyim'],
  ])('%s %p is no', (lang, text) => {
    expect(yn(text, lang)).toBe('no');
    expect(check(text, lang)).toBe('safety.no');
  });

  it.each([
    ['pol', 'nie wszystko ok'],
    ['ron', 'nu sunt bine'],
    ['lit', 'ne viskas gerai'],
    ['cym', 'dim yn iawn'],
    ['eng', 'no, fine, yes it hurts'],
  ])('%s %p is never a no', (lang, text) => {
    expect(yn(text, lang)).not.toBe('no');
    expect(check(text, lang)).not.toBe('safety.no');
  });
});

describe('the polite "ji"', () => {
  it.each([
    ['pan', 'no ji', 'no'],
    ['pan', 'ਹਾਂਜੀ', 'yes'],
    ['urd', 'ji', 'yes'],
    ['urd', 'haan ji', 'yes'],
    ['guj', 'ના જી', 'no'],
    ['ben', 'না জি', 'no'],
  ])('%s %p is %s', (lang, text, code) => {
    expect(yn(text, lang)).toBe(code);
  });
});

describe('hard to say is not sure, never a no', () => {
  it.each([
    ['cym', 'anodd dweud'],
    ['spa', 'difícil de decir'],
    ['por', 'é difícil saber'],
    ['arb', 'صعب احدد'],
    ['tur', 'söylemek zor'],
    ['pes', 'نمیتونم بگم'],
    ['som', 'adag in la sheego'],
    ['ben', 'বলতে পারছি না'],
    ['tam', 'solla mudiyala'],
    ['ita', 'difficile da dire'],
  ])('%s %p', (lang, text) => {
    expect(yn(text, lang)).toBe('unsure');
    expect(check(text, lang)).toBe('safety.unsure');
  });
});
