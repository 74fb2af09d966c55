import { createTypedReader, projectRoot } from '../../../bench/typedAnswers.js';
import { createLexicons } from '../../../src/dialog/interpret/lexicon.js';
import { withoutNoPhrases } from '../../../src/dialog/interpret/yesNo.js';
import { createWordbook } from '../../../src/i18n/wordbook.js';
import { loadContent } from '../../../src/server/content.js';

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

const at = (kind: string, text: string, lang = 'eng') => outcome({ lang, kind, text });

describe('how much it affects the day (round 10)', () => {
  it.each([
    ['eng', 'no', 'impact.none'],
    ['eng', 'nope not really', 'impact.none'],
    ['urd', 'nahi', 'impact.none'],
    ['tam', 'illa', 'impact.none'],
    ['eng', 'i cant get out of bed most days', 'impact.lot'],
    ['spa', 'no puedo ni salir de la cama', 'impact.lot'],
    ['pol', 'nic nie moge robic', 'impact.lot'],
    ['lit', 'negaliu nieko daryti', 'impact.lot'],
    ['ukr', 'не можу встати з ліжка', 'impact.lot'],
    ['tur', 'işe gidemiyorum hiç', 'impact.lot'],
    ['urd', 'kaam par nahi ja sakta', 'impact.lot'],
  ])('%s %p is %s', (lang, text, code) => {
    expect(at('impact', text, lang)).toBe(code);
  });

  // "Nothing stops me" and "no effect on work" are never a lot.
  it.each([
    ['eng', 'nothing stops me working'],
    ['guj', 'કામ પર અસર નથી'],
  ])('%s %p is never a lot', (lang, text) => {
    expect(at('impact', text, lang)).not.toBe('impact.lot');
  });
});

describe('either, at contact method and times (round 10)', () => {
  it.each([
    ['eng', 'contactMethod', 'phone or text, whatever', 'contact.either'],
    ['eng', 'contactMethod', 'text or call is fine', 'contact.either'],
    ['pol', 'contactMethod', 'sms albo telefon', 'contact.either'],
    ['spa', 'contactMethod', 'me da igual, llamada o mensaje', 'contact.either'],
    ['eng', 'contactTimes', 'morning or afternoon', 'when.any'],
  ])('%s %s %p is %s', (lang, kind, text, code) => {
    expect(at(kind, text, lang)).toBe(code);
  });

  it.each([
    ['eng', 'contactMethod', 'call, not text'],
    ['eng', 'contactMethod', 'text please, calls are hard for me'],
    ['eng', 'contactTimes', 'any time before lunch'],
  ])('%s %s %p is not either', (lang, kind, text) => {
    expect(at(kind, text, lang)).not.toMatch(/^(contact\.either|when\.any)$/);
  });
});

describe('before noon is the morning (round 10)', () => {
  it.each([
    ['eng', 'before lunch', 'when.morning'],
    ['urd', 'dopahar se pehle', 'when.morning'],
    ['pan', 'ਦੁਪਹਿਰ ਤੋਂ ਪਹਿਲਾਂ ਠੀਕ ਹੈ', 'when.morning'],
    ['guj', '11 પહેલા', 'when.morning'],
    ['ron', 'până la 11', 'when.morning'],
    ['eng', 'after the morning', 'when.afternoon'],
  ])('%s %p is %s', (lang, text, code) => {
    expect(at('contactTimes', text, lang)).toBe(code);
  });

  it('"afternoon, before I go to work" stays the afternoon', () => {
    expect(at('contactTimes', 'afternoon, before i go to work')).toBe('when.afternoon');
  });
});

describe('"nothing like that" at the emergency check names no sign (round 10)', () => {
  const content = loadContent(projectRoot);
  const words = createWordbook(content.resources, content.languages);
  const lexicon = createLexicons(words, (l) => words.bcp47(l));
  it.each([
    ['urd', 'ایسا کچھ نہیں', ''],
    ['tur', 'yok öyle bir şey', ''],
    ['eng', 'no nothing like that', ''],
    ['cym', 'na, dim un', ''],
    // A one-word no is kept (it names nothing); a sign said after a no is kept to be asked about.
    ['eng', 'no', 'no'],
    ['urd', 'نہیں، کچھ نگل لیا', 'نہیں، کچھ نگل لیا'],
    ['eng', 'no but he swallowed something', 'no but he swallowed something'],
    // Not a no at all: left as typed.
    ['eng', 'yes he swallowed something', 'yes he swallowed something'],
  ])('%s %p leaves %p', (lang, text, left) => {
    expect(withoutNoPhrases(text, lexicon(lang as never))).toBe(left);
  });
});

describe('who it is for, case forms and everyday words (round 10)', () => {
  it.each([
    ['tam', 'en appavukku', 'for.other'],
    ['tam', 'மகளுக்கு', 'for.other'],
    ['tam', 'enakku thaan', 'for.self'],
    ['pan', 'apne layi', 'for.self'],
    ['guj', 'potane mate', 'for.self'],
    ['arb', 'la abouy', 'for.other'],
  ])('%s %p is %s', (lang, text, code) => {
    expect(at('who', text, lang)).toBe(code);
  });

  it.each([
    ['tam', 'appavukku', 'rel.parent'],
    ['lit', 'mano sugyventinė', 'rel.partner'],
    ['som', 'ninkayga', 'rel.partner'],
  ])('%s %p is %s', (lang, text, code) => {
    expect(at('relationship', text, lang)).toBe(code);
  });

  it('"for me" in Tamil is never another person', () => {
    expect(at('who', 'எனக்கு', 'tam')).toBe('for.self');
  });
});

describe('doesn\'t matter, with its own negation (round 10)', () => {
  it.each([
    ['cym', 'dim ots, ffôn neu neges'],
    ['guj', 'kai vandho nahi, call ke message'],
  ])('%s %p is either', (lang, text) => {
    expect(at('contactMethod', text, lang)).toBe('contact.either');
  });
});
