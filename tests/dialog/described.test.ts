import { createActor } from 'xstate';
import { buildMachine, conversation, openPractice } from '../support/dialog.js';

/**
 * Every path that has just recorded a description of a health problem passes the transient state
 * `described` (the seam where the emergency check of issue 15 goes), and no other path does.
 */
const machine = buildMachine();
const at = '2026-03-04T10:00:00Z';

function statesVisited(messages: string[]): { visited: string[]; last: string } {
  const visited: string[] = [];
  const actor = createActor(machine, {
    input: { conversationId: 'described-test', lang: 'eng', at, practice: openPractice },
    inspect: (ev) => {
      if (ev.type === '@xstate.microstep' || ev.type === '@xstate.snapshot') {
        const value = (ev.snapshot as { value?: unknown }).value;
        if (typeof value === 'string') visited.push(value);
      }
    },
  });
  actor.start();
  for (const text of messages) actor.send({ type: 'user.message', text, at, practice: openPractice });
  const last = actor.getSnapshot().context.step;
  actor.stop();
  return { visited, last };
}

describe('the described state', () => {
  it('is passed when the opening message is the description', () => {
    expect(statesVisited(['I have had an itchy rash on my arm for a few weeks']).visited).toContain('described');
  });

  it('is passed when the answer to the first question is the description', () => {
    expect(statesVisited(['hello', 'I have had an itchy rash on my arm for a few weeks']).visited).toContain('described');
  });

  it('is passed when "tell me about it" is answered', () => {
    expect(statesVisited(['hello', 'need.new', 'I have had an itchy rash on my arm for a few weeks']).visited).toContain('described');
  });

  it.each([
    ['at "tell me about it"', ['hello', 'need.new', 'my testicle hurts']],
    ['in the opening message', ['my testicle hurts']],
  ])('is passed after an emergency question interrupted the description %s, once it is answered', (_where, messages) => {
    const { visited } = statesVisited([...messages, 'no']);
    expect(visited).toContain('confirm');
    expect(visited.indexOf('described')).toBeGreaterThan(visited.indexOf('confirm'));
  });

  it('is not passed by a need without a description', () => {
    expect(statesVisited(['hello', 'need.new']).visited).not.toContain('described');
  });
});

describe('a button of another question at the first question', () => {
  it('is not taken as a description ("trend.same" tapped on an old message): asked again, nothing recorded', () => {
    const c = conversation();
    c.say('hello');
    const reply = c.say('trend.same');
    expect(reply.result.state).toBe('need');
    expect(reply.result.say.map((m) => m.key)).toContain('dialog.invalid.choice');
    expect(JSON.stringify(c.stored?.snapshot)).not.toContain('"text":"trend.same"');
  });
});
