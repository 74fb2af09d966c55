import type { SnapshotFrom } from 'xstate';
import type { LangCode } from '../../src/domain/types.js';
import type { IntakeMachine } from '../../src/dialog/machine/intakeMachine.js';
import { pictureOf } from '../../src/dialog/machine/context.js';
import { CHECK_ANSWERS } from '../../src/triage/safetySchema.js';
import { lookup } from '../../src/i18n/resources.js';
import { createDialogDriver } from '../../bench/triageDialog.js';
import { vagueVignette, type Vignette } from '../../bench/triageSim.js';
import { content, conversation, type Reply } from '../support/dialog.js';

/**
 * Round 18 (helper s18-areas-b, hazard H80): the structured net alone (the opening text withheld) finds, from the area
 * the patient picks and their yes or no, the NHS.uk '999' and 'A&E' signs that belong to the area:
 *   A. "Something else" lists three more signs in its one question (pain or tightness in the chest; swelling lips,
 *      mouth, tongue or throat, or not able to swallow; sudden confusion), each with its own follow-up;
 *   B. "Mental health" asks one short list of everyone who picks it (may not be safe right now; sudden confusion):
 *      yes is the crisis line at least, then "Are you safe right now?" and the sudden-confusion question decide 999;
 *   C. "A child" asks one list (sudden testicle pain; a face, arm or leg gone weak; fainting with a racing heart or
 *      chest pain), then each sign's own question;
 *   D. "Breathing" asks about sweating and sickness with the breathlessness (a heart attack without chest pain).
 * Made-up cases through the statechart with the answering patient and the opening text withheld; a patient who says no
 * is never raised by the new questions.
 */
type Snap = SnapshotFrom<IntakeMachine>;
const engine = content.triage;
const driver = createDialogDriver();
const ctxOf = (r: Reply) => (r.result.snapshot as Snap).context;
const questionOf = (r: Reply) => ctxOf(r).triage.currentQuestionId;

/** A vague adult who is in an emergency the words do not say (bench/triageSim.ts vagueVignette). */
const unwell = (extra: Partial<Vignette>): Vignette => vagueVignette('round18-areas-b', { gold: 'emergency', ageYears: 45, ...extra });
const net = (extra: Partial<Vignette>) => {
  const run = driver.run(unwell(extra), { answering: true, withholdText: true });
  expect(run.error).toBeUndefined();
  return run;
};

describe('A. "Something else": three more signs in the one list', () => {
  const hidden = engine.question('q.general.hidden');

  it('keeps the list readable: an intro and at most 7 signs, each line a plain sentence in all 20 languages', () => {
    expect(hidden.lines).toHaveLength(8);
    expect(hidden.lines!.slice(-3)).toEqual(['triage.general.hidden_chest', 'triage.general.hidden_swelling', 'triage.general.hidden_confused']);
  });

  it.each([
    [['chest_pain_now', 'breathless', 'fever'], 'q.other.chest', 'rf.chest_pain.cardiac'],
    [['swelling_face_throat'], 'q.other.swelling', 'rf.anaphylaxis'],
    [['swelling_round_eye', 'cannot_swallow', 'fever'], 'q.other.swallow', 'rf.throat.airway'],
    [['confused_sudden'], 'q.other.confused', 'rf.confusion.sudden'],
    [['sweating', 'confused_sudden', 'cannot_swallow'], 'q.other.swallow', 'rf.throat.airway'],
    [['fever', 'confused_sudden', 'drinking_less', 'very_unwell'], 'q.other.confused', 'rf.confusion.sudden'],
  ])('%j: the list, then %s, ends in 999 (%s)', (yesTo, follow, rule) => {
    const run = net({ area: 'other', yesTo: [...yesTo, 'still_happening', 'started_last_week'] });
    expect([run.finalState, run.asked[0], run.asked.includes(follow), run.ruleIds.includes(rule)]).toEqual(['emergency', 'q.general.hidden', true, true]);
  });

  it('chest pain now without the heart-attack signs: the chest-pain questions are asked, urgent (111), not 999', () => {
    const run = net({ area: 'other', yesTo: ['chest_pain_now', 'still_happening'], gold: 'urgent' });
    expect(run.asked).toEqual(expect.arrayContaining(['q.other.chest', 'q.chest_pain.character', 'q.chest_pain.breathless']));
    expect([run.finalState === 'emergency', run.tier]).toEqual([false, 'urgent']);
  });

  it('no to the list: no follow-up, no new rule, one question as before', () => {
    const run = net({ area: 'other', yesTo: ['fever', 'still_happening'], gold: 'routine' });
    // Round 20: a second list after these (H86: a groin lump, others at home, cold or heat, hearing), then the urgent check (H85), asked last of every patient still below urgent: no to both.
    // Round 22: then the self-care check (H89), asked last of a new problem no rule has placed.
    expect(run.asked).toEqual(['q.general.hidden', 'q.general.very_unwell', 'q.general.took', 'q.s20.other.list', 'q.urgent.check', 'q.selfcare.check']);
    expect(run.tier).toBe('routine');
  });

  it('yes then no to every sign: the new follow-ups are asked after the old ones, never below urgent', () => {
    const picture = { need: 'need.new' as const, texts: [], answers: { 'q.area': 'safety.area.other' } as Record<string, string>, presentRuleIds: ['cx.area.other'], deniedRuleIds: [] };
    const asked: string[] = [];
    for (let i = 0; i < 20; i++) {
      const q = engine.nextQuestion(picture);
      if (!q) break;
      asked.push(q.id);
      const eff = engine.answerEffect(q.id, q.id === 'q.general.hidden' ? 'yes' : 'no');
      picture.answers[q.id] = q.id === 'q.general.hidden' ? 'yes' : 'no';
      picture.presentRuleIds.push(...eff.raise);
    }
    expect(asked.filter((q) => q.startsWith('q.other.')).slice(-4)).toEqual(['q.other.chest', 'q.other.swelling', 'q.other.swallow', 'q.other.confused']);
    expect(engine.decide(picture).tier).toBe('urgent');
  });
});

