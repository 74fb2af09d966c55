import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { Client, PASSWORDS, startInboxApp } from './helpers.js';

/**
 * Single sign-on against a small OpenID Connect provider on 127.0.0.1 (discovery, authorize, token,
 * JWKS; ES256 ID tokens signed with jose), the way a practice's own identity provider would answer.
 */

const CLIENT_ID = 'gp-inbox';
const CLIENT_SECRET = 'client-secret-0123456789';
const REDIRECT = 'https://inbox.example.nhs.uk/inbox/oidc/callback';

let idp: Server;
let issuer: string;
/** Who the provider says signed in next. */
let user = 'dr.cole';
const codes = new Map<string, { nonce: string; challenge: string; redirect: string; user: string }>();

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  idp = createServer((req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['ES256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic'],
      });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      const q = url.searchParams;
      const code = randomBytes(16).toString('hex');
      codes.set(code, { nonce: q.get('nonce') ?? '', challenge: q.get('code_challenge') ?? '', redirect: q.get('redirect_uri') ?? '', user });
      const back = new URL(q.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      res.writeHead(302, { Location: back.href });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        void (async () => {
          const form = new URLSearchParams(body);
          // RFC 6749 2.3.1: id and secret are form-encoded before base64 (openid-client encodes '-' too).
          const [id, secret] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString().split(':').map((x) => decodeURIComponent(x));
          const grant = codes.get(form.get('code') ?? '');
          codes.delete(form.get('code') ?? '');
          const verifier = createHash('sha256').update(form.get('code_verifier') ?? '').digest('base64url');
          if (id !== CLIENT_ID || secret !== CLIENT_SECRET || !grant || grant.challenge !== verifier || grant.redirect !== form.get('redirect_uri')) {
            return json(400, { error: 'invalid_grant' });
          }
          const idToken = await new SignJWT({ nonce: grant.nonce, preferred_username: grant.user })
            .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
            .setIssuer(issuer)
            .setAudience(CLIENT_ID)
            .setSubject(`sub-${grant.user}`)
            .setIssuedAt()
            .setExpirationTime('5m')
            .sign(privateKey);
          json(200, { access_token: 'at', token_type: 'Bearer', expires_in: 300, id_token: idToken });
        })();
      });
      return undefined;
    }
    return json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => idp.close(resolve));
});

let app: Awaited<ReturnType<typeof startInboxApp>>;
beforeEach(async () => {
  user = 'dr.cole';
  app = await startInboxApp({ inbox: { oidc: { issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: REDIRECT, label: 'Sign in with Example ID' } } });
});
afterEach(async () => {
  await app.stop();
});

/** Button → provider → back to the callback; returns the callback's answer. */
async function signOn(c: Client, tamper?: (q: URLSearchParams) => void) {
  const page = await c.get('/inbox/signin');
  expect(page.text).toContain('Sign in with Example ID');
  const start = await c.post('/inbox/oidc/start', {});
  expect(start.status).toBe(303);
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
    expect(res.status).toBe(303);
    expect(res.location).toBe('/inbox');
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await c.get('/inbox')).text).toContain('Dr Cole</strong> (clinician)');
    expect((await audit('inbox.signin.success'))[0]).toMatchObject({ actor: 'dr.cole', detail: { role: 'clinician', method: 'sso' } });

    const replay = new Client(app.url);
    await replay.get('/inbox/signin');
    expect((await replay.get(`/inbox/oidc/callback${callbackSearch}`)).status).toBe(400);
  });

  it('refuses someone the provider knows but the practice file does not list', async () => {
    user = 'mallory';
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

  it('refuses to start without the form token', async () => {
    const c = new Client(app.url);
    await c.get('/inbox/signin');
    expect((await c.post('/inbox/oidc/start', {}, { csrf: false })).status).toBe(403);
  });

  it('keeps password sign-in working beside it', async () => {
    const c = new Client(app.url);
    expect((await c.signIn('rita', PASSWORDS.reception)).status).toBe(303);
  });
});
