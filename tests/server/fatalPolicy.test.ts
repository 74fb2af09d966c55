/**
 * The process-level policy for uncaught exceptions and unhandled rejections, in a real child
 * process (tests/support/fatalEntry.ts: the real app and the same policy function as src/index.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, nodeFlags, projectRoot, spawnNode, waitReady, type Child } from '../../bench/load/child.js';
import { describeFault, redactMessage } from '../../src/server/fatalPolicy.js';
import { removeDir } from '../support/app.js';
import { rawRequest } from '../support/rawHttp.js';

const PATIENT_TEXT = ['chest hurts', 'arm is numb', '943', '5919', '1950'];

async function start(env: Record<string, string> = {}): Promise<{ child: Child; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gp-fatal-'));
  const port = await freePort();
  const child = spawnNode([...nodeFlags(false, true), join(projectRoot, 'tests', 'support', 'fatalEntry.ts')], { DATA_DIR: dataDir, PORT: String(port), ...env }, port);
  await waitReady(child, '/health', 60_000);
  return { child, dataDir };
}

async function logged(child: Child, text: string): Promise<void> {
  while (!child.stdout().includes(text) && child.proc.exitCode === null) await new Promise((r) => setTimeout(r, 20));
}

/**
 * A new connection gets no HTTP answer: refused, or (if the kernel had already queued it before the
 * listening socket closed) reset without a response.
 */
async function refused(port: number): Promise<boolean> {
  const r = await rawRequest(port, 'GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', { timeoutMs: 5000 });
  return r.status === undefined && r.ended === 'closed';
}

describe('fatal fault policy (real child process)', () => {
  it.each(['/test/throw', '/test/reject'])('after %s: finishes the request in flight, refuses new connections, exits 1, logs no patient text', async (path) => {
    const { child, dataDir } = await start({ SLOW_MS: '1500' });
    try {
      const slow = fetch(`${child.url}/test/slow`).then(async (r) => ({ status: r.status, body: await r.json() }));
      await logged(child, 'slow request received');
      expect((await fetch(`${child.url}${path}`, { method: 'POST' })).status).toBe(202);
      await logged(child, 'fatal fault');
      expect(await refused(child.port)).toBe(true);
      expect(await slow).toEqual({ status: 200, body: { finished: true } });
      const exit = await child.exited;
      expect(exit.code).toBe(1);
      const logs = child.stdout() + child.stderr();
      const fatalLine = logs.split('\n').find((l) => l.includes('fatal fault'));
      expect(fatalLine).toBeDefined();
      expect(JSON.parse(fatalLine!).fault.type).toBe(path === '/test/throw' ? 'TypeError' : 'Error');
      for (const text of PATIENT_TEXT) expect(logs).not.toContain(text);
    } finally {
      if (child.proc.exitCode === null) child.proc.kill('SIGKILL');
      removeDir(dataDir);
    }
  }, 90_000);

  it('exits after the grace period when a turn does not finish in time', async () => {
    const { child, dataDir } = await start({ SLOW_MS: '60000', FATAL_GRACE_MS: '300' });
    try {
      const slow = fetch(`${child.url}/test/slow`).catch(() => 'dropped');
      await logged(child, 'slow request received');
      await fetch(`${child.url}/test/throw`, { method: 'POST' });
      expect((await child.exited).code).toBe(1);
      expect(await slow).toBe('dropped');
      expect(child.stdout()).toContain('turns still in flight at the end of the grace period');
    } finally {
      if (child.proc.exitCode === null) child.proc.kill('SIGKILL');
      removeDir(dataDir);
    }
  }, 90_000);
});

describe('describeFault', () => {
  it('keeps the class and stack frames and cuts quoted text, digits and non-ASCII from the message', () => {
    const d = describeFault(new SyntaxError('Unexpected token \'m\', "my chest hurts" is not valid JSON at 943 ból'));
    expect(d.type).toBe('SyntaxError');
    expect(d.message).toBe('Unexpected token [redacted], [redacted] is not valid JSON at # b[redacted]l');
    expect(d.stack.length).toBeGreaterThan(0);
    expect(d.stack.every((f) => f.startsWith('at '))).toBe(true);
  });
  it('describes non-Error values by type only', () => {
    expect(describeFault('my chest hurts')).toEqual({ type: 'string', message: '[not an Error]', stack: [] });
    expect(redactMessage('an unterminated "quote to the end')).toBe('an unterminated [redacted]');
  });
});
