/**
 * Round 19 (development, lead): fixes of the structured net found on the opened sets, through the statechart
 * with the opening text withheld (bench/triageDialog.ts withholdText), so only the check, the area and its
 * questions decide.
 */
import { createDialogDriver } from '../../bench/triageDialog.js';
import type { Vignette } from '../../bench/triageSim.js';
import { decideText } from '../support/triage.js';

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

describe('water drunk cancels only its own words, never an overdose told beside it (rf.poisoning v9)', () => {
  it.each([
    ['eng', 'i took 20 of my sleeping tablets and drank lots of water after'],
    ['eng', 'swallowed a whole box of paracetamol with a glass of water an hour ago'],
  ])('%s: an overdose with water drunk is still A&E', (lang, text) => {
    expect(decideText(text, lang).ruleIds).toContain('rf.poisoning');
  });

  it.each([
    ['eng', 'I went for a run in the heat and felt faint, I drank lots of water and I feel fine now'],
  ])('%s: water drunk after a run in the heat is no poisoning', (lang, text) => {
    expect(decideText(text, lang).ruleIds).not.toContain('rf.poisoning');
  });
});
