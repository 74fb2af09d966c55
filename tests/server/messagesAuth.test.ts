/**
 * /api/messages with an app id (issue 19): tokens checked by the real Agents SDK against a local
 * issuer and JWKS (tests/support/identity.ts), replies POSTed by the SDK to a local channel service
 * with a token from a local Entra auth sidecar. Nothing of ours is replaced.
 */
import { removeDir, startApp, type RunningApp } from '../support/app.js';
import { CLIENT_ID, startLocalIdentity, TENANT_ID, type LocalIdentity } from '../support/identity.js';

interface Reply {
  channelId?: string;
  _channelId?: string;
  text?: string;
  replyToId?: string;
  conversation?: Record<string, unknown>;
  suggestedActions?: { actions: { type: string; title: string; value: unknown }[] };
  channelData?: { intake?: Record<string, unknown> };
}

describe('/api/messages with an app id (Agents SDK)', () => {
  let identity: LocalIdentity;
  let running: RunningApp;
  let channelUrl: string;
  beforeAll(async () => {
    identity = await startLocalIdentity();
    channelUrl = `${identity.url}/channel/`;
    running = await startApp({ agentsConnection: identity.connection(), allowedServiceUrls: [channelUrl] });
  });
  afterAll(async () => {
    await running.close();
    removeDir(running.dataDir);
    await identity.close();
  });
  beforeEach(() => identity.posted.splice(0));

  async function send(activity: Record<string, unknown>, token: string | undefined, app: RunningApp = running) {
    const res = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as { activities?: Reply[] } | undefined, text, retryAfter: res.headers.get('retry-after') };
  }

  const hello = (conversation: string, extra: Record<string, unknown> = {}) => ({
    type: 'message',
    id: `${conversation}-m1`,
    text: 'hello',
    channelId: 'directline',
    serviceUrl: channelUrl,
    conversation: { id: conversation },
    from: { id: 'patient-1' },
    recipient: { id: CLIENT_ID },
    ...extra,
  });

  it('answers a valid token with the replies in the body (expectReplies), channelId and intake on each', async () => {
    const r = await send(hello('auth-ok', { deliveryMode: 'expectReplies' }), await identity.token({ serviceurl: channelUrl }));
    expect(r.status).toBe(200);
    const replies = r.body?.activities ?? [];
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) {
      expect(reply.channelId).toBe('directline');
      expect(reply._channelId).toBeUndefined();
      expect(reply.replyToId).toBe('auth-ok-m1');
      expect(reply.channelData?.intake).toMatchObject({ state: 'need', locale: 'en' });
    }
    expect(r.text).not.toContain('_channelId');
    expect(replies.at(-1)?.suggestedActions?.actions.map((a) => a.value)).toContain('need.new');
    expect(identity.posted).toEqual([]);
  });

  it.each([
    ['no token', async () => undefined],
    ['a forged signature', async () => identity.token({}, { key: await identity.forgerKey() })],
    ['an expired token', async () => identity.token({}, { expiresInSeconds: -600 })],
    ['a wrong audience', async () => identity.token({ aud: '00000000-0000-0000-0000-00000000dead' })],
    ['a wrong issuer', async () => identity.token({ iss: `https://login.example.org/${TENANT_ID}/v2.0` })],
    ['a token for another channel service', async () => identity.token({ serviceurl: 'https://smba.trafficmanager.net/uk/' })],
  ])('refuses %s with 401 and runs no turn', async (_name, makeToken) => {
    const conversation = `auth-refused-${_name.replace(/\W+/g, '-')}`;
    const r = await send(hello(conversation), await makeToken());
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ error: 'unauthorized' });
    expect(identity.posted).toEqual([]);
    expect(await running.app.store.conversations.get(`directline:${conversation}`)).toBeUndefined();
  });

  it('POSTs replies only to an allow-listed serviceUrl: another one is refused with 403 and nothing is sent', async () => {
    const elsewhere = `${identity.url}/elsewhere/`;
    const r = await send(hello('auth-elsewhere', { serviceUrl: elsewhere }), await identity.token({ serviceurl: elsewhere }));
    expect(r.status).toBe(403);
    expect(identity.posted).toEqual([]);
    const ok = await send(hello('auth-allowed'), await identity.token({ serviceurl: channelUrl }));
    expect(ok.status).toBe(200);
    expect(identity.posted.length).toBeGreaterThan(0);
    expect(identity.posted.every((p) => p.path === '/channel/v3/conversations/auth-allowed/activities/auth-allowed-m1')).toBe(true);
  });

  it('takes a Teams message and sends the replies to the Teams channel service with the bot token', async () => {
    const teams = {
      type: 'message',
      id: '1733472000000',
      timestamp: '2026-03-04T10:00:00.000Z',
      localTimestamp: '2026-03-04T10:00:00.000+00:00',
      serviceUrl: channelUrl,
      channelId: 'msteams',
      from: { id: '29:1a2b3c', name: 'Pat Example', aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000001' },
      conversation: { conversationType: 'personal', tenantId: TENANT_ID, id: 'a:1teams-conversation' },
      recipient: { id: `28:${CLIENT_ID}`, name: 'GP intake' },
      textFormat: 'plain',
      text: 'hello',
      locale: 'en-GB',
      entities: [{ type: 'clientInfo', locale: 'en-GB', country: 'GB', platform: 'Web', timezone: 'Europe/London' }],
      channelData: { tenant: { id: TENANT_ID } },
    };
    const r = await send(teams, await identity.token({ serviceurl: channelUrl }));
    expect(r.status).toBe(200);
    expect(identity.posted.length).toBeGreaterThan(0);
    expect(identity.tokensIssued).toBeGreaterThan(0);
    for (const { path, authorization, activity } of identity.posted) {
      expect(decodeURIComponent(path)).toBe('/channel/v3/conversations/a:1teams-conversation/activities/1733472000000');
      expect(authorization).toMatch(/^Bearer ey/);
      expect(activity).toMatchObject({ channelId: 'msteams', replyToId: '1733472000000', recipient: { id: '29:1a2b3c' }, conversation: { tenantId: TENANT_ID } });
      expect(activity).not.toHaveProperty('_channelId');
      expect((activity as Reply).channelData?.intake).toMatchObject({ state: 'need' });
    }
    // Teams shows suggested actions as imBack: the title is what comes back.
    const actions = (identity.posted.at(-1)?.activity as Reply).suggestedActions?.actions ?? [];
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a.type === 'imBack' && a.value === a.title)).toBe(true);
  });

  it('takes an SMS and sends a numbered list instead of buttons', async () => {
    const sms = {
      type: 'message',
      id: 'SM0123456789abcdef0123456789abcdef',
      timestamp: '2026-03-04T10:00:00.000Z',
      serviceUrl: channelUrl,
      channelId: 'sms',
      from: { id: '+447700900123', name: '+447700900123' },
      conversation: { isGroup: false, id: '+447700900123' },
      recipient: { id: '+447700900000', name: 'GP intake' },
      text: 'hello',
      channelData: { SmsSid: 'SM0123456789abcdef0123456789abcdef', NumMedia: '0' },
    };
    const r = await send(sms, await identity.token({ serviceurl: channelUrl }));
    expect(r.status).toBe(200);
    const last = identity.posted.at(-1)?.activity as Reply | undefined;
    expect(decodeURIComponent(identity.posted[0]?.path ?? '')).toBe('/channel/v3/conversations/+447700900123/activities/SM0123456789abcdef0123456789abcdef');
    expect(last).toMatchObject({ channelId: 'sms', recipient: { id: '+447700900123' }, from: { id: '+447700900000' } });
    expect(last?.suggestedActions).toBeUndefined();
    expect(last?.text).toMatch(/\n1\. .+\n2\. /);
  });
  it('answers 429 before looking at the token once an address has failed authentication too often, counting only failures', async () => {
    const strict = await startApp({ agentsConnection: identity.connection(), allowedServiceUrls: [channelUrl], authFailuresPerIpPerMinute: 3 });
    try {
      const valid = async () => identity.token({ serviceurl: channelUrl });
      // Passing tokens do not count: the Bot Connector's few addresses carry every real user.
      for (let i = 0; i < 5; i++) expect((await send(hello(`pass-${i}`), await valid(), strict)).status).toBe(200);
      const forger = await identity.forgerKey();
      const forged = async () => identity.token({}, { key: forger });
      for (let i = 0; i < 3; i++) expect((await send(hello(`forged-${i}`), await forged(), strict)).status).toBe(401);
      const refused = await send(hello('forged-3'), await forged(), strict);
      expect(refused.status).toBe(429);
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      // The address stays refused for the rest of the minute, whatever the token.
      expect((await send(hello('after'), await valid(), strict)).status).toBe(429);
      expect(await strict.app.store.conversations.get('directline:forged-3')).toBeUndefined();
    } finally {
      await strict.close();
      removeDir(strict.dataDir);
    }
  });
});

