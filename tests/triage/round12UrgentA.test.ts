/**
 * Round 12 s12-urgent-a (hazard H57). Shingles and croup are urgent by their NHS.uk pages:
 * - Shingles: "Ask for an urgent GP appointment or get help from NHS 111 if you think you might have
 *   shingles" (antivirals work best within 3 days of the rash). rf.shingles (was pf.shingles, self-care
 *   at the pharmacy) is urgent; rf.shingles.signs reads the shingles signs without the name, as
 *   combinations of markers in all 20 languages (one side only, a band or cluster, a burning or
 *   tingling skin, a rash, blisters). No single word raises it; a rash on both sides does not.
 * - Croup: "Ask for an urgent GP appointment or get help from NHS 111 if your child has symptoms of
 *   croup". rf.croup.child: a cough word and a barking sound (a seal, a dog, a sea lion) in a child.
 * The phrases are our own, written from the NHS pages, not the opened sets'.
 */
import type { LangCode, NeedCode } from '../../src/domain/types.js';
import { createDialogDriver } from '../../bench/triageDialog.js';
import type { Vignette } from '../../bench/triageSim.js';
import { decideText } from '../support/triage.js';
import { answerTriageQuestions, content, conversation } from '../support/dialog.js';

type Picture = Parameters<typeof content.triage.decide>[0];
const engine = content.triage;
const driver = createDialogDriver();
const ruleIdsOf = (text: string, lang: string, age?: number): string[] => decideText(text, lang, age).ruleIds;

/** Shingles told by its signs, no name: blisters on one side, a band of blisters, or a rash on one side with a burning pain. */
const SHINGLES_SIGNS: [string, string][] = [
  ['eng', 'tingling on my back for two days and now blisters only on the right side'],
  ['eng', 'a band of blisters round my waist'],
  ['eng', 'burning pain then a red rash only on the left side of my chest'],
  ['cym', 'pothelli ar un ochr fy nghefn'],
  ['cym', "brech goch ar un ochr yn unig ac mae'n llosgi"],
  ['pol', 'pęcherze tylko po lewej stronie pleców'],
  ['pol', 'wysypka z jednej strony brzucha i piecze'],
  ['ron', 'am bășici doar pe o parte a spatelui'],
  ['ron', 'o fâșie de bășicuțe în jurul taliei'],
  ['por', 'bolhas só do lado direito das costas'],
  ['por', 'uma faixa de bolhas à volta da cintura'],
  ['spa', 'ampollas solo en un lado de la espalda'],
  ['spa', 'me arde la piel y tengo un sarpullido solo en un lado del pecho'],
  ['fra', "des cloques d'un seul côté du dos"],
  ['fra', 'une bande de cloques autour de la taille'],
  ['ita', 'vesciche solo su un lato della schiena'],
  ['ita', 'una striscia di vesciche intorno alla vita'],
  ['lit', 'pūslelės tik vienoje nugaros pusėje'],
  ['tur', 'sırtımın sadece sağ tarafında kabarcıklar var'],
  ['tur', 'belimin etrafında kuşak gibi kabarcıklar çıktı'],
  ['ukr', 'пухирці тільки з правого боку спини'],
  ['ukr', 'смуга пухирців навколо талії'],
  ['arb', 'فقاعات فقط على اليمين في ظهري'],
  ['arb', 'حزام من الفقاعات حول الخصر'],
  ['pes', 'تاول فقط سمت راست کمرم'],
  ['urd', 'کمر پر صرف دائیں طرف چھالے'],
  ['pan', 'ਪਿੱਠ ਤੇ ਸਿਰਫ਼ ਸੱਜੇ ਪਾਸੇ ਛਾਲੇ'],
  ['ben', 'কোমরের চারপাশে ফিতার মতো ফোস্কা'],
  ['guj', 'પીઠ પર ફક્ત જમણી બાજુ ફોલ્લા'],
  ['tam', 'இடுப்பைச் சுற்றி பட்டை மாதிரி கொப்புளங்கள்'],
  ['cmn', '背上只有右边起了水泡'],
  ['cmn', '腰上一圈水泡'],
  ['som', 'xumbo dhinaca midig oo keliya ee dhabarka'],
];

/** One word of the combination alone, a rash on both sides, a friction blister, a cold sore: never rf.shingles.signs. */
const NOT_SHINGLES: [string, string][] = [
  ['eng', 'itchy rash on both arms after a new washing powder'],
  ['eng', 'red itchy spots on both sides of my tummy, I think it is an allergy'],
  ['eng', 'blister on my heel from new shoes'],
  ['eng', 'a rash on my back'],
  ['eng', 'burning pain on my left side'],
  ['eng', 'cold sore blisters on one side of my lip'],
  ['spa', 'picor y granos en los dos brazos por un detergente nuevo'],
  ['por', 'tenho uma dor na zona lombar do lado esquerdo'],
  ['tur', 'sadece sağ tarafımda ağrı var'],
  ['cmn', '一边咳嗽一边发烧'],
];

