import { createDialogDriver } from '../../bench/triageDialog.js';
import type { Vignette } from '../../bench/triageSim.js';
import { linesForAge } from '../../src/triage/safetySchema.js';

/**
 * Age-bound lines of the emergency check (issue 15 round 4): "a baby under 8 weeks old" is left out
 * once the date of birth shows a child of 2 or more, so the parent of a toddler with chickenpox cannot
 * pick it; while the age is unknown, and for babies, it is always shown.
 */
const driver = createDialogDriver();
const check = driver.engine.emergencyCheck;

const child = (ageYears: number, area?: string): Vignette => ({
  id: `age-${ageYears}`,
  // No child word in the text: the adult check comes first, the child check once the age is known.
  text: 'tiene granos de varicela por todo el cuerpo y le pican',
  need: 'need.new',
  gold: 'selfcare',
  answers: {},
  source: 'chickenpox',
  tags: [],
  lang: 'spa',
  who: 'other',
  ageYears,
  recognises999Sign: 'child_baby',
  ...(area ? { area } : {}),
});

describe('age-bound emergency check lines', () => {
  it('lists the baby line while the age is unknown and for a baby, not from 2 years', () => {
    expect(linesForAge(check, 'child', undefined)).toContain('child_baby');
    expect(linesForAge(check, 'child', 0.1)).toContain('child_baby');
    expect(linesForAge(check, 'child', 1.5)).toContain('child_baby');
    expect(linesForAge(check, 'child', 3)).not.toContain('child_baby');
    // Lines without an age bound are never left out.
    expect(linesForAge(check, 'child', 12)).toHaveLength(check.versions.child.length - 1);
    expect(linesForAge(check, 'adult', 40)).toEqual(check.versions.adult);
  });

  it('a parent of a 3-year-old cannot pick the baby line once the date of birth is given', () => {
    // The parent taps "Skin or rash" at the area picker (the answering patient's area), so the child
    // check comes at the end, with the date of birth; tapping "A child who is unwell" asks it at once
    // (next test), while the age is unknown.
    const run = driver.run(child(3, 'skin'), { answering: true });
    expect(run.error).toBeUndefined();
    expect(run.check?.version).toBe('child');
    expect(run.check?.answers).not.toContain('safety.line.child_baby');
    expect(run.tier).not.toBe('emergency');
  });

  it('lists the baby line when the area "a child who is unwell" asks the child check before the age is known', () => {
    const run = driver.run(child(3));
    expect(run.check?.version).toBe('child');
    expect(run.check?.answers).toContain('safety.line.child_baby');
  });

  it('a parent of a 5-week-old who picks the baby line is sent to 999', () => {
    const run = driver.run(child(5 / 52));
    expect(run.check?.answers).toContain('safety.line.child_baby');
    expect(run.tier).toBe('emergency');
  });
});
