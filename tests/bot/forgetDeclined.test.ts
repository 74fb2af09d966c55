import { ROUTINE_ANSWERS } from '../../bench/load/driver.js';
import { filesContaining } from '../store/rawBytes.js';
import { post, removeDir, startApp, type RunningApp } from '../support/app.js';

/** Like sayTo, but each message carries an activity id, as channels send them (repeats are answered from what is kept). */
function sayTo(url: string, conversationId: string) {
  let n = 0;
  return async (text: string) => {
    n += 1;
    const reply = await post(url, { type: 'message', id: `${conversationId}-m${n}`, text, conversation: { id: conversationId } });
    return { ...reply, intake: reply.activities.at(-1)?.channelData?.intake ?? {} };
  };
}

/**
 * A conversation that ends with nothing sent keeps nothing the patient said: the stored snapshot is
 * reduced at once, and the journal's earlier lines holding the details are compacted away.
 */
describe('details of a conversation that ended without consent', () => {
  let running: RunningApp | undefined;
  afterEach(async () => {
    await running?.close().catch(() => undefined);
    if (running) removeDir(running.dataDir);
    running = undefined;
  });

  const NAME = 'Quentin Oddfellow-Marsh';
  /** As stored (numbers normalised); the typed forms are checked for absence too. */
  const DETAILS = [NAME, '9434765919', '07700900123', 'itchy rash on my arm'];
  const TYPED = ['943 476 5919', '07700 900123'];
  const answers: Record<string, string> = { ...ROUTINE_ANSWERS, name: NAME };

  async function talkUntil(say: ReturnType<typeof sayTo>, until: string): Promise<void> {
    let state = '';
    for (let turn = 0; state !== until && turn < 40; turn++) state = String((await say(answers[state] ?? 'hello')).intake.state ?? '');
    expect(state).toBe(until);
  }

  it('drops name, numbers and free text from disk at once when the patient says no at consent', async () => {
    running = await startApp();
    const { url, dataDir, app } = running;
    const say = sayTo(url, 'declines-1');
    await talkUntil(say, 'consent');
    await app.store.flush();
    for (const detail of DETAILS) expect(await filesContaining(dataDir, detail)).not.toEqual([]);

    expect((await say('no')).intake.state).toBe('ended');
    await app.store.flush();
    for (const detail of [...DETAILS, ...TYPED]) expect([detail, await filesContaining(dataDir, detail)]).toEqual([detail, []]);
    expect((await app.store.requests.list({ limit: 10, offset: 0 })).total).toBe(0);

    // The conversation still answers as ended.
    const after = await say('hello');
    expect(after.intake.state).toBe('ended');
    expect((await app.store.conversations.get('test:declines-1'))?.snapshot).toMatchObject({ value: 'ended' });
  });

  it('drops them too when the patient stops part-way', async () => {
    running = await startApp({ liveConversations: 0 });
    const { url, dataDir, app } = running;
    const say = sayTo(url, 'stops-1');
    await talkUntil(say, 'phone');
    expect((await say('stop')).intake.state).toBe('ended');
    await app.store.flush();
    for (const detail of [NAME, '9434765919', 'itchy rash on my arm', ...TYPED]) expect([detail, await filesContaining(dataDir, detail)]).toEqual([detail, []]);
  });

  it('keeps a consented request and its conversation', async () => {
    running = await startApp();
    const { url, dataDir, app } = running;
    const say = sayTo(url, 'consents-1');
    await talkUntil(say, 'consent');
    expect((await say('yes')).intake.state).toBe('submitted');
    await app.store.flush();
    expect(await filesContaining(dataDir, NAME)).not.toEqual([]);
    expect((await app.store.requests.list({ limit: 10, offset: 0 })).total).toBe(1);
  });
});
