import { ROUTINE_ANSWERS } from '../../bench/load/driver.js';
import type { IntakeContext } from '../../src/dialog/machine/types.js';
import { runTurn, type LiveConversation, type StoredConversation, type TurnResult } from '../../src/dialog/turn.js';
import { buildMachine, conversation, openPractice } from '../support/dialog.js';

/** Conversations that between them reach the states that matter (checked below). */
const SCRIPTS: Record<string, string[]> = {
  emergency: ['hello', 'my dad has chest pain and is sweating and grey', 'yes', 'ok'],
  confirm: ['hello', 'need.new', 'I have chest pain', 'no', 'no', 'no', 'no', 'no'],
  commands: ['hello', 'need.new', 'help', 'back', 'need.admin', 'start again', 'talk to a person', 'stop', 'hello'],
  language: ['hello', "Mae gen i ddolur gwddf ers tri diwrnod ac mae'n boenus iawn", '1', 'yes', 'no', 'language', '2'],
  nonsense: ['', '   ', '🙂🙂', 'x'.repeat(3000), 'need.new', '12345'],
  declined: ['hello', 'need.admin', 'I need a fit note for work please', 'no'],
};

/**
 * runTurn builds the persisted snapshot itself instead of asking XState (whose version walks the
 * whole context on every turn). It must be exactly what XState's getPersistedSnapshot() gives, in
 * every state, and restoring from it must continue the conversation exactly.
 */
describe('the persisted snapshot of a turn', () => {
  const machine = buildMachine();
  const at = new Date('2026-03-04T10:00:00Z');

  /** Every turn's snapshot from runTurn, next to XState's own for the same actor. */
  function drive(name: string, next: (turn: number, state: string) => string | null) {
    const pairs: [string, string][] = [];
    let live: LiveConversation | undefined;
    let state = '';
    for (let turn = 0; turn < 40; turn++) {
      const text = next(turn, state);
      if (text === null) break;
      const input = { kind: 'message' as const, at, practice: openPractice, lang: 'eng' as const, text, tapped: false, attachments: 0 };
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
      const input = { kind: 'message' as const, at, practice: openPractice, lang: 'eng' as const, text, tapped: false, attachments: 0 };
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

/**
 * XState's assign copies the context with `Object.assign({}, context, update)`, four or five times a
 * turn. When V8 builds such a copy key by key, it turns it into a slow dictionary-mode object above
 * 19 keys, and every later copy stays one: each costs about 9 µs instead of 0.4 µs, and every read in
 * a guard is a hash lookup. So the context keeps at most 16 top-level keys, the rest grouped under
 * intake, triage and flow (see CONTEXT_SHAPE in src/dialog/machine/context.ts). Contexts also carry
 * every key of each group from the start, fresh or restored, so their shapes do not change.
 */
describe('the context of a turn', () => {
  const MAX_TOP_LEVEL_KEYS = 16;
  const at = new Date('2026-03-04T10:00:00Z');
  const closed = { open: false, nextOpenAt: '2026-03-05T08:30:00.000Z' };

  const contextOf = (result: TurnResult): IntakeContext => (result.snapshot as { context: IntakeContext }).context;
  /** Top-level keys and each group's keys, as the turn left them. */
  const shapeOf = (ctx: IntakeContext) => ({
    top: Object.keys(ctx),
    intake: Object.keys(ctx.intake),
    triage: Object.keys(ctx.triage),
    flow: Object.keys(ctx.flow),
  });

  it(`has at most ${MAX_TOP_LEVEL_KEYS} top-level keys, and the same keys, at every step of a conversation`, () => {
    const shapes: ReturnType<typeof shapeOf>[] = [];
    const states = new Set<string>();
    const check = (result: TurnResult): string => {
      expect([result.state, Object.keys(contextOf(result)).length <= MAX_TOP_LEVEL_KEYS]).toEqual([result.state, true]);
      shapes.push(shapeOf(contextOf(result)));
      states.add(result.state);
      return result.state;
    };

    // Restored from the stored (JSON) snapshot on every turn, as the store does; open and closed.
    for (const practice of [{}, closed]) {
      for (const script of Object.values(SCRIPTS)) {
        const c = conversation({ practice });
        for (const text of script) check(c.say(text).result);
      }
      const c = conversation({ practice });
      let state = check(c.say('hello').result);
      while (state !== 'submitted' && c.turns.length < 40) state = check(c.say(ROUTINE_ANSWERS[state] ?? 'hello').result);
      check(c.say('thank you').result);
    }

    // On a live actor kept between turns.
    const machine = buildMachine();
    let live: LiveConversation | undefined;
    let state = '';
    for (let turn = 0; turn < 40 && state !== 'submitted'; turn++) {
      const input = { kind: 'message' as const, at, practice: openPractice, lang: 'eng' as const, text: ROUTINE_ANSWERS[state] ?? 'hello', tapped: false, attachments: 0 };
      const result = runTurn(machine, 'test:shape', live, input, { idleMs: 1e9, keepAlive: true });
      state = check(result);
      expect(Object.keys(result.live!.actor.getSnapshot().context).length).toBeLessThanOrEqual(MAX_TOP_LEVEL_KEYS);
      live = result.live;
    }
    live?.actor.stop();

    expect([...states]).toEqual(expect.arrayContaining(['need', 'describe', 'confirm', 'emergency', 'ended', 'languageOffer', 'review', 'submitted']));
    for (const shape of shapes) expect(shape).toEqual(shapes[0]);
  });
});
