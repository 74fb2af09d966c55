import { postWithToken, removeDir, startApp, type RunningApp } from '../support/app.js';

/**
 * A Direct Line client (Web Chat, DirectLineJS) re-POSTs a message after a lost response with the same
 * channelData.clientActivityID. The message is taken once: the repeat gets the first POST's id and the
 * transcript holds one copy of it and of the bot's replies.
 */
describe('Direct Line: a message re-posted with the same clientActivityID', () => {
  let running: RunningApp;
  afterEach(async () => {
    await running.close();
    removeDir(running.dataDir);
  });

  const call = (path: string, token: string, body?: unknown) => postWithToken(running.url, path, token, body);

  it('is taken once, sequentially and concurrently', async () => {
    running = await startApp();
    const token = (await (await fetch(`${running.url}/chat/token`, { method: 'POST' })).json()) as { token: string };
    const conv = await call('/v3/directline/conversations', token.token, { locale: 'en-GB' });
    const id = String(conv.json.conversationId);
    const t = String(conv.json.token);
    const send = (text: string, clientActivityID: string) =>
      call(`/v3/directline/conversations/${id}/activities`, t, { type: 'message', text, from: { id: 'x' }, channelData: { clientActivityID } });

    const hello = await send('hello', 'c-1');
    const helloAgain = await send('hello', 'c-1');
    expect([hello.status, helloAgain.status]).toEqual([200, 200]);
    expect(helloAgain.json.id).toBe(hello.json.id);
    const [x, y] = await Promise.all([send('need.new', 'c-2'), send('need.new', 'c-2')]);
    expect([x.status, y.status]).toEqual([200, 200]);
    expect(y.json.id).toBe(x.json.id);

    const all = await fetch(`${running.url}/v3/directline/conversations/${id}/activities`, { headers: { Authorization: `Bearer ${t}` } });
    const activities = ((await all.json()) as { activities: { from?: { role?: string }; replyToId?: string; channelData?: { clientActivityID?: string } }[] })
      .activities;
    const userIds = activities.filter((a) => a.from?.role === 'user').map((a) => a.channelData?.clientActivityID);
    expect(userIds).toEqual(['c-1', 'c-2']);
    // Replies to each user message appear once (a second turn would have added its own).
    const replyCount = (to: unknown) => activities.filter((a) => a.replyToId === to).length;
    const [helloReplies, needReplies] = [replyCount(hello.json.id), replyCount(x.json.id)];
    expect(helloReplies).toBeGreaterThan(0);
    expect(needReplies).toBeGreaterThan(0);
    const fresh = await send('need.new', 'c-3');
    expect(fresh.json.id).not.toBe(x.json.id);
    expect(replyCount(hello.json.id)).toBe(helloReplies);
  });

  it('is answered from the stored conversation after a restart, when the transcript is gone', async () => {
    const directLineSecret = 'directline-repeat-test-secret-0123456789';
    running = await startApp({ directLineSecret });
    const token = (await (await fetch(`${running.url}/chat/token`, { method: 'POST' })).json()) as { token: string; conversationId: string };
    const path = `/v3/directline/conversations/${token.conversationId}/activities`;
    const send = (text: string, clientActivityID: string) => call(path, token.token, { type: 'message', text, channelData: { clientActivityID } });
    expect((await call('/v3/directline/conversations', token.token, { locale: 'en-GB' })).status).toBe(201);
    await send('hello', 'r-1');
    await send('need.new', 'r-2');
    const key = `directline:${token.conversationId}`;
    const before = await running.app.store.conversations.get(key);
    await running.app.close();

    running = await startApp({ directLineSecret, dataDir: running.dataDir });
    running.clock.advance(30_000);
    expect((await send('need.new', 'r-2')).status).toBe(200);
    const all = await fetch(`${running.url}${path}`, { headers: { Authorization: `Bearer ${token.token}` } });
    const activities = ((await all.json()) as { activities: { from?: { role?: string }; channelData?: { intake?: { state?: string } } }[] }).activities;
    expect(activities.filter((a) => a.from?.role !== 'user').at(-1)?.channelData?.intake?.state).toBe('describe');
    const after = await running.app.store.conversations.get(key);
    expect([after?.updatedAt, JSON.stringify(after?.snapshot)]).toEqual([before?.updatedAt, JSON.stringify(before?.snapshot)]);
  });
});
