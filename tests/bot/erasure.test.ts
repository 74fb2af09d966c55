import { ROUTINE_ANSWERS } from '../../bench/load/driver.js';
import { filesContaining } from '../store/rawBytes.js';
import { removeDir, sayTo, startApp, type RunningApp } from '../support/app.js';

/**
 * Erasing a conversation while the patient is still in it: the running statechart holds everything
 * they said, and the next turn would write it all back. The conversation service's gate drops it.
 */
describe('erasing a conversation the service is holding in memory', () => {
  let running: RunningApp | undefined;
  afterEach(async () => {
    await running?.close().catch(() => undefined);
    if (running) removeDir(running.dataDir);
    running = undefined;
  });

  const NAME = 'Ottoline Brackenbury';

  it('does not write the erased details back on the next message', async () => {
    running = await startApp();
    const { url, dataDir, app } = running;
    const say = sayTo(url, 'erase-live-1');
    const answers: Record<string, string> = { ...ROUTINE_ANSWERS, name: NAME };
    let state = '';
    for (let turn = 0; state !== 'postcode' && turn < 40; turn++) state = String((await say(answers[state] ?? 'hello')).intake.state ?? '');
    expect(state).toBe('postcode');

    const key = 'test:erase-live-1';
    expect(await app.service.withConversation(key, () => app.store.erase({ conversationId: key }))).toEqual({ conversationId: key, requestIds: [] });
    await app.store.flush();
    expect(await filesContaining(dataDir, NAME)).toEqual([]);

    // The patient carries on typing: a fresh conversation, nothing of the erased one comes back.
    await say('M1 1AE');
    await app.store.flush();
    expect(await filesContaining(dataDir, NAME)).toEqual([]);
  });
});
