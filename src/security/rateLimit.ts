import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { HttpRejection } from './rejection.js';

/**
 * Per-conversation and per-client-address limits, in memory (one process; restarting clears them,
 * which is fine for abuse protection). rate-limiter-flexible (ISC, no dependencies) rather than our
 * own bucket: it expires idle keys with unref'd timers, so a flood of random conversation ids
 * cannot grow memory without bound, and it is widely used and tested.
 */

export interface RateLimitOptions {
  perConversationPerMinute: number;
  perIpPerMinute: number;
}

export type RateScope = 'conversation' | 'ip' | 'user';

export interface RateLimiter {
  /**
   * Consumes one point from each key given; undefined = go ahead, else the 429 to send. `user` is
   * an authenticated channel user (`channelId:from.id`), with the address budget (each user of a
   * channel whose requests all come from the Bot Connector gets what one address would).
   */
  check(keys: { ip?: string; user?: string; conversationId?: string }): Promise<(HttpRejection & { scope: RateScope }) | undefined>;
}

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const byIp = new RateLimiterMemory({ keyPrefix: 'ip', points: options.perIpPerMinute, duration: 60 });
  const byUser = new RateLimiterMemory({ keyPrefix: 'user', points: options.perIpPerMinute, duration: 60 });
  const byConversation = new RateLimiterMemory({ keyPrefix: 'conv', points: options.perConversationPerMinute, duration: 60 });

  async function consume(limiter: RateLimiterMemory, key: string, scope: RateScope) {
    try {
      await limiter.consume(key);
      return undefined;
    } catch (e) {
      // The memory limiter only rejects with RateLimiterRes; anything else is a bug to surface.
      if (!(e instanceof RateLimiterRes)) throw e;
      return tooMany(scope, e.msBeforeNext);
    }
  }

  return {
    async check({ ip, user, conversationId }) {
      // Address (or user) first: a flood from one client should not also spend conversations' budgets.
      if (ip !== undefined) {
        const r = await consume(byIp, ip, 'ip');
        if (r) return r;
      }
      if (user !== undefined) {
        const r = await consume(byUser, user, 'user');
        if (r) return r;
      }
      if (conversationId !== undefined) return consume(byConversation, conversationId, 'conversation');
      return undefined;
    },
  };
}

/**
 * Failed authentications per client address (authenticated /api/messages). Checked before the token
 * is: a forged token with an unknown key id makes the Agents SDK fetch the issuer's keys again (its
 * key client has no rate limit), so a flood of them from one address would be a flood of fetches.
 * Only failures count: the Bot Connector's few addresses carry every real user, and its tokens pass.
 */
export interface AuthFailureLimiter {
  /** The 429 to send when this address has failed too often in the last minute, else undefined. */
  blocked(ip: string): Promise<(HttpRejection & { scope: RateScope }) | undefined>;
  failed(ip: string): Promise<void>;
}

export function createAuthFailureLimiter(perIpPerMinute: number): AuthFailureLimiter {
  const failures = new RateLimiterMemory({ keyPrefix: 'authfail', points: perIpPerMinute, duration: 60 });
  return {
    async blocked(ip) {
      const r = await failures.get(ip);
      return r && r.consumedPoints >= perIpPerMinute ? tooMany('ip', r.msBeforeNext) : undefined;
    },
    async failed(ip) {
      await failures.penalty(ip, 1);
    },
  };
}

export function tooMany(scope: RateScope, msBeforeNext: number): HttpRejection & { scope: RateScope } {
  return {
    status: 429,
    code: 'TooManyRequests',
    message: 'Too many messages; please wait a moment and try again',
    headers: { 'Retry-After': String(Math.max(1, Math.ceil(msBeforeNext / 1000))) },
    scope,
  };
}

/**
 * The client address for per-address limits. With `trustProxyHops` = n, the n-th address from the
 * right of X-Forwarded-For (each trusted proxy appends the address it saw); anything further left
 * is caller-controlled and ignored. Azure App Service appends `address:port`, so ports are cut.
 */
export function clientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, trustProxyHops: number): string | undefined {
  const socketAddr = normaliseAddress(req.socket.remoteAddress);
  if (trustProxyHops <= 0) return socketAddr;
  const raw = req.headers['x-forwarded-for'];
  const header = Array.isArray(raw) ? raw.join(',') : raw;
  if (!header) return socketAddr;
  const hops = header.split(',').map((s) => s.trim()).filter(Boolean);
  const candidate = hops[hops.length - trustProxyHops] ?? hops[0];
  return normaliseAddress(candidate) ?? socketAddr;
}

function normaliseAddress(addr: string | undefined): string | undefined {
  if (!addr) return undefined;
  let a = addr.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed?.[1]) a = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  if (a.startsWith('::ffff:') && isIP(a.slice(7)) === 4) a = a.slice(7);
  return isIP(a) ? a : undefined;
}
