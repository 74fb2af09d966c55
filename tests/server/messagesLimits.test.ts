/**
 * Where the per-address limit of /api/messages sits (issue 13, item 4). With an app id, requests
 * come from the Bot Connector's few addresses: the limit must run after authentication and key on
 * the authenticated conversation and user, so an unauthenticated flood neither gets 429 (it gets
 * 401, spending nothing) nor spends the budget channel users share. Anonymous mode keeps it per address.
 */
import { post, removeDir, startApp, type RunningApp } from '../support/app.js';
import { startLocalIdentity, type LocalIdentity } from '../support/identity.js';

const APP = { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppType: 'MultiTenant' };

describe('/api/messages limits', () => {
  let running: RunningApp;
  let identity: LocalIdentity | undefined;
  afterEach(async () => {
    await running.close();
    removeDir(running.dataDir);
    await identity?.close();
    identity = undefined;
  });

  it('with an app id, authenticates before any limit: a flood without valid tokens gets 401, never 429', async () => {
    running = await startApp({
      botFramework: APP,
      rateLimit: { perConversationPerMinute: 1000, perIpPerMinute: 3 },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await post(running.url, { type: 'message', text: 'hello', conversation: { id: `flood-${i}` }, serviceUrl: 'https://smba.trafficmanager.net/uk/' });
      statuses.push(r.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401]);
    const metrics = await (await fetch(`${running.url}/metrics`)).text();
    expect(metrics).toMatch(/http_rejections_total\{reason="unauthenticated"\} 6/);
  });

  it('with an app id, limits each authenticated channel user, not the Bot Connector address all users share', async () => {
    // Real channel tokens from a local issuer (tests/support/identity.ts), checked by the Agents SDK.
    const local = (identity = await startLocalIdentity());
    running = await startApp({ agentsConnection: local.connection(), rateLimit: { perConversationPerMinute: 1000, perIpPerMinute: 3 } });
    const token = await local.token();
    const send = async (user: string, conversation: string) => {
      const res = await fetch(`${running.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ type: 'message', text: 'hello', channelId: 'msteams', from: { id: user }, conversation: { id: conversation }, deliveryMode: 'expectReplies', serviceUrl: 'https://smba.trafficmanager.net/uk/' }),
      });
      await res.arrayBuffer();
      return res.status;
    };
    const flooder: number[] = [];
    for (let i = 0; i < 4; i++) flooder.push(await send('abuser', `abuser-${i}`));
    expect(flooder).toEqual([200, 200, 200, 429]);
    // Every request came from the same (connector) address; another patient is not throttled.
    expect(await send('patient', 'patient-1')).toBe(200);
  });

  it('in anonymous mode, limits each client address', async () => {
    running = await startApp({ rateLimit: { perConversationPerMinute: 1000, perIpPerMinute: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(running.url, { type: 'message', text: 'hello', conversation: { id: `anon-${i}` } })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
