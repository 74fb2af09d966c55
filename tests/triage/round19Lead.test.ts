/**
 * Round 19 (development, lead): fixes of the structured net found on the opened sets, through the statechart
 * with the opening text withheld (bench/triageDialog.ts withholdText), so only the check, the area and its
 * questions decide.
 */
import { createDialogDriver } from '../../bench/triageDialog.js';
import type { Vignette } from '../../bench/triageSim.js';

const driver = createDialogDriver();
const baby = (extra: Partial<Vignette>): Vignette => ({
  id: 'round19-test', text: 'withheld', need: 'need.new', gold: 'urgent', answers: {}, source: 'test', tags: [],
  who: 'other', ageYears: 0.12, recognises999Sign: null, area: 'child', ...extra,
});

describe('the under-3-months question asks about a temperature too (NICE NG143: red when 0-3 months with 38C or more)', () => {
  it('does not send a young baby without a temperature (yellow skin, feeding well) to A&E', () => {
    const run = driver.run(baby({ yesTo: ['baby_under_3m', 'still_happening', 'started_last_week'] }), { answering: true, withholdText: true });
    expect(run.error).toBeUndefined();
    expect(run.asked).toContain('q.fever.baby');
    expect(run.finalState).not.toBe('emergency');
  });

  it('still sends a baby under 3 months with a temperature to A&E', () => {
    const run = driver.run(baby({ yesTo: ['baby_under_3m', 'fever', 'still_happening'] }), { answering: true, withholdText: true });
    expect([run.finalState, run.ruleIds]).toEqual(['emergency', expect.arrayContaining(['rf.fever.young_baby'])]);
  });
});
