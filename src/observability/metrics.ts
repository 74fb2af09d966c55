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
  /** Requests sent today (practice-local day) by tier, sampled on every scrape: demand, never a cap. */
  setDemandTodaySource(source: () => Promise<Readonly<Record<Tier, number>>>): void;
  /** Sampled on every scrape: the age of the oldest undelivered request and the dead letters waiting. */
  setDeliverySource(source: () => Promise<{ oldestPendingSeconds: number; deadLetters: number }>): void;
  /** A message already taken came again and was answered with its earlier replies. */
  repeatedActivity(): void;
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

  let demandSource: (() => Promise<Readonly<Record<Tier, number>>>) | undefined;
  new Gauge({
    name: `${PREFIX}requests_today`,
    help: 'Requests sent to the practice today (practice-local day), by urgency tier. Demand information; nothing is capped.',
    labelNames: ['tier'] as const,
    registers: [registry],
    async collect() {
      if (!demandSource) return;
      try {
        const counts = await demandSource();
        for (const t of TIERS) this.set({ tier: t }, counts[t]);
      } catch {
        /* reported by the store's own logging */
      }
    },
  });
  let deliverySource: (() => Promise<{ oldestPendingSeconds: number; deadLetters: number }>) | undefined;
  const sampleDelivery = async (gauge: Gauge, field: 'oldestPendingSeconds' | 'deadLetters') => {
    if (!deliverySource) return;
    try {
      gauge.set((await deliverySource())[field]);
    } catch {
      /* keeps its last value, as above */
    }
  };
  new Gauge({
    name: `${PREFIX}delivery_oldest_pending_seconds`,
    help: 'Age of the oldest request queued for the practice and not yet delivered (0 when none).',
    registers: [registry],
    async collect() {
      await sampleDelivery(this, 'oldestPendingSeconds');
    },
  });
  new Gauge({
    name: `${PREFIX}dead_letters`,
    help: 'Requests in the dead-letter state now, waiting for a person to re-send them.',
    registers: [registry],
    async collect() {
      await sampleDelivery(this, 'deadLetters');
    },
  });
  const repeats = new Counter({
    name: `${PREFIX}repeated_activities_total`,
    help: 'Messages that came again (channel retry, double send) and were answered with their earlier replies.',
    registers: [registry],
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
    setDemandTodaySource(source) {
      demandSource = source;
    },
    setDeliverySource(source) {
      deliverySource = source;
    },
    repeatedActivity: () => repeats.inc(),
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
