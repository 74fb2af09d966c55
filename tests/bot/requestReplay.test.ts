import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROUTINE_ANSWERS } from '../../bench/load/driver.js';
import { removeDir, sayTo, startApp, type RunningApp } from '../support/app.js';

/**
 * A consent turn saves the conversation's snapshot while it stores the request. If the snapshot was
 * saved and the request was not (a failed write here; a crash or power cut in life), the request is
 * stored from the snapshot the next time the conversation is loaded.
 */
describe('requests carried by a saved conversation', () => {
  let running: RunningApp | undefined;
  afterEach(async () => {
    await running?.close().catch(() => undefined);
    if (running) removeDir(running.dataDir);
    running = undefined;
  });

  it('stores a request that its saved conversation carries but the request store lacks', async () => {
    // No live actors: every turn loads the conversation from the store, as after a restart.
    running = await startApp({ liveConversations: 0 });
    const { url, dataDir, app } = running;
    const say = sayTo(url, 'replay-1');
    let state = '';
    for (let turn = 0; state !== 'consent' && turn < 40; turn++) state = String((await say(ROUTINE_ANSWERS[state] ?? 'hello')).intake.state ?? '');
    expect(state).toBe('consent');

    // The request store cannot be written during the consent turn; the conversation store can.
    const requests = join(dataDir, 'requests');
    mkdirSync(requests, { recursive: true });
    renameSync(requests, join(dataDir, 'requests-away'));
    writeFileSync(requests, 'not a folder');
    const consent = await say('yes');
    expect(consent.intake.state).toBe('error');
    expect(consent.text).toMatch(/something went wrong/);
    expect((await app.store.requests.list({ limit: 10, offset: 0 })).total).toBe(0);

    // Repaired. The next message finds the conversation already sent, and the request is stored from it.
    rmSync(requests);
    renameSync(join(dataDir, 'requests-away'), requests);
    const next = await say('hello');
    const stored = await app.store.requests.list({ limit: 10, offset: 0 });
    expect(stored.total).toBe(1);
    expect(stored.items[0]).toMatchObject({ kind: 'request', conversationId: 'test:replay-1' });
    expect(next.text).toContain(stored.items[0]?.reference ?? 'no reference');
    expect((await app.store.audit.read(stored.items[0]?.id)).map((e) => e.action)).toEqual(['request.stored']);
    expect(readdirSync(requests).filter((n) => n.endsWith('.jsonl'))).toHaveLength(1);

    // Loading it again stores nothing twice.
    await say('hello');
    expect((await app.store.requests.list({ limit: 10, offset: 0 })).total).toBe(1);
    expect(await app.store.audit.read(stored.items[0]?.id)).toHaveLength(1);
  });
});
