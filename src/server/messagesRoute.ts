import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { BadActivityError, type ConversationService } from '../bot/conversationService.js';
import { IncomingActivitySchema } from '../bot/incoming.js';
import type { Logger } from '../observability/logger.js';

/**
 * POST /api/messages: the Bot Framework endpoint. Activities that could not belong to a conversation
 * get a 400 before botbuilder sees them (it would answer 500 or 200 and lose them).
 */
export function registerMessagesRoute(
  server: Server,
  deps: { adapter: CloudAdapter; service: ConversationService; logger: Logger; isClosing: () => boolean },
): void {
  const logic = async (context: TurnContext) => {
    const replies = await deps.service.handle(context.activity);
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
      res.send(400, { error: 'invalid activity', field: issue?.path.join('.') || '(root)' });
      return;
    }
    try {
      await deps.adapter.process(req, res, logic);
    } catch (err) {
      if (err instanceof BadActivityError) {
        if (!res.headersSent) res.send(400, { error: err.message });
        return;
      }
      deps.logger.error({ err: (err as Error).message }, 'processing an activity failed');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    }
  });
}
