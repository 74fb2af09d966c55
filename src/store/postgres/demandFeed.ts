import type { IntakeRequest, Tier } from '../../domain/types.js';
import type { DemandFeed } from '../types.js';
import type { Queryable } from './db.js';

/**
 * Today's demand for practice/demand.ts without a query per turn: the requests this process stores
 * are announced once committed, and a bounded look at the day's ids (an index range on submitted_at,
 * stopping at `limit`) tells the rest, at most every few seconds.
 */
export class PgDemandFeed implements DemandFeed {
  readonly #listeners = new Set<(request: IntakeRequest) => void>();

  constructor(private readonly db: Queryable) {}

  async submittedIds(from: Date, to: Date, tiers: readonly Tier[], limit: number): Promise<string[]> {
    const n = Math.floor(limit);
    if (!(to.getTime() > from.getTime()) || tiers.length === 0 || !(n > 0)) return [];
    const { rows } = await this.db.query<{ id: string }>(
      `SELECT id FROM requests WHERE kind = 'request' AND submitted_at >= $1 AND submitted_at < $2 AND tier = ANY($3::text[]) LIMIT $4`,
      [from, to, [...tiers], n],
    );
    return rows.map((r) => r.id);
  }

  onStored(listener: (request: IntakeRequest) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Called once the requests are committed. A listener that throws does not stop the others. */
  publish(requests: readonly IntakeRequest[]): void {
    for (const request of requests) {
      for (const listener of this.#listeners) {
        try {
          listener(request);
        } catch {
          // a counter's bug must not fail a stored turn
        }
      }
    }
  }
}