describe('B. "Mental health": not safe now, or suddenly confused, asked of everyone who picks it', () => {
  it('not safe right now: the list, then "Are you safe right now?" (no): 999', () => {
    const run = net({ area: 'mental', who: 'other', ageYears: 35, yesTo: ['not_safe_now', 'still_happening', 'started_last_week'] });
    expect([run.finalState, run.asked.includes('q.mh.hidden'), run.asked.includes('q.mh.safe'), run.ruleIds]).toEqual(['emergency', true, true, ['rf.mh.imminent']]);
  });

  it('suddenly confused (a new mother not sleeping, hearing things): the list, then the sudden-confusion question: 999', () => {
    const run = net({ area: 'mental', who: 'other', ageYears: 30, yesTo: ['confused_sudden', 'still_happening', 'started_last_week'] });
    expect([run.finalState, run.asked.includes('q.mh.confused'), run.ruleIds]).toEqual(['emergency', true, ['rf.confusion.sudden']]);
  });

  it('no to the list: one more question than before, and nothing raised (no crisis referral)', () => {
    const run = net({ area: 'mental', yesTo: ['still_happening'], gold: 'routine' });
    expect(run.asked).toEqual(['q.mh.thoughts', 'q.mh.harm_today', 'q.mh.hidden', 'q.mh.cope', 'q.urgent.check']);
    expect(run.tier).toBe('routine');
  });

  it('thoughts of suicide without a plan or danger now stay with the crisis line, not 999', () => {
    const run = net({ area: 'mental', yesTo: ['suicidal_thoughts', 'still_happening'], gold: 'urgent' });
    expect(run.asked).toContain('q.mh.hidden');
    expect([run.finalState === 'emergency', run.tier]).toEqual([false, 'urgent']);
  });

  it('yes to the list but safe and not confused: the crisis line (urgent), never 999', () => {
    const picture = { need: 'need.new' as const, texts: [], answers: { 'q.area': 'safety.area.mental', 'q.mh.hidden': 'yes', 'q.mh.safe': 'yes', 'q.mh.confused': 'no', 'q.mh.plan': 'no' }, presentRuleIds: ['cx.area.mental', 'rf.mh.crisis'], deniedRuleIds: [] };
    const out = engine.decide(picture);
    expect([out.tier, out.disposition]).toEqual(['urgent', 'crisis_line']);
  });
});

