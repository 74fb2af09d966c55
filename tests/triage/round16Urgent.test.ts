import { readFileSync } from 'node:fs';
import { itHasWordsInEveryLanguage, LANGS } from '../support/markerRules.js';
import { decideText, tierOf } from '../support/triage.js';

/**
 * Round 16 (helper "s16-urgent", hazard H75): urgent and routine tiers by class, from NHS.uk pages
 * (dialogs/redflags/urgent_more_nhs.json): self-harm or suicidal thoughts denied in the words that tell
 * them (routine, NHS Help for suicidal thoughts), red or brown pee without a blood word (urgent, NHS Blood
 * in urine), self-harm told as a deliberate act (urgent, NHS Self-harm), stinging or burning pee (the UTI
 * pharmacy rule and its combinations), an eye still irritated a day after something went in (urgent, NHS
 * Eye injuries), weight lost or appetite 'not like before' read as confusion (routine), Turkish 'olmak'
 * (to be) read as 'ölmek' (to die). Phrases written here in patients' voices, not from any test set.
 */
const rulesOf = (text: string, lang: string, age?: number): string[] => decideText(text, lang, age).ruleIds;

interface Rule { id: string; triggers?: Record<string, string[]> }
const load = (f: string) => (JSON.parse(readFileSync(`dialogs/redflags/${f}`, 'utf8')) as { rules: Rule[] }).rules;
const more = load('urgent_more_nhs.json');
const nhs = load('urgent_nhs.json');
const words = (rules: Rule[], id: string, lang: string): string[] => rules.find((r) => r.id === id)?.triggers?.[lang] ?? [];
const first = (rules: Rule[], id: string, lang: string): string => words(rules, id, lang)[0] as string;

describe('round 16: every new marker and rule has words in all 20 languages (H75)', () => {
  itHasWordsInEveryLanguage(more.filter((r) => r.triggers));
});

describe('round 16: a denial cancels only the suicidal reading it spans (H75)', () => {
  it.each(LANGS)('%s: every listed denial alone raises no crisis rule', (lang) => {
    for (const phrase of words(more, 'cx.mh.harm_denied', lang)) expect(rulesOf(phrase, lang)).not.toContain('rf.mh.suicidal');
  });
  it.each(LANGS)('%s: red or pink colour with a pee word raises rf.nhs.pee_red', (lang) => {
    expect(rulesOf(`${first(nhs, 'cx.nhs.urine', lang)} ${first(more, 'cx.nhs16.pee_red', lang)}`, lang)).toContain('rf.nhs.pee_red');
  });
  it.each(LANGS)('%s: a stinging word with a pee word is the UTI pharmacy rule', (lang) => {
    expect(rulesOf(`${first(more, 'cx.uti16.sting', lang)} ${first(nhs, 'cx.nhs.urine', lang)}`, lang)).toContain('pf.uti.words');
  });
  it.each(LANGS)('%s: every deliberate self-harm phrase raises rf.mh.self_harm_told', (lang) => {
    for (const phrase of words(more, 'rf.mh.self_harm_told', lang)) expect(rulesOf(phrase, lang)).toContain('rf.mh.self_harm_told');
  });
});

