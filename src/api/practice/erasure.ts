import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response, Server } from 'restify';
import type { ErasureReport, Store } from '../../store/types.js';
import type { AuthenticatedKey, Scope } from './auth.js';
import { ApiError, jsonBody, sendJson } from './http.js';
import { ErasureBodySchema, REQUEST_ID } from './schemas.js';

/**
 * Erasure on request (UK GDPR Art. 17): one request, or one conversation, removed everywhere the
 * bot keeps it. The audit log records that it happened (ids, who, when), never what was erased.
 * A second erasure of the same id answers 404, as for an id never stored: the API cannot tell the
 * two apart once the data is gone, and must not keep it to do so.
 */

/**
 * Runs an erasure with the conversation's turns held back and its in-memory state dropped (the
 * running statechart, the Direct Line transcript), so nothing held in memory writes it back.
 */
export type ConversationGate = <T>(conversationId: string, erase: () => Promise<T>) => Promise<T>;

type Audit = (key: AuthenticatedKey, action: string, requestId?: string, detail?: Record<string, string | number | boolean>) => Promise<void>;
type Route = (scope: Scope, handler: (ctx: { req: Request; res: Response; key: AuthenticatedKey }) => Promise<void>) => RequestHandler;

export interface ErasureRouteDeps {
  store: Pick<Store, 'requests' | 'erase'>;
  route: Route;
  audit: Audit;
  gate?: ConversationGate;
}


const digest = (id: string): string => createHash('sha256').update(id, 'utf8').digest('hex');
const GONE = 'nothing is stored under this id (it may have been erased already)';

function requestIdParam(req: Request): string {
  const raw: unknown = req.params?.id;
  if (typeof raw !== 'string' || !REQUEST_ID.test(raw)) throw new ApiError(400, 'bad_request', 'not a valid request id');
  return raw;
}

export function registerErasureRoutes(server: Server, deps: ErasureRouteDeps): void {
  const { store, route, audit } = deps;
  const gate: ConversationGate = deps.gate ?? ((_id, erase) => erase());

  const recordErasure = async (key: AuthenticatedKey, report: ErasureReport, target: 'request' | 'conversation') => {
    // The conversation id may carry a channel's user identifier: the audit keeps its hash only.
    const conversation: Record<string, string> = report.conversationId ? { conversationSha256: digest(report.conversationId) } : {};
    for (const id of report.requestIds) await audit(key, 'request.erased', id, { target, ...conversation });
    if (report.conversationId) await audit(key, 'conversation.erased', undefined, { target, requests: report.requestIds.length, ...conversation });
  };

  const respond = (report: ErasureReport) => ({ erased: { requestIds: report.requestIds, conversation: report.conversationId !== undefined } });

  const eraseRequest = async (key: AuthenticatedKey, id: string): Promise<ErasureReport> => {
    const request = await store.requests.get(id);
    const report = request && (await gate(request.conversationId, () => store.erase({ requestId: id })));
    if (!report) throw new ApiError(404, 'not_found', GONE);
    await recordErasure(key, report, 'request');
    return report;
  };

  const eraseConversation = async (key: AuthenticatedKey, id: string): Promise<ErasureReport> => {
    const report = await gate(id, () => store.erase({ conversationId: id }));
    if (!report) throw new ApiError(404, 'not_found', GONE);
    await recordErasure(key, report, 'conversation');
    return report;
  };

  server.del(
    '/api/practice/requests/:id',
    route('erase', async ({ req, res, key }) => {
      sendJson(res, 200, respond(await eraseRequest(key, requestIdParam(req))));
    }),
  );

  // A body rather than a path: conversation ids come from channels, may be long and hold any character.
  server.post(
    '/api/practice/erasures',
    route('erase', async ({ req, res, key }) => {
      const body = ErasureBodySchema.safeParse(await jsonBody(req));
      if (!body.success) throw new ApiError(400, 'bad_request', 'expected {"requestId": "..."} or {"conversationId": "..."}');
      const report = 'requestId' in body.data ? await eraseRequest(key, body.data.requestId) : await eraseConversation(key, body.data.conversationId);
      sendJson(res, 200, respond(report));
    }),
  );
}