describe('C. "A child": one list of hidden emergencies, then each sign', () => {
  it.each([
    [1, ['testicle_pain_sudden'], 'q.child.testicle', 'rf.testicle.sudden'],
    [14, ['arm_leg_weak'], 'q.child.stroke', 'rf.stroke.transient'],
    [14, ['faint_dizzy', 'heart_racing'], 'q.child.faint', 'rf.palpitations.severe'],
  ])('age %s, %j: the list, then %s: %s', (age, yesTo, follow, rule) => {
    const run = net({ area: 'child', who: 'other', ageYears: age, yesTo: [...yesTo, 'still_happening', 'started_last_week'] });
    expect([run.finalState, run.asked.includes('q.child.hidden'), run.asked.includes(follow), run.ruleIds]).toEqual(['emergency', true, true, [rule]]);
  });

  it.each([
    [['faint_dizzy']],
    [['heart_racing']],
    [['fever', 'vomiting', 'drinking_less']],
  ])('%j: no to the list, no follow-up, not raised', (yesTo) => {
    const run = net({ area: 'child', who: 'other', ageYears: 6, yesTo: [...yesTo, 'still_happening'], gold: 'urgent' });
    expect(run.asked).toContain('q.child.hidden');
    expect(run.asked.filter((q) => ['q.child.testicle', 'q.child.stroke', 'q.child.faint'].includes(q))).toEqual([]);
    expect(run.ruleIds.filter((r) => r === 'rf.child.hidden' || r === 'rf.palpitations.severe')).toEqual([]);
    expect(run.finalState).not.toBe('emergency');
  });

  it('yes then no to each sign: urgent (111), never below', () => {
    const picture = { need: 'need.new' as const, texts: [], ageYears: 6, answers: { 'q.area': 'safety.area.child', 'q.child.hidden': 'yes', 'q.child.testicle': 'no', 'q.child.stroke': 'no', 'q.child.faint': 'no' }, presentRuleIds: ['cx.area.child', 'cx.child', 'cx.child.hidden', 'rf.child.hidden'], deniedRuleIds: [] };
    expect(engine.decide(picture).tier).toBe('urgent');
  });

  it('is not asked once the date of birth shows 16 or over (like the other child questions)', () => {
    const seen: string[] = [];
    const answers: Record<string, string> = { 'q.area': 'safety.area.child' };
    for (let i = 0; i < 20; i++) {
      const q = engine.nextQuestion({ need: 'need.new', texts: [], ageYears: 30, answers, presentRuleIds: ['cx.area.child', 'cx.child'], deniedRuleIds: [] });
      if (!q) break;
      seen.push(q.id);
      answers[q.id] = 'no';
    }
    expect(seen).not.toContain('q.child.hidden');
    expect(seen.length).toBeGreaterThan(0);
  });
});

describe('D. "Breathing": breathless with sweating and sickness (a heart attack without chest pain)', () => {
  it('all three: 999', () => {
    const run = net({ area: 'breathing', ageYears: 74, yesTo: ['breathless', 'sweating', 'vomiting', 'feeling_sick', 'very_unwell', 'still_happening'] });
    expect([run.finalState, run.asked.includes('q.breathing.sweat_sick'), run.ruleIds]).toEqual(['emergency', true, ['rf.breathing.sweat_sick']]);
  });

  it.each([[['breathless', 'sweating']], [['breathless', 'feeling_sick']], [['sweating', 'vomiting']], [['breathless', 'cough_3_weeks']]])('%j only: not raised', (yesTo) => {
    const run = net({ area: 'breathing', yesTo: [...yesTo, 'still_happening'], gold: 'urgent' });
    expect(run.asked).toContain('q.breathing.sweat_sick');
    expect(run.finalState).not.toBe('emergency');
  });
});

