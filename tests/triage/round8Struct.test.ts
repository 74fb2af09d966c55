/**
 * Round 8, helper struct (issue 15 items 1-3): direct questions about the NHS "call 999 / go to A&E"
 * signs of each area, through the real statechart. The area "Something else" now asks two questions
 * (set general), the area "child" asks the child set (child_unwell), an adult is not asked the child
 * questions, and the injury area asks about a head injury on blood thinners.
 */
import { readFileSync } from 'node:fs';
import { createDialogDriver } from '../../bench/triageDialog.js';
import { vagueVignette, type Vignette } from '../../bench/triageSim.js';

const driver = createDialogDriver();

const vague = (extra: Partial<Vignette>): Vignette => vagueVignette('round8-struct-test', { ageYears: 45, ...extra });
const CHILD_QUESTIONS = ['q.child.breathing', 'q.child.fit', 'q.child.swallowed'];
const GENERAL_QUESTIONS = ['q.general.very_unwell', 'q.general.took'];

describe('round 8: direct sign questions for every area', () => {
  it('asks an adult who taps "Something else" the general questions, and not the child ones', () => {
    const run = driver.run(vague({}));
    expect(run.error).toBeUndefined();
    expect(run.finalState).not.toBe('emergency');
    expect(run.asked).toEqual(expect.arrayContaining(GENERAL_QUESTIONS));
    for (const q of CHILD_QUESTIONS) expect(run.asked).not.toContain(q);
  });

  it('diverts "Something else" when the patient says yes to very unwell or to taking too much', () => {
    const unwell = driver.run(vague({ answers: { 'q.general.very_unwell': 'yes' } }));
    expect(unwell.finalState).toBe('emergency');
    expect(unwell.ruleIds).toContain('rf.sepsis');
    const took = driver.run(vague({ answers: { 'q.general.took': 'yes' } }));
    expect(took.finalState).toBe('emergency');
    const answering = driver.run(vague({ area: 'other', yesTo: ['blotchy_skin'] }), { answering: true });
    expect(answering.finalState).toBe('emergency');
  });

  it('asks the child questions when the child area is tapped, and diverts on a yes', () => {
    const child = vague({ text: 'my little boy is just not right today', who: 'other', ageYears: 2 });
    const run = driver.run(child);
    expect(run.error).toBeUndefined();
    expect(run.finalState).not.toBe('emergency');
    expect(run.asked).toEqual(expect.arrayContaining(CHILD_QUESTIONS));
    for (const q of GENERAL_QUESTIONS) expect(run.asked).not.toContain(q);
    for (const [q, rule] of [['q.child.breathing', 'rf.child.serious_signs'], ['q.child.fit', 'rf.child.serious_signs'], ['q.child.swallowed', 'rf.poisoning']] as const) {
      const yes = driver.run({ ...child, answers: { [q]: 'yes' } });
      expect(yes.finalState).toBe('emergency');
      expect(yes.ruleIds).toContain(rule);
    }
  });

  it('does not ask an adult who tapped an adult area the child questions', () => {
    for (const area of ['head', 'tummy', 'breathing', 'injury', 'mental', 'other']) {
      const run = driver.run(vague({ area, yesTo: [] }), { answering: true });
      expect(run.error).toBeUndefined();
      for (const q of CHILD_QUESTIONS) expect(run.asked).not.toContain(q);
    }
  });

  // Since H59 the injury area first asks whether they hit their head (q.area.head.injury), and a yes
  // opens the head-injury set, which asks about blood thinners itself (q.head_injury.thinners).
  it('asks the injury area about a head injury on blood thinners (both signs needed)', () => {
    const both = driver.run(vague({ area: 'injury', yesTo: ['head_injury', 'blood_thinners'] }), { answering: true });
    expect(both.asked).toEqual(expect.arrayContaining(['q.area.head.injury', 'q.head_injury.thinners']));
    expect(both.finalState).toBe('emergency');
    expect(both.ruleIds).toContain('rf.head_injury.flags');
    const one = driver.run(vague({ area: 'injury', yesTo: ['head_injury'] }), { answering: true });
    expect(one.asked).toContain('q.head_injury.thinners');
    expect(one.finalState).not.toBe('emergency');
  });

  it('asks the head, breathing and tummy areas their new 999 and A&E questions', () => {
    const cases: [string, string[], string, string][] = [
      ['head', ['face_droop', 'started_last_week'], 'q.headache.stroke_signs', 'rf.stroke.transient'],
      ['breathing', ['swollen_calf'], 'q.breathing.calf', 'rf.pe'],
      ['breathing', ['swelling_face_throat'], 'q.breathing.swelling', 'rf.anaphylaxis'],
      ['tummy', ['testicle_pain_sudden'], 'q.abdo.testicle', 'rf.testicle.sudden'],
      ['tummy', ['diabetes_high_sick'], 'q.abdo.diabetes', 'rf.diabetes.dka'],
    ];
    for (const [area, yesTo, question, rule] of cases) {
      const run = driver.run(vague({ area, yesTo }), { answering: true });
      expect(run.asked).toContain(question);
      expect(run.finalState).toBe('emergency');
      expect(run.ruleIds).toContain(rule);
    }
  });

  it('has every new prompt in all 20 languages', () => {
    const langs = (JSON.parse(readFileSync('locales/languages.json', 'utf8')) as { languages: { bcp47: string }[] }).languages.map((l) => l.bcp47);
    expect(langs).toHaveLength(20);
    const keys: [string, string][] = [['headache', 'stroke_signs'], ['breathing', 'calf'], ['abdo', 'testicle'], ['abdo', 'diabetes'], ['child', 'breathing'], ['child', 'fit'], ['mh', 'plan'], ['injury', 'head_thinners']];
    for (const lang of langs) {
      const t = (JSON.parse(readFileSync(`locales/${lang}/triage.json`, 'utf8')) as { triage: Record<string, Record<string, string>> }).triage;
      for (const [group, key] of keys) expect(`${lang}:${group}.${key}:${typeof t[group]?.[key]}`).toBe(`${lang}:${group}.${key}:string`);
    }
  });
});
