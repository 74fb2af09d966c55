import type { Activity, CloudAdapter, ConfigurationBotFrameworkAuthentication, TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { BadActivityError, type ConversationService } from '../bot/conversationService.js';
import { IncomingActivitySchema, type IncomingActivity } from '../bot/incoming.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { RateLimiter } from '../security/rateLimit.js';
import { clientAddress } from '../security/rateLimit.js';
import { sendRejection } from '../security/rejection.js';
import { checkInboundActivity } from '../security/serviceUrlGuard.js';

export interface MessagesRouteDeps {
  adapter: CloudAdapter;
  service: ConversationService;
  logger: Logger;
  metrics: Metrics;
  isClosing: () => boolean;
  anonymous: boolean;
  allowedServiceUrls: string[];
  limiter: RateLimiter;
  trustProxyHops: number;
  /**
   * With an app id: the Bot Framework authentication the adapter uses. Requests come from the Bot
   * Connector's few addresses, so an address limit would let one abuser throttle every channel
   * user; instead the caller is authenticated first and the limit keys on the conversation and the
   * user of the authenticated activity. Without it (anonymous mode) the limit keys on the address.
   */
  authentication?: ConfigurationBotFrameworkAuthentication;
}

/**
 * POST /api/messages: the Bot Framework endpoint. Before botbuilder sees an activity we refuse what
 * it would mishandle: no conversation id (it would answer 500 or lose it), a serviceUrl we must not
 * POST to in anonymous mode (SSRF), and floods (429 per client address and per conversation).
 */
export function registerMessagesRoute(server: Server, deps: MessagesRouteDeps): void {
  // botbuilder hands `logic` the very body object checked below; it is not parsed a second time.
  const checked = new WeakMap<object, IncomingActivity>();
  const logic = async (context: TurnContext) => {
    const activity = checked.get(context.activity);
    const replies = activity ? await deps.service.handleParsed(activity) : await deps.service.handle(context.activity);
    if (replies.length > 0) await context.sendActivities(replies);
  };

  server.post('/api/messages', async (req, res) => {
    if (deps.isClosing()) {
      res.send(503, { error: 'shutting down' });
      return;
    }
    const body: unknown = req.body;
    const parsed = IncomingActivitySchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      deps.metrics.rejected('bad_request');
      res.send(400, { error: 'invalid activity', field: issue?.path.join('.') || '(root)' });
      return;
    }
    const unsafe = checkInboundActivity(body, { anonymous: deps.anonymous, allowedServiceUrls: deps.allowedServiceUrls });
    if (unsafe) {
      deps.metrics.rejected('service_url');
      sendRejection(res, unsafe);
      return;
    }
    const conversationId = `${parsed.data.channelId}:${parsed.data.conversation.id}`;
    let limited;
    if (deps.authentication) {
      // botbuilder authenticates again inside process(); its signing keys are cached, so the second
      // check is cheap, and process() offers no way to learn the identity before the turn runs.
      try {
        await deps.authentication.authenticateRequest(body as Activity, req.header('authorization') ?? '');
      } catch (err) {
        // botframework-connector's AuthenticationError (not re-exported by botbuilder) carries a statusCode.
        const status = (err as { statusCode?: unknown }).statusCode;
        if (typeof status !== 'number' || status >= 500) {
          deps.logger.error({ err: (err as Error).name }, 'authenticating an activity failed');
          res.send(500, { error: 'internal error' });
          return;
        }
        deps.metrics.rejected('unauthenticated');
        res.send(401, { error: 'unauthorized' });
        return;
      }
      const user = parsed.data.from?.id;
      limited = await deps.limiter.check({ conversationId, ...(user ? { user: `${parsed.data.channelId}:${user}` } : {}) });
    } else {
      limited = await deps.limiter.check({ ip: clientAddress(req, deps.trustProxyHops), conversationId });
    }
    if (limited) {
      deps.metrics.rejected(limited.scope === 'ip' ? 'rate_limit_ip' : limited.scope === 'user' ? 'rate_limit_user' : 'rate_limit_conversation');
      sendRejection(res, limited);
      return;
    }
    if (typeof body === 'object' && body !== null) checked.set(body, parsed.data);
    try {
      await deps.adapter.process(req, res, logic);
    } catch (err) {
      if (err instanceof BadActivityError) {
        if (!res.headersSent) res.send(400, { error: err.message });
        return;
      }
      deps.logger.error({ err: (err as Error).name }, 'processing an activity failed');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    }
  });
}
