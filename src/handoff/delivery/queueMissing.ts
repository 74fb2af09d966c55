import type { Clock } from '../../clock.js';
import type { Store } from '../../store/types.js';
import { enqueueForDelivery } from './enqueue.js';

const PAGE = 100;

/**
 * Queues every stored request that is still 'new' and that the outbox has never seen. Run at
 * start-up, before the worker: a crash between storing a request and queueing it (or a failed
 * outbox write) would otherwise leave a request that is never delivered. Requests a person has
 * already moved on ('received', 'in-progress', 'closed') and emergency diversions are left alone.
 * Also queues requests stored while no webhook was configured, once one is. Returns how many.
 */
export async function queueMissingDeliveries(store: Pick<Store, 'requests' | 'outbox' | 'audit'>, clock: Clock): Promise<number> {
  const known = new Set<string>();
  for (const state of ['pending', 'dead', 'delivered'] as const) for (const e of await store.outbox.list(state)) known.add(e.requestId);
  const missing: { id: string; kind: 'request' }[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.requests.list({ status: 'new', limit: PAGE, offset });
    for (const r of page.items) if (r.kind === 'request' && !known.has(r.id)) missing.push({ id: r.id, kind: r.kind });
    if (offset + PAGE >= page.total) break;
  }
  for (const request of missing) await enqueueForDelivery(store, request, clock);
  return missing.length;
}
