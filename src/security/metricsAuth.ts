import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * GET /metrics guard. Without METRICS_TOKEN the endpoint is open (bind it to a private network or
 * block /metrics at the proxy, as deploy/nginx does). Hashing first gives equal-length buffers, so
 * the comparison is constant time whatever the caller sends.
 */
export function metricsAuthorized(authorization: string | undefined, token: string | undefined): boolean {
  if (token === undefined) return true;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}
