import type { SnapshotFrom } from 'xstate';
import type { IntakeMachine } from '../../src/dialog/machine/intakeMachine.js';
import { CHECK_ANSWERS, areaCode } from '../../src/triage/safetySchema.js';
import { finishIntake, questionIdOf, toSelfcareCheck, VAGUE_OPENINGS } from '../support/areaConversation.js';
import { conversation, type Reply } from '../support/dialog.js';

/**
 * The self-care check (round 22, H89) in a whole conversation: after "yes", the pharmacy is offered ("A pharmacist can
 * often help with this today... Do you still want to send this to the practice?") and the patient may still send it;
 * weeks at "How long?" keep it routine (no offer); "no" is routine. An ongoing problem is never asked.
 */
type Snap = SnapshotFrom<IntakeMachine>;
let n = 0;
const id = () => `test:sc22-${++n}`;
const outcomeOf = (r: Reply) => (r.result.snapshot as Snap).context.triage.outcome;

/** Answers the follow-ups up to the end of "What would you like?", with `duration` at "How long?". */
const followUps = (c: ReturnType<typeof conversation>, duration: string): Reply => {
  expect(c.last.state).toBe('duration');
  c.tap(duration);
  c.tap('trend.same');
  c.tap('impact.some');
  return c.tap('wants.appointment');
};

describe('the self-care check in a conversation', () => {
  it('yes, started days ago: self-care, the pharmacy is offered; the patient can still send it to the practice', () => {
    const c = toSelfcareCheck('eng', id());
    c.tap('yes');
    const offer = followUps(c, 'duration.days');
    expect(offer.result.state).toBe('pharmacyOffer');
    expect(outcomeOf(offer)).toMatchObject({ tier: 'selfcare', ruleIds: ['rf.selfcare.check'] });
    const { reply, stored } = finishIntake(c, offer);
    expect(reply.result.state).toBe('submitted');
    expect(stored?.request?.triage.ruleIds).toEqual(['rf.selfcare.check']);
  });

  it('yes, but the patient goes to the pharmacy: nothing is sent', () => {
    const c = toSelfcareCheck('eng', id());
    c.tap('yes');
    followUps(c, 'duration.days');
    const reply = c.tap('no');
    expect(reply.result.state).toBe('ended');
    expect(reply.result.effects.some((e) => e.type === 'request.store')).toBe(false);
  });

  it('yes, started weeks ago: routine, no pharmacy offer', () => {
    const c = toSelfcareCheck('eng', id());
    c.tap('yes');
    const next = followUps(c, 'duration.weeks');
    expect(next.result.state).toBe('who');
    expect(outcomeOf(next)).toMatchObject({ tier: 'routine', ruleIds: ['rt.long_standing'] });
  });

  it('no, or not sure: routine, no pharmacy offer', () => {
    for (const answer of ['no', 'unsure']) {
      const c = toSelfcareCheck('eng', id());
      c.tap(answer);
      const next = followUps(c, 'duration.days');
      expect([answer, next.result.state, outcomeOf(next)?.tier]).toEqual([answer, 'who', 'routine']);
    }
  });

  it('an ongoing problem: the urgent check, then straight to "How long?"', () => {
    const c = conversation({ id: id() });
    c.say('hello');
    c.tap('need.ongoing');
    c.say(VAGUE_OPENINGS.eng as string);
    c.tap(CHECK_ANSWERS.no);
    c.tap(areaCode('other'));
    for (let i = 0; i < 10 && c.last.state === 'triageQuestion'; i++) {
      expect(questionIdOf(c)).not.toBe('q.selfcare.check');
      c.tap('no');
    }
    expect(c.last.state).toBe('duration');
  });
});
