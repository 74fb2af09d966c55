import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export const CLIENT_ID = 'gp-inbox';
export const CLIENT_SECRET = 'client-secret-0123456789';

export interface FakeIdp {
  issuer: string;
  /** Who the provider says signed in next. */
  user: string;
  close(): Promise<void>;
}

/**
 * A small OpenID Connect provider on 127.0.0.1 (discovery, authorize, token, JWKS; ES256 ID tokens
 * signed with jose), answering the way a practice's own identity provider would. `host` names it in
 * its issuer URL ('localhost' makes it another site than an app on 127.0.0.1, as in real life).
 */
export async function startFakeIdp(host = '127.0.0.1'): Promise<FakeIdp> {
  let issuer = '';
  const codes = new Map<string, { nonce: string; challenge: string; redirect: string; user: string }>();
  const fake: FakeIdp = { issuer: '', user: 'dr.cole', close: async () => undefined };
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  const idp: Server = createServer((req, res) => {
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
      codes.set(code, { nonce: q.get('nonce') ?? '', challenge: q.get('code_challenge') ?? '', redirect: q.get('redirect_uri') ?? '', user: fake.user });
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
  issuer = `http://${host}:${(idp.address() as AddressInfo).port}`;
  fake.issuer = issuer;
  fake.close = () => new Promise<void>((resolve) => idp.close(() => resolve()));
  return fake;
}

