/**
 * Round 18 areas A (s18-areas-a, hazard H79): the structured net alone. A patient who ticks nothing on the
 * emergency check and picks an area reaches 999 or A&E from that area's questions, without any of their
 * words, when they have one of the NHS.uk "call 999 / go to A&E" signs the area did not ask about; a patient
 * without the sign says no and is not raised. Tummy: one list question (took too much of a medicine or a
 * poison; cannot pee, poo or pass wind at all; sweating, clammy, grey or blotchy skin), then each sign's own
 * question; sudden confusion after "cannot keep drinks down"; a lot of blood or feeling faint after blood in
 * the poo. Waterworks: cannot pee at all. Eye: swollen or red skin round the eye with a high temperature;
 * feeling or being sick, or halos, after a red painful eye. Skin: the sepsis question after spreading
 * redness. Pregnancy: the sepsis question. Injury: an arm or leg weak, numb or tingling since the injury.
 * Head injury: a bruise behind an ear or clear fluid from the nose or an ear.
 * Driven through the statechart with the opening text withheld (bench/triageDialog.ts), from made-up cases.
 */
import { createDialogDriver, WITHHELD_TEXT } from '../../bench/triageDialog.js';
import { vagueVignette, type Vignette } from '../../bench/triageSim.js';
import type { LangCode } from '../../src/domain/types.js';
import { lookup } from '../../src/i18n/resources.js';
import { answerUntil, toArea as toAreaOf } from '../support/areaConversation.js';
import { content } from '../support/dialog.js';

type Picture = Parameters<typeof content.triage.decide>[0];
const engine = content.triage;
const driver = createDialogDriver();

/** A vague adult who is in an emergency the words do not say (bench/triageSim.ts vagueVignette). */
const unwell = (extra: Partial<Vignette>): Vignette => vagueVignette('round18-areas-a-test', { gold: 'emergency', ageYears: 52, ...extra });
const withheld = (extra: Partial<Vignette>) => driver.run(unwell(extra), { answering: true, withholdText: true });
const NOW = ['still_happening', 'started_last_week'];

type Row = { name: string; area: string; yes: string[]; ask: string; rule: string; age?: number };
const RAISED: Row[] = [
  { name: 'tummy: took too much of a medicine or a poison', area: 'tummy', yes: ['took_too_much', 'vomiting', 'feeling_sick', 'faint_dizzy'], ask: 'q.a18.tummy.took', rule: 'rf.poisoning' },
  { name: 'tummy: sick and cannot poo or pass wind', area: 'tummy', yes: ['vomiting', 'feeling_sick', 'bladder_bowel_control'], ask: 'q.a18.tummy.cannot_go', rule: 'rf.a18.cannot_go' },
  { name: 'tummy: a heart attack felt as indigestion, sweating and sick', area: 'tummy', yes: ['sweating', 'feeling_sick'], ask: 'q.a18.tummy.sweat_sick', rule: 'rf.a18.heart_attack.tummy' },
  { name: 'tummy: grey, blotchy skin', area: 'tummy', yes: ['sweating', 'blotchy_skin'], ask: 'q.a18.tummy.very_unwell', rule: 'rf.sepsis' },
  { name: 'tummy: cannot keep drinks down and suddenly confused', area: 'tummy', yes: ['vomiting', 'drinking_less', 'faint_dizzy', 'confused_sudden'], ask: 'q.a18.tummy.confused', rule: 'rf.confusion.new' },
  { name: 'tummy: blood in the poo and faint', area: 'tummy', yes: ['blood_in_poo', 'faint_dizzy'], ask: 'q.a18.tummy.bleed_heavy', rule: 'rf.k17b.rectal' },
  { name: 'waterworks: cannot pee at all', area: 'waterworks', yes: ['no_pee', 'tummy_pain_severe'], ask: 'q.a18.waterworks.cannot_go', rule: 'rf.a18.cannot_go', age: 78 },
  { name: 'eye: swollen skin round the eye with a high temperature', area: 'eye', yes: ['swelling_round_eye', 'fever'], ask: 'q.a18.eye.swollen_fever', rule: 'rf.k17b.orbital', age: 5 },
  { name: 'eye: a red painful eye and being sick', area: 'eye', yes: ['eye_red_painful', 'vomiting', 'feeling_sick'], ask: 'q.a18.eye.sick', rule: 'rf.k17a.glaucoma', age: 66 },
  { name: 'skin: spreading redness with fast breathing', area: 'skin', yes: ['spreading_redness', 'fever', 'breathing_fast', 'confused_sudden'], ask: 'q.a18.skin.very_unwell', rule: 'rf.sepsis' },
  { name: 'pregnancy: a temperature and fast breathing', area: 'pregnancy', yes: ['pregnant', 'fever', 'breathing_fast', 'very_unwell'], ask: 'q.a18.preg.very_unwell', rule: 'rf.sepsis', age: 29 },
  { name: 'injury: an arm or leg weak or numb since the injury', area: 'injury', yes: ['arm_leg_weak'], ask: 'q.a18.injury.limb_weak', rule: 'rf.a18.injury.limb_weak', age: 24 },
  { name: 'head: a head injury with a bruise behind the ear', area: 'head', yes: ['head_injury', 'swelling_behind_ear'], ask: 'q.a18.head.ear_fluid', rule: 'rf.a18.head_injury.ear_fluid', age: 31 },
  { name: 'injury: a head injury with a bruise behind the ear', area: 'injury', yes: ['head_injury', 'swelling_behind_ear'], ask: 'q.a18.head.ear_fluid', rule: 'rf.a18.head_injury.ear_fluid', age: 31 },
];

