import { detectLanguage } from '../../src/lang/detect.js';
import { BUILTIN_CODES } from '../../src/lang/builtin.js';
import { localeToLang } from '../../src/lang/locale.js';
import { BUILTIN_LANGUAGES } from '../../src/lang/builtin.js';
import { shapeOf } from '../../src/lang/text.js';
import { corpusMessages } from './corpus/corpus.js';

const detect = (text: string, current = 'eng', extra: { expectsShortAnswer?: boolean; channelLocale?: string } = {}) =>
  detectLanguage(text, { current, supported: BUILTIN_CODES, ...extra });

describe('detectLanguage: writing system', () => {
  test.each([
    ['pan', 'ਮੇਰੇ ਸਿਰ ਵਿੱਚ ਤਿੰਨ ਦਿਨਾਂ ਤੋਂ ਦਰਦ ਹੈ'],
    ['ben', 'আমার তিন দিন ধরে মাথা ব্যথা করছে'],
    ['guj', 'મને ત્રણ દિવસથી માથું દુખે છે'],
    ['tam', 'எனக்கு மூன்று நாளாக தலை மிகவும் வலிக்கிறது'],
    ['cmn', '我头痛三天了'],
    ['ukr', 'у мене болить голова вже три дні'],
    ['urd', 'مجھے تین دن سے سر میں درد ہے'],
    ['arb', 'عندي ألم في رأسي منذ ثلاثة أيام'],
    ['pes', 'سه روز است که سرم درد می کند'],
  ])('%s by script', (lang, text) => {
    expect(detect(text)).toMatchObject({ lang, confidence: 'high', reason: 'script' });
  });

  test('a few English loanwords do not hide the script ("sick note")', () => {
    expect(detect('ਕੰਮ ਲਈ sick note ਚਾਹੀਦਾ ਹੈ').lang).toBe('pan');
  });

  test('Russian is not supported and is not passed off as Ukrainian', () => {
    expect(detect('у меня болит голова уже три дня').lang).toBeNull();
  });
});

describe('detectLanguage: Latin-script languages', () => {
  test.each([
    ['eng', 'my little boy has a high temperature and wont eat'],
    ['cym', 'mae gen i boen yn fy mhen ers dau ddiwrnod'],
    ['pol', 'mam bol glowy od 3 dni help'],
    ['ron', 'ma doare capul de trei zile si am febra'],
    ['por', 'estou com dor de cabeca ha tres dias'],
    ['spa', 'necesito ver a un medico hoy por favor'],
    ['ita', 'ho mal di testa da tre giorni'],
    ['fra', "j'ai mal a la tete depuis trois jours"],
    ['lit', 'man skauda galva jau tris dienas'],
    ['tur', 'uc gundur basim cok agriyor doktor lazim'],
    ['som', 'madaxa ayaa i xanuunaya saddex maalmood'],
  ])('%s', (lang, text) => {
    expect(detect(text, lang === 'eng' ? 'pol' : 'eng').lang).toBe(lang);
  });

  test('Roman Urdu maps to Urdu at low confidence only', () => {
    expect(detect('mujhe teen din se sar mein dard hai')).toMatchObject({ lang: 'urd', confidence: 'low', reason: 'lexicon', longEnough: true });
  });
});

describe('detectLanguage: gates', () => {
  test.each(['ok', '2', 'tak', 'yes', 'evet', '👍', 'SW1A 1AA', '943 476 5919', '12/03/1985', 'Jan Kowalski', 'Anna Maria Kowalska'])(
    '%s says nothing about language',
    (text) => {
      expect(detect(text, 'pol').lang).toBeNull();
    },
  );

  test('a question expecting a short answer needs a longer message before acting', () => {
    const text = 'boli mnie brzuch od wczoraj';
    expect(detect(text).longEnough).toBe(true);
    expect(detect(text, 'eng', { expectsShortAnswer: true })).toMatchObject({ longEnough: false, confidence: 'low' });
  });

  test('only supported languages are returned', () => {
    const r = detectLanguage('mam bol glowy od 3 dni', { current: 'eng', supported: ['eng', 'spa'] });
    expect(r.lang === null || ['eng', 'spa'].includes(r.lang)).toBe(true);
  });
});

describe('detectLanguage on the corpus (regression guard for bench:lang targets)', () => {
  const byLang = new Map<string, { right: number; total: number }>();
  for (const m of corpusMessages()) {
    if (m.variant || shapeOf(m.text).units < 5) continue;
    const t = byLang.get(m.lang) ?? { right: 0, total: 0 };
    t.total += 1;
    if (detect(m.text, m.lang === 'eng' ? 'pol' : 'eng').lang === m.lang) t.right += 1;
    byLang.set(m.lang, t);
  }
  test('covers all 20 languages', () => expect(byLang.size).toBe(20));
  test.each([...byLang])('%s: at least 95%% of 5+ word messages', (_lang, t) => {
    expect(t.right / t.total).toBeGreaterThanOrEqual(0.95);
  });
});

describe('localeToLang', () => {
  test.each([
    ['pl-PL', 'pol'], ['cy-GB', 'cym'], ['ar-SA', 'arb'], ['en-GB', 'eng'], ['zh-CN', 'cmn'], ['pa-IN', 'pan'],
    ['fa-IR', 'pes'], ['uk-UA', 'ukr'], ['pt_BR', 'por'], ['de-DE', null], ['pa-PK', null], ['', null], [undefined, null],
  ])('%s → %s', (locale, lang) => {
    expect(localeToLang(locale, BUILTIN_LANGUAGES)).toBe(lang);
  });
});
