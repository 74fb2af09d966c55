/**
 * Round 19 (s19-clean, H83): false 999s by class, found on the opened fourteenth set (2026-12n) and fixed with
 * our own phrases, never only the cases' words. Each class keeps the emergencies beside it: a heart attack
 * happening now, a bleed that will not stop, a child who swallowed tablets, a painful testicle, a person who
 * cannot pee, a pregnancy with tummy pain. Sources: NHS.uk Heart attack, Shortness of breath, Heat exhaustion,
 * Lyme disease, Bruises, Cuts and grazes, Non-melanoma skin cancer, Amlodipine (What if I take too much?),
 * Undescended testicles, Urinary catheters, Ectopic pregnancy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTriageEngine, loadTriageContent } from '../../src/triage/index.js';
import { decideText, screenedTierOf, tierOf } from '../support/triage.js';

const engine = createTriageEngine(loadTriageContent('dialogs'));
const hits = (text: string, lang: string): string[] => engine.screen(text, lang).hits.map((h) => h.ruleId);

describe('1. a relative\'s heart attack or stroke told as history is not 999', () => {
  it.each([
    ['eng', 'My mum had a heart attack at 58, should I get my cholesterol checked?'],
    ['eng', 'Grandad died of a heart attack, can I have a health check?'],
    ['fra', 'Mon père a fait un infarctus à 55 ans, dois-je prendre des statines ?'],
    ['spa', 'Mi padre murió de un infarto, quiero revisar mi colesterol'],
    ['pol', 'Mój tata miał zawał w wieku 50 lat, chcę zbadać cholesterol'],
    ['tur', 'Annem 65 yaşında felç geçirdi, tansiyonumu ölçtürmek istiyorum'],
    ['urd', 'میرے والد کو 55 سال کی عمر میں دل کا دورہ پڑا تھا، کیا مجھے کولیسٹرول چیک کروانا چاہیے؟'],
  ] as const)('%s: %s', (lang, text) => {
    expect(screenedTierOf(text, lang)).not.toBe('emergency');
  });
  it.each([
    ['eng', 'My dad is having a heart attack right now'],
    ['tur', 'Babam şu an kalp krizi geçiriyor'],
    ['ron', 'Am dureri în piept și transpir'],
  ] as const)('stays 999: %s: %s', (lang, text) => {
    expect(screenedTierOf(text, lang)).toBe('emergency');
  });
});

describe('2. breathing told as fine, a denial the lexicon missed, is not 999', () => {
  it.each([
    ['eng', 'Cough for a week, no problem breathing'],
    ['tur', 'Üç gündür öksürüğüm var, nefes almakta sorun yok'],
    ['ron', 'N-am febră și n-am dureri în piept, doar tuse'],
  ] as const)('%s: %s', (lang, text) => {
    expect(screenedTierOf(text, lang)).not.toBe('emergency');
  });
  it.each([
    ['tur', 'Nefes alamıyorum, dudaklarım morardı'],
    ['ron', 'N-are aer, se sufocă'],
    ['urd', 'بچہ نیلا ہو گیا ہے اور سانس نہیں لے رہا'],
  ] as const)('stays 999: %s: %s', (lang, text) => {
    expect(screenedTierOf(text, lang)).toBe('emergency');
  });
});

describe('3. words read as another sign in one language', () => {
  it.each([
    ['lit', 'Po bėgimo išgėriau daug vandens ir dabar viskas gerai', 'rf.poisoning'],
    ['eng', 'Ran in the heat, drank lots of water, fine now', 'rf.poisoning'],
    ['som', 'Finan guduud ah oo wareeg u eg ayaa ka soo baxay lugta', 'rf.meningitis'],
    ['eng', 'A tick bit me and now there is a red ring shaped rash', 'rf.meningitis'],
    ['urd', 'آپریشن کے بعد جگہ نیلی پیلی ہو گئی ہے', 'rf.breathing.severe'],
    ['tur', 'Dedem masaya çarptı, deri yırtıldı, kanama durdu', 'rf.burn.severe'],
    ['eng', 'A mole on my back that sometimes bleeds', 'rf.bleeding.heavy'],
    ['pes', 'یک خال روی دستم دارم که گاهی خون می‌آید', 'rf.bleeding.heavy'],
    ['som', 'Xabadkayga way ciriiri tahay marka aan socdo', 'rf.chest_pain.cardiac'],
  ] as const)('%s: %s (no %s)', (lang, text, ruleId) => {
    expect(hits(text, lang)).not.toContain(ruleId);
    expect(screenedTierOf(text, lang)).not.toBe('emergency');
  });
  it('Somali "wareegsan" (round) is no typo of "wareersan" (confused)', () => {
    expect(hits('finan guduud ah ayaa ku wareegsan', 'som')).not.toContain('rf.confusion.new');
  });
  it('Urdu "منہ" as the opening of the vagina is no face gone to one side; a crooked mouth stays 999', () => {
    expect(hits('شرمگاہ کے منہ پر ایک طرف گلٹی ہے', 'urd')).not.toContain('rf.stroke.fast');
    expect(screenedTierOf('ابو کا منہ ایک طرف ٹیڑھا ہو گیا ہے اور بازو کمزور ہے', 'urd')).toBe('emergency');
  });
  it.each([
    ['lit', 'Vaikas išgėrė daug tablečių'],
    ['pes', 'خون بند نمی‌آید و خیلی خون می‌آید'],
    ['som', 'Xabadkayga ciriiri ayuu noqday hadda, dhidid badan ayaan qabaa'],
    ['cym', "Mae fy mrest yn dynn ac rwy'n chwysu"],
  ] as const)('stays 999: %s: %s', (lang, text) => {
    expect(screenedTierOf(text, lang)).toBe('emergency');
  });
});

describe('3b. what the false alarm hid is still read at its own tier', () => {
  it.each([
    ['tur', 'Babaannemin bacağında deri yırtıldı, kanama durdu', 'urgent'],
    ['eng', 'Gran caught her arm on the door and has a skin flap, the bleeding has stopped', 'urgent'],
    ['eng', 'A tick bit me last week and now there is a red ring shaped rash', 'routine'],
    ['urd', 'شرمگاہ کے منہ پر گلٹی ہے جو بہت درد کرتی ہے اور بخار ہے', 'urgent'],
    ['eng', 'I have a painful lump near my vagina and feel hot', 'urgent'],
    ['ron', 'Tușesc de o săptămână și în flegmă am văzut firișoare de sânge', 'urgent'],
  ] as const)('%s: %s (%s)', (lang, text, tier) => {
    expect(screenedTierOf(text, lang)).toBe(tier);
  });
  it('athlete\'s foot with cracked skin is no skin tear', () => {
    expect(hits('পায়ের আঙুলের ফাঁকে চামড়া ফেটে গেছে, চুলকায়', 'ben')).not.toContain('rf.ff19.skin_tear');
  });
});

describe('4. one extra tablet by mistake is 111, not A&E; an overdose stays A&E', () => {
  const answered = (text: string, lang: string, ageYears?: number) =>
    engine.decide({
      need: 'need.new',
      texts: [{ text, lang }],
      answers: { 'q.general.took': 'yes' },
      presentRuleIds: [],
      deniedRuleIds: [],
      ...(ageYears === undefined ? {} : { ageYears }),
    } as Parameters<typeof engine.decide>[0]);
  it.each([
    ['eng', 'I took an extra tablet by mistake this morning, I feel fine'],
    ['spa', 'Me tomé una pastilla de más sin querer, estoy bien'],
    ['pes', 'اشتباهی یک قرص اضافه خوردم'],
  ] as const)('%s: %s', (lang, text) => {
    const out = answered(text, lang, 60);
    expect(out.tier).toBe('urgent');
    expect(out.ruleIds).toContain('rf.ff19.one_extra');
  });
  it('a child who took one extra tablet stays A&E', () => {
    expect(answered('My son took an extra tablet by mistake', 'eng', 4).tier).toBe('emergency');
  });
  it('a yes without one extra tablet stays A&E', () => {
    expect(answered('I took my tablets', 'eng', 60).tier).toBe('emergency');
  });
});

describe('5. a testicle that has not come down, painless, is not A&E; pain stays A&E', () => {
  it.each([
    ['spa', 'Mi bebé de 4 meses tiene un testículo no descendido, no le duele'],
    ['eng', "My 6 month old son's testicle has not come down, he is happy and it doesn't hurt"],
  ] as const)('%s: %s', (lang, text) => {
    expect(hits(text, lang)).not.toContain('rf.testicle.young');
  });
  it('a sudden testicle pain in a boy stays A&E', () => {
    expect(tierOf('Mi hijo de 10 años tiene dolor fuerte en un testículo de repente', 'spa')).toBe('emergency');
  });
});

describe('6. a catheter that stops draining is 111 now, not A&E; someone who cannot pee stays A&E', () => {
  it('a catheter with no urine in the bag is urgent', () => {
    const out = decideText('அப்பாவுக்கு கத்தீட்டர் இருக்கிறது, மூன்று மணி நேரமாக பையில் சிறுநீர் வரவில்லை', 'tam');
    expect(out.tier).toBe('urgent');
  });
  it('cannot pee at all without a catheter stays A&E', () => {
    expect(tierOf("I can't pee at all since this morning and my tummy is swollen")).toBe('emergency');
  });
});

describe('7. pregnancy: one-sided pain is asked apart and is urgent (NHS.uk Ectopic pregnancy)', () => {
  const preg = JSON.parse(readFileSync(join('dialogs', 'complaints', 'pregnancy.json'), 'utf8')) as {
    questions: { id: string; effects: { yes: { raise: string[] } } }[];
  };
  it('the one-sided pain question raises an urgent rule; the first question still raises 999', () => {
    const q = (id: string) => preg.questions.find((x) => x.id === id);
    expect(q('q.ff19.preg.one_side')?.effects.yes.raise).toEqual(['rf.ff19.preg.one_side']);
    expect(q('q.preg.bleed_pain')?.effects.yes.raise).toEqual(['rf.pregnancy.bleed_pain']);
    expect(engine.rule('rf.ff19.preg.one_side')?.tier).toBe('urgent');
  });
  it('every language asks the first question about shoulder-tip pain and has the new question', () => {
    for (const lang of ['en', 'cy', 'fr', 'es', 'pt', 'it', 'ro', 'pl', 'lt', 'uk', 'tr', 'ar', 'fa', 'so', 'pa-Guru', 'ur', 'bn', 'gu', 'ta', 'zh-Hans']) {
      const triage = JSON.parse(readFileSync(join('locales', lang, 'triage.json'), 'utf8')) as { triage: { clean19?: { preg_one_side?: string } } };
      expect(triage.triage.clean19?.preg_one_side?.length ?? 0).toBeGreaterThan(10);
    }
  });
  it('Bengali denied bleeding in pregnancy is not read as bleeding', () => {
    expect(hits('আমি গর্ভবতী, কোনো রক্ত যাচ্ছে না', 'ben')).not.toContain('cx.vbleed');
  });
  it('"could you be pregnant?" with a known pregnancy and heartburn is not A&E; with tummy pain it is', () => {
    const withAnswer = (text: string, lang: string) =>
      engine.decide({ need: 'need.new', texts: [{ text, lang }], answers: { 'q.abdo.pregnant': 'yes' }, presentRuleIds: [], deniedRuleIds: [] } as Parameters<typeof engine.decide>[0]);
    expect(withAnswer("I'm 30 weeks pregnant and have heartburn after meals", 'eng').ruleIds).not.toContain('rf.pregnancy');
    expect(withAnswer("I'm 30 weeks pregnant and have tummy pain", 'eng').tier).toBe('emergency');
    expect(withAnswer('Please can someone help me with this problem', 'eng').ruleIds).toContain('rf.pregnancy');
  });
});
