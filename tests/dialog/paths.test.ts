import { getShortestPaths } from '@xstate/graph';
import { getNextSnapshot, type SnapshotFrom } from 'xstate';
import type { IntakeMachine } from '../../src/dialog/machine/intakeMachine.js';
import type { IntakeEvent } from '../../src/dialog/machine/types.js';
import { buildMachine, content, openPractice } from '../support/dialog.js';

/**
 * Model-based tests: explore the statechart's reachable steps with @xstate/graph, then check the
 * safety properties at the end of every shortest path.
 */
const machine = buildMachine(['eng', 'pol']);
type Snap = SnapshotFrom<IntakeMachine>;
const at = '2026-03-04T10:00:00Z';
const input = { conversationId: 'model', lang: 'eng', at, practice: openPractice };
const say = (text: string): IntakeEvent => ({ type: 'user.message', text, at, practice: openPractice });

const SAMPLE_TEXT: Record<string, string[]> = {
  describe: ['I have had a rash on my arm for weeks', 'sore throat for 3 days', 'I need a fit note for work', 'I have chest pain', 'it burns when I pee'],
  name: ['Jane Smith'],
  dob: ['31/12/1980'],
  nhs: ['943 476 5919'],
  postcode: ['SW1A 1AA'],
  phone: ['07700 900123'],
  welcome: ['hello'],
};
const EXPLORE_REVIEW_CHANGES = ['review.send', 'review.change'];
/**
 * The area picker follows every description: three areas (one with red-flag questions of its own, a
 * child, and "something else") keep the graph within its limit; tests/dialog/safetyCheck.test.ts explores them all.
 */
const EXPLORE_AREAS = ['safety.area.chest', 'safety.area.child', 'safety.area.other'];

function eventsFor(s: Snap): IntakeEvent[] {
  const ctx = s.context;
  if (ctx.step === 'review') return EXPLORE_REVIEW_CHANGES.map(say);
  if (ctx.step === 'reviewPick') return [say('change.phone')];
  if (ctx.step === 'areaPick') return EXPLORE_AREAS.map(say);
  if (ctx.step === 'languageMenu' || ctx.step === 'languageOffer' || s.hasTag('done')) return [];
  const sample = SAMPLE_TEXT[ctx.step];
  if (sample) return sample.map(say);
  return (ctx.lastPrompt?.choices ?? []).map(say);
}

const paths = getShortestPaths(machine, {
  input,
  events: eventsFor,
  serializeState: (s) =>
    `${s.context.step}|${s.context.intake.need ?? ''}|${s.context.triage.outcome?.tier ?? ''}|${s.context.flow.returnToReview}|${s.context.triage.currentQuestionId ?? ''}|${[...s.context.triage.presentRuleIds].sort().join()}`,
  // "Something else" asks the list of hidden emergencies and, after yes or not sure, each sign (H52); round 18 (H80)
  // added four signs to it and a child's list with three, so the graph needs more room (about 23,000 paths). Round 20
  // (H86) added a second list to "Something else" (four signs) and four lines to the child's list, each with its own question.
  limit: 120_000,
});

/** The pure next state after one more message at the end of a path (the path's snapshot is not changed). */
function probe(end: Snap, text: string): Snap {
  return getNextSnapshot(machine, end, say(text));
}

const reachedSteps = new Set(paths.map((p) => p.state.context.step));
/** One end state per step, need, tier and question: enough to probe every kind of state quickly. */
const representatives = [
  ...new Map(
    paths.map((p) => [`${p.state.context.step}|${p.state.context.intake.need}|${p.state.context.triage.outcome?.tier}|${p.state.context.triage.currentQuestionId}|${p.state.context.flow.returnToReview}`, p]),
  ).values(),
];

describe('the statechart explored as a graph', () => {
  it('reaches every patient-facing step and all the endings', () => {
    console.log(`${paths.length} shortest paths explored, ${representatives.length} kinds of state probed`);
    for (const step of ['need', 'describe', 'confirm', 'triageQuestion', 'duration', 'trend', 'impact', 'wants', 'pharmacyOffer', 'who', 'relationship', 'name', 'dob', 'nhs', 'postcode', 'phone', 'contactMethod', 'contactTimes', 'review', 'reviewPick', 'consent', 'submitted', 'emergency', 'ended']) {
      expect([step, reachedSteps.has(step)]).toEqual([step, true]);
    }
    expect(paths.length).toBeGreaterThan(50);
  });

  it('never stores a request without the patient saying yes at the consent step, on any path', () => {
    let consented = 0;
    for (const path of paths) {
      let from = 'welcome';
      for (const { event, state } of path.steps) {
        const text = event.type === 'user.message' ? event.text : '';
        if (state.context.effects.some((e) => e.request.kind === 'request')) {
          expect({ from, text }).toEqual({ from: 'consent', text: 'yes' });
          consented++;
        }
        from = state.context.step;
      }
    }
    expect(consented).toBeGreaterThan(0);
  });

  it('diverts to the emergency disposition from every state when an emergency is typed', () => {
    for (const path of representatives) {
      const end = probe(path.state, 'my husband has collapsed and is not breathing');
      expect([path.state.context.step, end.context.step, end.context.triage.outcome?.tier]).toEqual([path.state.context.step, 'emergency', 'emergency']);
    }
  });

  it('ends in the emergency disposition whenever "yes" is the answer to an emergency red-flag question', () => {
    let checked = 0;
    for (const path of paths) {
      const ctx = path.state.context;
      const questionId = ctx.step === 'confirm' ? ctx.triage.pendingConfirms[0]?.questionId : ctx.step === 'triageQuestion' ? ctx.triage.currentQuestionId : undefined;
      if (!questionId) continue;
      const raises = content.triage.answerEffect(questionId, 'yes').raise;
      if (!raises.some((id) => content.triage.rule(id)?.tier === 'emergency')) continue;
      checked++;
      const end = probe(path.state, 'yes');
      expect([questionId, end.context.triage.outcome?.tier]).toEqual([questionId, 'emergency']);
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('offers help and a way out in every state', () => {
    for (const path of representatives) {
      const step = path.state.context.step;
      const helped = probe(path.state, 'help');
      expect([step, helped.context.say.some((m) => m.key === 'dialog.help')]).toEqual([step, true]);
      expect([step, helped.context.step]).toEqual([step, step]);
      const stopped = probe(path.state, 'stop');
      expect([step, stopped.context.step]).toEqual([step, 'ended']);
      const person = probe(path.state, 'talk to a person');
      expect([step, person.context.say.some((m) => m.key === 'dialog.person')]).toEqual([step, true]);
    }
  });

  it('never lets a state go silent: every event gets at least one message', () => {
    for (const path of representatives) {
      for (const text of ['banana', '', 'back']) {
        const end = probe(path.state, text);
        expect([path.state.context.step, text, end.context.say.length > 0]).toEqual([path.state.context.step, text, true]);
      }
    }
  });
});
