import { join } from 'node:path';
import { readTriageContent } from '../../src/triage/loadContent.js';
import type { Picture } from '../../src/triage/types.js';
import { askedFor, decideText } from '../support/triage.js';

/**
 * Round 24, the lead's fixes at the merge (hazard log H102–H105 rows, "lead fix"). H102's shrink check, run on the
 * merged content, found new trigger phrases of H104 and H105 that lost their meaning once filler words were dropped;
 * and H105's helper found a needless 999 already on main from the same mechanism:
 * A. "Are my tablets ready to collect?" called 999: rf.mh.imminent's "got the tablets ready" read "tablets ready".
 * B. A rash "like sunburn" must still get the A&E blisters question (q.s20.blisters) in every language: the "like"
 *    words were inline exclusions of cx.s24.blister_cause and, being filler words, compiled to nothing outside English.
 * D. French "péter un plomb" (to lose one's temper) read as rf.mh.imminent: "vais péter" is one letter from "vais
 *    (me) jeter" (I'm going to throw myself), which the typo-tolerant matcher accepts.
 * C. H105's markers matched broad words ("voiture", "mal", "mesi"), and two A&E triggers shrank to one word
 *    (French "un plomb", Gujarati "છરી મારી").
 */
const raw = readTriageContent(join(import.meta.dirname, '..', '..', 'dialogs'));
const ruleOf = (id: string) => raw.rules.find((r) => r.id === id);

describe('A. tablets ready: a repeat-prescription question is not a suicide plan', () => {
  it.each([
    'Are my tablets ready to collect?',
    'are my pills ready',
    'have you got the tablets ready for me to collect',
    'Hi, are my tablets ready yet? I need to pick them up',
  ])('"%s" is not an emergency', (text) => {
    expect(decideText(text).tier).not.toBe('emergency');
  });

  it.each(['I have got the pills ready', "I've got all my tablets ready", 'i got the pills ready'])('"%s" still calls 999', (text) => {
    const d = decideText(text);
    expect([d.tier, d.ruleIds]).toEqual(['emergency', expect.arrayContaining(['rf.f24.pills_got_ready'])]);
  });
});

describe('B. a rash "like sunburn" gets the A&E blisters question in every language', () => {
  const picture = (text: string, lang: string): Picture => ({
    need: 'need.new',
    texts: [{ text, lang }],
    answers: { 'q.area': 'safety.area.skin' },
    presentRuleIds: ['cx.area.skin'],
    deniedRuleIds: [],
    ageYears: 30,
  });
  // Our own words: a red rash that looks like sunburn (NHS.uk Toxic shock syndrome, Sepsis), one per language.
  it.each([
    ['fra', 'une éruption rouge comme un coup de soleil sur tout le corps'],
    ['spa', 'una erupción roja como una quemadura de sol por todo el cuerpo'],
    ['ita', 'una eruzione rossa come una scottatura solare su tutto il corpo'],
    ['pol', 'czerwona wysypka jak oparzenie słoneczne na całym ciele'],
    ['tur', 'her yerimde güneş yanığı gibi kırmızı döküntü var'],
  ])('%s: "%s"', (lang, text) => {
    const { asked } = askedFor(picture(text, lang));
    expect(asked).toContain('q.s20.blisters');
    expect(asked).not.toContain('q.s24.blisters_named');
  });

  it('the like words are a marker that keeps filler words, read by the blister-cause marker as its exclusion', () => {
    expect(ruleOf('cx.s24.blister_cause')?.excludeFrom).toContain('cx.s24.like');
    expect(ruleOf('cx.s24.like')?.keepFiller).toBe(true);
  });
});