describe('each new question, reached from its area with the words withheld, raises its emergency when the sign is there', () => {
  it.each(RAISED.map((r) => [r.name, r] as const))('%s', (_name, r) => {
    const run = withheld({ area: r.area, yesTo: [...NOW, ...r.yes], ageYears: r.age ?? 52 });
    expect(run.error).toBeUndefined();
    expect([run.finalState, run.asked.includes(r.ask), run.ruleIds.includes(r.rule)]).toEqual(['emergency', true, true]);
  });
});

describe('a patient without the sign says no and is not raised', () => {
  it.each([
    // A tummy bug: sick, not keeping drinks down, dizzy on standing (urgent, not 999): the list is asked, nothing else.
    ['tummy bug', 'tummy', ['vomiting', 'feeling_sick', 'drinking_less', 'faint_dizzy'], ['q.a18.tummy.list', 'q.a18.tummy.confused'], ['q.a18.tummy.took', 'q.a18.tummy.sweat_sick']],
    // Piles: a little blood in the poo, not faint.
    ['a little blood in the poo', 'tummy', ['blood_in_poo'], ['q.a18.tummy.list', 'q.a18.tummy.bleed_heavy'], ['q.a18.tummy.confused']],
    ['cystitis with a temperature', 'waterworks', ['fever', 'fever_or_shivers_with_pee', 'feeling_sick'], ['q.a18.waterworks.cannot_go'], []],
    ['a sticky eye', 'eye', ['swelling_round_eye'], ['q.a18.eye.swollen_fever'], ['q.a18.eye.sick']],
    ['a red painful eye without sickness', 'eye', ['eye_red_painful'], ['q.a18.eye.swollen_fever', 'q.a18.eye.sick'], []],
    ['cellulitis with a temperature', 'skin', ['spreading_redness', 'fever'], ['q.a18.skin.very_unwell'], []],
    ['a rash without spreading redness', 'skin', ['fever'], [], ['q.a18.skin.very_unwell']],
    ['pregnant with a cold', 'pregnancy', ['pregnant', 'fever'], ['q.a18.preg.very_unwell'], []],
    ['a sprained ankle', 'injury', [], ['q.a18.injury.limb_weak'], ['q.a18.head.ear_fluid']],
    ['a bump on the head', 'head', ['head_injury'], ['q.a18.head.ear_fluid'], []],
  ] as const)('%s (%s)', (_name, area, yes, asked, notAsked) => {
    const run = withheld({ area, yesTo: [...NOW, ...yes], gold: 'urgent' });
    expect(run.error).toBeUndefined();
    expect(run.finalState).not.toBe('emergency');
    for (const id of asked) expect([id, run.asked.includes(id)]).toEqual([id, true]);
    for (const id of notAsked) expect([id, run.asked.includes(id)]).toEqual([id, false]);
  });

  it('asks the heart-attack question after the list, and (once the age is known) only from 30', () => {
    const none = withheld({ area: 'tummy', yesTo: [...NOW, 'feeling_sick'] });
    expect([none.asked.includes('q.a18.tummy.list'), none.asked.includes('q.a18.tummy.sweat_sick')]).toEqual([true, false]);
    /** Every question the engine asks for a tummy-area picture with the list answered yes and the rest no. */
    const askedAfterListYes = (ageYears: number) => {
      const answers: Record<string, string> = { 'q.a18.tummy.list': 'yes' };
      const base = { need: 'need.new', texts: [{ text: WITHHELD_TEXT, lang: 'eng' }], presentRuleIds: ['cx.area.tummy'], deniedRuleIds: [], ageYears };
      const asked: string[] = [];
      for (let i = 0; i < 30; i++) {
        const q = engine.nextQuestion({ ...base, answers } as Picture);
        if (!q) break;
        asked.push(q.id);
        answers[q.id] = 'no';
      }
      return asked;
    };
    expect(askedAfterListYes(22)).not.toContain('q.a18.tummy.sweat_sick');
    expect(askedAfterListYes(22)).toEqual(expect.arrayContaining(['q.a18.tummy.took', 'q.a18.tummy.cannot_go', 'q.a18.tummy.very_unwell']));
    expect(askedAfterListYes(45)).toContain('q.a18.tummy.sweat_sick');
  });

  it('adds one question to a tummy, waterworks, pregnancy or injury conversation that has none of the signs', () => {
    for (const area of ['tummy', 'waterworks', 'pregnancy', 'injury']) {
      const run = withheld({ area, yesTo: [...NOW], gold: 'routine' });
      expect([area, run.asked.filter((q) => q.startsWith('q.a18.')).length]).toEqual([area, 1]);
    }
  });
});

