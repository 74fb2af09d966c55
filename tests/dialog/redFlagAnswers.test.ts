import type { SnapshotFrom } from 'xstate';
import type { IntakeMachine } from '../../src/dialog/machine/intakeMachine.js';
import { createTriageEngine, loadTriageContent } from '../../src/triage/index.js';
import { toUrgentCheck } from '../support/areaConversation.js';
import type { Reply } from '../support/dialog.js';

/**
 * The answer a red-flag record keeps (request.redFlags, shown to staff in the inbox and the FHIR hand-off)
 * is read from the answer's effect when the answer is not yes, no or not sure: a yes to each rule the
 * chosen code raises, a no to each it denies, whatever the code is called (H91).
 */
type Snap = SnapshotFrom<IntakeMachine>;
const redFlagsOf = (r: Reply) => (r.result.snapshot as Snap).context.triage.redFlags;

/** In memory: the urgent check answered with a list's "None of these" (a denial), not "no". */
const raw = loadTriageContent('dialogs');
const complaints = structuredClone(raw.complaints);
const check = complaints.find((c) => c.id === 'urgent_check')?.questions.find((q) => q.id === 'q.urgent.check');
Object.assign(check as object, {
  choices: ['yes', 'today.none', 'unsure'],
  effects: { yes: { raise: ['rf.urgent.check'], deny: [] }, 'today.none': { raise: [], deny: ['rf.urgent.check'] } },
});
const inMemory = createTriageEngine({ ...raw, complaints });

describe('red-flag records read a choice answer from its effect', () => {
  it('a negative choice whose code is not "no" is recorded as no to the rule it denies, never yes', () => {
    const c = toUrgentCheck('eng', 'test:rfa-1', inMemory);
    const reply = c.tap('today.none');
    expect((reply.result.snapshot as Snap).context.triage.deniedRuleIds).toContain('rf.urgent.check');
    expect(redFlagsOf(reply).filter((f) => f.ruleId === 'rf.urgent.check')).toEqual([
      { ruleId: 'rf.urgent.check', ruleVersion: 1, via: 'question', answer: 'no', present: false },
    ]);
  });

  it('the same question\'s "yes" is still recorded as yes, present', () => {
    const c = toUrgentCheck('eng', 'test:rfa-2', inMemory);
    const reply = c.tap('yes');
    expect(redFlagsOf(reply).filter((f) => f.ruleId === 'rf.urgent.check')).toEqual([
      { ruleId: 'rf.urgent.check', ruleVersion: 1, via: 'question', answer: 'yes', present: true },
    ]);
  });

  it('project content: "None of these, or not sure" at "Which one is it?" raises nothing and adds no record', () => {
    const c = toUrgentCheck('eng', 'test:rfa-3');
    const before = redFlagsOf(c.tap('yes'));
    expect(redFlagsOf(c.tap('today.none'))).toEqual(before);
  });
});
