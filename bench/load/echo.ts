/**
 * Baseline (b): a botbuilder 4.23.3 CloudAdapter echo bot in anonymous mode on restify, answering
 * with expectReplies — the SDK's own per-turn cost, without any of our bot's work.
 * PORT from the environment; 127.0.0.1 only. ECHO_AUTH=ours gives the echo bot the bot's own
 * anonymous authentication (src/server/anonymousAuth.ts, which reuses outbound clients), to show
 * how much of the gap to the stock SDK that part accounts for.
 */
import restify from 'restify';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import { AnonymousBotFrameworkAuthentication } from '../../src/server/anonymousAuth.js';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (ctx: TurnContext, next) => {
      await ctx.sendActivity(`echo: ${ctx.activity.text ?? ''}`);
      await next();
    });
  }
}

// {} = anonymous: never pass process.env, a stray MicrosoftAppId would switch auth on.
const auth =
  process.env.ECHO_AUTH === 'ours'
    ? new AnonymousBotFrameworkAuthentication({})
    : new ConfigurationBotFrameworkAuthentication({}, new ConfigurationServiceClientCredentialFactory({}));
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (ctx) => {
  await ctx.sendActivity('error');
};
const bot = new EchoBot();
const server = restify.createServer({ handleUncaughtExceptions: false });
// The same options the bot uses (src/security/body.ts); restify's types omit maxBodySize, hence the widened variable.
const parserOptions: restify.plugins.JsonBodyParserOptions = { maxBodySize: 65536, mapParams: false, overrideParams: false } as restify.plugins.JsonBodyParserOptions;
server.use(restify.plugins.jsonBodyParser(parserOptions));
server.get('/health', (_req, res, next) => {
  res.send(200, { status: 'ok' });
  next();
});
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (ctx) => bot.run(ctx));
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
