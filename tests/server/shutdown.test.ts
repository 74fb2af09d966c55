import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../support/dialog.js';
import { post, removeDir } from '../support/app.js';

/** A free port on 127.0.0.1 (the child must know its port before it starts). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function startBot(dataDir: string, port: number): Promise<{ child: ChildProcess; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--disable-warning=DEP0111', 'src/index.ts'], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info', RATE_LIMIT_PER_IP_PER_MINUTE: '10000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    // Start-up through tsx compiles all of src: about 8 s of CPU, over 30 s of wall time on a busy
    // 2-core machine. A bot that never says it is listening is killed, not left running.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bot did not start: ${out}`));
    }, 90_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('gp-intake-bot listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  });
  return { child, exited };
}

describe('graceful shutdown (real process)', () => {
  it('finishes turns in flight on SIGTERM, exits 0, and a restart continues every answered conversation', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gp-shutdown-'));
    try {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      let bot = await startBot(dataDir, port);
      const ids = Array.from({ length: 12 }, (_, i) => `sd-${i}`);
      for (const id of ids) await post(url, { type: 'message', text: 'hello', conversation: { id } });

      const inFlight = ids.map((id) =>
        post(url, { type: 'message', text: 'need.new', conversation: { id } }).then(
          (r) => ({ id, status: r.status, state: r.activities.at(-1)?.channelData?.intake?.state }),
          () => ({ id, status: 0, state: undefined }),
        ),
      );
      await new Promise((r) => setTimeout(r, 5));
      bot.child.kill('SIGTERM');
      const results = await Promise.all(inFlight);
      expect(await bot.exited).toBe(0);
      // Accepted turns were answered in full; the rest were refused before any work was done.
      for (const r of results) expect([r.id, [0, 200, 503].includes(r.status)]).toEqual([r.id, true]);

      bot = await startBot(dataDir, port);
      for (const r of results) {
        const next = await post(url, { type: 'message', text: r.status === 200 ? 'my knee has been sore for weeks' : 'need.new', conversation: { id: r.id } });
        // A conversation whose turn was answered continues from "describe"; the others from "need".
        const state = next.activities.at(-1)?.channelData?.intake?.state;
        expect([r.id, r.status, state]).toEqual([r.id, r.status, r.status === 200 ? expect.not.stringMatching(/^need$|^describe$/) : 'describe']);
      }
      bot.child.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
    } finally {
      removeDir(dataDir);
    }
  }, 240_000);
});
