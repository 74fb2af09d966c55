import type { Bundle } from 'fhir/r4.js';
import type { Clock } from '../../clock.js';
import type { IntakeRequest } from '../../domain/types.js';
import type { Logger } from '../../observability/logger.js';
import type { OutboxEntry, Store } from '../../store/types.js';
import { backoffDelayMs } from './backoff.js';
import { postJson, type PostOutcome } from './post.js';
import { signBody } from './signature.js';

export interface WebhookConfig {
  url: string;
  secret: string;
  timeoutMs: number;
  /**
   * How long a request is retried before it becomes a dead letter, counted from when it was queued
   * (or last moved back from the dead letters by a person). Long enough to wait out a practice
   * system that is down for an afternoon or a weekend: the default (72 h, DELIVERY_MAX_AGE_HOURS).
   */
  maxAgeMs: number;
  /** Backoff base and cap; defaults 2 s and 15 min (DELIVERY_MAX_WAIT_MINUTES). */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

/** Defaults of the age limit and of the longest wait between two attempts. */
export const DEFAULT_MAX_AGE_MS = 72 * 3600_000;
export const DEFAULT_MAX_DELAY_MS = 15 * 60_000;

export interface DeliveryWorkerDeps {
  store: Pick<Store, 'requests' | 'outbox' | 'audit'>;
  clock: Clock;
  logger: Logger;
  webhook: WebhookConfig;
  toBundle: (request: IntakeRequest) => Bundle;
  /** [0,1) source for jitter; inject in tests. */
  random?: () => number;
  /** Entries per run; the rest wait for the next tick. */
  batchSize?: number;
  /** Told the outcome of every attempt (for metrics). */
  onAttempt?: (outcome: 'delivered' | 'retrying' | 'dead') => void;
}

export interface RunSummary {
  attempted: number;
  delivered: number;
  retrying: number;
  dead: number;
}

export interface DeliveryWorker {
  /** Deliver every due entry once (sequentially). Concurrent calls share the same run. */
  runOnce(): Promise<RunSummary>;
  start(intervalMs: number): void;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

export function createDeliveryWorker(deps: DeliveryWorkerDeps): DeliveryWorker {
  const { store, clock, webhook } = deps;
  const log = deps.logger.child({ module: 'delivery' });
  const random = deps.random ?? Math.random;
  const baseMs = webhook.baseDelayMs ?? 2_000;
  const capMs = webhook.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  let current: Promise<RunSummary> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;

  async function audit(entry: OutboxEntry, action: string, detail: Record<string, string | number | boolean>): Promise<void> {
    await store.audit.append({ at: clock.now().toISOString(), actor: 'system', action, requestId: entry.requestId, detail });
  }

  /** Not deliverable by design or by data: dead-letter at once with a reason the practice can read. */
  async function refuse(entry: OutboxEntry, reason: string): Promise<'dead'> {
    await store.outbox.markFailed(entry.requestId, reason, null);
    await audit(entry, 'delivery.attempt', { outcome: 'dead', attempt: entry.attempts + 1, error: reason });
    log.warn({ requestId: entry.requestId, reason }, 'outbox entry not deliverable');
    return 'dead';
  }

  async function deliverOne(entry: OutboxEntry): Promise<'delivered' | 'retrying' | 'dead'> {
    const request = await store.requests.get(entry.requestId);
    if (!request) return refuse(entry, 'request not found in the store');
    if (request.kind === 'emergency-diversion') return refuse(entry, 'emergency diversion: recorded for awareness, never delivered as a request');

    let outcome: PostOutcome;
    try {
      const body = JSON.stringify(deps.toBundle(request));
      const timestamp = String(Math.floor(clock.now().getTime() / 1000));
      outcome = await postJson(
        webhook.url,
        {
          'Content-Type': 'application/fhir+json',
          Accept: 'application/json, application/fhir+json',
          'X-Signature': signBody(webhook.secret, timestamp, body),
          'X-Signature-Timestamp': timestamp,
          'Idempotency-Key': entry.idempotencyKey,
        },
        body,
        webhook.timeoutMs,
      );
    } catch (err) {
      // A mapping bug must not lose the request: it stays in the outbox and is retried after a fix.
      outcome = { ok: false, error: `could not build the bundle: ${err instanceof Error ? err.name : 'error'}` };
    }

    const attempt = entry.attempts + 1;
    const status: Record<string, number> = outcome.status !== undefined ? { status: outcome.status } : {};
    if (outcome.ok) {
      await store.outbox.markDelivered(entry.requestId, clock.now());
      await audit(entry, 'delivery.attempt', { outcome: 'delivered', attempt, ...status });
      log.info({ requestId: entry.requestId, attempt, ...status }, 'delivered');
      return 'delivered';
    }
    const since = Date.parse(entry.retriedAt ?? entry.createdAt);
    if (!(clock.now().getTime() - since < webhook.maxAgeMs)) {
      await store.outbox.markFailed(entry.requestId, outcome.error, null);
      await audit(entry, 'delivery.attempt', { outcome: 'dead', attempt, error: outcome.error, ...status });
      log.error({ requestId: entry.requestId, attempt, error: outcome.error }, 'delivery dead-lettered');
      return 'dead';
    }
    const next = new Date(clock.now().getTime() + backoffDelayMs(entry.attempts, { baseMs, capMs, random }));
    await store.outbox.markFailed(entry.requestId, outcome.error, next);
    await audit(entry, 'delivery.attempt', { outcome: 'retry', attempt, error: outcome.error, nextAttemptAt: next.toISOString(), ...status });
    log.warn({ requestId: entry.requestId, attempt, error: outcome.error, nextAttemptAt: next.toISOString() }, 'delivery failed, will retry');
    return 'retrying';
  }

  async function run(): Promise<RunSummary> {
    const summary: RunSummary = { attempted: 0, delivered: 0, retrying: 0, dead: 0 };
    const batch = deps.batchSize ?? 50;
    const attempted = new Set<string>();
    // Claimed one at a time, not just read: workers of other processes sharing the store skip an entry
    // while it is leased, for as long as one attempt can take; a killed worker's lease runs out soon.
    for (let i = 0; i < batch; i++) {
      const [entry] = await store.outbox.claim(clock.now(), 1, webhook.timeoutMs + 30_000);
      // Each entry once per run (one retried with no wait comes back at the next run, once its lease ends).
      if (!entry || attempted.has(entry.requestId)) break;
      attempted.add(entry.requestId);
      summary.attempted += 1;
      const outcome = await deliverOne(entry);
      summary[outcome] += 1;
      deps.onAttempt?.(outcome);
    }
    return summary;
  }

  function runOnce(): Promise<RunSummary> {
    current ??= run().finally(() => {
      current = undefined;
    });
    return current;
  }

  function schedule(intervalMs: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce()
        .catch((err: unknown) => log.error({ err: err instanceof Error ? err.message : String(err) }, 'delivery run failed'))
        .finally(() => schedule(intervalMs));
    }, intervalMs);
    // The HTTP server keeps the process alive; the worker alone should not.
    timer.unref();
  }

  return {
    runOnce,
    start(intervalMs) {
      if (!stopped) return;
      stopped = false;
      schedule(intervalMs);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current?.catch(() => undefined);
    },
  };
}
