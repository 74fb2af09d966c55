import { content } from '../support/dialog.js';
import type { Picture } from '../../src/triage/types.js';

/**
 * The baby line's confirming question (issue 15 round 6) is asked only when the child is clearly
 * older than a young baby: by the date of birth, else by an age the description states
 * (dialogs/safety/statedAge.json, src/triage/statedAge.ts), read through the engine's public
 * lineConfirm. A baby under 8 weeks read as older would be asked "Is your baby under 8 weeks old?"
 * and, on a "no" tapped by mistake, end urgent instead of 999, so babies come first here: in every
 * language and many forms, none may be read as older.
 */
const engine = content.triage;
const CONFIRM = 'q.check.confirm.child_baby.child';
const picture = (text: string, lang: string, ageYears?: number): Picture => ({
  need: 'need.new', texts: [{ text, lang }], answers: {}, presentRuleIds: [], deniedRuleIds: [], ...(ageYears !== undefined ? { ageYears } : {}),
});
const asks = (text: string, lang: string, ageYears?: number): boolean => engine.lineConfirm(picture(text, lang, ageYears), 'child_baby', 'child') === CONFIRM;

/** Babies under 8 weeks, as carers write them: digits of each script, number words, text-speak, formal, another person's age beside. */
const BABIES: [string, string][] = [
  ['eng', 'my 6 week old isnt right'],
  ['eng', '6wks old, not feeding'],
  ['eng', '6wk old not feeding'],
  ['eng', 'My six-week-old son is not feeding'],
  ['eng', 'six week old, floppy'],
  ['eng', '3 week old infant crying all night'],
  ['eng', 'born 10 days ago and not feeding'],
  ['eng', 'she is 5 weeks and not herself'],
  ['eng', 'he is a week old and very sleepy'],
  ['eng', 'my daughter, who is seven weeks of age, is unusually quiet'],
  ['eng', 'I wish to report that my son, aged 10 days, is not feeding'],
  ['eng', 'lil 1 is 4 wks n not feedin'],
  ['eng', 'my 1 month old isnt feeding'],
  ['eng', 'my 2 month old has a temperature'],
  ['eng', "I'm 24 years old and my 5 week old won't feed"],
  ['eng', 'my 3 year old and his 2 week old brother both have a cold'],
  ['eng', 'newborn not feeding, I am 31'],
  ['eng', 'my son is a fortnight old and sleepy'],
  ['eng', 'our little girl was born 3 weeks ago, she is 2 and a half kilos'],
  ['cym', 'Mae fy mabi 6 wythnos oed ddim yn bwydo'],
  ['cym', 'mae hi yn 3 wythnos ac mae fy mab arall yn 4 oed'],
  ['pol', 'Mój 5-tygodniowy synek nie chce jeść'],
  ['pol', 'córeczka ma 3 tygodnie, starsza ma 4 lata'],
  ['pol', 'synek urodził się 10 dni temu'],
  ['ron', 'bebelușul meu de 6 săptămâni nu mănâncă'],
  ['ron', 'fetita are 3 saptamani, fratele ei are 5 ani'],
  ['por', 'o meu bebé de 4 semanas não mama'],
  ['por', 'a minha filha tem 5 semanas e o irmão tem 3 anos'],
  ['spa', 'mi bebé de 6 semanas no come'],
  ['spa', 'mi niña nació hace 12 días'],
  ['spa', 'mi hijo tiene seis semanas y su hermano tiene 4 años'],
  ['ita', 'il mio bimbo di 5 settimane non mangia'],
  ['ita', 'mia figlia ha 3 settimane, io ho 30 anni'],
  ['fra', 'mon bébé de 6 semaines ne boit plus'],
  ['fra', 'ma fille a 5 semaines et son frère a 3 ans'],
  ['lit', 'mano 6 savaičių kūdikis nevalgo'],
  ['lit', 'dukrai 3 sav., sūnui 4 metai'],
  ['tur', '6 haftalık bebeğim emmiyor'],
  ['tur', 'oğlum 3 haftalık, ablası 5 yaşında'],
  ['som', 'ilmahayga 5 toddobaad jira ma nuugayo'],
  ['som', 'gabadhaydu waa 3 toddobaad, walaalkeed waa 4 sano jir'],
  ['ukr', 'моєму малюку 6 тижнів, він не їсть'],
  ['ukr', 'доньці 3 тижні, сину 4 роки'],
  ['arb', 'طفلي عمره ٦ أسابيع لا يرضع'],
  ['arb', 'ابني عمره أسبوعين وأخوه عمره ٤ سنوات'],
  ['arb', 'بنتي عمرها ١٠ أيام'],
  ['pes', 'بچه ۶ هفته ام شیر نمیخوره'],
  ['pes', 'بچم ۶ هفتشه شیر نمیخوره'],
  ['pes', 'نوزادم ۲۰ روزشه، من ۲۶ سالمه'],
  ['pes', 'bache 6 haftam shir nemikhore'],
  ['pes', 'پسرم ۵ هفته ای است و برادرش ۳ ساله است'],
  ['urd', 'میرا 5 ہفتے کا بچہ دودھ نہیں پی رہا'],
  ['urd', 'mera ۶ hafte ka baccha doodh nahi pee raha, main 25 saal ki hun'],
  ['urd', 'meri beti 10 din ki hai'],
  ['pan', 'ਮੇਰਾ 6 ਹਫ਼ਤਿਆਂ ਦਾ ਬੱਚਾ ਦੁੱਧ ਨਹੀਂ ਪੀ ਰਿਹਾ'],
  ['pan', 'ਮੇਰਾ ੫ ਹਫ਼ਤੇ ਦਾ ਪੁੱਤ, ਮੇਰੀ ਧੀ 4 ਸਾਲ ਦੀ ਹੈ'],
  ['pan', 'mera 6 hafteyan da putt doodh nahi pee reha'],
  ['ben', 'আমার ৬ সপ্তাহের বাচ্চা দুধ খাচ্ছে না'],
  ['ben', 'amar 5 soptaher baccha, boro chele 3 bochorer'],
  ['guj', 'મારું 6 અઠવાડિયાનું બાળક દૂધ નથી પીતું'],
  ['guj', 'maru 6 week nu baby dudh nathi pitu'],
  ['guj', 'મારો દીકરો ૪ અઠવાડિયાનો છે, હું 25 વર્ષની છું'],
  ['cmn', '我的宝宝6周大，不吃奶'],
  ['cmn', '宝宝出生十天，不怎么吃奶'],
  ['cmn', '我女儿三周大，她哥哥4岁'],
  ['tam', 'என் 6 வார குழந்தை பால் குடிக்கவில்லை'],
  ['tam', 'en 5 vaara kuzhandhai paal kudikkala, en magan 4 vayathu'],
];

