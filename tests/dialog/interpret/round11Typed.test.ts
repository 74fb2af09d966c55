import { createTypedReader } from '../../../bench/typedAnswers.js';
import { seasonStart } from '../../../src/dialog/interpret/recognizersText.js';

/**
 * Round 11 (s11-typed, hazard H55): a yes followed by a description with a negation in it, seasons
 * from the date model, Romanian "luni" (months and Monday), "neither better nor worse", "I can do
 * everything" and a few misread answers. Phrases written for these tests in everyday forms.
 */
const { outcome } = createTypedReader();
const check = (text: string, lang: string) => outcome({ lang, kind: 'safetyCheck', text });
const yn = (text: string, lang: string) => outcome({ lang, kind: 'yesNo', text });
const at = (kind: string, text: string, lang: string) => outcome({ lang, kind, text });

describe('a yes, then what is wrong with a negation inside it, is a yes', () => {
  it.each([
    ['eng', 'yes, she cant breathe at all'],
    ['eng', 'yeah my dad cant catch his breath'],
    ['spa', 'sí, no puede respirar nada'],
    ['fra', 'oui, elle arrive pas à respirer'],
    ['ita', 'sì, non riesce a parlare'],
    ['por', 'sim, não consegue respirar direito'],
    ['pol', 'tak, nie może złapać tchu'],
    ['ron', 'da, nu poate respira deloc'],
    ['ukr', 'так, не може дихати зовсім'],
    ['urd', 'haan, saans bilkul nahi aa rahi'],
    ['pan', 'haan saah bilkul nahi aa reha'],
    ['ben', 'ha, ekdom shash nite parche na'],
    ['guj', 'ha, bilkul shwas nathi lai shakti'],
    ['som', 'haa, ma hadli karo'],
    ['arb', 'اي، ما يقدر يتنفس أبداً'],
    ['cmn', '对，她喘不过气来'],
  ])('%s %p', (lang, text) => {
    expect(check(text, lang)).toBe('safety.yes');
  });

  // Never a yes where the negation takes the yes word in, or the rest is itself an answer.
  it.each([
    ['eng', 'yes no'],
    ['eng', 'yes, not sure'],
    ['eng', 'yes i dont know'],
    ['eng', 'sure i cant say really'],
    ['urd', 'sure nahi hoon main'],
    ['tam', 'konjam kooda illa'],
    ['ben', 'ঠিক বলতে পারছি না'],
    ['ben', 'ঠিক বুঝতে পারছি না'],
    ['spa', 'sí, no, no sé'],
  ])('%s %p is not a yes', (lang, text) => {
    expect(yn(text, lang)).not.toBe('yes');
    expect(check(text, lang)).not.toBe('safety.yes');
  });

  it('a not sure in Gujarati and Bengali words of knowing is not a no', () => {
    expect(check('પાક્કું નથી', 'guj')).toBe('safety.unsure');
    expect(check('ঠিক বুঝতে পারছি না', 'ben')).toBe('safety.unsure');
  });

  it('a Persian "are" (yes) in Latin letters is a yes', () => {
    expect(yn('are', 'pes')).toBe('yes');
  });
});

describe('seasons read by the date model', () => {
  it('a season of a named year starts on its first day (UK seasons)', () => {
    const now = new Date('2026-03-04T10:00:00Z');
    expect(seasonStart('2025-SU', now)).toBe('2025-06-01');
    expect(seasonStart('2025-WI', now)).toBe('2025-12-01');
    expect(seasonStart('SU', now)).toBe('2025-06-01');
    expect(seasonStart('SP', now)).toBe('2026-03-01');
    expect(seasonStart('2026-03-01', now)).toBeUndefined();
    expect(seasonStart(undefined, now)).toBeUndefined();
  });

  it.each([
    ['eng', 'since last summer'],
    ['eng', 'since last autumn'],
    ['spa', 'desde el verano pasado'],
    ['fra', "depuis l'été dernier"],
  ])('%s %p is months', (lang, text) => {
    expect(at('duration', text, lang)).toBe('duration.months');
  });
});

describe('Romanian "luni" is months, and Monday only after a since word', () => {
  it.each([
    ['luni', 'duration.months'],
    ['de câteva luni', 'duration.months'],
    ['de mai multe luni', 'duration.months'],
    ['de 4 luni', 'duration.months'],
    ['de luni', 'duration.days'],
    ['de marți', 'duration.days'],
  ])('%p is %s', (text, code) => {
    expect(at('duration', text, 'ron')).toBe(code);
  });
});

describe('neither better nor worse is the same', () => {
  it.each([
    ['eng', 'neither better nor worse'],
    ['spa', 'ni mejor ni peor'],
    ['fra', 'ni mieux ni pire'],
    ['ita', 'né meglio né peggio'],
    ['lit', 'nei geriau nei blogiau'],
    ['ron', 'nici mai bine nici mai rău'],
    ['tur', 'ne daha iyi ne daha kötü'],
    ['ukr', 'ні краще ні гірше'],
    ['pol', 'ani lepiej ani gorzej'],
    ['por', 'nem melhor nem pior'],
    ['pes', 'نه بهتر نه بدتر'],
    ['urd', 'نہ بہتر نہ بدتر'],
    ['arb', 'لا أحسن ولا أسوأ'],
    ['cym', 'dim gwell dim gwaeth'],
  ])('%s %p', (lang, text) => {
    expect(at('trend', text, lang)).toBe('trend.same');
  });

  it('better or worse alone are still read', () => {
    expect(at('trend', 'mai rău', 'ron')).toBe('trend.worse');
    expect(at('trend', 'mejor', 'spa')).toBe('trend.better');
    expect(at('trend', 'бiльш гірше', 'ukr')).not.toBe('trend.same');
  });
});

describe('"I can do everything", "it does not stop me" are not at all', () => {
  it.each([
    ['eng', 'i can still do everything'],
    ['ita', 'non mi ferma'],
    ['por', 'não me impede'],
    ['ron', 'nu mă oprește'],
    ['ukr', 'можу все робити'],
    ['pan', 'ਸਭ ਕੁਝ ਕਰ ਸਕਦੀ ਹਾਂ'],
    ['urd', 'سب کچھ کر سکتی ہوں'],
    ['ben', 'সব কিছু করতে পারি'],
    ['tam', 'கொஞ்சம் கூட இல்லை'],
    ['cmn', '一点都没有'],
    ['cmn', '什么都能做'],
    ['cmn', '一切正常'],
  ])('%s %p', (lang, text) => {
    expect(at('impact', text, lang)).toBe('impact.none');
  });

  it('a bit and a lot are still read', () => {
    expect(at('impact', '一点', 'cmn')).toBe('impact.some');
    expect(at('impact', '不能上班', 'cmn')).toBe('impact.lot');
    expect(at('impact', 'کام پر تھوڑی مشکل ہوتی ہے', 'urd')).not.toBe('impact.none');
    expect(at('impact', 'i cant do anything', 'eng')).toBe('impact.lot');
  });
});

describe('French "see the doctor" is an appointment', () => {
  it('is not a prescription', () => {
    expect(at('wants', 'je voudrais voir le médecin', 'fra')).toBe('wants.appointment');
  });
});