/** [language, expected tier, patient's own words]: several voices (self, relative, text-speak, formal). */
const CASES: [string, string, string][] = [
  // Low mood with self-harm or suicidal thoughts denied: routine GP.
  ['eng', 'routine', 'been feeling flat for weeks, no thoughts of hurting myself, just want to talk to someone'],
  ['eng', 'routine', 'My son is low since losing his job. He says he is not suicidal but would like counselling.'],
  ['tur', 'routine', 'aylardır moralim bozuk, intihar düşüncem yok ama biriyle konuşmak istiyorum'],
  ['tur', 'routine', 'Bir kontrol olmak istiyorum, yorgunum.'],
  ['lit', 'routine', 'jaučiuosi prislėgta jau mėnesį, savižudiškų minčių neturiu'],
  ['pol', 'routine', 'od porodu jestem smutna i płaczliwa, nie mam myśli, żeby zrobić sobie krzywdę'],
  ['urd', 'routine', 'کئی ہفتوں سے اداس ہوں، خودکشی کا کوئی خیال نہیں، بس ڈاکٹر سے بات کرنی ہے'],
  ['fra', 'routine', "je suis à plat depuis un mois, pas d'idées suicidaires, je voudrais un rendez-vous"],
  ['cmn', 'routine', '最近心情很差，睡不好，但是没有自杀的念头'],
  ['arb', 'routine', 'أشعر بالحزن منذ شهرين لكن ما عندي أفكار انتحارية'],
  // A denial does not hide wanting to die told in the same clause or another one.
  ['tur', 'urgent', 'kendime zarar verme düşüncem yok ama bazen ölmek istiyorum'],
  ['eng', 'urgent', 'I want to die, no thoughts of harming myself though'],
  ['eng', 'urgent', 'no suicidal thoughts before but now I keep thinking about suicide'],
  // Red, pink or brown pee without a blood word: urgent.
  ['eng', 'urgent', 'my wee has gone pink since this morning'],
  ['eng', 'urgent', 'my husbands pee is brown like cola, no pain'],
  ['fra', 'urgent', 'mes urines sont rouges depuis hier'],
  ['pol', 'urgent', 'mocz ma kolor czerwony od rana'],
  ['tur', 'urgent', 'idrarım kırmızı geliyor'],
  ['urd', 'urgent', 'پیشاب کا رنگ لال ہے'],
  ['cmn', 'urgent', '尿是红色的'],
  ['eng', 'routine', 'my wee has gone pink, I am on my period'],
  // Deliberate self-harm: urgent (crisis line); an accidental cut is not self-harm.
  ['eng', 'urgent', 'I cut myself last night on purpose and I feel awful'],
  ['eng', 'urgent', 'my daughter (15) has been cutting herself, I found the marks'],
  ['fra', 'urgent', 'je me suis coupée exprès hier soir'],
  ['spa', 'urgent', 'me corté a propósito anoche'],
  ['cmn', 'urgent', '我昨晚故意割伤自己'],
  // Stinging or burning pee: the UTI pharmacy rule (women 16-64), a man or over 65 still urgent.
  ['fra', 'selfcare', 'ça pique quand je fais pipi'],
  ['pol', 'selfcare', 'strasznie szczypie jak sikam'],
  ['urd', 'selfcare', 'پیشاب میں جلن ہوتی ہے'],
  ['cmn', 'selfcare', '小便的时候刺痛'],
  ['cym', 'selfcare', "mae'n pigo pan dw i'n pi-pi"],
  // Something went into the eye and a day later it is still irritated: urgent.
  ['eng', 'urgent', 'got shampoo in my eye yesterday, washed it out but its still red and irritated today'],
  ['som', 'urgent', 'boodh ayaa ishayda galay shalay, waan dhaqay, maanta wali way casaan tahay'],
  ['pes', 'urgent', 'گرد و خاک رفت تو چشمم، بعد از یک روز هنوز می‌سوزه'],
  ['ben', 'urgent', 'গতকাল চোখে ধুলো পড়েছে, আজও লাল হয়ে আছে'],
  ['eng', 'selfcare', 'got shampoo in my eye, washed it out, bit red'],
  // Weight lost, appetite or sleep 'not like before': not new confusion.
  ['fra', 'routine', "j'ai perdu 5 kilos en deux mois sans régime"],
  ['urd', 'routine', 'تین مہینے سے وزن کم ہو رہا ہے، بھوک بھی پہلے جیسی نہیں'],
  ['ben', 'routine', 'খিদে আগের মতো নেই, ওজন কমে গেছে'],
  // Swollen, in the inflections the list lacked.
  ['urd', 'urgent', 'میری پنڈلی سوج گیا ہے اور درد ہے'],
  ['guj', 'urgent', 'મારી પિંડી સૂજી ગયો છે'],
];

describe('round 16: patients own words reach the NHS tier (H75)', () => {
  it.each(CASES)('%s %s: %s', (lang, tier, text) => {
    expect(tierOf(text, lang)).toBe(tier);
  });
  it('a man with stinging pee is not sent to the pharmacy', () => {
    expect(tierOf('ça pique quand je fais pipi', 'fra', 70)).toBe('urgent');
  });
  it('confusion itself is still read: a French patient lost and disorientated', () => {
    expect(rulesOf('il est perdu, il ne sait plus où il est', 'fra')).toContain('rf.confusion.new');
  });
});
