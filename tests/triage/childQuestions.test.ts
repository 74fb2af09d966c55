import { createTriageEngine, loadTriageContent } from '../../src/triage/index.js';
import type { Picture } from '../../src/triage/types.js';

/**
 * The child questions for every child (round 9): the engine holds the check's child-version marker
 * (dialogs/safety/emergencyCheck.json childVersionMarker) live while the child version applies, and
 * the child_unwell set lists it, so they are asked whatever area was tapped. The same test as the
 * check's version: a child's age, or a child's words while the age is unknown; never an adult son
 * or daughter whose age is known.
 */
const engine = createTriageEngine(loadTriageContent('dialogs'));
const picture = (text: string, ageYears?: number, answers: Record<string, string> = {}): Picture => ({
  need: 'need.new', texts: [{ text, lang: 'eng' }], answers, presentRuleIds: [], deniedRuleIds: [], ...(ageYears !== undefined ? { ageYears } : {}),
});
/** Every question the engine would ask, each answered "no". */
const allAsked = (p: Picture): string[] => {
  const answers: Record<string, string> = { ...p.answers };
  for (let i = 0; i < 40; i++) {
    const q = engine.nextQuestion({ ...p, answers });
    if (!q) break;
    answers[q.id] = 'no';
  }
  return Object.keys(answers).filter((id) => !(id in p.answers));
};

describe('the child questions for every child', () => {
  it('come for a baby whose parent tapped "Tummy", by the words or by the age', () => {
    const tummy = { 'q.area': 'safety.area.tummy' };
    for (const p of [picture('my baby has had diarrhoea since yesterday', undefined, tummy), picture('diarrhoea since yesterday', 0.4, tummy)]) {
      expect(engine.checkVersion(p)).toBe('child');
      expect(engine.complaintsFor(p)).toContain('child_unwell');
      expect(allAsked(p)).toEqual(expect.arrayContaining(['q.child.breathing', 'q.child.fit', 'q.child.swallowed']));
    }
  });

  it('do not come for an adult son whose age is known, nor for an adult', () => {
    for (const p of [picture('my son has had diarrhoea since yesterday', 34), picture('I have had diarrhoea since yesterday')]) {
      expect(engine.checkVersion(p)).toBe('adult');
      expect(engine.complaintsFor(p)).not.toContain('child_unwell');
      expect(allAsked(p).filter((id) => id.startsWith('q.child.'))).toEqual([]);
    }
  });

  it('never set the tier by themselves: the marker is a marker', () => {
    const p = picture('my baby has had diarrhoea since yesterday');
    expect(engine.decide(p).ruleIds).not.toContain(engine.emergencyCheck.childVersionMarker);
    expect(engine.rule(engine.emergencyCheck.childVersionMarker)?.tier).toBe('routine');
  });
});
