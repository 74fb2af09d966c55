import type { Outbox } from '../../store/types.js';

/** What /ready and /metrics say about deliveries owed to the practice. */
export interface DeliveryHealth {
  /** Requests queued and not yet delivered. */
  pending: number;
  /** Age of the oldest of them, from when it was queued (0 when none): an outage shows here first. */
  oldestPendingSeconds: number;
  /** Requests that stopped being retried and wait for a person (practice API re-send). */
  deadLetters: number;
}

export async function deliveryHealth(outbox: Pick<Outbox, 'list'>, now: Date): Promise<DeliveryHealth> {
  const [pending, dead] = await Promise.all([outbox.list('pending'), outbox.list('dead')]);
  let oldest = now.getTime();
  for (const e of pending) oldest = Math.min(oldest, Date.parse(e.createdAt) || oldest);
  return { pending: pending.length, oldestPendingSeconds: Math.max(0, Math.round((now.getTime() - oldest) / 1000)), deadLetters: dead.length };
}
