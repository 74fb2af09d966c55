import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeDir, sayTo, startApp, type RunningApp } from '../support/app.js';

/**
 * The store breaking under a running bot (disk gone, folder replaced): an emergency is still
 * diverted at once, and any other turn gets a clear apology instead of a silent loss.
 */
describe('store outage', () => {
  let running: RunningApp;
  afterEach(async () => {
    await running.close().catch(() => undefined);
    removeDir(running.dataDir);
  });

  function breakStore(dataDir: string) {
    // A file where a folder should be: every read and write below it fails with ENOTDIR.
    for (const dir of ['conversations', 'requests']) {
      rmSync(join(dataDir, dir), { recursive: true, force: true });
      writeFileSync(join(dataDir, dir), 'not a folder');
    }
  }

  it('still diverts an emergency when the store cannot be read or written', async () => {
    running = await startApp();
    await sayTo(running.url, 'outage-1')('hello');
    breakStore(running.dataDir);
    const reply = await sayTo(running.url, 'outage-1')('my husband has collapsed and is not breathing');
    expect(reply.status).toBe(200);
    expect(reply.text).toMatch(/Call 999 now/);
    expect(reply.intake).toMatchObject({ urgency: 'emergency', disposition: 'call_999' });
  });

  it('tells the patient something went wrong, with 999, instead of pretending a turn was kept', async () => {
    running = await startApp();
    breakStore(running.dataDir);
    const reply = await sayTo(running.url, 'outage-2')('hello');
    expect(reply.status).toBe(200);
    expect(reply.text).toMatch(/something went wrong/);
    expect(reply.text).toMatch(/999/);
    expect(reply.intake.state).toBe('error');
  });
});