describe('C. broad words no longer raise A&E', () => {
  it.each([
    ['fra', "J'ai mal au ventre après un long trajet en voiture"],
    ['spa', 'Me mareo en el coche y luego me duele la barriga'],
    ['ita', 'Ho mal di pancia ogni volta che vado in macchina'],
    ['fra', 'Je vais péter un plomb avec ce mal de dos'],
    ['guj', 'શાક કાપતાં છરીથી આંગળી પર નાનો કાપો પડ્યો'],
  ])('%s: "%s" is not an emergency', (lang, text) => {
    expect(decideText(text, lang).tier).not.toBe('emergency');
  });

  it.each([
    ['fra', "hier une voiture m'a renversé à vélo, ce matin j'ai très mal au ventre"],
    ['spa', 'ayer un coche me atropelló y hoy me duele mucho la barriga'],
  ])('%s: a road accident with tummy pain still reaches A&E: "%s"', (lang, text) => {
    expect(decideText(text, lang).tier).toBe('emergency');
  });

  it('the H105 markers that read broad words keep their filler words', () => {
    for (const id of ['cx.e24.vehicle', 'cx.e24.word.sharp', 'cx.e24.mem_other', 'cx.e24.pain_bad', 'cx.e24.pills_ready', 'cx.e24.no_future']) {
      expect([id, ruleOf(id)?.keepFiller]).toEqual([id, true]);
    }
  });
});

describe('E. Arabic: an age in years is not a past event, and severe chest pain is chest pain', () => {
  // Our own words. "عمرها 5 سنوات" (she is 5 years old): the bare word for years was a strong past cue, so every sign
  // told in the same clause as a child's age was read as long past (NHS.uk: the signs are the same at any age).
  it.each([
    ['ابنتي عمرها 5 سنوات وهي لا تستطيع التنفس', 'rf.breathing.severe'],
    ['ابني عمره 7 سنوات وعنده طفح لا يختفي تحت الكأس', 'rf.rash.non_blanching'],
  ])('"%s" calls 999', (text, rule) => {
    const d = decideText(text, 'arb');
    expect([d.tier, d.ruleIds]).toEqual(['emergency', expect.arrayContaining([rule])]);
  });

  it.each(['أصبت بجلطة قلبية قبل سنوات', 'عندي جلطة قلبية من سنوات', 'جاتني جلطة قلبية من عدة سنوات'])('a heart attack years ago stays past: "%s"', (text) => {
    expect(decideText(text, 'arb').tier).not.toBe('emergency');
  });

  // NHS.uk Chest pain: an adjective between the pain word and the chest ("severe pain in the chest") read nothing.
  it.each(['ألم شديد في الصدر', 'عندي ألم قوي في الصدر من ساعة', 'وجع شديد بصدري'])('"%s" is read as chest pain', (text) => {
    expect(decideText(text, 'arb').ruleIds).toContain('cx.chest_pain');
  });

  // The same gap, found by trying "severe chest pain" in all 20 languages: Persian and Portuguese read nothing.
  it.each([
    ['pes', 'درد شدید در قفسه سینه دارم'],
    ['pes', 'درد زیادی در قفسه سینه دارم'],
    ['por', 'estou com uma dor muito forte no peito'],
    ['por', 'dor forte no peito desde manhã'],
  ])('%s: "%s" is read as chest pain', (lang, text) => {
    expect(decideText(text, lang).ruleIds).toContain('cx.chest_pain');
  });
});

describe('F. a kitchen cut is no stab wound (H105 and an older French trigger)', () => {
  // English 'knifed' stems to 'knife'; French 'coup de couteau' (a stab) reads 'coupé ... couteau' (cut ... knife).
  it.each([
    ['eng', 'cut my finger with a knife'],
    ['eng', 'knife slipped and cut my thumb'],
    ['fra', 'je me suis coupé le doigt avec un couteau'],
    ['fra', 'je me suis coupé avec un couteau en cuisinant'],
  ])('%s: "%s" is not an emergency', (lang, text) => {
    expect(decideText(text, lang).tier).not.toBe('emergency');
  });

  it.each([
    ['eng', 'he was stabbed last night'],
    ['eng', 'someone knifed him'],
    ['fra', 'il a reçu un coup de couteau dans le ventre'],
    ['fra', 'on lui a donné des coups de couteau'],
    ['fra', "il s'est fait agresser au couteau"],
  ])('%s: a stabbing still reaches 999 or A&E: "%s"', (lang, text) => {
    expect(decideText(text, lang).tier).toBe('emergency');
  });
});
