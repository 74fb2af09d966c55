import type { Server } from 'restify';
import { DirectLineChannel } from './channel.js';
import { registerRoutes } from './routes.js';
import { StreamServer } from './stream.js';
import { TokenService } from './tokens.js';
import type { DirectLineDeps, DirectLineHandle } from './types.js';

export type { BotTurn, DirectLineDeps, DirectLineHandle, RunTurn, TokenResponse, ConversationResponse, ActivitySet } from './types.js';
export { DirectLineError } from './errors.js';
export type { TranscriptStore, TranscriptEntry } from './transcripts.js';
export { fileTranscripts } from './fileTranscripts.js';

/**
 * Mounts a self-hosted Direct Line 3.0 channel on the app's restify server: REST under
 * /v3/directline and the streamUrl WebSocket on the underlying http server's 'upgrade'.
 * Transcripts live in memory (bounded) and, given a TranscriptStore, also there, so a page reload
 * after a restart still shows them; the bot's own state lives wherever runTurn keeps it.
 */
export function registerDirectLine(server: Server, deps: DirectLineDeps): DirectLineHandle {
  const maxMessageChars = deps.maxMessageChars ?? 2000;
  const tokens = new TokenService(deps.secret, deps.clock, deps.tokenTtlSeconds ?? 1800, deps.maxTokenLifetimeSeconds ?? 86_400);
  const logger = deps.logger.child({ module: 'directline' });
  // The channel and the socket layer refer to each other; eviction closes sockets once both exist.
  const sockets: { server?: StreamServer } = {};
  const channel = new DirectLineChannel({
    runTurn: deps.runTurn,
    tokens,
    clock: deps.clock,
    logger,
    botId: deps.botId ?? 'intake-bot',
    maxMessageChars,
    maxConversations: deps.maxConversations ?? 5000,
    maxActivitiesPerConversation: deps.maxActivitiesPerConversation ?? 1000,
    maxTranscriptBytes: deps.maxTranscriptBytes ?? 256 * 1024,
    maxTotalTranscriptBytes: deps.maxTotalTranscriptBytes ?? 64 * 1024 * 1024,
    ...(deps.admit ? { admit: deps.admit } : {}),
    onEvict: (c) => sockets.server?.closeConversation(c.id),
    ...(deps.transcripts ? { transcripts: deps.transcripts } : {}),
  });
  const stream = new StreamServer({
    channel,
    tokens,
    logger,
    maxSockets: deps.maxSockets ?? 2000,
    maxSocketsPerConversation: deps.maxSocketsPerConversation ?? 4,
    ...(deps.addressLimit ? { addressLimit: deps.addressLimit } : {}),
  });
  sockets.server = stream;
  stream.attach(server.server);
  // Room for the text in UTF-8 (up to 4 bytes a character) plus the activity's other fields.
  registerRoutes(server, { channel, tokens, logger, maxBodyBytes: maxMessageChars * 4 + 16_384,
    ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}),
    ...(deps.addressLimit ? { addressLimit: deps.addressLimit } : {}),
  });

  return {
    issueToken: () => channel.issueToken(),
    // Erasure: sockets close (the store's onEvict), then the transcript goes from memory and disk.
    forget: (conversationId) => channel.forget(conversationId),
    sweep: (before) => channel.sweep(before),
    close: async () => {
      stream.close();
      await channel.drain();
    },
  };
}
export {
  registerWebChat,
  i18nextLookup,
  localTokenSource,
  azureTokenSource,
  AZURE_DIRECT_LINE,
  type WebChatDeps,
  type TokenSource,
  type Lookup,
  type I18nLike,
} from './webchat/index.js';