describe('E. typed answers to the lists, in a few languages', () => {
  let n = 0;
  const toList = (lang: LangCode, text: string, area: string) => {
    const c = conversation({ id: `test:r18b-${++n}`, lang });
    c.say('hello');
    c.tap('need.new');
    c.say(text);
    c.tap(CHECK_ANSWERS.no);
    return { c, reply: c.tap(area) };
  };

  it.each([
    ['pol', 'Od wczoraj czuję się bardzo dziwnie i źle', 'tak', 'q.other.arm_jaw'],
    ['spa', 'Desde ayer me siento muy raro y mal', 'sí', 'q.other.arm_jaw'],
    ['arb', 'أشعر بتعب غريب منذ أمس ولا أعرف السبب', 'نعم', 'q.other.arm_jaw'],
    ['fra', 'Depuis hier je me sens bizarre et pas bien', 'non', 'q.general.very_unwell'],
    ['cmn', '从昨天开始我感觉很不舒服，说不清楚', '没有', 'q.general.very_unwell'],
    ['tur', 'Dünden beri kendimi çok garip ve kötü hissediyorum', 'hayır', 'q.general.very_unwell'],
  ] as [LangCode, string, string, string][])('%s: "Something else" list answered "%s" typed', (lang, text, typed, next) => {
    const { c, reply } = toList(lang, text, 'safety.area.other');
    expect(questionOf(reply)).toBe('q.general.hidden');
    expect(questionOf(c.say(typed))).toBe(next);
  });

  it.each([
    ['pol', 'Mój syn od rana płacze i jest niespokojny', 'tak', 'q.child.testicle'],
    ['urd', 'میرا بیٹا صبح سے رو رہا ہے اور بے چین ہے', 'نہیں', undefined],
  ] as [LangCode, string, string, string | undefined][])('%s: the child list answered "%s" typed', (lang, text, typed, next) => {
    const { c } = toList(lang, text, 'safety.area.child');
    let reply = c.last;
    for (let i = 0; i < 8 && (reply.snapshot as Snap).context.triage.currentQuestionId !== 'q.child.hidden'; i++) reply = c.tap('no').result;
    expect((reply.snapshot as Snap).context.triage.currentQuestionId).toBe('q.child.hidden');
    const after = questionOf(c.say(typed));
    if (next) expect(after).toBe(next);
    else expect(['q.child.testicle', 'q.child.stroke', 'q.child.faint']).not.toContain(after);
  });

  it('ukr: the mental-health list answered "так" typed asks "Are you safe right now?" next', () => {
    const { c } = toList('ukr', 'Останні дні мені дуже тривожно і сумно', 'safety.area.mental');
    let reply = c.last;
    for (let i = 0; i < 6 && (reply.snapshot as Snap).context.triage.currentQuestionId !== 'q.mh.hidden'; i++) reply = c.tap('no').result;
    expect((reply.snapshot as Snap).context.triage.currentQuestionId).toBe('q.mh.hidden');
    const next = c.say('так');
    expect(['q.mh.plan', 'q.mh.safe']).toContain(questionOf(next));
    expect(engine.decide(pictureOf(ctxOf(next))).tier).toBe('urgent');
  });
});

describe('F. content: words in every language, rules with NHS.uk sources, honest sign mappings', () => {
  const NEW_KEYS = [
    'confused_sudden', 'mh_intro', 'mh_not_safe', 'mh_any',
    'child_intro', 'child_stroke', 'child_faint', 'child_any', 'child_faint_q', 'breathing_sweat_sick',
  ].map((k) => `triage.areas18b.${k}`).concat(['triage.general.hidden_chest', 'triage.general.hidden_swelling', 'triage.general.hidden_confused']);
  const QUESTIONS = [
    'q.general.hidden', 'q.other.chest', 'q.other.swelling', 'q.other.swallow', 'q.other.confused', 'q.mh.hidden', 'q.mh.confused',
    'q.child.hidden', 'q.child.testicle', 'q.child.stroke', 'q.child.faint', 'q.breathing.sweat_sick',
  ];

  it('every new key and every line and prompt of the new questions is a string in all 20 languages, none left in English', () => {
    expect(content.languages).toHaveLength(20);
    const keys = [...new Set([...NEW_KEYS, ...QUESTIONS.flatMap((id) => [...(engine.question(id).lines ?? []), engine.question(id).promptKey])])];
    const en = content.resources['en'];
    for (const { code, bcp47 } of content.languages) {
      const tree = content.resources[bcp47];
      for (const key of keys) {
        const text = lookup(tree, key);
        expect([code, key, typeof text]).toEqual([code, key, 'string']);
        if (bcp47 !== 'en' && NEW_KEYS.includes(key)) expect([code, key, text === lookup(en, key)]).toEqual([code, key, false]);
      }
    }
  });

  it('each list is at most 8 lines, and each follow-up names an emergency rule (or chest pain now) with an NHS.uk source', () => {
    for (const id of ['q.general.hidden', 'q.mh.hidden', 'q.child.hidden']) expect(engine.question(id).lines!.length).toBeLessThanOrEqual(8);
    const expected: Record<string, string> = {
      'q.other.chest': 'urgent', 'q.other.swelling': 'emergency', 'q.other.swallow': 'emergency', 'q.other.confused': 'emergency',
      'q.mh.confused': 'emergency', 'q.child.testicle': 'emergency', 'q.child.stroke': 'emergency', 'q.child.faint': 'emergency',
      'q.breathing.sweat_sick': 'emergency', 'q.mh.hidden': 'urgent', 'q.child.hidden': 'urgent',
    };
    for (const [id, tier] of Object.entries(expected)) {
      const rules = engine.answerEffect(id, 'yes').raise.map((r) => engine.rule(r)).filter((r) => r && !r.id.startsWith('cx.'));
      expect([id, rules.map((r) => r?.tier)]).toEqual([id, [tier]]);
      expect(rules[0]?.source.url).toMatch(/^https:\/\/www\.nhs\.uk\//);
      expect(engine.answerEffect(id, 'no').raise).toEqual([]);
    }
  });
});
