import type { Request, Response, Server } from 'restify';
import { BadActivityError, type ConversationService } from '../bot/conversationService.js';
import { parseIncomingActivity } from '../bot/incoming.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { AuthFailureLimiter, RateLimiter } from '../security/rateLimit.js';
import { clientAddress } from '../security/rateLimit.js';
import { sendRejection } from '../security/rejection.js';
import { checkInboundActivity, serviceUrlMatchesClaim } from '../security/serviceUrlGuard.js';
import { createAnonymousChannel, type ErrorReply } from './messages/anonymous.js';
import type { AuthenticatedChannel } from './messages/authenticated.js';

export interface MessagesRouteDeps {
  service: ConversationService;
  logger: Logger;
  metrics: Metrics;
  isClosing: () => boolean;
  /** serviceUrl prefixes replies may be POSTed to (src/security/serviceUrlGuard.ts). */
  allowedServiceUrls: string[];
  limiter: RateLimiter;
  trustProxyHops: number;
  errorReply: () => ErrorReply;
  /**
   * With an app id: the Agents SDK channel (src/server/messages/authenticated.ts). Requests come from
   * the Bot Connector's few addresses, so an address limit would let one abuser throttle every
   * channel user; instead the caller is authenticated first and the limit keys on the conversation
   * and the user of the authenticated activity. Without it (anonymous mode) the limit keys on the
   * address and our own code answers, no SDK involved.
   */
  authenticated?: AuthenticatedChannel;
  /** With `authenticated`: failed authentications per client address, checked before the token (429). */
  authFailures?: AuthFailureLimiter;
}

/**
 * POST /api/messages: the Bot Framework endpoint. Every activity is checked here first: the shape
 * the bot reads (400), a serviceUrl we must not POST to (403, SSRF), the caller's token when an app id
 * is configured (401), floods (429 per client address or channel user, and per conversation).
 */
export function registerMessagesRoute(server: Server, deps: MessagesRouteDeps): void {
  const anonymous = createAnonymousChannel({ service: deps.service, logger: deps.logger, errorReply: deps.errorReply });
  const guard = { anonymous: !deps.authenticated, allowedServiceUrls: deps.allowedServiceUrls };

  server.post('/api/messages', async (req: Request, res: Response) => {
    if (deps.isClosing()) {
      res.send(503, { error: 'shutting down' });
      return;
    }
    const body: unknown = req.body;
    const parsed = parseIncomingActivity(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      deps.metrics.rejected('bad_request');
      res.send(400, { error: 'invalid activity', field: issue?.path.join('.') || '(root)' });
      return;
    }
    const raw = body as Record<string, unknown>;
    const activity = parsed.data;
    const conversationId = `${activity.channelId}:${activity.conversation.id}`;
    const channel = deps.authenticated;
    let claims;
    if (channel) {
      const address = clientAddress(req, deps.trustProxyHops);
      const blocked = address !== undefined ? await deps.authFailures?.blocked(address) : undefined;
      if (blocked) {
        deps.metrics.rejected('rate_limit_ip');
        sendRejection(res, blocked);
        return;
      }
      try {
        claims = await channel.authenticate(req, raw);
      } catch (err) {
        // authorizeJWT answers every token problem itself (401); a throw is ours or the SDK's fault.
        deps.logger.error({ err: (err as Error).name }, 'authenticating an activity failed');
        res.send(500, { error: 'internal error' });
        return;
      }
      if (!claims || !serviceUrlMatchesClaim(activity.serviceUrl, claims.serviceurl)) {
        if (address !== undefined) await deps.authFailures?.failed(address);
        deps.metrics.rejected('unauthenticated');
        res.send(401, { error: 'unauthorized' });
        return;
      }
    }
    // With authentication, after it: an unauthenticated caller learns nothing about the allow-list.
    const unsafe = checkInboundActivity(body, guard);
    if (unsafe) {
      deps.metrics.rejected('service_url');
      sendRejection(res, unsafe);
      return;
    }
    const user = activity.from?.id;
    const limited = channel
      ? await deps.limiter.check({ conversationId, ...(user ? { user: `${activity.channelId}:${user}` } : {}) })
      : await deps.limiter.check({ ip: clientAddress(req, deps.trustProxyHops), conversationId });
    if (limited) {
      deps.metrics.rejected(limited.scope === 'ip' ? 'rate_limit_ip' : limited.scope === 'user' ? 'rate_limit_user' : 'rate_limit_conversation');
      sendRejection(res, limited);
      return;
    }
    try {
      if (channel && claims) await channel.answer(req, res, raw, claims, () => deps.service.handleParsed(activity));
      else await anonymous(res, activity, raw);
    } catch (err) {
      if (err instanceof BadActivityError || (err as Error).name === 'ZodError') {
        // ZodError: the SDK's own parse of the activity (Activity.fromObject) refused a field.
        if (!res.headersSent) res.send(400, { error: err instanceof BadActivityError ? err.message : 'invalid activity' });
        return;
      }
      deps.logger.error({ err: (err as Error).name }, 'processing an activity failed');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    }
  });
}
