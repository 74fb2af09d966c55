import { ROUTINE_ANSWERS } from '../../bench/load/driver.js';
import { filesContaining } from '../store/rawBytes.js';
import { removeDir, startApp, type RunningApp } from '../support/app.js';

interface Shown {
  id?: string;
  type?: string;
  text?: string;
  from?: { role?: string };
  channelData?: { intake?: { state?: string } };
}

/**
 * The web chat's own transcript (Direct Line, memory and DATA_DIR/directline) follows the bot's store:
 * a conversation that ends with nothing sent keeps none of what the patient said or what the bot
 * read back to them (the review summary holds name, date of birth, NHS number and phone).
 */
describe('Direct Line: a conversation that ended without consent', () => {
  let running: RunningApp | undefined;
  afterEach(async () => {
    await running?.close().catch(() => undefined);
    if (running) removeDir(running.dataDir);
    running = undefined;
  });

  const NAME = 'Perpetua Quillfeather-Ames';
  const DESCRIPTION = 'a tingling violet blotch behind my left knee';
  const answers: Record<string, string> = { ...ROUTINE_ANSWERS, name: NAME, describe: `I have ${DESCRIPTION} for a few weeks` };
  /** As the summary and the store write them (numbers normalised), and as typed. */
  const DETAILS = [NAME, DESCRIPTION, '9434765919', '943 476 5919', '07700 900123'];

  async function open() {
    if (!running) throw new Error('no app');
    const url = running.url;
    const token = (await (await fetch(`${url}/chat/token`, { method: 'POST' })).json()) as { token: string; conversationId: string };
    const auth = { Authorization: `Bearer ${token.token}`, 'Content-Type': 'application/json' };
    const base = `/v3/directline/conversations/${token.conversationId}/activities`;
    const started = await fetch(`${url}/v3/directline/conversations`, { method: 'POST', headers: auth, body: JSON.stringify({ locale: 'en-GB' }) });
    expect(started.status).toBe(201);
    let n = 0;
    const read = async (watermark?: string) => {
      const res = await fetch(`${running?.url ?? url}${base}${watermark === undefined ? '' : `?watermark=${watermark}`}`, { headers: auth });
      expect(res.status).toBe(200);
      return (await res.json()) as { activities: Shown[]; watermark: string };
    };
    /** Posts one message and returns the state the bot's last reply to it reports. */
    const say = async (text: string): Promise<{ id: string; state: string }> => {
      n += 1;
      const res = await fetch(`${running?.url ?? url}${base}`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ type: 'message', text, from: { id: 'x' }, channelData: { clientActivityID: `c-${n}` } }),
      });
      expect(res.status).toBe(200);
      const { id } = (await res.json()) as { id: string };
      const replies = (await read()).activities.filter((a) => a.from?.role !== 'user');
      return { id, state: String(replies.at(-1)?.channelData?.intake?.state ?? '') };
    };
    return { conversationId: token.conversationId, say, read };
  }

  async function talkUntil(say: (text: string) => Promise<{ state: string }>, until: string): Promise<void> {
    let state = '';
    for (let turn = 0; state !== until && turn < 40; turn++) state = (await say(answers[state] ?? 'hello')).state;
    expect(state).toBe(until);
  }

  async function onDisk(): Promise<[string, string[]][]> {
    if (!running) throw new Error('no app');
    await running.app.store.flush();
    const found: [string, string[]][] = [];
    for (const detail of DETAILS) found.push([detail, await filesContaining(running.dataDir, detail)]);
    return found;
  }

  it('keeps only the final replies, in memory and on disk, when the patient says no at consent', async () => {
    const directLineSecret = 'directline-forget-test-secret-0123456789';
    running = await startApp({ directLineSecret });
    const { say, read } = await open();
    await talkUntil(say, 'consent');
    // The transcript file held the details (so the check below can fail).
    expect((await onDisk()).filter(([, files]) => files.some((f) => f.includes('/directline/'))).map(([d]) => d)).toEqual(
      expect.arrayContaining([NAME, DESCRIPTION]),
    );
    const before = await read();

    const no = await say('no');
    expect(no.state).toBe('ended');
    expect((await onDisk()).filter(([, files]) => files.length > 0)).toEqual([]);

    // A reconnecting client gets only this turn's replies, after the watermark it already had.
    const after = await read();
    expect(after.activities.length).toBeGreaterThan(0);
    expect(after.activities.every((a) => a.from?.role !== 'user')).toBe(true);
    expect(after.activities.at(-1)?.channelData?.intake?.state).toBe('ended');
    expect(JSON.stringify(after.activities)).not.toContain(NAME);
    expect(Number(after.watermark)).toBeGreaterThan(Number(before.watermark));
    expect((await read(before.watermark)).activities).toEqual(after.activities);
    const firstKept = Number(after.activities[0]?.id?.split('|').at(-1));
    expect(firstKept).toBeGreaterThan(Number(before.watermark));

    // After a restart too (memory gone): the same activities, and the watermark never goes back.
    const dataDir = running.dataDir;
    await running.close();
    running = await startApp({ directLineSecret, dataDir });
    const reread = await read();
    expect(reread).toEqual(after);

    // The conversation still answers; its new watermark is past every one handed out before.
    const later = await say('hello');
    expect(later.state).toBe('ended');
    const last = await read();
    expect(Number(last.watermark)).toBeGreaterThan(Number(after.watermark));
    expect(last.activities.length).toBeGreaterThan(0);
    // Still ended, so what the patient typed after the end is not kept either.
    expect(last.activities.every((a) => a.from?.role !== 'user')).toBe(true);
    expect((await onDisk()).filter(([, files]) => files.length > 0)).toEqual([]);
  });

  it('drops them too when the patient stops part-way', async () => {
    running = await startApp({ liveConversations: 0 });
    const { say, read } = await open();
    await talkUntil(say, 'phone');
    expect((await say('stop')).state).toBe('ended');
    expect((await onDisk()).filter(([, files]) => files.length > 0)).toEqual([]);
    expect((await read()).activities.every((a) => a.from?.role !== 'user')).toBe(true);
  });

  it('keeps the transcript of a consented request', async () => {
    running = await startApp();
    const { say, read } = await open();
    await talkUntil(say, 'consent');
    expect((await say('yes')).state).toBe('submitted');
    const all = await read();
    expect(all.activities.filter((a) => a.from?.role === 'user').map((a) => a.text)).toContain(NAME);
    expect((await onDisk()).find(([d]) => d === NAME)?.[1].some((f) => f.includes('/directline/'))).toBe(true);
  });
});
