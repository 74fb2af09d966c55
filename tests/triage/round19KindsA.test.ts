import { combinationsOf, firedWithPrefix, itHasWordsInEveryLanguage, itRaisesEachCombination, itRaisesNothingFromOneMarker, itReadsEachPhrase, loadRules, type PhraseCase } from '../support/markerRules.js';

/**
 * Round 19 (helper "s19-kinds-a", hazard H81): emergency kinds of the opened fourteenth set (2026-12n) fixed by
 * class from NHS.uk pages (dialogs/redflags/kinds_round19a.json), as combinations of single-concept markers in all
 * 20 languages: frostbite, a leg that bears no weight after a fall, paraphimosis, Stevens-Johnson syndrome after a
 * new medicine, a hard groin lump with vomiting, alcohol withdrawal with hallucinations, a sting inside the mouth,
 * bleeding on a blood thinner, an eye getting worse after cataract surgery. Phrases written here in patients'
 * voices, not taken from any test set; the everyday or denied versions must not raise these rules.
 */
const rules = loadRules('kinds_round19a.json');
const k19 = firedWithPrefix('rf.k19a.');

describe('round 19a: every marker has words in all 20 languages and every rule cites NHS.uk (H81)', () => {
  itHasWordsInEveryLanguage(rules.filter((r) => r.marker));
  it('every rule has an NHS.uk source and every combination is an emergency for A&E', () => {
    for (const r of rules) expect(r.source?.url).toMatch(/^https:\/\/www\.nhs\.uk\//);
    for (const r of rules.filter((x) => x.when)) expect(r.tier).toBe('emergency');
  });
  itRaisesNothingFromOneMarker('no marker alone raises a rule of this file', rules.filter((r) => r.marker), k19);
});

describe('round 19a: each combination, from the first words of its markers, raises its rule in every language (H81)', () => {
  itRaisesEachCombination(combinationsOf(rules), k19, { joiner: '. ' });
});

/** [language, rule expected (or '' for none of this file's rules), age or 0, patient's own words]. */
const CASES: PhraseCase[] = [
  // 1. Frostbite; cold fingers that warmed up pink, or Raynaud's, are not.
  ['eng', 'rf.k19a.frostbite', 35, 'we got caught in the snow on the mountain, two of my toes turned grey and now there are blisters on them'],
  ['eng', 'rf.k19a.frostbite', 50, 'out in the freezing cold all night, my fingertips went hard and white'],
  ['fra', 'rf.k19a.frostbite', 40, "après la randonnée en montagne, mes doigts sont devenus blancs et insensibles, et ce matin il y a des cloques"],
  ['pol', 'rf.k19a.frostbite', 30, 'byłem w górach na mrozie, palce u stóp są twarde i sine'],
  ['tur', 'rf.k19a.frostbite', 28, 'dağda soğukta kaldım, parmaklarım beyazladı, uyuştu ve su toplamış kabarcıklar çıktı'],
  ['cmn', 'rf.k19a.frostbite', 45, '在雪山上待了一夜，脚趾发黑发硬'],
  ['eng', '', 30, 'my fingers went white and numb in the cold but I warmed them up and they are pink and fine now'],
  ['eng', '', 40, 'my fingers go white in the cold and then red when they warm up, is this Raynauds'],
  ['spa', '', 30, 'tengo los dedos fríos cuando hace frío, pero se me pasan en casa'],
  // 2. A leg that bears no weight after a fall; a toddler who fell and walks, or a twisted ankle, is not.
  ['eng', 'rf.k19a.leg', 5, 'my son fell off the climbing frame, his leg is swollen and he cant put weight on it'],
  ['eng', 'rf.k19a.leg', 80, 'mum had a fall in the kitchen, her thigh is swollen and she cannot stand up'],
  ['spa', 'rf.k19a.leg', 6, 'mi hija se cayó del columpio, tiene la pierna muy hinchada y no puede apoyar'],
  ['ukr', 'rf.k19a.leg', 9, 'син упав з велосипеда, стегно набрякло і він не може стати на ногу'],
  ['arb', 'rf.k19a.leg', 7, 'بنتي طاحت من الدراجة، رجلها منتفخة وما تقدر توقف عليها'],
  ['eng', '', 2, 'my toddler fell over at the park, cried for a minute, now walking and running about as normal'],
  ['eng', '', 30, 'fell over and twisted my ankle, it is a bit swollen but I can walk on it'],
  ['ita', '', 4, 'è caduto dallo scivolo ma cammina bene e gioca'],
  // 3. Paraphimosis; a tight foreskin that will not pull back, or one that went back, is not.
  ['eng', 'rf.k19a.paraphimosis', 9, 'his foreskin got pulled back and now it is stuck behind, the tip is swollen'],
  ['fra', 'rf.k19a.paraphimosis', 7, "il s'est décalotté et le prépuce ne revient pas, le gland est gonflé"],
  ['por', 'rf.k19a.paraphimosis', 30, 'puxei o prepúcio para trás e não volta, está muito inchado'],
  ['eng', '', 4, 'his foreskin is tight and wont pull back, is that normal at his age'],
  ['eng', '', 10, 'he pulled his foreskin back in the bath and it went back fine afterwards'],
  // 4. Stevens-Johnson after a new medicine; a rash without a new medicine, or a mild itchy rash, is not.
  ['eng', 'rf.k19a.sjs', 35, 'I started taking allopurinol two weeks ago, now blisters on my chest and sores in my mouth'],
  ['spa', 'rf.k19a.sjs', 40, 'empecé a tomar carbamazepina y tengo ampollas por el cuerpo y llagas en la boca'],
  ['ukr', 'rf.k19a.sjs', 30, 'почала приймати ламотриджин, висип по всьому тілу і печуть очі'],
  ['eng', '', 30, 'I have an itchy rash on my arms for two days, no new medicines'],
  ['eng', '', 30, 'started new tablets last week and I have a few itchy spots, nothing else'],
  // 5. A hard groin lump with vomiting; a hernia that goes back in is not.
  ['eng', 'rf.k19a.hernia', 1, 'my baby has a lump in his groin that has gone hard and red and he has been vomiting'],
  ['pol', 'rf.k19a.hernia', 1, 'synek ma guzek w pachwinie, stwardniał i jest czerwony, wymiotuje'],
  ['eng', '', 50, 'I have a hernia in my groin that goes back in when I lie down, no pain'],
  ['eng', '', 1, 'there is a small soft lump in his groin that comes and goes when he cries'],
  // 6. Alcohol withdrawal with hallucinations; cutting down with no symptoms is not.
  ['eng', 'rf.k19a.alcohol', 45, 'my husband stopped drinking on Monday after years of a bottle a day and now he is seeing spiders that are not there'],
  ['spa', 'rf.k19a.alcohol', 50, 'dejé de beber hace dos días y veo bichos en la pared'],
  ['tur', 'rf.k19a.alcohol', 45, 'içkiyi bıraktım, şimdi duvarda böcekler görüyorum'],
  ['eng', '', 40, 'I am trying to cut down my drinking, down to weekends only, feel fine, want some advice'],
  ['eng', '', 40, 'stopped drinking three weeks ago and feeling much better, sleeping well'],
  // 7. A sting inside the mouth or throat; a sting on the arm is not.
  ['eng', 'rf.k19a.sting_mouth', 8, 'a wasp was in his juice and stung him on his tongue'],
  ['fra', 'rf.k19a.sting_mouth', 6, "une guêpe l'a piqué dans la bouche en buvant"],
  ['pol', 'rf.k19a.sting_mouth', 7, 'osa użądliła go w język'],
  ['eng', '', 8, 'a bee stung her on the arm, it is a bit red, she is fine'],
  ['spa', '', 30, 'me picó una avispa en la mano y está un poco hinchada'],
  ['eng', '', 9, 'a wasp stung him on the hand, his mouth and lips look fine'],
  ['pan', '', 30, 'ਬਾਂਹ ਤੇ ਭਰਿੰਡ ਨੇ ਡੰਗ ਮਾਰਿਆ, ਮੂੰਹ ਠੀਕ ਹੈ'],
  ['cym', '', 30, "mae gen i smotiau coch ar fy ngwddf sy'n pigo ac yn cosi"],
  // 8. Bleeding on a blood thinner; a small bruise from a knock is not.
  ['eng', 'rf.k19a.warfarin', 70, 'I take apixaban and my pee has been red since yesterday'],
  ['eng', 'rf.k19a.warfarin', 75, 'on warfarin and I have big bruises on my legs for no reason'],
  ['ita', 'rf.k19a.warfarin', 70, 'prendo il warfarin e ho lividi grandi sulle braccia senza aver sbattuto'],
  ['pes', 'rf.k19a.warfarin', 68, 'وارفارین مصرف می‌کنم و ادرارم قرمزه'],
  ['eng', '', 70, 'I am on warfarin and got a small bruise on my shin where I knocked it on the table'],
  ['eng', '', 70, 'can I move my INR test to next week please'],
  // 9. An eye getting worse after cataract surgery; a routine check or the waiting list is not.
  ['eng', 'rf.k19a.cataract', 75, 'dad had cataract surgery on Monday and the eye is getting more painful, and he can see less than before'],
  ['spa', 'rf.k19a.cataract', 80, 'a mi madre la operaron de cataratas y el ojo está cada vez más rojo'],
  ['tur', 'rf.k19a.cataract', 72, 'babam katarakt ameliyatı oldu, şimdi daha az görüyor'],
  ['eng', '', 75, 'I had cataract surgery last month and need to book my routine check'],
  ['eng', '', 75, 'I am on the waiting list for a cataract operation and my vision is getting worse'],
];

describe("round 19a: own phrases in patients' voices (H81)", () => {
  itReadsEachPhrase(CASES, k19);
});
