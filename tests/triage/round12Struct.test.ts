/**
 * Round 12 s12-struct (hazard H59): structured questions the answering patient can say yes to.
 *  1. The head and injury areas ask whether the person hit their head (q.area.head.injury), which
 *     opens the head-injury set (NHS.uk Head injury and concussion; NICE NG232).
 *  2. A yes to the urinary fever question raises cx.fever too, so the sepsis question of the fever
 *     set follows (NHS.uk Sepsis: blotchy, blue or grey skin, very sleepy, breathing fast).
 *  3. A question that raises a routine rule is asked after an area pick (the picked area's marker
 *     no longer counts as a routine tier): a cough of more than 3 weeks (NHS.uk Cough).
 *  4. Blood in the poo is asked in the tummy area and with constipation or threadworms, and a yes
 *     is never self-care (NHS.uk Bleeding from the bottom).
 *  5. The chest area asks about palpitations on their own (q.area.chest.palpitations raises
 *     cx.palpitations, routine: NHS.uk Heart palpitations, see a GP if you keep getting them).
 * The texts are our own, written from the NHS pages, not the opened sets'.
 */
import { createDialogDriver } from '../../bench/triageDialog.js';
import { vagueVignette, type Vignette } from '../../bench/triageSim.js';
import type { LangCode } from '../../src/domain/types.js';
import { lookup } from '../../src/i18n/resources.js';
import { content } from '../support/dialog.js';
import { decideText } from '../support/triage.js';

type Picture = Parameters<typeof content.triage.decide>[0];
const engine = content.triage;
const driver = createDialogDriver();
const caseOf = (extra: Partial<Vignette>): Vignette => vagueVignette('round12-struct-test', { ageYears: 45, ...extra });
const answering = (extra: Partial<Vignette>) => driver.run(caseOf(extra), { answering: true });

/** Every question the engine asks for this picture when each is answered "no", in order. */
function askedAllNo(picture: Omit<Picture, 'answers'>): string[] {
  const answers: Record<string, string> = {};
  for (let i = 0; i < 30; i++) {
    const q = engine.nextQuestion({ ...picture, answers } as Picture);
    if (!q) break;
    answers[q.id] = 'no';
  }
  return Object.keys(answers);
}

describe('1. a head injury told under the head or injury area', () => {
  const FALL: [LangCode, string][] = [
    ['eng', 'My nan is 83, she had a fall in the kitchen last night and is not herself today'],
    ['spa', 'Mi abuela tiene 83 años, se cayó anoche en la cocina y hoy no está como siempre'],
    ['pol', 'Babcia ma 83 lata, wczoraj wieczorem upadła w kuchni i dziś nie jest sobą'],
  ];
  it.each(FALL)('%s: the head area asks about a head injury, then the head-injury set finds being sick', (lang, text) => {
    const run = answering({ lang, text, who: 'other', ageYears: 83, area: 'head', yesTo: ['head_injury', 'vomiting'] });
    expect(run.error).toBeUndefined();
    expect(run.asked).toContain('q.area.head.injury');
    expect(run.asked).toContain('q.head_injury.vomit');
    expect(run.finalState).toBe('emergency');
  });

  it('eng: a head injury on blood thinners under the head area is an emergency', () => {
    const run = answering({ text: FALL[0]![1], who: 'other', ageYears: 83, area: 'head', yesTo: ['head_injury', 'blood_thinners'] });
    expect(run.finalState).toBe('emergency');
  });

  it('eng: the injury area finds a head injury with drowsiness, without blood thinners', () => {
    const run = answering({ text: 'I slipped on the ice this morning', area: 'injury', yesTo: ['head_injury', 'drowsy'] });
    expect(run.asked).toContain('q.area.head.injury');
    expect(run.finalState).toBe('emergency');
  });

  it('eng: a headache with no head injury asks the one question and stays out of the head-injury set', () => {
    const run = answering({ text: 'I have had a throbbing headache since this morning', area: 'head', yesTo: [] });
    expect(run.asked).toContain('q.area.head.injury');
    expect(run.asked.filter((q) => q.startsWith('q.head_injury.'))).toEqual([]);
    expect(run.finalState).not.toBe('emergency');
  });

  it('the engine: a yes raises cx.head_injury (urgent), and the set asks its questions next', () => {
    const picture = { need: 'need.new', texts: [{ text: 'I feel dizzy', lang: 'eng' }], presentRuleIds: ['cx.area.head'], deniedRuleIds: [], ageYears: 70 } as const;
    expect(engine.nextQuestion({ ...picture, answers: {} } as unknown as Picture)?.id).toBe('q.area.head.injury');
    const after = { ...picture, answers: { 'q.area.head.injury': 'yes' } } as unknown as Picture;
    expect(engine.decide(after).tier).toBe('urgent');
    expect(engine.nextQuestion(after)?.id).toMatch(/^q\.head_injury\./);
  });
});