/** A child's cough with a barking sound, told in each of the 20 languages. */
const CROUP_CHILD: [string, string][] = [
  ['eng', 'my son is coughing and it sounds like a sea lion'],
  ['cym', 'mae fy mab yn pesychu fel morlo'],
  ['pol', 'mój synek ma kaszel jak foka'],
  ['ron', 'fetița mea tușește ca o focă'],
  ['por', 'o meu filho tem tosse e parece uma foca'],
  ['spa', 'mi hija tose como una foca'],
  ['fra', 'mon fils tousse comme un phoque'],
  ['ita', 'mio figlio ha una tosse come una foca'],
  ['lit', 'mano sūnus kosėja kaip ruonis'],
  ['tur', 'oğlum fok gibi öksürüyor'],
  ['ukr', 'синок кашляє, гавкіт як у собаки'],
  ['arb', 'طفلي عنده كحة مثل نباح الكلب'],
  ['pes', 'پسرم سرفه میکنه مثل پارس سگ'],
  ['urd', 'بچے کو کھانسی ہے جیسے کتا بھونکتا ہو'],
  ['pan', 'ਮੇਰੀ ਧੀ ਖੰਘਦੀ ਹੈ ਜਿਵੇਂ ਕੁੱਤਾ ਭੌਂਕਦਾ'],
  ['ben', 'আমার মেয়ের কাশি কুকুরের ডাকের মতো'],
  ['guj', 'મારી દીકરીને કૂતરાની જેમ ખાંસી આવે છે'],
  ['tam', 'என் மகனுக்கு நாய் குரைப்பது போல இருமல்'],
  ['cmn', '我女儿咳嗽像海豹叫'],
  ['som', 'wiilkayga qufaca wuxuu u egyahay cida eey'],
];

describe('shingles is urgent (NHS.uk Shingles, H57)', () => {
  it('rf.shingles and rf.shingles.signs are urgent, same day, with the NHS.uk Shingles source', () => {
    for (const id of ['rf.shingles', 'rf.shingles.signs']) {
      const rule = engine.rule(id);
      expect([rule?.tier, rule?.disposition]).toEqual(['urgent', 'gp_same_day']);
      expect(rule?.source.url).toBe('https://www.nhs.uk/conditions/shingles/');
    }
    expect(engine.rule('pf.shingles')).toBeUndefined();
  });

  it.each([
    ['eng', 'I think I have shingles on my back'],
    ['spa', 'creo que tengo culebrilla en la espalda'],
    ['pol', 'chyba mam półpasiec na plecach'],
    ['cmn', '我背上长了带状疱疹'],
  ])('%s: shingles named is urgent, not the pharmacy: %s', (lang, text) => {
    expect(decideText(text, lang, 60).tier).toBe('urgent');
  });

  it('shingles clearly in the past is not read (tense past-only)', () => {
    expect(ruleIdsOf('I had shingles years ago', 'eng', 60)).not.toContain('rf.shingles');
  });

  it('at 15 it is urgent too (the Pharmacy First age rule no longer lists shingles)', () => {
    expect(decideText('shingles on my side', 'eng', 15).tier).toBe('urgent');
  });

  it.each(SHINGLES_SIGNS)('%s: the signs without the name are urgent: %s', (lang, text) => {
    const out = decideText(text, lang, 65);
    expect(out.tier).toBe('urgent');
    expect(out.ruleIds).toContain('rf.shingles.signs');
  });

  it.each(NOT_SHINGLES)('%s: not shingles: %s', (lang, text) => {
    expect(ruleIdsOf(text, lang, 40)).not.toContain('rf.shingles.signs');
  });

  it('a rash with burning pain on one side told across two messages is still read', () => {
    const out = engine.decide({
      need: 'need.new', answers: {}, presentRuleIds: [], deniedRuleIds: [], ageYears: 70,
      texts: [{ text: 'a burning feeling on my skin for three days', lang: 'eng' }, { text: 'now a red rash, only on the left', lang: 'eng' }],
    } as Picture);
    expect(out.ruleIds).toContain('rf.shingles.signs');
  });

  it('a scald with blisters on one side of the hand stays a burn (A&E), not shingles', () => {
    const out = decideText('spilt boiling water from the kettle on my hand, blisters on one side', 'eng', 30);
    expect(out.ruleIds).not.toContain('rf.shingles.signs');
    expect(out.tier).toBe('emergency');
  });

  it('a medicines request about shingles is no longer lifted to the pharmacy (urgent)', () => {
    const out = engine.decide({ need: 'need.medicines' as NeedCode, texts: [{ text: 'I have shingles, can I get antivirals?', lang: 'eng' }], answers: {}, presentRuleIds: [], deniedRuleIds: [] } as Picture);
    expect(out.tier).toBe('urgent');
  });
});

