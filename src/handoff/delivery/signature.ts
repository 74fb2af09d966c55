import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signature: hex HMAC-SHA256 over "<timestamp>.<raw body>" with the shared secret, sent as
 * `X-Signature: sha256=<hex>` with `X-Signature-Timestamp: <unix seconds>`. Signing the timestamp
 * lets a receiver reject replays older than a few minutes.
 */
export function signBody(secret: string, timestamp: string, body: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/** Receiver side (also used by our test receiver). Constant-time; checks freshness when `now` given. */
export function verifySignature(opts: {
  secret: string;
  timestamp: string | undefined;
  body: string;
  signature: string | undefined;
  now?: Date;
  toleranceSeconds?: number;
}): boolean {
  const { secret, timestamp, body, signature } = opts;
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  if (opts.now) {
    const skew = Math.abs(Math.floor(opts.now.getTime() / 1000) - Number(timestamp));
    if (skew > (opts.toleranceSeconds ?? 300)) return false;
  }
  const expected = Buffer.from(signBody(secret, timestamp, body), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
