import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { TIERS, type Tier } from '../domain/types.js';

/**
 * Prometheus metrics for GET /metrics. Each call makes its own Registry (not prom-client's global
 * one) so tests and the load benchmark can create several without "already registered" errors.
 * Labels are small fixed sets; never put a conversation id, request id or text in a label.
 */

/** 'degraded' matches the conversation service's TurnObserver (a turn answered with a fallback). */
export type TurnOutcome = 'ok' | 'degraded' | 'error' | 'rejected' | 'rate_limited';
export type DeliveryResult = 'success' | 'failure';
export type RejectionReason =
  | 'rate_limit_conversation'
  | 'rate_limit_ip'
  | 'rate_limit_user'
  | 'unauthenticated'
  | 'service_url'
  | 'bad_request'
  | 'body_too_large';

const PREFIX = 'gp_intake_';
/** Turns take ~1–5 ms on this stack; the tail up to 500 ms (a slow disk) must stay visible. */
export const TURN_BUCKETS_SECONDS = [0.001, 0.0025, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export interface Metrics {
  readonly registry: Registry;
  /** Count one turn and observe its latency. */
  observeTurn(outcome: TurnOutcome, seconds: number): void;
  /** `const end = metrics.startTurn(); …; end('ok')` */
  startTurn(): (outcome: TurnOutcome) => void;
  requestStored(tier: Tier): void;
  delivery(result: DeliveryResult): void;
  deliveryRetry(): void;
  deadLetter(): void;
  rejected(reason: RejectionReason): void;
  /** Sampled on every scrape, e.g. `() => store.conversations.countActiveSince(idleCutoff())`. */
  setActiveConversationsSource(source: () => number | Promise<number>): void;
  render(): Promise<{ contentType: string; body: string }>;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: PREFIX });

  const turns = new Counter({ name: `${PREFIX}turns_total`, help: 'Bot turns handled, by outcome.', labelNames: ['outcome'] as const, registers: [registry] });
  const turnSeconds = new Histogram({
    name: `${PREFIX}turn_duration_seconds`,
    help: 'Time from receiving an activity to sending the replies.',
    labelNames: ['outcome'] as const,
    buckets: TURN_BUCKETS_SECONDS,
    registers: [registry],
  });
  const stored = new Counter({ name: `${PREFIX}requests_stored_total`, help: 'Structured requests stored, by urgency tier.', labelNames: ['tier'] as const, registers: [registry] });
  const deliveries = new Counter({ name: `${PREFIX}deliveries_total`, help: 'Delivery attempts to the practice, by result.', labelNames: ['result'] as const, registers: [registry] });
  const retries = new Counter({ name: `${PREFIX}delivery_retries_total`, help: 'Delivery attempts that were retries of an earlier failure.', registers: [registry] });
  const dead = new Counter({ name: `${PREFIX}dead_letters_total`, help: 'Requests moved to the dead-letter state after the last attempt failed.', registers: [registry] });
  const rejections = new Counter({ name: `${PREFIX}http_rejections_total`, help: 'Requests refused before reaching the bot, by reason.', labelNames: ['reason'] as const, registers: [registry] });

  let activeSource: (() => number | Promise<number>) | undefined;
  new Gauge({
    name: `${PREFIX}active_conversations`,
    help: 'Conversations with a turn inside the idle timeout.',
    registers: [registry],
    async collect() {
      // A failing source must not break the whole scrape; the gauge simply keeps its last value.
      if (activeSource) {
        try {
          this.set(await activeSource());
        } catch {
          /* reported by the store's own logging */
        }
      }
    },
  });

  // Pre-create every label value so dashboards see zeros instead of missing series.
  for (const t of TIERS) stored.inc({ tier: t }, 0);
  for (const r of ['success', 'failure'] as const) deliveries.inc({ result: r }, 0);
  for (const o of ['ok', 'degraded', 'error', 'rejected', 'rate_limited'] as const) turns.inc({ outcome: o }, 0);

  const observeTurn = (outcome: TurnOutcome, seconds: number) => {
    turns.inc({ outcome });
    turnSeconds.observe({ outcome }, seconds);
  };
  return {
    registry,
    observeTurn,
    startTurn() {
      const start = process.hrtime.bigint();
      return (outcome) => observeTurn(outcome, Number(process.hrtime.bigint() - start) / 1e9);
    },
    requestStored: (tier) => stored.inc({ tier }),
    delivery: (result) => deliveries.inc({ result }),
    deliveryRetry: () => retries.inc(),
    deadLetter: () => dead.inc(),
    rejected: (reason) => rejections.inc({ reason }),
    setActiveConversationsSource(source) {
      activeSource = source;
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
