import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { CLIENT_ID, CLIENT_SECRET, startFakeIdp, type FakeIdp } from './fakeIdp.js';
import { Client, PASSWORDS, startInboxApp } from './helpers.js';

/** Single sign-on against a small OpenID Connect provider on 127.0.0.1 (fakeIdp.ts), without a browser. */

const REDIRECT = 'https://inbox.example.nhs.uk/inbox/oidc/callback';

let idp: FakeIdp;
let issuer: string;
beforeAll(async () => {
  idp = await startFakeIdp();
  issuer = idp.issuer;
});
afterAll(async () => {
  await idp.close();
});

let app: Awaited<ReturnType<typeof startInboxApp>>;
beforeEach(async () => {
  idp.user = 'dr.cole';
  app = await startInboxApp({ inbox: { oidc: { issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: REDIRECT, label: 'Sign in with Example ID' } } });
});
afterEach(async () => {
  await app.stop();
});

/** Button → provider → back to the callback; returns the callback's answer. */
async function signOn(c: Client, tamper?: (q: URLSearchParams) => void) {
  const page = await c.get('/inbox/signin');
  expect(page.text).toContain('Sign in with Example ID');
  const start = await c.get('/inbox/oidc/start');
  expect(start.status).toBe(303);
  expect(start.headers.get('set-cookie')).toMatch(/^inbox_sso=[^;]+; Path=\/inbox\/oidc; HttpOnly; SameSite=Lax; Max-Age=600/);
  const authorize = new URL(start.location ?? '');
  expect(authorize.origin).toBe(issuer);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('redirect_uri')).toBe(REDIRECT);
  const back = await fetch(authorize, { redirect: 'manual' });
  const callback = new URL(back.headers.get('location') ?? '');
  tamper?.(callback.searchParams);
  return { callbackSearch: callback.search, res: await c.get(`/inbox/oidc/callback${callback.search}`) };
}

const audit = async (action: string) => (await app.app.store.audit.read()).filter((e) => e.action === action);

describe('inbox single sign-on (OpenID Connect)', () => {
  it('signs a listed staff member in with the role from the practice file, audited, and a callback cannot be replayed', async () => {
    const c = new Client(app.url);
    const { res, callbackSearch } = await signOn(c);
    // A page that goes on by itself, not a redirect: see ssoRoutes.ts.
    expect(res.status).toBe(200);
    expect(res.text).toContain('<meta http-equiv="refresh" content="0;url=/inbox">');
    expect(res.headers.get('set-cookie')).toMatch(/^inbox_sid=[^;]+; Path=\/inbox; HttpOnly; SameSite=Strict/);
    expect((await c.get('/inbox')).text).toContain('Dr Cole</strong> (clinician)');
    expect((await audit('inbox.signin.success'))[0]).toMatchObject({ actor: 'dr.cole', detail: { role: 'clinician', method: 'sso' } });

    const replay = new Client(app.url);
    await replay.get('/inbox/signin');
    expect((await replay.get(`/inbox/oidc/callback${callbackSearch}`)).status).toBe(400);
  });

  it('refuses someone the provider knows but the practice file does not list', async () => {
    idp.user = 'mallory';
    const c = new Client(app.url);
    const { res } = await signOn(c);
    expect(res.status).toBe(403);
    expect(res.text).toContain('not set up for this inbox');
    expect((await c.get('/inbox')).status).toBe(303);
    expect((await audit('inbox.signin.failure'))[0]?.detail).toEqual({ method: 'sso', reason: 'not-staff' });
  });

  it('refuses a callback whose state was changed', async () => {
    const c = new Client(app.url);
    const { res } = await signOn(c, (q) => q.set('state', 'forged'));
    expect(res.status).toBe(401);
    expect((await c.get('/inbox')).status).toBe(303);
    expect((await audit('inbox.signin.failure'))[0]?.detail).toEqual({ method: 'sso', reason: 'not-verified' });
  });

  it('refuses a callback in a browser that did not start the sign-on (login CSRF)', async () => {
    const attacker = new Client(app.url);
    const start = await attacker.get('/inbox/oidc/start');
    const back = await fetch(new URL(start.location ?? ''), { redirect: 'manual' });
    const victim = new Client(app.url);
    const res = await victim.get(`/inbox/oidc/callback${new URL(back.headers.get('location') ?? '').search}`);
    expect(res.status).toBe(400);
    expect((await victim.get('/inbox')).status).toBe(303);
  });

  it('keeps password sign-in working beside it', async () => {
    const c = new Client(app.url);
    expect((await c.signIn('rita', PASSWORDS.reception)).status).toBe(303);
  });
});