/** Older children, stated plainly: the question is asked. */
const OLDER: [string, string][] = [
  ['eng', 'my 2 year old has a temperature'],
  ['eng', 'my 18 month old has a cough'],
  ['cym', 'mae fy mab yn 2 oed'],
  ['pol', 'Mój 2-letni synek ma gorączkę'],
  ['ron', 'Copilul meu de 2 ani are febră'],
  ['por', 'O meu filho de 2 anos tem febre'],
  ['spa', 'Mi hijo de 2 años tiene fiebre'],
  ['ita', 'Mio figlio di 2 anni ha la febbre'],
  ['fra', 'Mon fils de 2 ans a de la fièvre'],
  ['lit', 'Mano 2 metų sūnus karščiuoja'],
  ['tur', '2 yaşındaki oğlumun ateşi var'],
  ['som', 'Wiilkayga 2 sano jira qandho ayuu qabaa'],
  ['ukr', 'У мого 2-річного сина температура'],
  ['pan', 'ਮੇਰੇ 2 ਸਾਲ ਦੇ ਪੁੱਤ ਨੂੰ ਬੁਖ਼ਾਰ ਹੈ'],
  ['urd', 'میرے 2 سال کے بیٹے کو بخار ہے'],
  ['ben', 'আমার ২ বছরের ছেলের জ্বর'],
  ['guj', 'મારા 2 વર્ષના દીકરાને તાવ છે'],
  ['cmn', '我儿子2岁，发烧'],
  ['tam', 'என் 2 வயது மகனுக்கு காய்ச்சல்'],
  ['pes', 'پسر ۲ ساله ام تب داره'],
];

describe('the baby line\'s confirming question, by the age the description states', () => {
  it.each(BABIES)('never reads a baby under 8 weeks as older (%s: %s)', (lang, text) => {
    expect(asks(text, lang)).toBe(false);
  });

  it.each(OLDER)('reads a child stated older (%s: %s)', (lang, text) => {
    expect(asks(text, lang)).toBe(true);
  });

  it('has baby and older cases in every language', () => {
    for (const l of content.languages) {
      expect([l.code, BABIES.some(([c]) => c === l.code)]).toEqual([l.code, true]);
      expect([l.code, OLDER.some(([c]) => c === l.code) || l.code === 'arb']).toEqual([l.code, true]);
    }
  });

  it('reads no duration and no adult\'s own age as the child\'s', () => {
    expect(asks('my son has had a cough for 2 years', 'eng')).toBe(false);
    expect(asks('I am 35 years old and my son is unwell', 'eng')).toBe(false);
    expect(asks('mi hijo tose desde hace 2 años', 'spa')).toBe(false);
    expect(asks('oğlum 2 yıldır öksürüyor', 'tur')).toBe(false);
    expect(asks('my son is unwell', 'eng')).toBe(false);
  });

  it('follows the date of birth when there is one, whatever the words say', () => {
    expect(asks('my son is unwell', 'eng', 1)).toBe(true);
    expect(asks('my 2 year old is unwell', 'eng', 5 / 52)).toBe(false);
    expect(asks('my son is unwell', 'eng', 2 / 12)).toBe(false);
    expect(asks('my son is unwell', 'eng', 3 / 12)).toBe(true);
  });

  it('is asked only for the baby line, in the child version', () => {
    expect(engine.lineConfirm(picture('my 2 year old has a temperature', 'eng'), 'child_breathing', 'child')).toBeNull();
    expect(engine.lineConfirm(picture('my 2 year old has a temperature', 'eng'), 'child_baby', 'adult')).toBeNull();
  });
});
