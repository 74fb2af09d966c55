/**
 * Hostile raw HTTP against the real app (createApp on 127.0.0.1:0, temp folders), on a plain TCP
 * socket so nothing in between cleans the bytes up: bad upgrade targets, absolute-form URLs, bad
 * percent-encoding, null bytes, odd methods, 3,000 headers, chunked garbage, JSON nesting bombs and
 * oversized bodies. Every case must get an answer or a close within its time bound (no hanging
 * sockets), and after each one the server must still answer GET /health with 200.
 */
import { rawRequest, type RawExchange } from '../support/rawHttp.js';
import { removeDir, startApp, type RunningApp } from '../support/app.js';

const CASE_TIMEOUT_MS = 5000;

interface Case {
  name: string;
  data: () => string | Buffer;
  /** Statuses that count as a proper answer; undefined = any answer or a plain close. */
  expect?: number[];
}

const upgrade = (target: string, extra = '') =>
  `GET ${target} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n${extra}\r\n`;
const get = (target: string, headers = '') => `GET ${target} HTTP/1.1\r\nHost: x\r\n${headers}Connection: close\r\n\r\n`;
const post = (path: string, body: string | Buffer, headers = '') =>
  Buffer.concat([
    Buffer.from(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${headers}Connection: close\r\n\r\n`),
    Buffer.isBuffer(body) ? body : Buffer.from(body),
  ]);
const nest = (depth: number, open = '[', close = ']', inner = '1') => `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
const objectBomb = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const activity = (value: string) => `{"type":"message","text":"hi","channelId":"test","conversation":{"id":"fuzz-raw"},"from":{"id":"u"},"deliveryMode":"expectReplies","value":${value}}`;

describe('raw hostile HTTP against the real app', () => {
  let running: RunningApp;
  let port: number;
  let dl: { id: string; token: string };

  beforeAll(async () => {
    running = await startApp({ rateLimit: { perConversationPerMinute: 100_000, perIpPerMinute: 100_000 } });
    port = Number(new URL(running.url).port);
    const t = (await (await fetch(`${running.url}/chat/token`, { method: 'POST' })).json()) as { token: string };
    const c = await fetch(`${running.url}/v3/directline/conversations`, { method: 'POST', headers: { Authorization: `Bearer ${t.token}`, 'Content-Type': 'application/json' }, body: '{}' });
    const body = (await c.json()) as { conversationId: string; token: string };
    dl = { id: body.conversationId, token: body.token };
  });
  afterAll(async () => {
    await running.close();
    removeDir(running.dataDir);
  });

  const auth = () => `Authorization: Bearer ${dl.token}\r\n`;
  const activitiesPath = () => `/v3/directline/conversations/${dl.id}/activities`;

  const cases: Case[] = [
    // Upgrade targets new URL() cannot parse, and upgrades that match nothing.
    { name: 'upgrade //', data: () => upgrade('//'), expect: [404] },
    { name: 'upgrade http://[::1', data: () => upgrade('http://[::1'), expect: [404] },
    { name: 'upgrade http://x:99999/', data: () => upgrade('http://x:99999/'), expect: [404] },
    { name: 'upgrade to a path nobody serves', data: () => upgrade('/nothing/here'), expect: [404] },
    { name: 'h2c upgrade', data: () => 'GET / HTTP/1.1\r\nHost: x\r\nUpgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n', expect: [404] },
    { name: 'stream upgrade with a forged token', data: () => upgrade(`/v3/directline/conversations/${dl.id}/stream?t=abc.def.ghi`), expect: [403] },
    { name: 'stream upgrade with bad percent-encoding', data: () => upgrade(`/v3/directline/conversations/${dl.id}/stream?t=%E0%A4%A&watermark=%ZZ`), expect: [403] },
    { name: 'stream upgrade without a WebSocket key', data: () => `GET /v3/directline/conversations/${dl.id}/stream HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`, expect: [401] },
    // Absolute-form targets.
    { name: 'absolute-form with a bad port to /chat', data: () => get('http://x:99999/chat?lang=en'), expect: [200] },
    { name: 'absolute-form with a bad port to an asset', data: () => get('http://x:99999/chat/assets/chat.js?v=1'), expect: [200] },
    { name: 'absolute-form with a broken IPv6 host', data: () => get('http://[::1/chat'), expect: [200] },
    { name: 'absolute-form with no path', data: () => get('http://x:99999'), expect: [404] },
    { name: 'absolute-form with a query and no path', data: () => get('http://[::1?a=1'), expect: [404] },
    { name: 'absolute-form to the practice API', data: () => get('http://x:99999/api/practice/requests?status=%E0%A4%A'), expect: [401] },
    { name: 'absolute-form to Direct Line polling', data: () => get(`http://x:99999${activitiesPath()}?watermark=%ZZ`, auth()), expect: [200] },
    // Bad percent-encoding.
    { name: 'bad percent-encoding in the path', data: () => get('/%E0%A4%A'), expect: [404] },
    { name: 'bad percent-encoding in the query of /chat', data: () => get('/chat?lang=%E0%A4%A&colour=%ZZ&embed=%'), expect: [200] },
    { name: 'bad percent-encoding in a conversation id', data: () => get('/v3/directline/conversations/%E0%A4%A/activities', auth()), expect: [403, 404] },
    // Null bytes and control characters.
    { name: 'null byte in the target', data: () => 'GET /he\0alth HTTP/1.1\r\nHost: x\r\n\r\n', expect: [400] },
    { name: 'null byte in a header value', data: () => 'GET /health HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n', expect: [400] },
    { name: 'null bytes in a JSON body', data: () => post('/api/messages', activity('"\\u0000"').replace('"hi"', '"h\\u0000i"')), expect: [200] },
    { name: 'raw null bytes in a JSON body', data: () => post('/api/messages', Buffer.from('{"type":"mess\0age"}')), expect: [400] },
    // Odd methods and framing.
    { name: 'method FOO', data: () => 'FOO / HTTP/1.1\r\nHost: x\r\n\r\n', expect: [400, 405] },
    { name: 'method CONNECT', data: () => 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n' },
    { name: 'HTTP/0.9 style request', data: () => 'GET /\r\n\r\n', expect: [400, 404] },
    { name: 'HTTP/9.9', data: () => 'GET / HTTP/9.9\r\nHost: x\r\n\r\n', expect: [400, 505] },
    { name: 'no Host header', data: () => 'GET /health HTTP/1.1\r\n\r\n', expect: [400] },
    { name: 'Expect: 100-continue with a 10 MB body declared', data: () => 'POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 10485760\r\n\r\n', expect: [413] },
    { name: 'Expect with an unknown value', data: () => 'POST /api/messages HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nContent-Length: 2\r\n\r\n{}', expect: [417] },
    { name: 'gzip body (a small body may inflate without bound)', data: () => post('/api/messages', Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]), 'Content-Encoding: gzip\r\n'), expect: [415] },
    { name: 'obsolete line folding', data: () => 'GET /health HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n', expect: [400] },
    { name: 'conflicting Content-Length', data: () => 'POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n{}', expect: [400] },
    { name: 'Content-Length and chunked together', data: () => 'POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', expect: [400] },
    { name: '3,000 headers', data: () => `GET /health HTTP/1.1\r\nHost: x\r\n${Array.from({ length: 3000 }, (_, i) => `X-H${i}: v\r\n`).join('')}\r\n`, expect: [431] },
    { name: 'a 100 kB target', data: () => get(`/chat?lang=${'a'.repeat(100_000)}`), expect: [431, 414] },
    // Chunked garbage.
    { name: 'chunk size that is not hex', data: () => 'POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n', expect: [400] },
    { name: 'chunk longer than declared', data: () => 'POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{"type":"message"}\r\n0\r\n\r\n', expect: [400] },
    { name: 'huge chunk size, then more than the body limit', data: () => `POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFF\r\n${'x'.repeat(100_000)}`, expect: [400, 413] },
    { name: 'chunked body over the limit to Direct Line', data: () => `POST ${activitiesPath()} HTTP/1.1\r\nHost: x\r\n${auth()}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n186A0\r\n${'x'.repeat(100_000)}\r\n0\r\n\r\n`, expect: [413] },
    { name: 'chunked body of garbage bytes to Direct Line', data: () => `POST ${activitiesPath()} HTTP/1.1\r\nHost: x\r\n${auth()}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n\xff\xfe{[\x00\r\n0\r\n\r\n`, expect: [400] },
    // JSON nesting bombs.
    { name: 'array nesting bomb to /api/messages', data: () => post('/api/messages', nest(30_000)), expect: [400] },
    { name: 'object nesting bomb to /api/messages', data: () => post('/api/messages', objectBomb(10_000)), expect: [400] },
    { name: 'nesting bomb in value to /api/messages', data: () => post('/api/messages', activity(nest(30_000))), expect: [200, 400] },
    { name: 'object nesting bomb in value to /api/messages', data: () => post('/api/messages', activity(objectBomb(10_000))), expect: [200, 400] },
    { name: 'nesting bomb to /v3/directline/conversations', data: () => post('/v3/directline/conversations', nest(10_000), auth()), expect: [400] },
    { name: 'nesting bomb in value to Direct Line activities', data: () => post(activitiesPath(), `{"type":"message","value":${nest(10_000)}}`, auth()), expect: [400] },
    { name: 'object nesting bomb in channelData to Direct Line', data: () => post(activitiesPath(), `{"type":"message","text":"hi","channelData":${objectBomb(4_000)}}`, auth()), expect: [200] },
    // Oversized bodies.
    { name: 'declared 10 MB body to /api/messages', data: () => 'POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10485760\r\n\r\n{', expect: [413] },
    { name: '200 kB body to /api/messages', data: () => post('/api/messages', activity(`"${'x'.repeat(200_000)}"`)), expect: [413] },
    { name: '200 kB body to Direct Line activities', data: () => post(activitiesPath(), `{"type":"message","text":"${'x'.repeat(200_000)}"}`, auth()), expect: [413] },
    { name: 'declared 10 MB body to Direct Line', data: () => `POST ${activitiesPath()} HTTP/1.1\r\nHost: x\r\n${auth()}Content-Type: application/json\r\nContent-Length: 10485760\r\n\r\n{`, expect: [413] },
    { name: 'declared 10 MB body to /chat/token', data: () => 'POST /chat/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10485760\r\n\r\n{', expect: [413] },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s: answered or closed in time, and /health still 200', async (_name, c) => {
    const r: RawExchange = await rawRequest(port, c.data(), { timeoutMs: CASE_TIMEOUT_MS });
    expect(r.ended).not.toBe('timeout');
    if (c.expect) expect(c.expect).toContain(r.status);
    const health = await rawRequest(port, 'GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', { timeoutMs: CASE_TIMEOUT_MS });
    expect(health.status).toBe(200);
  });
});
