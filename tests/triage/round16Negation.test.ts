/**
 * Round 16 (s16-negation, H74): a denial placed AFTER the sign, as a mechanism, in the 20 languages.
 * For each language: the post-posed negators (lexicon `negationAfter`, `negationAfterAtEnd`), lists
 * ended by one denial ("X and Y — none", `negationListOr`, `negationListAnd`), a pre-negation that must
 * not reach over "and" + a new verb (`negationStops`), and the emergency phrases whose meaning holds a
 * negator ("powietrza mi brak", "sąmonės nėra", "呼吸都没有"): these must stay 999.
 * Own phrases in patients' voices; the signs are from NHS.uk Chest pain, Shortness of breath and
 * When to call 999 (not breathing, unconscious, struggling to breathe).
 */
import { createTriageEngine, loadTriageContent } from '../../src/triage/index.js';
import { tierOf } from '../support/triage.js';

const engine = createTriageEngine(loadTriageContent('dialogs'));
const readings = (text: string, lang: string, ruleId: string): string[] =>
  engine.explain(text, lang).filter((o) => o.ruleId === ruleId && o.lang === lang).map((o) => o.status);

describe('1. a denial after one sign denies it', () => {
  it.each([
    ['eng', 'chest pain none, just a cough for 3 days', 'cx.chest_pain'],
    ['eng', 'chest pain - none', 'cx.chest_pain'],
    ['spa', 'dolor de pecho no tengo, solo tos', 'cx.chest_pain'],
    ['spa', 'fiebre no tiene, solo mocos', 'cx.fever'],
    ['por', 'dor no peito não tenho', 'cx.chest_pain'],
    ['por', 'febre não tem, só tosse', 'cx.fever'],
    ['ita', "dolore al petto non ce l'ho", 'cx.chest_pain'],
    ['ron', 'durere în piept nu am', 'cx.chest_pain'],
    ['pol', 'gorączki brak, kaszel od tygodnia', 'cx.fever'],
    ['pol', 'bólu w klatce piersiowej nie ma', 'cx.chest_pain'],
    ['pol', 'duszności brak', 'cx.breathless'],
    ['lit', 'temperatūros nėra, tik sloga', 'cx.fever'],
    ['lit', 'skausmo krūtinėje nėra', 'cx.chest_pain'],
    ['ukr', 'температури немає, кашель тиждень', 'cx.fever'],
    ['ukr', 'болю в грудях немає', 'cx.chest_pain'],
    ['tur', 'göğüs ağrım yok', 'cx.chest_pain'],
    ['pes', 'درد قفسه سینه ندارم', 'cx.chest_pain'],
    ['som', 'qandho ma qabo', 'cx.fever'],
    ['pan', 'ਛਾਤੀ ਵਿੱਚ ਦਰਦ ਨਹੀਂ ਹੈ', 'cx.chest_pain'],
    ['urd', 'سینے میں درد نہیں ہے', 'cx.chest_pain'],
    ['ben', 'বুকে ব্যথা নেই', 'cx.chest_pain'],
    ['guj', 'છાતીમાં દુખાવો નથી', 'cx.chest_pain'],
    ['tam', 'நெஞ்சு வலி இல்லை', 'cx.chest_pain'],
    ['cmn', '胸痛没有', 'cx.chest_pain'],
    ['cmn', '发烧也没有', 'cx.fever'],
  ] as const)('%s: %s (%s denied)', (lang, text, id) => {
    const r = readings(text, lang, id);
    expect(r.length).toBeGreaterThan(0);
    expect(r.every((s) => s === 'negated')).toBe(true);
  });
});

