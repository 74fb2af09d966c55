import type { CloudAdapter, TurnContext } from 'botbuilder';
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
    const limited = await deps.limiter.check({
      ip: clientAddress(req, deps.trustProxyHops),
      conversationId: `${parsed.data.channelId}:${parsed.data.conversation.id}`,
    });
    if (limited) {
      deps.metrics.rejected(limited.scope === 'ip' ? 'rate_limit_ip' : 'rate_limit_conversation');
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
