/**
 * A local stand-in for Microsoft Entra and Azure Bot Service on 127.0.0.1, for the authenticated
 * /api/messages path through the real Agents SDK:
 *   GET /{tenant}/v2.0/.well-known/openid-configuration  OpenID configuration (issuer, jwks_uri)
 *   GET /{tenant}/discovery/v2.0/keys                    JWKS: the public key that signs tokens()
 *   GET /AuthorizationHeaderUnauthenticated/{service}    the Entra auth sidecar (the SDK's
 *                                                        EntraAuthSideCar credential): outbound tokens
 *   POST …/v3/conversations/{id}/activities[/{replyTo}] a channel service taking the bot's replies
 * The SDK derives the JWKS address from its authority and tenant ({authority}/{tenant}/discovery/
 * v2.0/keys) and accepts `{authority}/{tenant}/v2.0` as an issuer, so pointing `authorityEndpoint`
 * here is all it takes. MSAL (the ClientSecret credential) will not use a plain-http authority or
 * one it cannot check with login.microsoftonline.com, hence the sidecar for outbound tokens.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConnectionSettings } from '@microsoft/agents-hosting';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

export const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
export const TENANT_ID = '99999999-8888-7777-6666-555555555555';
const KID = 'local-signing-key';

export interface PostedActivity {
  path: string;
  authorization: string | undefined;
  activity: Record<string, unknown>;
}

export interface LocalIdentity {
  url: string;
  /** The issuer tokens carry and the SDK accepts for this tenant. */
  issuer: string;
  /** Activities POSTed to the channel service, in order. */
  posted: PostedActivity[];
  /** Outbound tokens the bot asked the sidecar for. */
  tokensIssued: number;
  /** A channel token: RS256 with the published key unless `key` is given. */
  token(claims?: Record<string, unknown>, options?: { key?: CryptoKey; expiresInSeconds?: number }): Promise<string>;
  /** Another RSA key with the same key id: a forged signature. */
  forgerKey(): Promise<CryptoKey>;
  /** The Agents SDK connection for the bot: this issuer and this sidecar. */
  connection(): ConnectionSettings;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += (chunk as Buffer).toString('utf8');
  return body;
}

export async function startLocalIdentity(): Promise<LocalIdentity> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: KID, use: 'sig', alg: 'RS256' };
  let url = '';
  const sign = (claims: Record<string, unknown>, key: CryptoKey, expiresInSeconds: number) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(now + expiresInSeconds)
      .sign(key);
  };
  const state: Pick<LocalIdentity, 'posted' | 'tokensIssued'> = { posted: [], tokensIssued: 0 };

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && path === `/${TENANT_ID}/v2.0/.well-known/openid-configuration`) {
      json(200, { issuer: `${url}/${TENANT_ID}/v2.0`, jwks_uri: `${url}/${TENANT_ID}/discovery/v2.0/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    } else if (req.method === 'GET' && path === `/${TENANT_ID}/discovery/v2.0/keys`) {
      json(200, { keys: [jwk] });
    } else if (req.method === 'GET' && path.startsWith('/AuthorizationHeaderUnauthenticated/')) {
      state.tokensIssued++;
      // An app token for the Bot Connector, as Entra would give the bot's app registration.
      void sign({ aud: 'https://api.botframework.com', appid: CLIENT_ID, iss: `${url}/${TENANT_ID}/v2.0` }, privateKey, 3600).then((t) =>
        json(200, { authorizationHeader: `Bearer ${t}` }),
      );
    } else if (req.method === 'POST' && /\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/.test(path)) {
      void readBody(req).then((body) => {
        state.posted.push({ path, authorization: req.headers.authorization, activity: JSON.parse(body) as Record<string, unknown> });
        json(200, { id: `sent-${state.posted.length}` });
      });
    } else {
      json(404, { error: 'not found' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${url}/${TENANT_ID}/v2.0`;

  return {
    url,
    issuer,
    get posted() {
      return state.posted;
    },
    get tokensIssued() {
      return state.tokensIssued;
    },
    token: (claims = {}, options = {}) => sign({ iss: issuer, aud: CLIENT_ID, ...claims }, options.key ?? privateKey, options.expiresInSeconds ?? 3600),
    forgerKey: async () => (await generateKeyPair('RS256')).privateKey,
    connection: () => ({
      clientId: CLIENT_ID,
      tenantId: TENANT_ID,
      authorityEndpoint: url,
      authType: 'EntraAuthSideCar',
      sidecarBaseUrl: url,
      retryCount: 0,
    }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
