import { Activity } from '@microsoft/agents-activity';
import { CloudAdapter, type ConnectionSettings, type Request as AgentsRequest, type TurnContext, type WebResponse } from '@microsoft/agents-hosting';
import type { Request, Response } from 'restify';
import type { OutgoingActivity } from '../../i18n/render.js';
import type { Logger } from '../../observability/logger.js';
import { serviceUrlAllowed } from '../../security/serviceUrlGuard.js';
import { agentsAuthConfiguration } from './agentsConfig.js';
import { wireActivity } from './replies.js';

export interface AuthenticatedDeps {
  connection: ConnectionSettings;
  /** serviceUrl prefixes the SDK may POST replies to (a second check after the route's). */
  allowedServiceUrls: readonly string[];
  logger: Logger;
  errorText: () => string;
}

/** The caller's verified token claims. */
export type Claims = Record<string, unknown>;

/** What the SDK writes to its response, kept until we answer in restify's terms. */
class HeldResponse implements WebResponse {
  statusCode = 200;
  body: unknown;
  headersSent = false;
  writableEnded = false;
  status(code: number): this {
    this.statusCode = code;
    return this;
  }
  setHeader(): this {
    return this;
  }
  send(body?: unknown): this {
    this.body = body;
    return this;
  }
  end(): this {
    this.writableEnded = true;
    return this;
  }
}

/**
 * Authenticated channels (an app id configured: Azure Bot Service with Teams, Direct Line, Web Chat,
 * SMS) through the Microsoft 365 Agents SDK's CloudAdapter. The SDK's `process` trusts whatever
 * identity the request carries, so `authenticate` (its authorizeJWT) runs first, and the SDK writes
 * Express-style responses (`res.status().send()`) and serialises activities with `_channelId`, so it
 * writes to a held response that `process` turns into restify's answer.
 */
export function createAuthenticatedChannel(deps: AuthenticatedDeps) {
  const allowed = (url: string | URL | null | undefined) =>
    typeof url === 'string' || url instanceof URL ? deps.allowedServiceUrls.some((entry) => serviceUrlAllowed(String(url), entry)) : false;
  const adapter = new CloudAdapter(
    agentsAuthConfiguration(deps.connection),
    undefined,
    undefined,
    // Explicit, so the SDK's CloudAdapterOptions__* variables change nothing. validateServiceUrl:
    // a serviceUrl on another host than the token's `serviceurl` claim is refused.
    { emitStackTrace: false, validateServiceUrl: true },
    { enabled: true, isAllowed: allowed },
  );
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    deps.logger.error({ err: error.name }, 'turn failed'); // never the message: it may quote patient text
    await context.sendActivity(deps.errorText());
  };

  const sdkRequest = (req: Request, body: Record<string, unknown>, user?: Claims): AgentsRequest => ({
    // The SDK cannot address a reply without a recipient (it throws); channels always send one.
    body: body.recipient === undefined ? { ...body, recipient: {} } : body,
    headers: req.headers,
    method: 'POST',
    ...(user ? { user } : {}),
  });

  return {
    /** The verified claims of the request's bearer token, or undefined (answer 401). */
    async authenticate(req: Request, body: Record<string, unknown>): Promise<Claims | undefined> {
      const request = sdkRequest(req, body);
      let passed = false;
      await adapter.authorizeRequest(request, new HeldResponse(), () => {
        passed = true;
      });
      return passed && request.user ? (request.user as Claims) : undefined;
    },

    /** Runs the turn through the SDK and answers: replies in the body (expectReplies) or POSTed by the SDK. */
    async answer(req: Request, res: Response, body: Record<string, unknown>, claims: Claims, run: () => Promise<OutgoingActivity[]>): Promise<void> {
      const held = new HeldResponse();
      await adapter.process(sdkRequest(req, body, claims), held, async (context) => {
        const replies = await run();
        if (replies.length > 0) await context.sendActivities(replies.map((reply) => Activity.fromObject(reply)));
      });
      const out = held.body as { activities?: unknown[] } | undefined;
      if (out && Array.isArray(out.activities)) res.send(held.statusCode, { ...out, activities: out.activities.map((a) => wireActivity(a as object)) });
      else if (out !== undefined) res.send(held.statusCode, out);
      else {
        res.status(held.statusCode);
        res.end();
      }
    },
  };
}

export type AuthenticatedChannel = ReturnType<typeof createAuthenticatedChannel>;
