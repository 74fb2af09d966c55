import { createHash } from 'node:crypto';

/**
 * The Idempotency-Key sent with every delivery attempt of a request: derived from the request id, so
 * it is the same on every attempt, after restarts, whichever store holds the outbox, and even if the
 * outbox were rebuilt.
 */
export function idempotencyKeyFor(requestId: string): string {
  return createHash('sha256').update(`outbox:v1:${requestId}`, 'utf8').digest('hex').slice(0, 32);
}
