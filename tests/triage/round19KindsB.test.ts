import { createDialogDriver } from '../../bench/triageDialog.js';
import type { Vignette } from '../../bench/triageSim.js';
import { firedWithPrefix, itHasWordsInEveryLanguage, itRaisesEachCombination, itRaisesNothingFromOneMarker, itReadsEachPhrase, loadRules, type Combination, type PhraseCase } from '../support/markerRules.js';

/**
 * Round 19 (helper "s19-kinds-b", hazard H82): emergency kinds of the opened fourteenth set (2026-12n) that the
 * answering patient still missed, fixed by class from their NHS.uk pages (dialogs/redflags/kinds_round19b.json):
 * lithium toxicity, serotonin syndrome, party drugs with overheating, coughing up a lot of blood, breathing
 * trouble after choking, liver disease with drowsiness or confusion, sepsis from a catheter or a urine infection,
 * kidney stones with a temperature, a split spleen in glandular fever, a bowel obstruction told without the word.
 * And the waterworks area asks about sudden confusion when there is a temperature or shivers (the other sepsis signs
 * were already asked by the fever questions)
 * (dialogs/complaints/area19b_waterworks.json). Phrases written here in patients' voices, not taken from any test
 * set; the everyday or denied versions must not raise these rules.
 */
const rules = loadRules('kinds_round19b.json');
const k19 = firedWithPrefix('rf.k19b.');

