import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { Clock } from '../clock.js';
import { DirectLineError } from './errors.js';

/**
 * Short-lived HS256 tokens. A 'conv' token is the Bearer for one conversation's REST calls; a
 * 'stream' token sits in the streamUrl (URLs end up in proxy logs, so it only opens sockets and
 * lives two minutes). The user id is inside the token so a client cannot post as someone else.
 */
export type TokenScope = 'conv' | 'stream';

export interface TokenClaims {
  conversationId: string;
  userId: string;
  scope: TokenScope;
  /** Seconds since the epoch. */
  exp: number;
  /** When the conversation's first token was issued (seconds since the epoch); refreshes keep it. */
  since: number;
}

const ISSUER = 'gp-intake-directline';
export const STREAM_TOKEN_TTL_SECONDS = 120;

export function newId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

export class TokenService {
  private readonly key: Uint8Array;
  private readonly secretDigest: Buffer;

  /**
   * @param maxLifetimeSeconds Refreshing renews a token, so without a bound one stolen token (or a
   * script) could keep a conversation, and its memory, alive for ever. No token outlives its
   * conversation's first token by more than this.
   */
  constructor(
    secret: string,
    private readonly clock: Clock,
    readonly ttlSeconds: number,
    readonly maxLifetimeSeconds = 86_400,
  ) {
    if (secret.length < 32) throw new Error('Direct Line secret must be at least 32 characters');
    this.key = new TextEncoder().encode(secret);
    this.secretDigest = createHash('sha256').update(secret).digest();
  }

  /** `since`: the conversation's first issue time (from the caller's claims); a new conversation starts now. */
  async sign(conversationId: string, userId: string, scope: TokenScope, since?: number): Promise<string> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const first = since ?? now;
    const end = first + this.maxLifetimeSeconds;
    if (now >= end) throw new DirectLineError(403, 'TokenExpired', 'This conversation has reached its longest lifetime; start a new one');
    const ttl = scope === 'stream' ? STREAM_TOKEN_TTL_SECONDS : this.ttlSeconds;
    return new SignJWT({ conv: conversationId, user: userId, scope, since: first })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setIssuedAt(now)
      .setExpirationTime(Math.min(now + ttl, end))
      .sign(this.key);
  }

  /** Seconds a token for this conversation may still live (for `expires_in`). */
  remainingSeconds(since?: number): number {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    return Math.max(0, Math.min(this.ttlSeconds, (since ?? now) + this.maxLifetimeSeconds - now));
  }

  /** Expired → 403 TokenExpired (DirectLineJS then refreshes); forged or malformed → 403 BadToken. */
  async verify(token: string, scope: TokenScope): Promise<TokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        currentDate: this.clock.now(),
      });
      const { conv, user, scope: got, exp, since, iat } = payload;
      if (typeof conv !== 'string' || typeof user !== 'string' || got !== scope || typeof exp !== 'number') {
        throw new DirectLineError(403, 'BadToken', 'Token is not valid for this use');
      }
      // Tokens signed before `since` existed count from their own issue time.
      const first = typeof since === 'number' ? since : typeof iat === 'number' ? iat : exp;
      return { conversationId: conv, userId: user, scope, exp, since: first };
    } catch (err) {
      if (err instanceof DirectLineError) throw err;
      if (err instanceof joseErrors.JWTExpired) throw new DirectLineError(403, 'TokenExpired', 'Token has expired');
      throw new DirectLineError(403, 'BadToken', 'Token is not valid', { cause: err });
    }
  }

  /** The shared secret is also accepted as a Bearer (server-to-server use, as on Azure). Constant time. */
  isSecret(candidate: string): boolean {
    const digest = createHash('sha256').update(candidate).digest();
    return timingSafeEqual(digest, this.secretDigest);
  }
}
