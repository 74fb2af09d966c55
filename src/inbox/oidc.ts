import * as client from 'openid-client';
import type { InboxConfig } from './config.js';

/**
 * Single sign-on with the practice's identity provider through `openid-client` (authorization code
 * flow, PKCE S256, state and nonce). Discovery runs on first use and is retried after a failure, so
 * a provider that is down at start-up never stops the bot or password sign-in.
 */

export type OidcSettings = NonNullable<InboxConfig['oidc']>;

export interface SsoStart {
  url: URL;
  pending: { state: string; nonce: string; verifier: string };
}

export interface SsoClient {
  label: string;
  start(): Promise<SsoStart>;
  /** The verified claim named by usernameClaim, lower-cased; throws when anything does not check out. */
  finish(callbackQuery: string, pending: SsoStart['pending']): Promise<string>;
}

const LOOPBACK = /^(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])$/;

export function createSsoClient(settings: OidcSettings): SsoClient {
  let configuration: Promise<client.Configuration> | undefined;
  const issuer = new URL(settings.issuer);
  const configure = () => {
    configuration ??= client
      .discovery(
        issuer,
        settings.clientId,
        settings.clientSecret,
        settings.clientSecret ? client.ClientSecretBasic(settings.clientSecret) : client.None(),
        // Plain http only for an identity provider on this machine (development and tests).
        issuer.protocol === 'http:' && LOOPBACK.test(issuer.hostname) ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
      )
      .catch((err: unknown) => {
        configuration = undefined;
        throw err;
      });
    return configuration;
  };

  return {
    label: settings.label,
    async start() {
      const config = await configure();
      const verifier = client.randomPKCECodeVerifier();
      const pending = { state: client.randomState(), nonce: client.randomNonce(), verifier };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: settings.usernameClaim === 'email' ? 'openid email' : 'openid profile',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url, pending };
    },
    async finish(callbackQuery, pending) {
      const config = await configure();
      const current = new URL(settings.redirectUri);
      current.search = callbackQuery;
      const tokens = await client.authorizationCodeGrant(
        config,
        current,
        { pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true },
        { redirect_uri: settings.redirectUri },
      );
      const value = tokens.claims()?.[settings.usernameClaim];
      if (typeof value !== 'string' || value.length === 0 || value.length > 200) throw new Error('the identity token has no usable username claim');
      return value.trim().toLowerCase();
    },
  };
}