describe('round 19b: every marker has words in all 20 languages, every rule cites NHS.uk and needs two signs (H82)', () => {
  itHasWordsInEveryLanguage(rules.filter((r) => r.marker), (r) => expect(r.tier).toBe('routine'));
  it('every rule has an NHS.uk source with a section', () => {
    for (const r of rules) {
      expect(r.source?.url).toMatch(/^https:\/\/www\.nhs\.uk\//);
      expect(r.source?.section?.length).toBeGreaterThan(20);
    }
  });
  it('every emergency rule is a combination of at least two signs', () => {
    for (const r of rules.filter((x) => !x.marker)) {
      expect(r.tier).toBe('emergency');
      for (const w of r.when ?? []) expect(w.all.length).toBeGreaterThanOrEqual(2);
    }
  });
  itRaisesNothingFromOneMarker('no marker alone raises any of these rules, in any language', rules.filter((r) => r.marker), k19, 40);
});

describe('round 19b: the first words of each combination raise the rule in every language (H82)', () => {
  const combos: Combination[] = [
    { rule: 'rf.k19b.lithium', markers: ['cx.k19b.lithium', 'cx.k19b.li_neuro', 'cx.k19b.gi'] },
    { rule: 'rf.k19b.lithium', markers: ['cx.k19b.lithium', 'cx.k19b.tremor', 'cx.k19b.gi'] },
    { rule: 'rf.k19b.serotonin', markers: ['cx.k19b.ssri', 'cx.k19b.sero2', 'cx.k19b.sero_neuro', 'cx.k19b.sero_auto'] },
    { rule: 'rf.k19b.party_drugs', markers: ['cx.k19b.party', 'cx.k19b.overheat', 'cx.k19b.agitated'] },
    { rule: 'rf.k19b.haemoptysis', markers: ['cx.k19b.cough', 'cx.k19b.blood_lots'] },
    { rule: 'rf.k19b.after_choke', markers: ['cx.k19b.choked', 'cx.k19b.breath_hard'] },
    { rule: 'rf.k19b.liver', markers: ['cx.k19b.drinker', 'cx.k19b.liver_sign', 'cx.k19b.drowsy_confused'] },
    { rule: 'rf.k19b.urosepsis', markers: ['cx.k19b.uro', 'cx.k19b.hotcold', 'cx.k19b.drowsy_confused'] },
    { rule: 'rf.k19b.stone_fever', markers: ['cx.k19b.stone', 'cx.k19b.hotcold'] },
    { rule: 'rf.k19b.spleen', markers: ['cx.k19b.glandular', 'cx.k19b.left_upper', 'cx.pe15.pain'] },
    { rule: 'rf.k19b.obstruction', markers: ['cx.k19b.nopoo', 'cx.k19b.bloated', 'cx.vomited'] },
  ];
  itRaisesEachCombination(combos, k19, { joiner: ', ', age: 40 });
});

/** [language, rule expected (or '' for none of this file's rules), age or 0, patient's own words]. */
const CASES: PhraseCase[] = [
  // Lithium toxicity; a blood-test request, a stomach bug without lithium, or a fine tremor alone are not.
  ['eng', 'rf.k19b.lithium', 58, 'I take lithium for my moods. Had the runs since Monday and now I keep staggering and my speech is slurred'],
  ['eng', 'rf.k19b.lithium', 44, 'my wife is on priadel, she has been throwing up all night and her hands are shaking badly'],
  ['pol', 'rf.k19b.lithium', 50, 'biorę lit, od dwóch dni mam biegunkę, zataczam się i bełkoczę'],
  ['tur', 'rf.k19b.lithium', 47, 'lityum kullanıyorum, iki gündür kusuyorum ve ellerim titriyor'],
  ['cmn', 'rf.k19b.lithium', 39, '我在吃碳酸锂，这两天拉肚子，走路不稳，说话含糊'],
  ['eng', '', 45, 'I am on lithium and my blood test is due next week, can I book it?'],
  ['eng', '', 30, 'tummy bug since yesterday, diarrhoea and a bit shaky on my feet'],
  ['spa', '', 52, 'tomo litio desde hace años, necesito la receta y el análisis de sangre'],
  ['eng', '', 52, 'on lithium, I have a slight tremor in my hands, it has always been there'],
  // Serotonin syndrome; both medicines with no signs, or sweating alone on an antidepressant, are not.
  ['eng', 'rf.k19b.serotonin', 35, 'on sertraline and the dentist gave me tramadol, now my muscles are jerking, I am pouring with sweat and my heart is racing'],
  ['ita', 'rf.k19b.serotonin', 41, 'prendo citalopram e da due giorni anche tramadolo, ho scatti muscolari e sudo tantissimo'],
  ['ukr', 'rf.k19b.serotonin', 29, 'п’ю сертралін, вчора випила суматриптан, тепер м’язи смикаються і серце калатає'],
  ['eng', '', 35, 'is it safe to take tramadol with my sertraline?'],
  ['eng', '', 40, 'on citalopram and I sweat a lot at the gym, is that a side effect?'],
  ['fra', '', 33, 'je prends de la sertraline, je transpire beaucoup la nuit'],
  // Party drugs with overheating; a party with no symptoms, or a comedown, are not.
  ['eng', 'rf.k19b.party_drugs', 20, 'my mate took ecstasy at the rave, he is burning up and grinding his teeth and cant keep still'],
  ['spa', 'rf.k19b.party_drugs', 22, 'mi amiga tomó éxtasis en la fiesta, está ardiendo y muy agitada'],
  ['arb', 'rf.k19b.party_drugs', 23, 'صاحبي أخذ حبوب النشوة في الحفلة، جسمه نار ومضطرب جدا'],
  ['eng', '', 21, 'went to a party last night, took nothing, just tired today'],
  ['eng', '', 24, 'took mdma at the weekend and I feel really low today'],
  ['eng', '', 30, 'I am very hot and restless at night since the heatwave'],
  // Coughing up a lot of blood; a streak of blood in phlegm is urgent, not 999.
  ['eng', 'rf.k19b.haemoptysis', 67, 'I have lung cancer and today I coughed up a lot of blood, fresh and red'],
  ['pol', 'rf.k19b.haemoptysis', 60, 'kaszlę i wykasłuję dużo krwi, więcej niż łyżka'],
  ['tam', 'rf.k19b.haemoptysis', 55, 'இருமும்போது நிறைய ரத்தம் வருகிறது'],
  ['eng', '', 50, 'coughing for a week and there was a streak of blood in my phlegm this morning'],
  ['ita', '', 50, 'ho la tosse e nel catarro ci sono striature di sangue'],
  ['eng', '', 30, 'nosebleed with lots of blood and I have a cough too'],
  // Breathing trouble after choking; a choke that is over is not.
  ['eng', 'rf.k19b.after_choke', 84, 'mum choked on a bit of chicken, we did back blows and it came up, but now she is wheezing and struggling to breathe'],
  ['tur', 'rf.k19b.after_choke', 79, 'babamın boğazına et takıldı, sırtına vurduk çıktı ama şimdi zor nefes alıyor'],
  ['eng', '', 30, 'I choked on a crisp earlier, coughed it out straight away, breathing normally now and fine'],
  ['eng', '', 45, 'wheezing with my asthma, my inhaler is helping'],
  // Liver disease with drowsiness or confusion; a fatty liver letter, or jaundice alone, are not.
  ['eng', 'rf.k19b.liver', 58, 'my husband is a heavy drinker, his eyes are yellow and his belly is swollen and since yesterday he is talking nonsense'],
  ['spa', 'rf.k19b.liver', 61, 'mi padre tiene cirrosis, tiene la barriga hinchada y duerme todo el día'],
  ['eng', '', 50, 'I am a heavy drinker and my letter says I have a fatty liver, can I see the doctor about it'],
  ['eng', '', 50, 'he drinks heavily and I noticed his eyes are a bit yellow'],
  // Sepsis from a catheter or a urine infection; cloudy pee without a temperature is not.
  ['eng', 'rf.k19b.urosepsis', 80, 'dad has a catheter, today he is shivering and hot and cold, and he is confused and not making sense'],
  ['urd', 'rf.k19b.urosepsis', 76, 'امی کو پیشاب کا انفیکشن ہے، کپکپی لگ رہی ہے اور الٹی سیدھی باتیں کر رہی ہیں'],
  ['eng', '', 34, 'my pee has been cloudy for two days, no temperature, I feel fine'],
  ['eng', '', 40, 'I think I have a water infection, it stings when I pee'],
  // Kidney stones with a temperature; known stones without pain or a temperature are not.
  ['eng', 'rf.k19b.stone_fever', 45, 'I have kidney stones and now I have a high temperature and I am shivering'],
  ['ron', 'rf.k19b.stone_fever', 50, 'am pietre la rinichi și de azi am febră mare și frisoane'],
  ['eng', '', 45, 'I have kidney stones, no pain at the moment, just want to know the scan results'],
  ['eng', '', 45, 'I had kidney stones years ago, now I have a cold with a fever'],
  // Split spleen in glandular fever; tiredness after glandular fever is not.
  ['eng', 'rf.k19b.spleen', 17, 'my daughter has glandular fever and suddenly has sharp pain under her left ribs and feels dizzy'],
  ['ukr', 'rf.k19b.spleen', 19, 'у мене мононуклеоз, раптом сильний біль під лівими ребрами'],
  ['eng', '', 18, 'I had glandular fever a month ago and I am still so tired all the time'],
  ['eng', '', 16, 'glandular fever, sore throat and swollen glands in the neck'],
  // Bowel obstruction told without the word; constipation without vomiting is not.
  ['eng', 'rf.k19b.obstruction', 70, 'my mum has not had a poo for five days, her tummy is swollen and she has been vomiting'],
  ['ita', 'rf.k19b.obstruction', 66, 'non va di corpo da quattro giorni, ha la pancia gonfia e ha vomitato'],
  ['eng', '', 40, 'constipated for three days, a bit bloated, no vomiting, eating fine'],
  ['pol', '', 35, 'zatwardzenie od kilku dni, brzuch trochę wzdęty, nie wymiotuję'],
];

describe('round 19b: own phrases in patients\' voices (H82)', () => {
  itReadsEachPhrase(CASES, k19);
});

const driver = createDialogDriver();
const unwell = (extra: Partial<Vignette>): Vignette => ({
  id: 'round19-kinds-b-test', text: 'I just feel awful and I do not know what is wrong', need: 'need.new', gold: 'emergency', answers: {},
  source: 'test', tags: [], who: 'other', ageYears: 74, recognises999Sign: null, ...extra,
});
const withheld = (extra: Partial<Vignette>) => driver.run(unwell(extra), { answering: true, withholdText: true });
const NOW = ['still_happening', 'started_last_week'];

describe('round 19b: the waterworks area asks about sudden confusion after a temperature or shivers (H82)', () => {
  it('a urine infection with shivers and sudden confusion reaches 999 with the words withheld', () => {
    const run = withheld({ area: 'waterworks', yesTo: [...NOW, 'fever', 'fever_or_shivers_with_pee', 'confused_sudden'] });
    expect(run.error).toBeUndefined();
    expect([run.finalState, run.asked.includes('q.k19b.waterworks.confused'), run.ruleIds.includes('rf.confusion.new')]).toEqual(['emergency', true, true]);
  });
  it('a urine infection with shivers and blotchy skin still reaches 999 from the fever questions', () => {
    const run = withheld({ area: 'waterworks', yesTo: [...NOW, 'fever', 'fever_or_shivers_with_pee', 'blotchy_skin'] });
    expect([run.finalState, run.ruleIds.includes('rf.sepsis')]).toEqual(['emergency', true]);
  });
  it('cystitis with a temperature, no confusion: asked, says no, not 999', () => {
    const run = withheld({ area: 'waterworks', gold: 'urgent', yesTo: [...NOW, 'fever', 'fever_or_shivers_with_pee', 'feeling_sick'], ageYears: 34 });
    expect(run.asked).toContain('q.k19b.waterworks.confused');
    expect(run.finalState).not.toBe('emergency');
  });
  it('cystitis without a temperature is not asked', () => {
    const run = withheld({ area: 'waterworks', gold: 'selfcare', yesTo: [...NOW], ageYears: 30 });
    expect(run.asked).not.toContain('q.k19b.waterworks.confused');
  });
});
