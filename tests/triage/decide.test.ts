import { readFileSync } from 'node:fs';
import { createTriageEngine, loadTriageContent } from '../../src/triage/index.js';
import type { Picture } from '../../src/triage/types.js';

const engine = createTriageEngine(loadTriageContent('dialogs'));
const picture = (over: Partial<Picture>): Picture => ({
  need: 'need.new', texts: [], answers: {}, presentRuleIds: [], deniedRuleIds: [], ...over,
});

describe('decide()', () => {
  it('counts a combination only when none of its excluded rules is present (a baby\'s temperature after the jabs)', () => {
    const baby = (text: string) => engine.decide(picture({ texts: [{ text, lang: 'eng' }], ageYears: 0.15 }));
    expect(baby('she has a temperature').ruleIds).toContain('rf.fever.infant');
    expect(baby('she has a temperature').tier).toBe('urgent');
    expect(baby('she has a temperature after her jabs yesterday').ruleIds).not.toContain('rf.fever.infant');
    expect(engine.decide(picture({ texts: [{ text: 'she has a temperature', lang: 'eng' }], ageYears: 2 })).ruleIds).not.toContain('rf.fever.infant');
  });

  it('defaults admin and medicines requests to routine with no rule', () => {
    for (const need of ['need.admin', 'need.medicines', 'need.new'] as const) {
      const out = engine.decide(picture({ need }));
      expect(out).toMatchObject({ tier: 'routine', disposition: 'gp_routine', ruleIds: [] });
      expect(out.rulesetVersion).toBe(engine.rulesetVersion);
    }
  });

  it('resolves conflicting evidence upward and reports the rules with versions and sources', () => {
    const out = engine.decide(picture({ presentRuleIds: ['pf.sore_throat', 'rf.throat.airway', 'cx.chest_pain'] }));
    expect(out.tier).toBe('emergency');
    expect(out.disposition).toBe('call_999');
    expect(out.ruleIds).toEqual(['rf.throat.airway']);
    expect(out.rules[0]).toMatchObject({ id: 'rf.throat.airway', version: 1 });
    expect(out.rules[0]?.source.url).toMatch(/^https:\/\/www\.nhs\.uk\//);
  });

  it('keeps a rule present when it is both raised and denied', () => {
    const out = engine.decide(picture({ presentRuleIds: ['rf.dvt'], deniedRuleIds: ['rf.dvt'] }));
    expect(out.tier).toBe('urgent');
  });

  it('counts an unconfirmed uncertain hit, and drops it once the patient says no', () => {
    const texts = [{ text: 'chest pain', lang: 'eng' }];
    expect(engine.decide(picture({ texts })).disposition).toBe('call_111');
    const answered = engine.decide(picture({ texts, answers: { 'q.chest_pain.now': 'no' } }));
    expect(answered).toMatchObject({ tier: 'urgent', disposition: 'gp_same_day', ruleIds: ['cx.chest_pain'] });
  });

  it('orders the disposition within a tier: 999 before A&E', () => {
    const out = engine.decide(picture({ presentRuleIds: ['rf.injury.fracture', 'rf.seizure'] }));
    expect(out.disposition).toBe('call_999');
    expect(out.ruleIds).toEqual(['rf.seizure', 'rf.injury.fracture']);
  });

  it('signposts pharmacy conditions, but not over an admin request or a repeat prescription', () => {
    expect(engine.decide(picture({ texts: [{ text: 'sore throat', lang: 'eng' }] })).disposition).toBe('pharmacy');
    expect(engine.decide(picture({ need: 'need.admin', texts: [{ text: 'sore throat', lang: 'eng' }] })).tier).toBe('routine');
    expect(engine.decide(picture({ need: 'need.medicines', texts: [{ text: 'repeat prescription, and a sore throat', lang: 'eng' }] })).tier).toBe('routine');
    // A medicines request about a named pharmacy condition is the pharmacy's (H56, dialogs/safety/tierPolicy.json).
    expect(engine.decide(picture({ need: 'need.medicines', texts: [{ text: 'sore throat', lang: 'eng' }] })).tier).toBe('selfcare');
  });
});

describe('questions', () => {
  it('asks the confirm question first, then only what the complaint needs, then stops', () => {
    const texts = [{ text: 'chest pain', lang: 'eng' }];
    expect(engine.nextQuestion(picture({ texts }))?.id).toBe('q.chest_pain.now');
    const now = picture({ texts, answers: { 'q.chest_pain.now': 'yes' }, presentRuleIds: ['rf.chest_pain.now'] });
    expect(engine.nextQuestion(now)?.id).toBe('q.chest_pain.character');
    const notNow = picture({ texts, answers: { 'q.chest_pain.now': 'no' }, deniedRuleIds: ['rf.chest_pain.now'] });
    expect(engine.nextQuestion(notNow)).toBeNull();
  });

  it('asks nothing more once an emergency is present', () => {
    expect(engine.nextQuestion(picture({ texts: [{ text: 'my face has dropped and chest pain', lang: 'eng' }] }))).toBeNull();
  });

  it('maps answers to raised and denied rules, treating "unsure" as yes', () => {
    expect(engine.answerEffect('q.chest_pain.now', 'yes')).toEqual({ raise: ['rf.chest_pain.now'], deny: [] });
    expect(engine.answerEffect('q.chest_pain.now', 'no')).toEqual({ raise: [], deny: ['rf.chest_pain.now'] });
    expect(engine.answerEffect('q.back.numb', 'unsure')).toEqual({ raise: ['rf.cauda_equina'], deny: [] });
    expect(engine.answerEffect('q.mh.safe', 'no')).toEqual({ raise: ['rf.mh.imminent'], deny: [] });
  });

  it('never asks patients to rate their own urgency', () => {
    const prompts = JSON.stringify(JSON.parse(readFileSync('locales/en/triage.json', 'utf8')));
    expect(prompts).not.toMatch(/urgent|how serious|how bad|rate|scale of/i);
  });
});
