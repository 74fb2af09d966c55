import { ROUTINE_ANSWERS } from '../../bench/load/driver.js';
import { runTurn, type LiveConversation, type StoredConversation } from '../../src/dialog/turn.js';
import { buildMachine, openPractice } from '../support/dialog.js';

/**
 * runTurn builds the persisted snapshot itself instead of asking XState (whose version walks the
 * whole context on every turn). It must be exactly what XState's getPersistedSnapshot() gives, in
 * every state, and restoring from it must continue the conversation exactly.
 */
describe('the persisted snapshot of a turn', () => {
  const machine = buildMachine();
  const at = new Date('2026-03-04T10:00:00Z');
  const SCRIPTS: Record<string, string[]> = {
    emergency: ['hello', 'my dad has chest pain and is sweating and grey', 'yes', 'ok'],
    confirm: ['hello', 'need.new', 'I have chest pain', 'no', 'no', 'no', 'no', 'no'],
    commands: ['hello', 'need.new', 'help', 'back', 'need.admin', 'start again', 'talk to a person', 'stop', 'hello'],
    language: ['hello', "Mae gen i ddolur gwddf ers tri diwrnod ac mae'n boenus iawn", '1', 'yes', 'no', 'language', '2'],
    nonsense: ['', '   ', '🙂🙂', 'x'.repeat(3000), 'need.new', '12345'],
    declined: ['hello', 'need.admin', 'I need a fit note for work please', 'no'],
  };

  /** Every turn's snapshot from runTurn, next to XState's own for the same actor. */
  function drive(name: string, next: (turn: number, state: string) => string | null) {
    const pairs: [string, string][] = [];
    let live: LiveConversation | undefined;
    let state = '';
    for (let turn = 0; turn < 40; turn++) {
      const text = next(turn, state);
      if (text === null) break;
      const input = { kind: 'message' as const, at, practice: openPractice, lang: 'eng' as const, text, attachments: 0 };
      const result = runTurn(machine, `test:${name}`, live, input, { idleMs: 1e9, keepAlive: true });
      expect(result.live).toBeDefined();
      live = result.live;
      pairs.push([JSON.stringify(result.snapshot), JSON.stringify(live!.actor.getPersistedSnapshot())]);
      state = result.state;
    }
    live?.actor.stop();
    return { pairs, state };
  }

  it("is XState's own persisted snapshot at every step", () => {
    const states = new Set<string>();
    for (const [name, script] of Object.entries(SCRIPTS)) {
      const { pairs } = drive(name, (turn) => script[turn] ?? null);
      for (const [ours, xstates] of pairs) {
        expect(ours).toBe(xstates);
        states.add((JSON.parse(ours) as { value: string }).value);
      }
    }
    const routine = drive('routine', (_turn, state) => (state === 'submitted' ? null : (ROUTINE_ANSWERS[state] ?? 'hello')));
    expect(routine.state).toBe('submitted');
    for (const [ours, xstates] of routine.pairs) {
      expect(ours).toBe(xstates);
      states.add((JSON.parse(ours) as { value: string }).value);
    }
    // The scripts reach the states that matter: the check would be empty otherwise.
    expect([...states]).toEqual(expect.arrayContaining(['need', 'describe', 'confirm', 'emergency', 'ended', 'languageOffer', 'review', 'consent', 'submitted']));
  });

  it('restores to the same conversation as the running actor', () => {
    const script = ['hello', 'need.new', 'I have had an itchy rash on my arm for a few weeks', 'no', 'back', 'duration.weeks', 'trend.same'];
    let live: LiveConversation | undefined;
    let stored: StoredConversation | undefined;
    for (const text of script) {
      const input = { kind: 'message' as const, at, practice: openPractice, lang: 'eng' as const, text, attachments: 0 };
      const a = runTurn(machine, 'test:restore', live, input, { idleMs: 1e9, keepAlive: true });
      const b = runTurn(machine, 'test:restore', stored, input, { idleMs: 1e9 });
      expect(b.say).toEqual(a.say);
      expect(JSON.stringify(b.snapshot)).toBe(JSON.stringify(a.snapshot));
      live = a.live;
      stored = { machineVersion: b.machineVersion, snapshot: JSON.parse(JSON.stringify(b.snapshot)) as unknown, updatedAt: at.toISOString() };
    }
    live?.actor.stop();
  });
});
