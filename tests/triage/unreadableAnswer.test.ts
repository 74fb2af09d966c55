import type { SnapshotFrom } from 'xstate';
import type { IntakeMachine } from '../../src/dialog/machine/intakeMachine.js';
import { createTriageEngine, loadTriageContent } from '../../src/triage/index.js';
import { toUrgentCheck } from '../support/areaConversation.js';
import type { Reply } from '../support/dialog.js';

/**
 * The answer taken when a reply to a question that records a detail still cannot be read after the last
 * try is named by the question's content (`unreadable`, H88 follow-up), not by the dialog code: "None of
 * these, or not sure" at the urgent check's "Which one is it?". checkContent keeps it neutral.
 */
type Snap = SnapshotFrom<IntakeMachine>;
const raw = loadTriageContent('dialogs');
type QuestionPatch = Record<string, unknown>;

/** The project's content with some urgent-check questions changed in memory. */
const withQuestions = (patches: Record<string, QuestionPatch>) => {
  const complaints = structuredClone(raw.complaints);
  for (const q of complaints.find((c) => c.id === 'urgent_check')?.questions ?? []) Object.assign(q, patches[q.id] ?? {});
  return () => createTriageEngine({ ...raw, complaints });
};

describe('the unreadable answer comes from the question content', () => {
  it('the urgent check\'s "Which one is it?" names "None of these, or not sure" (adult and child)', () => {
    const engine = withQuestions({})();
    expect(engine.question('q.urgent.which').unreadable).toBe('today.none');
    expect(engine.question('q.urgent.which_child').unreadable).toBe('today.none');
    expect(engine.question('q.urgent.check').unreadable).toBeUndefined();
  });

  it('content check: one of the choices, raising and denying nothing, named on (and only on) a question that records', () => {
    expect(withQuestions({ 'q.urgent.which': { unreadable: undefined } })).toThrow(/at questions\.1\.unreadable: a question that records a detail must name/);
    expect(withQuestions({ 'q.urgent.which': { unreadable: 'today.elsewhere' } })).toThrow(/today\.elsewhere is not one of the choices/);
    expect(withQuestions({ 'q.urgent.which': { unreadable: 'today.pain' } })).toThrow(/today\.pain must raise and deny nothing/);
    // "no" raises nothing at the urgent check, but a question that can move the tier is taken as "unsure" (upward).
    expect(withQuestions({ 'q.urgent.check': { unreadable: 'no' } })).toThrow(/at questions\.0\.unreadable: only a question that records a detail/);
  });

  it('statechart: after the last try the answer is the one the content names, whatever its code', () => {
    // In memory: "Stuck" raises nothing and is the named answer, so the dialog can only have it from the content.
    const which = raw.complaints.find((c) => c.id === 'urgent_check')?.questions.find((q) => q.id === 'q.urgent.which');
    const effects = { ...which?.effects, 'today.stuck': { raise: [], deny: [] } };
    const c = toUrgentCheck('eng', 'test:unreadable-1', withQuestions({ 'q.urgent.which': { effects, unreadable: 'today.stuck' } })());
    c.tap('yes');
    let reply: Reply = c.say('banana');
    for (let i = 0; i < 5 && reply.result.state === 'triageQuestion'; i++) reply = c.say('banana');
    const { triage } = (reply.result.snapshot as Snap).context;
    expect(reply.result.state).not.toBe('triageQuestion');
    expect(triage.answers['q.urgent.which']).toBe('today.stuck');
    expect(triage.presentRuleIds).toContain('rf.urgent.check');
    expect(triage.presentRuleIds).not.toContain('rf.urgent.stuck');
  });
});