describe('typed answers in other languages reach the new questions in that language', () => {
  const toArea = (lang: LangCode, area: string, age: string) => toAreaOf(lang, area, age, `test:r18a-${lang}-${area}`);

  it.each([
    ['fra', 'tummy', 'q.a18.tummy.list', 'non', 'oui', 'q.a18.tummy.cannot_go'],
    ['ukr', 'waterworks', 'q.a18.waterworks.cannot_go', 'ні', 'так', undefined],
    ['tur', 'injury', 'q.a18.injury.limb_weak', 'hayır', 'evet', undefined],
    ['cmn', 'eye', 'q.a18.eye.swollen_fever', '没有', '是的', undefined],
    ['arb', 'head', 'q.a18.head.ear_fluid', 'لا', 'نعم', undefined],
  ] as const)('%s, %s: %s', (lang, area, first, no, yes, then) => {
    const { c, reply } = toArea(lang, area, '40');
    // The head area first asks whether the person hit their head: yes opens the head-injury questions.
    const start = area === 'head' ? answerUntil(c, lang, reply, 'q.area.head.injury', no, yes) : reply;
    const after = answerUntil(c, lang, start, first, no, yes);
    if (then) answerUntil(c, lang, after, then, no, yes);
    expect(c.last.state).toBe('emergency');
  });

  it('says the tummy list in the patient\'s language, one line a message, before the question', () => {
    const { c, reply: first } = toArea('spa', 'tummy', '40');
    const reply = answerUntil(c, 'spa', first, 'q.a18.tummy.list', 'no', 'no');
    expect(reply.result.state).not.toBe('emergency');
    const listTurn = c.turns.find((t) => t.say.some((m) => m.key === 'triage.areas18a.tummy_list_took'));
    expect(listTurn?.say.map((m) => m.key)).toEqual(expect.arrayContaining(['triage.general.hidden_intro', 'triage.areas18a.tummy_list_cannot_go', 'triage.areas18a.tummy_list_sweat', 'triage.general.hidden']));
  });
});

describe('the new prompts are content in every language', () => {
  const ids = [...new Set(RAISED.map((r) => r.ask)), 'q.a18.tummy.list'];
  it.each(content.languages.map((l) => [l.code, l.bcp47] as const))('%s: every prompt and list line is there', (code, bcp47) => {
    const keys = [...ids.map((id) => engine.question(id).promptKey), ...(engine.question('q.a18.tummy.list').lines ?? [])];
    expect(keys.length).toBeGreaterThan(14);
    for (const key of keys) expect([code, key, typeof lookup(content.resources[bcp47], key)]).toEqual([code, key, 'string']);
  });
});
