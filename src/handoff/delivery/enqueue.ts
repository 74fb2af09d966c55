import type { Clock } from '../../clock.js';
import type { IntakeRequest } from '../../domain/types.js';
import type { Store } from '../../store/types.js';

/**
 * The one way a stored request enters the outbox. Emergency diversions are never enqueued: the
 * patient was sent to 999/A&E, and a webhook delivery would put an emergency into a queue that
 * nobody is watching in real time. They stay in the store (practice API, FHIR with a clear
 * "for awareness only" tag) and in the audit log.
 */
export async function enqueueForDelivery(
  store: Pick<Store, 'outbox' | 'audit'>,
  request: Pick<IntakeRequest, 'id' | 'kind'>,
  clock: Clock,
): Promise<{ enqueued: boolean; reason?: 'emergency-diversion' }> {
  const at = clock.now();
  if (request.kind === 'emergency-diversion') {
    await store.audit.append({ at: at.toISOString(), actor: 'system', action: 'delivery.not-enqueued', requestId: request.id, detail: { reason: 'emergency-diversion' } });
    return { enqueued: false, reason: 'emergency-diversion' };
  }
  await store.outbox.enqueue(request.id, at);
  await store.audit.append({ at: at.toISOString(), actor: 'system', action: 'delivery.enqueued', requestId: request.id });
  return { enqueued: true };
}
