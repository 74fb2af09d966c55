import type { Bundle } from 'fhir/r4.js';
import type { Next, Request, Response, Server } from 'restify';
import type { Clock } from '../../clock.js';
import type { IntakeRequest, RequestStatus } from '../../domain/types.js';
import type { Logger } from '../../observability/logger.js';
import type { Store } from '../../store/types.js';
import { createAuthenticator, type ApiKeyConfig, type AuthenticatedKey, type Scope } from './auth.js';
import { registerErasureRoutes, type ConversationGate } from './erasure.js';
import { ApiError, badQuery, jsonBody, queryOf, sendError, sendJson } from './http.js';
import { registerContractRoutes } from './contract.js';
import type { ReportCalendar } from '../../practice/activityReport.js';
import { registerResendDead } from './resendDead.js';
import { DeliveriesQuerySchema, ListQuerySchema, SETTABLE_STATUSES, StatusBodySchema } from './schemas.js';

export interface PracticeApiDeps {
  store: Pick<Store, 'requests' | 'outbox' | 'audit' | 'erase'>;
  clock: Clock;
  logger: Logger;
  apiKeys: readonly ApiKeyConfig[];
  toBundle: (request: IntakeRequest) => Bundle;
  /** The practice calendar, for reply-by listings and activity reports by local day. */
  calendar?: ReportCalendar;
  /** Holds a conversation's turns and drops what memory holds of it while it is erased (see erasure.ts). */
  conversationGate?: ConversationGate;
}

interface Ctx {
  req: Request;
  res: Response;
  key: AuthenticatedKey;
}

/** The list view: enough to triage an inbox; the full record (and an audit entry) is one GET away. */
function summary(r: IntakeRequest) {
  return {
    id: r.id,
    reference: r.reference,
    kind: r.kind,
    status: r.status,
    urgency: r.triage.tier,
    disposition: r.triage.disposition,
    need: r.need,
    submittedAt: r.submittedAt,
    queuedUntil: r.queuedUntil ?? null,
    respondBy: r.respondBy ?? null,
    patientName: r.patient.name ?? null,
    dateOfBirth: r.patient.dateOfBirth ?? null,
    language: r.language,
    interpreterMayBeNeeded: r.interpreterMayBeNeeded,
    redFlags: r.redFlags.filter((f) => f.present).map((f) => f.ruleId),
    forSomeoneElse: r.subject.who === 'for.other',
  };
}

const wantsFhir = (req: Request): boolean => /application\/fhir\+json/i.test(req.header('accept') ?? '');

