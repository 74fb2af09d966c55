import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import restify from 'restify';
import { createLogger } from '../../src/observability/logger.js';
import { accessLogHandler, requestIdHandler, requestIdOf } from '../../src/observability/requestId.js';
import { bodyParserOptions, restifyErrorHandler } from '../../src/security/body.js';
import { sendRejection } from '../../src/security/rejection.js';
import { checkInboundActivity } from '../../src/security/serviceUrlGuard.js';
import { createRateLimiter, clientAddress } from '../../src/security/rateLimit.js';

/** A restify server wired the way src/server is expected to wire these pieces, on 127.0.0.1. */
async function start() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _e, cb) {
      for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
      cb();
    },
  });
  const logger = createLogger({ level: 'debug', destination });
  const limiter = createRateLimiter({ perConversationPerMinute: 2, perIpPerMinute: 100 });
  const server = restify.createServer({ handleUncaughtExceptions: false });
  server.pre(requestIdHandler(logger));
  server.pre(accessLogHandler(logger));
  server.use(restify.plugins.jsonBodyParser(bodyParserOptions(1024)));
  server.on('restifyError', restifyErrorHandler(logger));
  server.post('/api/messages', async (req, res) => {
    const rejection = checkInboundActivity(req.body, { anonymous: true, allowedServiceUrls: [] });
    if (rejection) return sendRejection(res, rejection);
    const body = req.body as { conversation?: { id?: unknown } };
    const conversationId = typeof body.conversation?.id === 'string' ? body.conversation.id : undefined;
    const limited = await limiter.check({ ip: clientAddress(req, 0), conversationId });
    if (limited) return sendRejection(res, limited);
    res.send(200, { ok: true, reqId: requestIdOf(req) });
  });
  server.get('/health', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, url, lines };
}

const activity = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: 'message', text: 'my name is Zelda Quimby', conversation: { id: 'c-http' }, deliveryMode: 'expectReplies', ...extra });

describe('HTTP protections on a real restify server', () => {
  let ctx: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    ctx = await start();
  });
  afterAll(() => ctx.server.close());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${ctx.url}/api/messages?secret=query-value`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('accepts a good activity and returns a request id header that matches the one bound to the logger', async () => {
    const res = await post(activity({ conversation: { id: 'good' } }));
    expect(res.status).toBe(200);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(((await res.json()) as { reqId: string }).reqId).toBe(id);
  });

  it('keeps a well-formed incoming x-request-id and replaces an unsafe one', async () => {
    const kept = await post(activity({ conversation: { id: 'k1' } }), { 'x-request-id': 'upstream-1234.abc' });
    expect(kept.headers.get('x-request-id')).toBe('upstream-1234.abc');
    const replaced = await post(activity({ conversation: { id: 'k2' } }), { 'x-request-id': 'bad id\twith "quotes"' });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers invalid JSON with 400 without echoing the body', async () => {
    const res = await post('{"type":"message","text":"my name is Zelda Quimby" oops');
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).not.toContain('Zelda');
    expect(JSON.parse(text)).toEqual({ code: 'InvalidContent', message: 'The request body is not valid JSON' });
    // V8 quotes the start of the input in this case ("Unexpected token 'm', "my name is…""); restify would send it back.
    const quoted = await post('my name is Zelda Quimby');
    expect(quoted.status).toBe(400);
    expect(await quoted.text()).not.toContain('Zelda');
  });

  it('answers a body over the limit with 413', async () => {
    const res = await post(activity({ text: 'x'.repeat(5000) }));
    expect(res.status).toBe(413);
    expect(await res.text()).not.toContain('xxxx');
  });

  it('answers a non-JSON content type with 400 from the guard', async () => {
    const res = await fetch(`${ctx.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello Zelda' });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('Zelda');
  });

  it('refuses a reply-to serviceUrl in anonymous mode', async () => {
    const res = await post(activity({ deliveryMode: undefined, serviceUrl: 'http://127.0.0.1:1/' }));
    expect(res.status).toBe(403);
  });

  it('rate limits one conversation with 429 and Retry-After', async () => {
    const body = activity({ conversation: { id: 'busy' } });
    expect((await post(body)).status).toBe(200);
    expect((await post(body)).status).toBe(200);
    const res = await post(body);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('writes access lines without query strings, bodies or patient text', async () => {
    await fetch(`${ctx.url}/health?nhs=9434765919`);
    await new Promise((r) => setTimeout(r, 50));
    const http = ctx.lines.filter((l) => l.msg === 'http');
    expect(http.length).toBeGreaterThanOrEqual(8);
    const all = JSON.stringify(ctx.lines);
    for (const s of ['Zelda', 'query-value', '9434765919', 'oops']) expect(all).not.toContain(s);
    const health = http.find((l) => l.route === '/health');
    expect(health).toMatchObject({ method: 'GET', status: 200, level: 20 });
    expect(typeof health?.reqId).toBe('string');
    const tooLarge = http.find((l) => l.status === 413);
    expect(tooLarge).toMatchObject({ method: 'POST', route: '/api/messages' });
  });
});