describe('croup in a child is urgent (NHS.uk Croup, H57)', () => {
  it('rf.croup.child is urgent, same day, with the NHS.uk Croup source', () => {
    const rule = engine.rule('rf.croup.child');
    expect([rule?.tier, rule?.disposition]).toEqual(['urgent', 'gp_same_day']);
    expect(rule?.source.url).toBe('https://www.nhs.uk/conditions/croup/');
  });

  it.each(CROUP_CHILD)('%s: a child with a barking cough: %s', (lang, text) => {
    const out = decideText(text, lang, 3);
    expect(out.tier).toBe('urgent');
    expect(out.ruleIds).toContain('rf.croup.child');
  });

  it('a child by age alone (no child word) is read', () => {
    expect(ruleIdsOf('tiene tos, suena como una foca', 'spa', 2)).toContain('rf.croup.child');
  });

  it.each([
    ['eng', 'my cough sounds like a seal'],
    ['spa', 'tengo tos como una foca'],
    ['ukr', 'кашель як у тюленя'],
  ])('%s: an adult barking cough is not raised by rf.croup.child: %s', (lang, text) => {
    expect(ruleIdsOf(text, lang, 45)).not.toContain('rf.croup.child');
  });

  it('a dog that barks beside a cough in an adult, or a bark word without a cough, raises nothing', () => {
    expect(ruleIdsOf('the dog next door keeps barking and I have a cough', 'eng', 40)).not.toContain('rf.croup.child');
    expect(ruleIdsOf('my son was scared by a barking dog', 'eng', 5)).not.toContain('rf.croup.child');
  });

  it.each([
    ['eng', 'my 3 year old has a barking cough like a seal, he breathes normally, no noise when breathing'],
    ['spa', 'mi hijo de 2 años tose como una foca, respira bien y no hace ruido al respirar'],
    ['ukr', 'синочку 2 роки, кашель як у тюленя, дихає нормально, без шуму'],
  ])('%s: breathing told as normal stays urgent, never 999: %s', (lang, text) => {
    expect(decideText(text, lang, 2).tier).toBe('urgent');
  });
});

const caseOf = (extra: Partial<Vignette>): Vignette => ({
  id: 'r12-test', text: '', need: 'need.new', gold: 'urgent', answers: {}, source: 'test', tags: [],
  who: 'self', ageYears: 70, recognises999Sign: null, area: 'skin', yesTo: ['still_happening', 'started_last_week'], ...extra,
});

describe('through the statechart (the answering patient)', () => {
  it('shingles told by its signs under the skin area ends urgent, and no 999', () => {
    const out = driver.run(caseOf({ text: 'two days of stinging skin on my right side, now a strip of small blisters there, only that side' }), { answering: true });
    expect(out.error).toBeUndefined();
    expect(out.tier).toBe('urgent');
    expect(out.ruleIds).toContain('rf.shingles.signs');
  });

  it('a child with a barking cough and a mild temperature, breathing fine, ends urgent under the child area', () => {
    const out = driver.run(caseOf({
      text: 'my little boy has a cough that sounds like a seal since last night and a croaky voice, breathing fine now',
      who: 'other', ageYears: 2, area: 'child', yesTo: ['still_happening', 'started_last_week', 'fever'],
    }), { answering: true });
    expect(out.error).toBeUndefined();
    expect(out.tier).toBe('urgent');
  });

  it('eng: shingles tapped as "Medicines" no longer reaches the pharmacy offer; the practice gets it as urgent', () => {
    const c = conversation({ lang: 'eng' as LangCode });
    c.say('hi');
    c.tap('need.medicines');
    c.say('I think I have shingles on my back, can I have tablets for it?');
    const FOLLOW: Record<string, string> = { duration: 'duration.days', trend: 'trend.same', impact: 'impact.some', wants: 'wants.prescription' };
    const seen: string[] = [];
    for (let i = 0; i < 30 && !['pharmacyOffer', 'who', 'emergency'].includes(c.last.state); i++) {
      seen.push(c.last.state);
      if (['triageQuestion', 'confirm', 'safetyCheck', 'areaPick'].includes(c.last.state)) {
        answerTriageQuestions(c, 'no', '');
        continue;
      }
      const code = FOLLOW[c.last.state];
      if (!code) break;
      c.tap(code);
    }
    expect(c.last.state).toBe('who');
    expect(seen).not.toContain('pharmacyOffer');
    expect(c.last.urgency).toBe('urgent');
  });
});