describe('2. a fever answer in the urinary set leads to the sepsis question', () => {
  const UTI: [LangCode, string][] = [
    ['eng', 'My dad is 79 and has a water infection, it stings when he wees'],
    ['fra', "Mon père a 79 ans, il a une infection urinaire, ça brûle quand il fait pipi"],
  ];
  it.each(UTI)('%s: fever or shivers, then blotchy skin, is an emergency (sepsis)', (lang, text) => {
    const run = answering({ lang, text, who: 'other', ageYears: 79, area: 'waterworks', yesTo: ['fever_or_shivers_with_pee', 'blotchy_skin'] });
    expect(run.asked.slice(0, 2)).toEqual(['q.urinary.fever', 'q.fever.very_unwell']);
    expect(run.finalState).toBe('emergency');
    expect(run.ruleIds).toContain('rf.sepsis');
  });

  it('eng: fever or shivers alone stays urgent (upper urinary infection), not 999', () => {
    const run = answering({ text: UTI[0]![1], who: 'other', ageYears: 79, area: 'waterworks', yesTo: ['fever_or_shivers_with_pee'] });
    expect(run.asked).toContain('q.fever.very_unwell');
    expect(run.finalState).not.toBe('emergency');
    expect(run.tier).toBe('urgent');
  });

  it('eng: no fever, no sepsis question', () => {
    const run = answering({ text: UTI[0]![1], who: 'other', ageYears: 79, area: 'waterworks', yesTo: [] });
    expect(run.asked).not.toContain('q.fever.very_unwell');
  });
});

describe('3. a question raising a routine rule is asked after an area pick', () => {
  const COUGH = 'Still coughing after a cold, bringing up a bit of clear phlegm, otherwise fine';
  it('the engine: the picked area (a marker) does not count as a routine tier', () => {
    const picture = { need: 'need.new', texts: [{ text: COUGH, lang: 'eng' }], presentRuleIds: ['cx.area.breathing'], deniedRuleIds: [], ageYears: 50 };
    expect(askedAllNo(picture as Omit<Picture, 'answers'>)).toContain('q.cough.weeks');
    expect(decideText(COUGH, 'eng', 50).tier).toBe('selfcare');
  });

  it('eng: a cough of more than 3 weeks under the breathing area is routine, not self-care', () => {
    const run = answering({ text: COUGH, ageYears: 50, area: 'breathing', yesTo: ['cough_3_weeks'] });
    expect(run.asked).toContain('q.cough.weeks');
    expect(run.tier).toBe('routine');
    expect(run.ruleIds).toContain('rt.cough.long');
    expect(answering({ text: COUGH, ageYears: 50, area: 'breathing', yesTo: [] }).tier).toBe('selfcare');
  });
});

describe('4. blood in the poo is never self-care', () => {
  const CONSTIPATION: [LangCode, string][] = [
    ['eng', "I'm constipated, I have not had a poo for 4 days and I have to strain"],
    ['ita', 'Sono stitica, non vado di corpo da 4 giorni e devo spingere molto'],
  ];
  it.each(CONSTIPATION)('%s: constipation with a yes to blood in the poo is routine', (lang, text) => {
    const run = answering({ lang, text, area: 'tummy', yesTo: ['blood_in_poo'] });
    expect(run.asked).toContain('q.bowel.blood');
    expect(run.tier).toBe('routine');
    expect(run.ruleIds).toContain('rt.poo.blood');
  });

  it('eng: the same constipation with no blood stays self-care (the answer is what moved it)', () => {
    const run = answering({ text: CONSTIPATION[0]![1], area: 'tummy', yesTo: [] });
    expect(run.tier).toBe('selfcare');
  });

  it('eng: constipation under "Something else" is asked too (the set follows pf.constipation)', () => {
    const run = answering({ text: CONSTIPATION[0]![1], area: 'other', yesTo: ['blood_in_poo'] });
    expect(run.asked).toContain('q.bowel.blood');
    expect(run.tier).toBe('routine');
  });
});

describe('5. the chest area asks about palpitations on their own', () => {
  const ODD: [LangCode, string][] = [
    ['eng', 'Now and then I get an odd feeling in my chest in the evening, no pain'],
    ['tur', 'Akşamları ara sıra göğsümde garip bir his oluyor, ağrı yok'],
  ];
  it.each(ODD)('%s: a yes to a racing or skipping heart alone is routine (see a GP), not self-care or 999', (lang, text) => {
    const run = answering({ lang, text, area: 'chest', yesTo: ['heart_racing'] });
    expect(run.asked).toContain('q.area.chest.palpitations');
    expect(run.tier).toBe('routine');
    expect(run.ruleIds).toContain('cx.palpitations');
  });
  it('eng: a racing heart with breathlessness is still the 999 question before it', () => {
    const run = answering({ text: ODD[0]![1], area: 'chest', yesTo: ['heart_racing', 'breathless'] });
    expect(run.finalState).toBe('emergency');
    expect(run.asked).not.toContain('q.area.chest.palpitations');
  });
});

describe('the new questions are content in every language', () => {
  it.each(content.languages.map((l) => [l.code, l.bcp47] as const))('%s: the three prompts are there', (code, bcp47) => {
    for (const id of ['q.area.head.injury', 'q.bowel.blood', 'q.area.chest.palpitations']) {
      const key = engine.question(id).promptKey;
      expect([code, key, typeof lookup(content.resources[bcp47], key)]).toEqual([code, key, 'string']);
    }
  });
});
