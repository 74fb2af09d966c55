/**
 * Baseline (a): a bare restify route with the same JSON body parser, answering a fixed
 * expectReplies-shaped body — the HTTP stack's cost with no bot at all. PORT from the environment.
 */
import restify from 'restify';

const server = restify.createServer({ handleUncaughtExceptions: false });
// The same options the bot uses (src/security/body.ts); restify's types omit maxBodySize, hence the widened variable.
const parserOptions: restify.plugins.JsonBodyParserOptions = { maxBodySize: 65536, mapParams: false, overrideParams: false } as restify.plugins.JsonBodyParserOptions;
server.use(restify.plugins.jsonBodyParser(parserOptions));
server.get('/health', (_req, res, next) => {
  res.send(200, { status: 'ok' });
  next();
});
server.post('/api/messages', (req, res, next) => {
  const body = req.body as { text?: unknown } | undefined;
  res.send(200, { activities: [{ type: 'message', text: `echo: ${typeof body?.text === 'string' ? body.text : ''}` }] });
  next();
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
