import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROUTINE_ANSWERS } from '../../bench/load/driver.js';
import { removeDir, sayTo, startApp, type RunningApp } from '../support/app.js';

/**
 * The conversation service keeps recent conversations' statechart actors running between turns.
 * That is only a cache: every reply must be exactly what restoring the stored snapshot gives, and a
 * turn whose snapshot could not be stored must not survive in the running actor.
 */
describe('live conversations', () => {
  const apps: RunningApp[] = [];
  afterEach(async () => {
    for (const a of apps.splice(0)) {
      await a.close().catch(() => undefined);
      removeDir(a.dataDir);
    }
  });
  const start = async (liveConversations: number) => {
    const a = await startApp({ liveConversations });
    apps.push(a);
    return a;
  };

  type Step = string | { advanceMinutes: number };
  const SCRIPTS: Record<string, Step[]> = {
    emergency: ['hello', 'my dad has chest pain and is sweating and grey', 'yes'],
    commands: ['hello', 'need.new', 'help', 'back', 'need.admin', 'start again', 'talk to a person', 'stop', 'hello'],
    language: ['hello', "Mae gen i ddolur gwddf ers tri diwrnod ac mae'n boenus iawn", '1', 'yes', 'no'],
    idle: ['hello', 'need.new', { advanceMinutes: 45 }, 'I have had a cough for two weeks', 'no'],
    nonsense: ['', '   ', '🙂🙂', 'x'.repeat(3000), 'need.new', '12345'],
  };

  it('replies exactly as restoring every turn from the store does', async () => {
    const [live, restored] = [await start(1000), await start(0)];
    const transcript = async (a: RunningApp) => {
      const out: unknown[] = [];
      for (const [name, steps] of Object.entries(SCRIPTS)) {
        const say = sayTo(a.url, `eq-${name}`);
        for (const step of steps) {
          if (typeof step === 'string') out.push(await say(step));
          else a.clock.advance(step.advanceMinutes * 60_000);
        }
      }
      // A whole routine intake to submission, answering whatever state the bot is in.
      const say = sayTo(a.url, 'eq-routine');
      let state = '';
      for (let turn = 0; state !== 'submitted' && turn < 40; turn++) {
        const reply = await say(ROUTINE_ANSWERS[state] ?? 'hello');
        out.push(reply);
        state = String(reply.intake.state ?? '');
      }
      expect(state).toBe('submitted');
      return out.map((r) => JSON.stringify(r, (k, v: unknown) => (k === 'id' || k === 'timestamp' || k === 'replyToId' ? undefined : v)));
    };
    const a = await transcript(live);
    const b = await transcript(restored);
    expect(a.length).toBeGreaterThan(30);
    expect(a).toEqual(b);
  });

  it('does not keep a turn whose snapshot could not be stored', async () => {
    const a = await start(1000);
    // Where "back" leads from the 'describe' step (a turn further on, it would lead elsewhere).
    const control = sayTo(a.url, 'control');
    await control('hello');
    await control('need.new');
    const backFromDescribe = (await control('back')).intake.state;

    const say = sayTo(a.url, 'lost-turn');
    await say('hello');
    expect((await say('need.new')).intake.state).toBe('describe');
    // The conversations folder is replaced by a file: the next turn cannot be stored.
    const dir = join(a.dataDir, 'conversations');
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(dir, 'not a folder');
    const failed = await say('I have had an itchy rash on my arm for a few weeks');
    expect(failed.intake.state).toBe('error');
    expect(failed.text).toMatch(/something went wrong/);

    // Repaired: the conversation carries on from the last stored turn ('describe'), not from the lost one.
    rmSync(dir, { force: true });
    mkdirSync(dir);
    expect((await say('back')).intake.state).toBe(backFromDescribe);
  });
});