describe('2. a denial after a list denies every item (not 999)', () => {
  it.each([
    ['cym', 'dim poen yn y frest na diffyg anadl'],
    ['fra', "pas de douleur thoracique ni d'essoufflement"],
    ['fra', 'ni douleur dans la poitrine, ni essoufflement'],
    ['spa', 'no tengo dolor en el pecho ni falta de aire'],
    ['por', 'sem dor no peito nem falta de ar'],
    ['ita', 'niente dolore al petto né fiato corto'],
    ['ron', 'fără durere în piept și fără sufocare'],
    ['pol', 'duszności ani bólu w klatce nie ma'],
    ['lit', 'nei skausmo krūtinėje, nei dusulio nėra'],
    ['ukr', 'ні болю в грудях, ні задишки немає'],
    ['arb', 'لا ألم في الصدر ولا ضيق في التنفس'],
    ['urd', 'سینے میں درد یا سانس کی تکلیف نہیں ہے'],
    ['ben', 'বুকে ব্যথা বা শ্বাসকষ্ট নেই'],
    ['guj', 'છાતીમાં દુખાવો અથવા શ્વાસની તકલીફ નથી'],
    ['tam', 'நெஞ்சு வலி அல்லது மூச்சு திணறல் இல்லை'],
    ['cmn', '胸痛和气短都没有'],
  ] as const)('%s: %s', (lang, text) => {
    expect(tierOf(text, lang)).not.toBe('emergency');
  });
  it.each([
    ['som', 'qandho iyo matag ma qabo', ['cx.fever', 'cx.vomited']],
    ['som', 'ilmaha matag iyo qandho ma qabo', ['cx.vomited', 'cx.fever']],
    ['cmn', '胸痛和气短都没有', ['cx.chest_pain']],
  ] as const)('%s: %s (each item denied)', (lang, text, ids) => {
    for (const id of ids) expect(readings(text, lang, id).every((s) => s === 'negated')).toBe(true);
  });
  it.each([
    // Only noun-joining "and" words (Somali iyo, Chinese 和): Turkish "ve" and Persian "و" also join
    // clauses ("nefes alamıyorum ve ateşim yok": I cannot breathe and have no fever), so they keep it.
    ['tur', 'nefes darlığım var ve göğüs ağrısı yok'],
    ['tur', 'nefes alamıyorum ve ateşim yok'],
    ['pes', 'تنگی نفس شدید دارم و درد قفسه سینه ندارم'],
    ['som', 'ma neefsan karo iyo qandho ma qabo'],
    ['pes', 'نفسم بالا نمیاد و تب ندارم'],
    ['cmn', '他喘不过气，发烧和咳嗽都没有'],
  ] as const)('%s: %s keeps the emergency', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
});

describe('2b. Chinese: "breathing is not X" is no sign, only "not even breathing" is', () => {
  it.each([
    ['cmn', '孩子咳嗽两天，呼吸没有很吃力'],
    ['cmn', '鼻子不通气，呼吸没问题'],
    ['cmn', '头有点晕，意识没有模糊'],
  ] as const)('%s: %s is not 999', (lang, text) => {
    expect(tierOf(text, lang)).not.toBe('emergency');
  });
});

describe('3. a denial before a sign stops at "and" + a new verb', () => {
  it.each([
    ['spa', 'sin fiebre y vomitando todo'],
    ['spa', 'no tengo fiebre y vomito todo lo que como'],
    ['por', 'sem febre e a vomitar tudo'],
    ['ita', 'senza febbre e vomita tutto'],
  ] as const)('%s: %s (vomiting present)', (lang, text) => {
    expect(readings(text, lang, 'cx.vomited')).toContain('present');
    expect(readings(text, lang, 'cx.fever').every((s) => s === 'negated')).toBe(true);
  });
  it.each([
    ['spa', 'sin dolor en el pecho y con dificultad para respirar'],
    ['spa', 'no tiene fiebre y está sin respirar bien, tiene los labios azules'],
  ] as const)('%s: %s stays 999', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
});

describe('4. emergency phrases that hold a negator stay 999', () => {
  it.each([
    ['eng', "I can't get my breath"],
    ['eng', "he's not breathing"],
    ['eng', "she won't wake up"],
    ['cym', 'dydy o ddim yn anadlu'],
    ['cym', 'methu anadlu'],
    ['fra', 'il ne respire plus'],
    ['fra', "je n'arrive pas à respirer"],
    ['fra', 'elle ne se réveille pas'],
    ['spa', 'no puedo respirar'],
    ['spa', 'me falta el aire'],
    ['spa', 'no tengo aire'],
    ['spa', 'aire no tengo, me ahogo'],
    ['spa', 'no se despierta'],
    ['por', 'não consigo respirar'],
    ['por', 'não tenho ar'],
    ['por', 'ar não tenho'],
    ['por', 'não acorda'],
    ['ita', 'non riesco a respirare'],
    ['ita', "mi manca l'aria"],
    ['ita', "aria non ce n'è"],
    ['ita', 'non si sveglia'],
    ['ron', 'nu pot respira'],
    ['ron', 'nu am aer'],
    ['ron', 'aer nu am'],
    ['ron', 'îmi lipsește aerul'],
    ['pol', 'powietrza mi brak'],
    ['pol', 'brak mi tchu'],
    ['pol', 'nie mogę złapać tchu'],
    ['pol', 'przytomności brak, leży'],
    ['pol', 'brak przytomności'],
    ['pol', 'kontaktu z nim nie ma'],
    ['pol', 'nie oddycha'],
    ['lit', 'trūksta oro'],
    ['lit', 'oro trūksta'],
    ['lit', 'sąmonės nėra'],
    ['lit', 'kvėpavimo nėra'],
    ['lit', 'negaliu kvėpuoti'],
    ['ukr', 'не вистачає повітря'],
    ['ukr', 'повітря не вистачає'],
    ['ukr', 'свідомості немає'],
    ['ukr', 'дихання немає'],
    ['ukr', 'не дихає'],
    ['tur', 'nefes alamıyorum'],
    ['tur', 'nefesim yetmiyor'],
    ['tur', 'bilinci yok'],
    ['arb', 'لا أستطيع التنفس'],
    ['arb', 'لا يتنفس'],
    ['arb', 'لا يستجيب'],
    ['pes', 'نمی تونم نفس بکشم'],
    ['pes', 'نفس نمی کشد'],
    ['som', 'ma neefsan karo'],
    ['som', 'ma neefsanayo'],
    ['pan', 'ਸਾਹ ਨਹੀਂ ਆ ਰਿਹਾ'],
    ['pan', 'ਹੋਸ਼ ਨਹੀਂ'],
    ['urd', 'سانس نہیں آ رہی'],
    ['urd', 'سانس نہیں لے رہا'],
    ['ben', 'শ্বাস নিতে পারছি না'],
    ['ben', 'জ্ঞান নেই'],
    ['guj', 'શ્વાસ લઈ શકતો નથી'],
    ['tam', 'மூச்சு விட முடியவில்லை'],
    ['tam', 'சுயநினைவு இல்லை'],
    ['cmn', '喘不过气'],
    ['cmn', '没有呼吸'],
    ['cmn', '他连呼吸都没有'],
    ['cmn', '叫他没反应，连意识都没有'],
  ] as const)('%s: %s', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
});
