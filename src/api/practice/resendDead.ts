import type { Request, RequestHandler, Response } from 'restify';
import { z } from 'zod';
import type { Clock } from '../../clock.js';
import type { OutboxEntry, Store } from '../../store/types.js';
import type { AuthenticatedKey, Scope } from './auth.js';
import { ApiError, badQuery, jsonBody, sendJson } from './http.js';

/** What a route handler of the practice API receives (routes.ts). */
export interface RouteCtx {
  req: Request;
  res: Response;
  key: AuthenticatedKey;
}
export type Route = (scope: Scope, handler: (ctx: RouteCtx) => Promise<void>) => RequestHandler;
export type Audit = (key: AuthenticatedKey, action: string, requestId?: string, detail?: Record<string, string | number | boolean>) => Promise<void>;

/** Most dead letters one call re-sends; call again for the rest. */
export const MAX_RESEND = 1000;

/** Every field narrows the selection; an empty body re-sends every dead letter (up to MAX_RESEND). */
const ResendBodySchema = z
  .object({
    requestIds: z.array(z.string().min(1).max(200)).min(1).max(MAX_RESEND).optional(),
    /** Only dead letters queued at or after / before these times. */
    queuedSince: z.iso.datetime({ offset: true }).optional(),
    queuedBefore: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

/**
 * POST /api/practice/deliveries/dead/resend: moves dead letters back to pending in one call, for
 * after an outage longer than the delivery age limit (the one-by-one retry stays). Each re-sent
 * request gets its own `delivery.retry` audit line, and the call one `deliveries.resend` line.
 */
export function registerResendDead(
  server: { post(path: string, handler: RequestHandler): unknown },
  deps: { route: Route; audit: Audit; store: Pick<Store, 'requests' | 'outbox'>; clock: Clock },
): void {
  const { store, clock } = deps;
  server.post(
    '/api/practice/deliveries/dead/resend',
    deps.route('write', async ({ req, res, key }) => {
      const body = ResendBodySchema.safeParse(await jsonBody(req));
      if (!body.success) throw badQuery(body.error);
      const { requestIds, queuedSince, queuedBefore } = body.data;
      const wanted = requestIds ? new Set(requestIds) : undefined;
      const [from, to] = [queuedSince ? Date.parse(queuedSince) : -Infinity, queuedBefore ? Date.parse(queuedBefore) : Infinity];
      if (from >= to) throw new ApiError(400, 'bad_request', 'queuedSince must be before queuedBefore');
      const chosen = (await store.outbox.list('dead')).filter((e) => {
        const queued = Date.parse(e.createdAt);
        return (!wanted || wanted.has(e.requestId)) && queued >= from && queued < to;
      });
      const at = clock.now();
      const resent: OutboxEntry[] = [];
      let skipped = 0;
      for (const entry of chosen.slice(0, MAX_RESEND)) {
        const request = await store.requests.get(entry.requestId);
        // As the one-by-one retry: never a diversion, never a request that is no longer stored.
        if (!request || request.kind === 'emergency-diversion') {
          skipped += 1;
          continue;
        }
        const moved = await store.outbox.retry(entry.requestId, at);
        if (!moved) continue;
        await deps.audit(key, 'delivery.retry', entry.requestId, { state: moved.state, bulk: true });
        resent.push(moved);
      }
      const remaining = Math.max(0, chosen.length - MAX_RESEND);
      await deps.audit(key, 'deliveries.resend', undefined, { resent: resent.length, skipped, remaining });
      sendJson(res, 200, { resent: resent.length, skipped, remaining, items: resent });
    }),
  );
}
