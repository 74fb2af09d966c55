/**
 * Baseline (b): a Microsoft 365 Agents SDK (@microsoft/agents-hosting) CloudAdapter echo bot in
 * anonymous (development) mode on restify, answering with expectReplies: the SDK's own per-turn
 * cost, without any of our bot's work. (Until issue 19 this was a botbuilder 4.23.3 echo bot.)
 * PORT from the environment; 127.0.0.1 only. ECHO_AUTH=ours serves the same echo from our own
 * anonymous /api/messages code instead (src/server/messages/anonymous.ts, no SDK), to show how much
 * of the gap to the stock SDK that part accounts for.
 */
import restify from 'restify';
import { ActivityHandler, CloudAdapter, type TurnContext, type WebResponse } from '@microsoft/agents-hosting';
import { IncomingActivitySchema } from '../../src/bot/incoming.js';
import { createAnonymousChannel } from '../../src/server/messages/anonymous.js';
import { wireActivity } from '../../src/server/messages/replies.js';
import { pino } from 'pino';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (ctx: TurnContext, next) => {
      await ctx.sendActivity(`echo: ${ctx.activity.text ?? ''}`);
      await next();
    });
  }
}

const server = restify.createServer({ handleUncaughtExceptions: false });
// The same options the bot uses (src/security/body.ts); restify's types omit maxBodySize, hence the widened variable.
const parserOptions: restify.plugins.JsonBodyParserOptions = { maxBodySize: 65536, mapParams: false, overrideParams: false } as restify.plugins.JsonBodyParserOptions;
server.use(restify.plugins.jsonBodyParser(parserOptions));
server.get('/health', (_req, res, next) => {
  res.send(200, { status: 'ok' });
  next();
});

if (process.env.ECHO_AUTH === 'ours') {
  const answer = createAnonymousChannel({
    service: { handleParsed: async (a) => [{ type: 'message', text: `echo: ${a.text ?? ''}`, channelData: { intake: { state: 'echo', locale: 'en', dir: 'ltr' } } }] },
    logger: pino({ level: 'silent' }),
    errorReply: () => ({ type: 'message', text: 'error' }),
  });
  server.post('/api/messages', async (req, res) => {
    const parsed = IncomingActivitySchema.safeParse(req.body);
    if (!parsed.success) res.send(400, { error: 'invalid activity' });
    else await answer(res, parsed.data, req.body as Record<string, unknown>);
  });
} else {
  // {} = anonymous: never the SDK's environment, a stray clientId would switch auth on.
  const adapter = new CloudAdapter({});
  adapter.onTurnError = async (ctx) => {
    await ctx.sendActivity('error');
  };
  const bot = new EchoBot();
  server.post('/api/messages', async (req, res) => {
    // The SDK writes Express-style (res.status().send()) and Activity objects with `_channelId`.
    let status = 200;
    let body: unknown;
    const held: WebResponse = {
      status(code) { status = code; return this; },
      setHeader() { return this; },
      send(b) { body = b; return this; },
      end() { return this; },
      headersSent: false,
      writableEnded: false,
    };
    await adapter.process({ body: req.body as Record<string, unknown>, headers: req.headers, method: 'POST' }, held, (ctx) => bot.run(ctx));
    const out = body as { activities?: object[] } | undefined;
    if (out?.activities) res.send(status, { activities: out.activities.map(wireActivity) });
    else res.send(status, out);
  });
}
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
