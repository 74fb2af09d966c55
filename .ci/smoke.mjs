// Start-up smoke run of the built bot on whatever Node runs this script (CI: Node 24, the other LTS
// line package.json's engines accepts; the whole test suite runs on Node 22). It starts dist/src/index.js
// on 127.0.0.1 with a temporary DATA_DIR and the embedded store, waits for /ready, takes two patient
// turns through /api/messages, stops it with SIGTERM and expects a clean exit. One line out; exit 1 on failure.
import { spawn } from 'node:child_process';
import console from 'node:console';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { setTimeout } from 'node:timers';

const { fetch } = globalThis;

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const dataDir = mkdtempSync(join(tmpdir(), 'smoke-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test' };
delete env.DATABASE_URL;
const child = spawn(process.execPath, ['--disable-warning=DEP0111', 'dist/src/index.js'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
let stderr = '';
child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
let gone = false;
const exited = new Promise((r) => child.on('exit', (code, signal) => ((gone = true), r({ code, signal }))));

async function say(text, id) {
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ type: 'message', id, text, channelId: 'test', from: { id: 'smoke' }, recipient: { id: 'bot' }, conversation: { id: 'smoke-1' }, deliveryMode: 'expectReplies' }),
  });
  const body = await res.json().catch(() => ({}));
  return { status: res.status, replies: (body.activities ?? []).length };
}

let failure = '';
try {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(`${base}/ready`).then((r) => r.status === 200, () => false);
    if (ok) break;
    if (gone) throw new Error('the bot exited before it was ready');
    if (Date.now() > deadline) throw new Error('not ready within 60 s');
    await sleep(250);
  }
  for (const [i, text] of ['hello', 'new problem'].entries()) {
    const r = await say(text, `smoke-${i}`);
    if (r.status !== 200 || r.replies === 0) throw new Error(`turn ${i + 1}: HTTP ${r.status}, ${r.replies} replies`);
  }
  child.kill('SIGTERM');
  const end = await Promise.race([exited, sleep(20_000).then(() => null)]);
  if (!end) throw new Error('did not exit within 20 s of SIGTERM');
  if (end.code !== 0) throw new Error(`exited with ${end.code ?? end.signal} after SIGTERM`);
} catch (e) {
  failure = e instanceof Error ? e.message : String(e);
  child.kill('SIGKILL');
}
rmSync(dataDir, { recursive: true, force: true });
if (failure) {
  console.log(`smoke on node ${process.version}: FAILED: ${failure}`);
  if (stderr) console.log(stderr);
  process.exit(1);
}
console.log(`smoke on node ${process.version}: started, answered 2 turns, stopped cleanly`);