export function registerPracticeApi(server: Server, deps: PracticeApiDeps): void {
  const { store, clock } = deps;
  const log = deps.logger.child({ module: 'practice-api' });
  const authenticate = createAuthenticator(deps.apiKeys);

  const audit = (key: AuthenticatedKey, action: string, requestId?: string, detail?: Record<string, string | number | boolean>) =>
    store.audit.append({ at: clock.now().toISOString(), actor: key.name, action, ...(requestId ? { requestId } : {}), ...(detail ? { detail } : {}) });

  /** Auth, scope, error mapping and a log line without any patient data, for every route. */
  const route =
    (scope: Scope, handler: (ctx: Ctx) => Promise<void>) =>
    (req: Request, res: Response, next: Next): void => {
      const started = Date.now();
      let keyName = '-';
      const run = async () => {
        // 401 says nothing about why (no header, malformed, unknown key): one answer for all.
        const key = authenticate(req.header('authorization'));
        if (!key) throw new ApiError(401, 'unauthorized', 'missing or invalid credentials');
        keyName = key.name;
        if (!key.scopes.includes(scope)) throw new ApiError(403, 'forbidden', `this API key does not have the '${scope}' scope`);
        await handler({ req, res, key });
        return res.statusCode;
      };
      run()
        .catch((err: unknown) => {
          if (!(err instanceof ApiError)) log.error({ err: err instanceof Error ? err.message : 'error', route: req.getRoute()?.path }, 'practice API error');
          return sendError(res, err);
        })
        .then((status) => {
          log.info({ method: req.method, route: String(req.getRoute()?.path ?? ''), status, key: keyName, ms: Date.now() - started }, 'practice API');
          next();
        }, next);
    };

  const requestOr404 = async (id: string | undefined): Promise<IntakeRequest> => {
    const r = id ? await store.requests.get(id) : undefined;
    if (!r) throw new ApiError(404, 'not_found', 'no request with this id');
    return r;
  };

  server.get(
    '/api/practice/requests',
    route('read', async ({ req, res, key }) => {
      const q = ListQuerySchema.safeParse(queryOf(req));
      if (!q.success) throw badQuery(q.error);
      const { status, urgency, since, limit, offset } = q.data;
      const page = await store.requests.list({ status, urgency, since: since ? new Date(since) : undefined, limit, offset });
      await Promise.all(page.items.map((r) => audit(key, 'request.list', r.id)));
      sendJson(res, 200, { total: page.total, limit, offset, items: page.items.map(summary) });
    }),
  );

  server.get(
    '/api/practice/requests/:id',
    route('read', async ({ req, res, key }) => {
      const r = await requestOr404(req.params?.id as string | undefined);
      const fhir = wantsFhir(req);
      await audit(key, 'request.read', r.id, { format: fhir ? 'fhir' : 'json' });
      if (fhir) sendJson(res, 200, deps.toBundle(r), 'application/fhir+json; charset=utf-8');
      else sendJson(res, 200, r);
    }),
  );

  server.post(
    '/api/practice/requests/:id/status',
    route('write', async ({ req, res, key }) => {
      const r = await requestOr404(req.params?.id as string | undefined);
      const body = StatusBodySchema.safeParse(await jsonBody(req));
      const allowed: readonly string[] = SETTABLE_STATUSES;
      if (!body.success || !allowed.includes(body.data.status)) {
        throw new ApiError(400, 'bad_request', `status must be one of: ${SETTABLE_STATUSES.join(', ')}`, { allowed: SETTABLE_STATUSES });
      }
      // Who: the person named in the body when given, always alongside the key that made the call.
      const by = body.data.by ? `${body.data.by} (via ${key.name})` : key.name;
      const at = clock.now();
      const updated = await store.requests.setStatus(r.id, body.data.status as RequestStatus, by, at);
      if (!updated) throw new ApiError(404, 'not_found', 'no request with this id');
      await audit(key, 'request.status', r.id, { from: r.status, to: body.data.status, by });
      sendJson(res, 200, { id: updated.id, status: updated.status, statusHistory: updated.statusHistory });
    }),
  );

  registerErasureRoutes(server, { store, route, audit, ...(deps.conversationGate ? { gate: deps.conversationGate } : {}) });

  server.get(
    '/api/practice/deliveries',
    route('read', async ({ req, res, key }) => {
      const q = DeliveriesQuerySchema.safeParse(queryOf(req));
      if (!q.success) throw badQuery(q.error);
      const items = await store.outbox.list(q.data.state);
      await audit(key, 'deliveries.list', undefined, { count: items.length, ...(q.data.state ? { state: q.data.state } : {}) });
      sendJson(res, 200, {
        items,
        deadLetters: items.filter((e) => e.state === 'dead').map((e) => e.requestId),
      });
    }),
  );

  server.post(
    '/api/practice/deliveries/:id/retry',
    route('write', async ({ req, res, key }) => {
      const id = req.params?.id as string | undefined;
      const r = await requestOr404(id);
      if (r.kind === 'emergency-diversion') {
        throw new ApiError(409, 'conflict', 'emergency diversions are records for awareness and are never delivered');
      }
      const entry = await store.outbox.retry(r.id, clock.now());
      if (!entry) throw new ApiError(404, 'not_found', 'this request has no delivery entry');
      await audit(key, 'delivery.retry', r.id, { state: entry.state });
      sendJson(res, 200, entry);
    }),
  );

  registerContractRoutes(server, { store, clock, calendar: deps.calendar ?? DEFAULT_CALENDAR }, { route, audit, summary });
  registerResendDead(server, { route, audit, store, clock });
}

const DEFAULT_CALENDAR: ReportCalendar = { timeZone: 'Europe/London', bankHolidays: { region: 'ENG', observe: true }, exceptionalClosures: [] };
