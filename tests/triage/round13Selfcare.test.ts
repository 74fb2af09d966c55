/**
 * Self-care recognised for the common Pharmacy First and NHS.uk self-care conditions (round 13, issue 15
 * item 4, hazard H62): the conditions' words where a language lacked them, sinusitis told by its NHS.uk
 * signs in all 20 languages, denials the lexicons missed (Chinese, Persian, Bengali, Welsh with an English
 * word, Romanian "n-am"), and stray words that raised a context (stress or a sleepless night told with a
 * cold sore, threadworms or heartburn; a Persian cold read as a knock to the head; Somali "wali", still,
 * read as "waali", mad; Portuguese "confesso" as "confuso"; a school letter about head lice as an admin
 * request). What must not go to the pharmacy still wins. Engine only, sentences written from the NHS.uk
 * pages, never from a test set's cases.
 */
import type { Tier } from '../../src/domain/types.js';
import { decideText, tierOf } from '../support/triage.js';

type Row = readonly [lang: string, ageYears: number | null, tier: Tier, text: string];

const check = (rows: Row[]) =>
  it.each(rows)('%s (age %s): %s: %s', (lang, age, tier, text) => {
    expect(tierOf(text, lang, age ?? undefined)).toBe(tier);
  });

describe('sinusitis told by its NHS.uk signs in every language: a blocked nose with pain or pressure in the face', () => {
  const rows: Row[] = [
    ['eng', 30, 'selfcare', 'my nose is blocked and there is pressure in my cheeks'],
    ['cym', 30, 'selfcare', 'mae fy nhrwyn wedi blocio ac mae poen yn fy mochau'],
    ['pol', 30, 'selfcare', 'mam zatkany nos i ucisk w policzkach'],
    ['ron', 30, 'selfcare', 'am nasul înfundat și mă dor obrajii'],
    ['por', 30, 'selfcare', 'tenho o nariz entupido e dor nas bochechas'],
    ['spa', 30, 'selfcare', 'tengo la nariz tapada y presión en la cara'],
    ['ita', 30, 'selfcare', 'ho il naso chiuso e dolore alle guance'],
    ['fra', 30, 'selfcare', "j'ai le nez bouché et une douleur aux joues"],
    ['lit', 30, 'selfcare', 'užsikimšusi nosis ir skauda skruostus'],
    ['tur', 30, 'selfcare', 'burnum tıkalı ve yanaklarımda ağrı var'],
    ['ukr', 30, 'selfcare', 'закладений ніс і біль у щоках'],
    ['arb', 30, 'selfcare', 'أنفي مسدود وعندي ألم في الخدود'],
    ['pes', 30, 'selfcare', 'بینیم کیپه و درد گونه دارم'],
    ['urd', 30, 'selfcare', 'ناک بند ہے اور گالوں میں درد ہے'],
    ['pan', 30, 'selfcare', 'ਨੱਕ ਬੰਦ ਹੈ ਤੇ ਗੱਲ੍ਹਾਂ ਵਿੱਚ ਦਰਦ ਹੈ'],
    ['ben', 30, 'selfcare', 'নাক বন্ধ আর গালে চাপ'],
    ['guj', 30, 'selfcare', 'નાક બંધ છે અને ગાલમાં દુખાવો છે'],
    ['tam', 30, 'selfcare', 'மூக்கு அடைப்பு, கன்னத்தில் வலி'],
    ['cmn', 30, 'selfcare', '鼻塞，脸颊疼'],
    ['som', 30, 'selfcare', 'sanka ayaa xiran, dhabanada xanuun'],
  ];
  it.each(rows)('%s: %s', (lang, age, tier, text) => {
    const d = decideText(text, lang, age ?? undefined);
    expect(d.tier).toBe(tier);
    expect(d.ruleIds).toContain('pf.sinusitis.signs');
  });

  it('face pressure worse when bending forward is sinusitis too (eng, ben)', () => {
    expect(decideText('pressure in my forehead, worse when i bend down', 'eng', 30).ruleIds).toContain('pf.sinusitis.signs');
    expect(decideText('কপালে চাপ, মাথা নিচু করলে বাড়ে', 'ben', 30).ruleIds).toContain('pf.sinusitis.signs');
  });

  describe('what must not go to the pharmacy still wins', () => {
    check([
      // NHS.uk Sinusitis: A&E for swelling round the eyes.
      ['eng', 30, 'emergency', 'my nose is blocked and my cheeks hurt, my eyes are swollen'],
      ['ben', 30, 'emergency', 'নাক বন্ধ, গালে চাপ, চোখ ফোলা'],
      ['cmn', 30, 'emergency', '鼻塞，脸颊疼，眼睛肿了'],
      // Pharmacy First sinusitis is for 12 and over.
      ['eng', 8, 'routine', 'my nose is blocked and there is pressure in my cheeks'],
    ]);
  });

  describe('eyes that are not swollen are read as denied', () => {
    check([
      ['ben', 30, 'selfcare', 'নাক বন্ধ, গালে চাপ, চোখ ফোলা না'],
      ['cmn', 30, 'selfcare', '鼻塞，脸颊疼，眼睛不肿'],
      ['ron', 30, 'selfcare', 'am nasul înfundat, mă dor obrajii, n-am umflat la ochi'],
    ]);
  });
});

