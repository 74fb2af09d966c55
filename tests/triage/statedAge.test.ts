import { content } from '../support/dialog.js';

/**
 * A child's age as the description states it (dialogs/safety/statedAge.json, src/triage/statedAge.ts),
 * used only to leave out the check's baby line as a known date of birth does. Per language: an explicit
 * age in years is read; a duration is not an age; a baby word or an age in weeks or months means no age.
 */
const engine = content.triage;
const ageOf = (text: string, lang: string) =>
  engine.checkAgeYears({ need: 'need.new', texts: [{ text, lang }], answers: {}, presentRuleIds: [], deniedRuleIds: [] });

/** [a stated age (and its value), a duration, a baby] in each language. */
const CASES: Record<string, [string, number, string, string]> = {
  eng: ['my 2 year old has chickenpox', 2, 'I have had a cough for 2 years', 'my 3 year old and my 5 week old baby both have a cough'],
  cym: ["mae fy merch yn 3 oed ac mae ganddi frech", 3, 'dw i wedi cael peswch ers 2 flynedd', 'mae fy mabi yn 6 wythnos oed'],
  pol: ['mój syn ma 3 lata i ma wysypkę', 3, 'kaszlę od 2 lat', 'moje dziecko ma 6 tygodni'],
  ron: ['fiul meu are 4 ani și are febră', 4, 'tușesc de 2 ani', 'bebelușul meu are febră'],
  pan: ['ਮੇਰਾ ਪੁੱਤਰ 3 ਸਾਲ ਦਾ ਹੈ', 3, 'ਮੈਨੂੰ 2 ਸਾਲਾਂ ਤੋਂ ਖੰਘ ਹੈ', 'ਮੇਰਾ ਪੁੱਤਰ 6 ਹਫ਼ਤੇ ਦਾ ਹੈ'],
  urd: ['میرا بیٹا 3 سال کا ہے اور اسے بخار ہے', 3, 'مجھے 2 سال سے کھانسی ہے', 'میرا بیٹا 6 ہفتے کا ہے'],
  por: ['o meu filho tem 3 anos e tem febre', 3, 'tenho tosse há 2 anos', 'o meu bebé tem febre'],
  spa: ['mi hijo tiene 3 años y tiene fiebre', 3, 'tengo tos desde hace 2 años', 'mi bebé tiene 6 semanas'],
  arb: ['ابني عمره 3 سنوات وعنده حرارة', 3, 'عندي سعال منذ سنتين', 'ابني رضيع وعنده حرارة'],
  ben: ['আমার ৩ বছরের ছেলের জ্বর', 3, '২ বছর ধরে কাশি', 'আমার ৬ সপ্তাহের বাচ্চার জ্বর'],
  guj: ['મારો દીકરો 3 વર્ષનો છે અને તેને તાવ છે', 3, 'મને 2 વર્ષથી ખાંસી છે', 'મારો દીકરો 6 અઠવાડિયાનો છે'],
  ita: ['mio figlio ha 3 anni e ha la febbre', 3, 'ho la tosse da 2 anni', 'mio figlio ha 6 settimane'],
  cmn: ['我儿子两岁，出水痘了', 2, '我咳嗽两年了', '宝宝3个月大，发烧'],
  fra: ['mon fils de 3 ans a de la fièvre', 3, 'je tousse depuis 2 ans', 'mon bébé a de la fièvre'],
  lit: ['mano dukrai 3 metai, ji karščiuoja', 3, 'kosėju jau 2 metus', 'mano kūdikis karščiuoja'],
  tam: ['என் மகனுக்கு 3 வயது, காய்ச்சல்', 3, '2 வருடமாக இருமல்', 'என் 6 வாரக் குழந்தைக்கு காய்ச்சல்'],
  tur: ['3 yaşındaki oğlumun ateşi var', 3, '2 yıldır öksürüyorum', 'bebeğimin ateşi var'],
  som: ['wiilkayga 3 jir ah qandho ayuu qabaa', 3, '2 sano ayaan qufacayay', 'ilmahayga 2 bil jir ah qandho ayuu qabaa'],
  ukr: ['моєму синові 3 роки, у нього температура', 3, 'кашляю вже 2 роки', 'моє немовля має температуру'],
  pes: ['پسرم ۳ ساله است و تب دارد', 3, 'دو سال است که سرفه می‌کنم', 'نوزادم تب دارد'],
};

describe('a child\'s age as the description states it', () => {
  it('has patterns for every language', () => {
    for (const l of content.languages) expect([l.code, CASES[l.code] !== undefined]).toEqual([l.code, true]);
  });

  it.each(Object.entries(CASES))('reads it in %s, never a duration, never beside a baby', (lang, [stated, age, duration, baby]) => {
    expect([stated, ageOf(stated, lang)]).toEqual([stated, age]);
    expect([duration, ageOf(duration, lang)]).toEqual([duration, undefined]);
    expect([baby, ageOf(baby, lang)]).toEqual([baby, undefined]);
  });

  it('reads only explicit ages with a years word, and only a child\'s', () => {
    expect(ageOf('she is 4', 'eng')).toBeUndefined();
    expect(ageOf('my two-year-old son has spots', 'eng')).toBe(2);
    expect(ageOf('my 18 month old has a cough', 'eng')).toBeUndefined();
    // An adult's own age says nothing of the child in the story.
    expect(ageOf('I am 35 years old and my son is unwell', 'eng')).toBeUndefined();
    expect(ageOf('my 2 year old and my 6 year old have colds', 'eng')).toBe(2);
  });

  it('gives way to a date of birth', () => {
    expect(engine.checkAgeYears({ need: 'need.new', texts: [{ text: 'my 3 year old', lang: 'eng' }], answers: {}, presentRuleIds: [], deniedRuleIds: [], ageYears: 0.1 })).toBe(0.1);
  });
});
