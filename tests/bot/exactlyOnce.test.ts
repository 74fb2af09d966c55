import { ROUTINE_ANSWERS } from '../../bench/load/driver.js';
import { post, removeDir, startApp, type BotReply, type RunningApp } from '../support/app.js';

/**
 * Exactly-once turns through /api/messages: a channel retries an activity (same id) when a reply is
 * slow, and a patient presses send twice after a lost response. A repeat must get the replies the
 * first one got and change nothing: no turn, no audit line, no second request. Run with the live
 * actor cache on and off, since a repeat must be recognised whichever way the conversation is held.
 */
describe.each([
  ['live actors kept', 1000],
  ['every turn restored from the store', 0],
])('a repeated activity (%s)', (_name, liveConversations) => {
  const apps: RunningApp[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const a of apps.splice(0)) await a.close().catch(() => undefined);
    for (const d of dirs.splice(0)) removeDir(d);
  });
  const start = async (dataDir?: string) => {
    const a = await startApp({ liveConversations, ...(dataDir ? { dataDir } : {}) });
    apps.push(a);
    if (!dataDir) dirs.push(a.dataDir);
    return a;
  };

  const say = (a: RunningApp, conversation: string, id: string, text: string, extra: Record<string, unknown> = {}) =>
    post(a.url, { type: 'message', id, text, conversation: { id: conversation }, ...extra });
  const stateOf = (r: BotReply) => String(r.activities.at(-1)?.channelData?.intake?.state ?? '');
  /** What the conversation's stored record and the store as a whole look like. */
  const footprint = async (a: RunningApp, conversation: string) => {
    const record = await a.app.store.conversations.get(`test:${conversation}`);
    return {
      updatedAt: record?.updatedAt,
      snapshot: JSON.stringify(record?.snapshot),
      audit: (await a.app.store.audit.read()).length,
      requests: (await a.app.store.requests.list({ limit: 100, offset: 0 })).total,
    };
  };

  /** Answers the routine path until `stopAt`, one activity id per turn (`<conv>-<n>`); returns the last reply. */
  async function driveTo(a: RunningApp, conversation: string, stopAt: string): Promise<{ reply: BotReply; turns: number }> {
    let state = '';
    let reply: BotReply | undefined;
    let turns = 0;
    while (state !== stopAt) {
      if (turns > 40) throw new Error(`never reached ${stopAt}`);
      reply = await say(a, conversation, `${conversation}-${turns}`, ROUTINE_ANSWERS[state] ?? 'hello');
      turns += 1;
      expect(reply.status).toBe(200);
      state = stateOf(reply);
    }
    if (!reply) throw new Error('no turn');
    return { reply, turns };
  }

  it('answers a repeated red-flag answer with the same replies and does not take it as the next answer', async () => {
    const a = await start();
    await driveTo(a, 'rf', 'triageQuestion');
    a.clock.advance(1000);
    const first = await say(a, 'rf', 'rf-no', 'no');
    expect(first.status).toBe(200);
    const before = await footprint(a, 'rf');
    a.clock.advance(1000);
    const again = await say(a, 'rf', 'rf-no', 'no');
    expect(again.status).toBe(200);
    expect(again.activities).toEqual(first.activities);
    expect(await footprint(a, 'rf')).toEqual(before);
    expect(await (await fetch(`${a.url}/metrics`)).text()).toMatch(/^gp_intake_repeated_activities_total 1$/m);
    // A new message with its own id is a new answer, as ever.
    a.clock.advance(1000);
    const next = await say(a, 'rf', 'rf-next', ROUTINE_ANSWERS[stateOf(first)] ?? '');
    expect((await footprint(a, 'rf')).updatedAt).not.toEqual(before.updatedAt);
    expect(next.activities).not.toEqual(first.activities);
  });

  it('stores one request and writes no audit line when the consent is sent twice', async () => {
    const a = await start();
    await driveTo(a, 'cs', 'consent');
    const first = await say(a, 'cs', 'cs-yes', 'yes');
    expect(stateOf(first)).toBe('submitted');
    const requestId = first.activities.at(-1)?.channelData?.intake?.requestId;
    expect(typeof requestId).toBe('string');
    const before = await footprint(a, 'cs');
    expect(before.requests).toBe(1);
    a.clock.advance(5000);
    const again = await say(a, 'cs', 'cs-yes', 'yes');
    expect(again.activities).toEqual(first.activities);
    expect(await footprint(a, 'cs')).toEqual(before);
  });

  it('applies two copies of one activity sent at the same time once', async () => {
    const a = await start();
    await driveTo(a, 'cc', 'triageQuestion');
    const before = await footprint(a, 'cc');
    a.clock.advance(1000);
    const [x, y] = await Promise.all([say(a, 'cc', 'cc-no', 'no'), say(a, 'cc', 'cc-no', 'no')]);
    expect([x.status, y.status]).toEqual([200, 200]);
    expect(y.activities).toEqual(x.activities);
    const after = await footprint(a, 'cc');
    expect(after.updatedAt).not.toEqual(before.updatedAt);
    // Exactly one turn was taken: the record is the one a single "no" leaves (a second "no" would
    // have answered the next question and moved the snapshot on again).
    const single = await start();
    await driveTo(single, 'cc', 'triageQuestion');
    single.clock.advance(1000);
    await say(single, 'cc', 'cc-no', 'no');
    expect(JSON.parse(after.snapshot).value).toEqual(JSON.parse((await footprint(single, 'cc')).snapshot).value);
    expect(JSON.parse(after.snapshot).context.answers).toEqual(JSON.parse((await footprint(single, 'cc')).snapshot).context.answers);
  });

  it('answers a repeat that arrives after a restart with the stored replies', async () => {
    const a = await start();
    await driveTo(a, 'rs', 'triageQuestion');
    const first = await say(a, 'rs', 'rs-no', 'no');
    const before = await footprint(a, 'rs');
    await a.close();
    apps.splice(apps.indexOf(a), 1);

    const b = await start(a.dataDir);
    b.clock.advance(60_000);
    const again = await say(b, 'rs', 'rs-no', 'no');
    expect(again.activities).toEqual(first.activities);
    expect(await footprint(b, 'rs')).toEqual(before);
  });

  it("recognises Web Chat's clientActivityID when a client re-posts a message under a new activity id", async () => {
    const a = await start();
    await driveTo(a, 'wc', 'triageQuestion');
    const channelData = { clientActivityID: 'client-17' };
    const first = await say(a, 'wc', 'dl-1', 'no', { channelData });
    const before = await footprint(a, 'wc');
    a.clock.advance(1000);
    const again = await say(a, 'wc', 'dl-2', 'no', { channelData });
    const strip = (r: BotReply) => JSON.stringify(r.activities, (k, v: unknown) => (k === 'replyToId' ? undefined : v));
    expect(strip(again)).toEqual(strip(first));
    expect(await footprint(a, 'wc')).toEqual(before);
  });

  it('forgets all but the last 20 messages of a conversation', async () => {
    const a = await start();
    const { turns } = await driveTo(a, 'fg', 'describe');
    for (let i = turns; i < 26; i++) expect((await say(a, 'fg', `fg-${i}`, 'help')).status).toBe(200);
    const record = await a.app.store.conversations.get('test:fg');
    expect(record?.answered?.map((x) => x.key)).toEqual(Array.from({ length: 20 }, (_, i) => `id:fg-${6 + i}`));
    // Only the oldest is forgotten: a repeat of it is a new message again.
    const before = await footprint(a, 'fg');
    a.clock.advance(1000);
    await say(a, 'fg', 'fg-5', 'help');
    expect((await footprint(a, 'fg')).updatedAt).not.toEqual(before.updatedAt);
  });
});