describe('condition words a language lacked', () => {
  check([
    ['som', 30, 'selfcare', 'kaneeco ayaa gacanta iga qaniinay, way cuncuntaa'],
    ['som', 30, 'selfcare', 'waxaan ku jiray qorraxda, dhabarka way guduudan yihiin'],
    ['som', 30, 'selfcare', 'isha kore baro yar ayaa ka soo baxay'],
    ['tam', 30, 'selfcare', 'கால் விரல்களுக்கு நடுவுல அரிப்பு, தோல் உரியுது'],
    ['lit', 30, 'selfcare', 'pasisukau kulkšnį, šiek tiek tinsta'],
    ['pol', 6, 'selfcare', 'syn ma ospę, swędzi go'],
    ['cym', 30, 'selfcare', "mae'r croen rhwng bodia nhraed yn cosi ac yn plicio"],
    ['cym', 30, 'selfcare', 'nes i losgi fy llaw ar y tegell, dim pothell'],
    ['pes', 30, 'selfcare', 'دیروز کنار ساحل بودم و ضدآفتاب نزدم، پوستم قرمزه و میسوزه'],
    ['pan', 30, 'selfcare', 'ਕਿਸੇ ਕੀੜੇ ਨੇ ਲੜ ਲਿਆ, ਖਾਰਸ਼ ਹੁੰਦੀ'],
    ['ben', 30, 'selfcare', 'পোকায় কামড়েছে, চুলকায়'],
    ['ben', 30, 'selfcare', 'খাওয়ার পর বুকে জ্বালাপোড়া, গলায় টক পানি আসে'],
    ['tur', 30, 'selfcare', 'yemekten sonra midemden boğazıma doğru yanma oluyor'],
    ['por', 30, 'selfcare', 'depois de comer sinto um ardor a subir para a garganta'],
    ['som', 30, 'selfcare', 'saxaro ma aanan galin shan maalmood'],
    ['urd', 30, 'selfcare', 'تین دن سے پاخانہ نہیں ہوا'],
    ['spa', 30, 'selfcare', 'llevo cuatro días sin ir al baño'],
    ['arb', 30, 'selfcare', 'من ثلاث أيام ما رحت الحمام'],
    ['arb', 30, 'selfcare', 'طلعت لي حبة حرارة على الشفة'],
    ['guj', 30, 'selfcare', 'પેશાબ કરતી વખતે બળે છે અને વારંવાર પેશાબ જવું પડે છે'],
    ['cym', 6, 'selfcare', 'mae clust Twm yn brifo ers neithiwr'],
  ]);
});

describe('stress or a sleepless night told with a cold sore, threadworms or heartburn is not a mental-health context', () => {
  check([
    ['ita', 30, 'selfcare', 'ho un herpes sul labbro, mi viene sempre quando sono stressata'],
    ['spa', 30, 'selfcare', 'me sale un herpes en el labio siempre que estoy estresada'],
    ['guj', 6, 'selfcare', 'દીકરાને રાત્રે પાછળ ખંજવાળ આવે છે, ઊંઘ નથી આવતી, નાના સફેદ કૃમિ દેખાયા'],
    // Low mood on its own is still routine, and a risk to life still wins over a cold sore.
    ['eng', 30, 'routine', "I've been feeling really low and stressed for weeks"],
    ['eng', 30, 'emergency', 'I have a cold sore and I want to kill myself'],
  ]);
});

describe('stray words that raised a context', () => {
  check([
    // Persian "sarma khordam" (I caught a cold) is not a knock to the head; a real one still is.
    ['pes', 30, 'selfcare', 'سرما خوردم و پیشونیم درد میکنه'],
    ['pes', 30, 'urgent', 'سرم خورد به دیوار'],
    // Somali "wali" (still) is not "waali" (mad); confusion words still are.
    ['som', 30, 'selfcare', 'dhegta wali way xanuunaysaa'],
    ['som', 30, 'emergency', 'wuu wareersan yahay'],
    // Portuguese "confesso" (I confess) is not "confuso".
    ['por', 30, 'selfcare', 'confesso que bebo muito café, tenho azia'],
    ['por', 30, 'emergency', 'o meu pai está confuso'],
    // A school letter about head lice is the lice, not an admin request; asking for a letter still is.
    ['arb', 7, 'selfcare', 'المدرسة بعتت رسالة عن القمل، شفت قمل براس بنتي'],
    ['eng', 30, 'routine', 'I need a letter for work'],
  ]);
});

describe('denials the lexicons missed', () => {
  check([
    // Cystitis in a woman: Chinese "no fever, not pregnant", Persian "my back does not hurt".
    ['cmn', 30, 'selfcare', '尿频尿急，小便灼痛，不发烧，没怀孕'],
    ['cmn', 30, 'urgent', '尿频尿急，小便灼痛，发烧'],
    ['pes', 30, 'selfcare', 'موقع ادرار میسوزه، کمرم درد نمیکنه'],
    ['pes', 30, 'urgent', 'موقع ادرار میسوزه و کمرم درد میکنه'],
    // An insect bite: Welsh "dim" denies the English word "temperature" typed inside Welsh.
    ['cym', 30, 'selfcare', 'cael fy mrathu gan bryfyn, yn cosi, dim temperature'],
    ['cym', 30, 'urgent', 'cael fy mrathu gan bryfyn, mae gen i temperature uchel'],
  ]);
});
