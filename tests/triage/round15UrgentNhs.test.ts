import { readFileSync } from 'node:fs';
import { itHasWordsInEveryLanguage, LANGS } from '../support/markerRules.js';
import { decideText, tierOf } from '../support/triage.js';

/**
 * Round 15 (helper "s15-urgent2", hazard H72): urgent signs from the NHS.uk "ask for an urgent GP
 * appointment or get help from NHS 111" lists that had no rule (dialogs/redflags/urgent_nhs.json):
 * blood in pee, jaundice, sudden hearing loss, sudden floaters or flashes, a one-sided face palsy,
 * mastitis, smelly discharge or an infected wound after the birth, an infected wound, dehydration,
 * a swollen face from a tooth, PID, quinsy and a hot joint (Chinese also told as one word, 血尿, 眼白发黄). Phrases written here in patients' voices
 * from the NHS pages, not from any test set.
 */
const rulesOf = (text: string, lang: string, age?: number): string[] => decideText(text, lang, age).ruleIds;

interface Rule { id: string; triggers?: Record<string, string[]> }
const file = JSON.parse(readFileSync('dialogs/redflags/urgent_nhs.json', 'utf8')) as { rules: Rule[] };
const words = (id: string, lang: string): string[] => file.rules.find((r) => r.id === id)?.triggers?.[lang] ?? [];
const last = (id: string, lang: string): string => words(id, lang)[words(id, lang).length - 1] as string;
const first = (id: string, lang: string): string => words(id, lang)[0] as string;

describe('round 15: every NHS urgent marker has words in all 20 languages (H72)', () => {
  itHasWordsInEveryLanguage(file.rules.filter((r) => r.id.startsWith('cx.')));
});

describe('round 15: the combinations raise their urgent rule in every language (H72)', () => {
  it.each(LANGS)('%s: blood with pee, yellow with skin or eyes, floaters with flashes, a breast with fever', (lang) => {
    expect(rulesOf(`${first('cx.nhs.blood', lang)} ${first('cx.nhs.urine', lang)}`, lang)).toContain('rf.nhs.haematuria');
    expect(rulesOf(`${first('cx.nhs.skin_eyes', lang)} ${first('cx.nhs.yellow', lang)}`, lang)).toContain('rf.nhs.jaundice');
    expect(rulesOf(`${first('cx.nhs.floaters', lang)}. ${first('cx.nhs.flashes', lang)}.`, lang)).toContain('rf.nhs.floaters_flashes');
    expect(rulesOf(`${first('cx.nhs.sudden', lang)}. ${last('cx.nhs.hearing', lang)}.`, lang)).toContain('rf.nhs.hearing_sudden');
    expect(rulesOf(`${first('cx.nhs.postnatal', lang)}. ${last('cx.nhs.smelly', lang)}.`, lang)).toContain('rf.nhs.postnatal');
  });
});

