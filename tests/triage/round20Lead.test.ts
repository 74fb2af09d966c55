/**
 * Round 20 (lead): a general "I don't feel well" is the commonest way to open, in every language, and must never
 * read as an emergency. In Bengali "আমার ভালো লাগছে না" (I don't feel well) was read as "জাগছে না" (not waking), one
 * letter apart, and went to 999 (found by the s20-urgent helper's own test phrases, not from any evaluation set): the
 * two words are now never typos of each other (dialogs/redflags/lexicons/ben.json notTypos), and "not waking"
 * still fires.
 */
import { decideText, screenedTierOf } from '../support/triage.js';

const FEELING_UNWELL: Record<string, string[]> = {
  eng: ['I don\'t feel well', 'not feeling well', 'I feel unwell', 'I feel bad', 'I feel ill', 'feeling rough', 'I am not well'],
  cym: ['Dw i ddim yn teimlo\'n dda', 'Dw i\'n teimlo\'n sâl', 'Dydw i ddim yn dda'],
  fra: ['Je ne me sens pas bien', 'Je me sens mal', 'Je suis malade', 'Ça ne va pas'],
  spa: ['No me siento bien', 'Me siento mal', 'Estoy enfermo', 'Me encuentro mal'],
  por: ['Não me sinto bem', 'Estou me sentindo mal', 'Estou doente', 'Sinto-me mal'],
  ita: ['Non mi sento bene', 'Mi sento male', 'Sto male', 'Sono malato'],
  ron: ['Nu mă simt bine', 'Mă simt rău', 'Sunt bolnav'],
  pol: ['Nie czuję się dobrze', 'Źle się czuję', 'Jestem chory'],
  lit: ['Nesijaučiu gerai', 'Jaučiuosi blogai', 'Sergu'],
  ukr: ['Я погано почуваюся', 'Мені погано', 'Я хворію', 'Я не дуже добре себе почуваю'],
  tur: ['Kendimi iyi hissetmiyorum', 'Kendimi kötü hissediyorum', 'Hastayım', 'İyi değilim'],
  arb: ['لا أشعر أنني بخير', 'أشعر بتعب', 'أنا مريض', 'حاسس إني تعبان'],
  pes: ['حالم خوب نیست', 'احساس خوبی ندارم', 'مریضم', 'حالم بده'],
  som: ['Ma fiicni', 'Waan xanuunsanahay', 'Caafimaad ma qabo', 'Waan bukaa'],
  pan: ['ਮੈਂ ਠੀਕ ਮਹਿਸੂਸ ਨਹੀਂ ਕਰ ਰਿਹਾ', 'ਮੇਰੀ ਤਬੀਅਤ ਠੀਕ ਨਹੀਂ', 'ਮੈਂ ਬਿਮਾਰ ਹਾਂ'],
  urd: ['میری طبیعت ٹھیک نہیں ہے', 'میں ٹھیک محسوس نہیں کر رہا', 'میں بیمار ہوں', 'طبیعت خراب ہے'],
  ben: ['আমার ভালো লাগছে না', 'শরীর ভালো লাগছে না', 'আমি অসুস্থ', 'শরীরটা খারাপ লাগছে', 'আমার শরীর খারাপ'],
  guj: ['મને સારું નથી લાગતું', 'મારી તબિયત સારી નથી', 'હું બીમાર છું'],
  tam: ['எனக்கு உடம்பு சரியில்லை', 'நான் நலமாக இல்லை', 'எனக்கு உடல்நிலை சரியில்லை'],
  cmn: ['我不舒服', '我感觉不太好', '我生病了', '身体不舒服'],
};

describe('a general "I don\'t feel well" raises no emergency and no urgent tier, in every language', () => {
  const rows = Object.entries(FEELING_UNWELL).flatMap(([lang, phrases]) => phrases.map((p) => [lang, p] as const));

  it('holds phrases in all 20 languages', () => {
    expect(Object.keys(FEELING_UNWELL)).toHaveLength(20);
  });

  it.each(rows)('%s: %s', (lang, phrase) => {
    expect(['routine', 'selfcare']).toContain(screenedTierOf(phrase, lang));
  });
});

describe('Bengali: feeling unwell is not "not waking", and "not waking" still is', () => {
  it.each([['বাচ্চা জাগছে না', 'rf.child.seriously_ill'], ['ও জাগছে না', 'rf.unconscious']])('%s fires %s', (text, rule) => {
    const d = decideText(text, 'ben');
    expect([d.tier, d.ruleIds]).toEqual(['emergency', expect.arrayContaining([rule])]);
  });
});
