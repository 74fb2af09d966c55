import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashApiKey } from '../../src/api/practice/index.js';
import { filesContaining } from '../store/rawBytes.js';
import { projectRoot } from '../support/dialog.js';
import { removeDir, startApp, type RunningApp } from '../support/app.js';

/**
 * Erasure through the real app: the practice API reaches the stored data and the Direct Line
 * transcript, in memory and in its file under DATA_DIR/directline (filesContaining reads every file).
 */
describe('erasing a web chat conversation through the practice API', () => {
  let running: RunningApp | undefined;
  afterEach(async () => {
    await running?.close().catch(() => undefined);
    if (running) removeDir(running.dataDir);
    running = undefined;
  });

  const KEY = 'erase-key-0123456789abcdef';
  const MARKER = 'Wilhelmina Sprockett-Vane';

  it('removes the conversation from disk and from the Direct Line transcript', async () => {
    const demo = JSON.parse(readFileSync(join(projectRoot, 'config', 'practice.demo.json'), 'utf8')) as Record<string, unknown>;
    const configDir = mkdtempSync(join(tmpdir(), 'practice-erasure-'));
    const practiceConfigPath = join(configDir, 'practice.json');
    writeFileSync(practiceConfigPath, JSON.stringify({ ...demo, apiKeys: [{ name: 'dpo', sha256: hashApiKey(KEY), scopes: ['erase'] }] }));
    running = await startApp({ practiceConfigPath });
    const { url, dataDir } = running;

    const post = async (path: string, token: string, body: unknown) =>
      fetch(`${url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const { token } = (await (await fetch(`${url}/chat/token`, { method: 'POST' })).json()) as { token: string };
    const conv = (await (await post('/v3/directline/conversations', token, { locale: 'en-GB' })).json()) as { conversationId: string; token: string };
    for (const text of ['hello', 'need.new', `I am ${MARKER} and I have an itchy rash on my arm`]) {
      expect((await post(`/v3/directline/conversations/${conv.conversationId}/activities`, conv.token, { type: 'message', text, from: { id: 'u' } })).status).toBe(200);
    }
    const transcript = async () =>
      (await fetch(`${url}/v3/directline/conversations/${conv.conversationId}/activities`, { headers: { Authorization: `Bearer ${conv.token}` } })).text();
    expect(await transcript()).toContain(MARKER);
    await running.app.store.flush();
    const holding = await filesContaining(dataDir, MARKER);
    expect(holding.some((f) => f.includes('directline'))).toBe(true);

    const erased = await post('/api/practice/erasures', KEY, { conversationId: `directline:${conv.conversationId}` });
    expect(erased.status).toBe(200);
    await running.app.store.flush();
    expect(await filesContaining(dataDir, MARKER)).toEqual([]);
    expect(await transcript()).not.toContain(MARKER);
    removeDir(configDir);
  });
});