/** [language, expected rule, patient's own words]: several voices (self, relative, text-speak, formal). */
const URGENT: [string, string, string][] = [
  ['eng', 'rf.nhs.haematuria', 'theres blood in my pee since this morning, no pain'],
  ['eng', 'rf.nhs.haematuria', 'My husband noticed blood in his urine twice today.'],
  ['eng', 'rf.nhs.jaundice', 'the whites of my eyes have gone yellow'],
  ['eng', 'rf.nhs.jaundice', 'my dad looks yellow, his skin has gone yellow this week'],
  ['eng', 'rf.nhs.hearing_sudden', 'woke up and cant hear out of my left ear at all'],
  ['eng', 'rf.nhs.floaters_flashes', 'I suddenly have loads of floaters and flashes of light in my right eye'],
  ['eng', 'rf.nhs.face_palsy', 'half my face wont move, I cant close my eye'],
  ['eng', 'rf.nhs.mastitis', 'breastfeeding, my breast is red and sore and I have a temperature'],
  ['eng', 'rf.nhs.postnatal', 'I had my baby 10 days ago and the discharge smells bad'],
  ['eng', 'rf.nhs.postnatal', 'my c-section wound is red and there is pus coming out'],
  ['eng', 'rf.nhs.wound_infected', 'the cut on my hand is red and swollen with pus in it'],
  ['eng', 'rf.nhs.dehydration', 'been vomiting all day, hardly peeing and what comes out is dark'],
  ['eng', 'rf.nhs.dental_swelling', 'toothache and my cheek and jaw are swelling up'],
  ['eng', 'rf.nhs.pid', 'pain low in my tummy and pain during sex, bit of a temperature'],
  ['eng', 'rf.nhs.quinsy', 'tonsillitis and now I cant open my mouth properly'],
  ['eng', 'rf.nhs.hot_joint', 'my big toe joint is swollen, red and hot'],
  ['cym', 'rf.nhs.haematuria', 'mae gwaed yn fy wrin'],
  ['fra', 'rf.nhs.haematuria', "il y a du sang dans mes urines depuis hier"],
  ['fra', 'rf.nhs.dehydration', "je vomis depuis hier, urine très foncée et j'ai la tête qui tourne"],
  ['spa', 'rf.nhs.jaundice', 'tengo los ojos amarillos y la piel también'],
  ['por', 'rf.nhs.jaundice', 'minha mãe está com a pele amarela'],
  ['ita', 'rf.nhs.hearing_sudden', "all'improvviso non sento più da un orecchio"],
  ['ron', 'rf.nhs.haematuria', 'am sânge în urină de ieri'],
  ['pol', 'rf.nhs.haematuria', 'mam krew w moczu od wczoraj'],
  ['lit', 'rf.nhs.haematuria', 'šlapime yra kraujo'],
  ['ukr', 'rf.nhs.floaters_flashes', "раптово з'явились мушки перед очима і спалахи"],
  ['tur', 'rf.nhs.hearing_sudden', 'dün aniden sağ kulağım duymuyor'],
  ['arb', 'rf.nhs.postnatal', 'ولدت قبل أسبوعين. عندي إفرازات رائحتها كريهة'],
  ['pes', 'rf.nhs.jaundice', 'سفیدی چشمام زرد شده'],
  ['som', 'rf.nhs.haematuria', 'kaadida dhiig baa ku jira'],
  ['pan', 'rf.nhs.haematuria', 'ਮੇਰੇ ਪਿਸ਼ਾਬ ਵਿੱਚ ਖੂਨ ਆ ਰਿਹਾ ਹੈ'],
  ['urd', 'rf.nhs.dental_swelling', 'دانت میں درد ہے اور گال سوجا ہوا ہے'],
  ['ben', 'rf.nhs.haematuria', 'প্রস্রাবে রক্ত যাচ্ছে'],
  ['guj', 'rf.nhs.haematuria', 'પેશાબમાં લોહી આવે છે'],
  ['tam', 'rf.nhs.haematuria', 'சிறுநீரில் இரத்தம் வருகிறது'],
  ['cmn', 'rf.nhs.face_palsy', '我爸爸半边脸动不了，闭不上眼'],
  ['cmn', 'rf.nhs.haematuria', '今天发现尿里有血'],
];

describe('round 15: patients telling an NHS urgent sign are urgent (H72)', () => {
  it.each(URGENT)('%s %s: %s', (lang, rule, text) => {
    expect(rulesOf(text, lang, 40)).toContain(rule);
    expect(decideText(text, lang, 40).tier).toBe('urgent');
  });
});

describe('round 15: dehydration is read for adults only, a hot joint not from a bite or a sprain (H72)', () => {
  it('leaves a child with diarrhoea who pees normally and a sprained or bitten ankle alone', () => {
    expect(rulesOf('been vomiting all day, hardly peeing and what comes out is dark', 'eng', 2)).not.toContain('rf.nhs.dehydration');
    expect(rulesOf('twisted my ankle yesterday, it is swollen and warm', 'eng', 30)).not.toContain('rf.nhs.hot_joint');
    expect(rulesOf('a mosquito bite on my ankle is swollen and hot', 'eng', 30)).not.toContain('rf.nhs.hot_joint');
  });
});

/** Past, denied, long-standing or a relative's history: must not raise. */
const ROUTINE: [string, string][] = [
  ['eng', "I've been a bit deaf for years, can I get a hearing test"],
  ['eng', 'no blood in my pee, just want a check'],
  ['eng', 'my grandad had blood in his urine years ago'],
  ['eng', 'floaters for years, no flashes, no change'],
  ['eng', 'I had jaundice as a baby'],
  ['eng', 'I had my baby 3 months ago and want to talk about contraception'],
  ['eng', 'my tooth hurts a bit, no swelling'],
  ['eng', 'my knee is stiff and swollen after running, not hot or red'],
  ['eng', 'I have yellow teeth, can I get whitening'],
  ['eng', 'my yellow bruise on my skin is fading'],
  ['eng', 'my periods are heavy with blood clots'],
  ['eng', 'I had mastitis when breastfeeding my first child, fine now'],
  ['eng', "I had Bell's palsy 10 years ago and recovered fully"],
];

describe('round 15: routine stays routine (H72)', () => {
  it.each(ROUTINE)('%s: %s', (lang, text) => {
    expect(tierOf(text, lang)).toBe('routine');
  });
});
