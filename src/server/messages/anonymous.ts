import type { Response } from 'restify';
import { BadActivityError, type ConversationService } from '../../bot/conversationService.js';
import type { IncomingActivity } from '../../bot/incoming.js';
import type { OutgoingActivity } from '../../i18n/render.js';
import type { Logger } from '../../observability/logger.js';
import { addressReplies, type IncomingBody } from './replies.js';

export interface ErrorReply {
  type: 'message';
  text: string;
}

export interface AnonymousDeps {
  service: Pick<ConversationService, 'handleParsed'>;
  logger: Logger;
  /** What the patient is told when a turn fails (no detail: it may quote patient text). */
  errorReply: () => ErrorReply;
  /** Longest wait for the channel to take one reply (default 10 s). */
  postTimeoutMs?: number;
}

/**
 * Anonymous mode (no app id: local use, the web chat's own channel, the simulator, the Agents
 * Playground): our own code, no SDK. The route has already refused what must not reach here
 * (bad activities, a serviceUrl off the allow-list, floods). Replies go back in the HTTP body with
 * `deliveryMode: 'expectReplies'`; otherwise each is POSTed to the activity's (allow-listed)
 * serviceUrl, unauthenticated, as the Bot Framework SDKs did without credentials.
 */
export function createAnonymousChannel(deps: AnonymousDeps) {
  const timeoutMs = deps.postTimeoutMs ?? 10_000;

  async function runTurn(activity: IncomingActivity): Promise<readonly (OutgoingActivity | ErrorReply)[]> {
    try {
      return await deps.service.handleParsed(activity);
    } catch (err) {
      if (err instanceof BadActivityError) throw err;
      deps.logger.error({ err: (err as Error).name }, 'turn failed'); // never the message: it may quote patient text
      return [deps.errorReply()];
    }
  }

  return async function answer(res: Response, activity: IncomingActivity, body: IncomingBody): Promise<void> {
    const replies = addressReplies(await runTurn(activity), body);
    if (body.deliveryMode === 'expectReplies') {
      res.send(200, { activities: replies });
      return;
    }
    for (const reply of replies) await postToChannel(String(body.serviceUrl), reply, timeoutMs);
    // An invoke waits for an invoke response, which this bot never gives (as with the SDKs: 501).
    res.status(activity.type === 'invoke' ? 501 : 200);
    res.end();
  };
}

/** POST /v3/conversations/{id}/activities[/{replyToId}] on the channel, as the Bot Connector API has it. */
async function postToChannel(serviceUrl: string, reply: Record<string, unknown>, timeoutMs: number): Promise<void> {
  const conversation = reply.conversation as { id: string };
  const base = serviceUrl.replace(/\/+$/, '');
  const replyTo = typeof reply.replyToId === 'string' ? `/${encodeURIComponent(reply.replyToId)}` : '';
  const res = await fetch(`${base}/v3/conversations/${encodeURIComponent(conversation.id)}/activities${replyTo}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify(reply),
    // An allowed host must not bounce the reply somewhere that is not allowed.
    redirect: 'error',
    signal: AbortSignal.timeout(timeoutMs),
  });
  await res.arrayBuffer().catch(() => undefined);
  if (!res.ok) throw new ChannelError(res.status);
}

export class ChannelError extends Error {
  constructor(readonly status: number) {
    super(`the channel answered ${status}`);
    this.name = 'ChannelError';
  }
}
