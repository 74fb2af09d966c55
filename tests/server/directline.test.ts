import { postWithToken, removeDir, startApp, type RunningApp } from '../support/app.js';

/** The web chat's channel reaches the same bot and statechart, with the same per-conversation limit. */
describe('Direct Line channel of the real app', () => {
  let running: RunningApp;
  afterEach(async () => {
    await running.close();
    removeDir(running.dataDir);
  });

  const call = (path: string, token: string, body?: unknown) => postWithToken(running.url, path, token, body);

  it('runs the intake dialog, and answers 429 when one conversation posts too fast', async () => {
    running = await startApp({ rateLimit: { perConversationPerMinute: 3, perIpPerMinute: 1000 } });
    const token = (await (await fetch(`${running.url}/chat/token`, { method: 'POST' })).json()) as { token: string };
    const conv = await call('/v3/directline/conversations', token.token, { locale: 'en-GB' });
    expect(conv.status).toBe(201);
    const id = String(conv.json.conversationId);
    const t = String(conv.json.token);
    const statuses: number[] = [];
    for (const text of ['hello', 'need.new', 'help', 'help', 'help']) {
      statuses.push((await call(`/v3/directline/conversations/${id}/activities`, t, { type: 'message', text, from: { id: 'x' } })).status);
    }
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(statuses).toContain(429);
    const all = await fetch(`${running.url}/v3/directline/conversations/${id}/activities`, { headers: { Authorization: `Bearer ${t}` } });
    const activities = ((await all.json()) as { activities: { text?: string; channelData?: { intake?: { state?: string } } }[] }).activities;
    expect(activities.some((a) => a.text?.includes('not for emergencies'))).toBe(true);
    expect(activities.some((a) => a.channelData?.intake?.state === 'describe')).toBe(true);
  });
});
