import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { EchoServer } from './echoServer.js';
import { startChatServer } from './webchatServer.js';
import { brandColour, contrastWithWhite } from '../../src/directline/webchat/colour.js';

let srv: EchoServer;
beforeAll(async () => {
  srv = await startChatServer();
});
afterAll(async () => srv.close());

async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; bytes: number; text: string }> {
  // Node's fetch decodes br/gzip itself; read the wire size from Content-Length.
  const res = await fetch(`${srv.url}${path}`, { headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, bytes: Number(res.headers.get('content-length') ?? text.length), text };
}

describe('GET /chat', () => {
  test('renders the emergency banner with 999 and 111 as tel: links, the practice heading whatever ?title= says, and a CSP', async () => {
    const r = await get('/chat?title=%3Cscript%3Ealert(1)%3C/script%3E&colour=%23ffff00');
    expect(r.status).toBe(200);
    expect(r.text).toContain('<a href="tel:999">999</a>');
    expect(r.text).toContain('<a href="tel:111">111</a>');
    expect(r.text).toContain('This chat is not for emergencies');
    expect(r.text).not.toContain('alert(1)');
    expect(r.text).toContain('--brand:#005eb8'); // yellow fails contrast, so NHS blue
    expect(r.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(r.text).toContain('<html lang="en" dir="ltr">');
  });

  test('?title= cannot put its own words on the practice page: the heading comes from the practice file', async () => {
    const r = await get('/chat?title=Practice%20closed%20-%20text%2007700900123%20instead');
    expect(r.text).not.toContain('Practice closed');
    expect(r.text).not.toContain('07700900123');
    expect(r.text).toMatch(/<h1>Contact [^<]+<\/h1>/);
  });

  test('a language without webchat texts falls back to English chrome but asks the bot for that locale', async () => {
    const r = await get('/chat?lang=ar');
    expect(r.text).toContain('<html lang="en" dir="ltr">');
    expect(r.text).toMatch(/"locale":"ar"/);
  });

  test('first load is under 150 kB compressed (page, script, styles)', async () => {
    const br = { 'accept-encoding': 'br' };
    const page = await fetch(`${srv.url}/chat`, { headers: br });
    const pageBytes = Number(page.headers.get('content-length'));
    const html = await page.text();
    const urls = [...html.matchAll(/(?:src|href)="(\/chat\/assets\/[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(urls).toHaveLength(2);
    let total = pageBytes;
    const parts: string[] = [`/chat ${pageBytes} B`];
    for (const u of urls) {
      const res = await fetch(`${srv.url}${u}`, { headers: br });
      expect(res.headers.get('content-encoding')).toBe('br');
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const n = Number(res.headers.get('content-length'));
      parts.push(`${u.split('?')[0]} ${n} B`);
      total += n;
      await res.arrayBuffer();
    }
    console.log(`first load of /chat, brotli: ${parts.join(', ')}; total ${total} B (${(total / 1024).toFixed(1)} kB)`);
    expect(total).toBeLessThan(150 * 1024);
  });

  test('assets: gzip for clients without brotli, ETag revalidation, 404 for unknown names', async () => {
    const html = (await get('/chat')).text;
    const js = /src="(\/chat\/assets\/chat\.js\?v=[^"]+)"/.exec(html)![1]!;
    const gz = await get(js, { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const etag = gz.headers.get('etag')!;
    expect((await get(js, { 'if-none-match': etag })).status).toBe(304);
    expect((await get('/chat/assets/../../package.json')).status).toBe(404);
    expect((await get('/chat/assets/secret.txt')).status).toBe(404);
  });
});

describe('embed script and token', () => {
  test('/chat/embed.js and /chat/widget.js carry the launcher texts and no global leak', async () => {
    for (const p of ['/chat/embed.js', '/chat/widget.js']) {
      const r = await fetch(`${srv.url}${p}`, { headers: { 'accept-encoding': 'br' } });
      expect(r.headers.get('cache-control')).toBe('public, max-age=3600');
      expect(r.headers.get('content-encoding')).toBe('br');
      const body = await r.text(); // fetch has decoded it
      expect(body.startsWith('(function(){var EMBED_TEXTS={"en":{"open":"Chat with the practice"')).toBe(true);
    }
  });

  test('/chat/token gives a Direct Line token, and limits how many one address can take', async () => {
    const r = await fetch(`${srv.url}/chat/token`, { method: 'POST' });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ token: expect.any(String), conversationId: expect.any(String), expires_in: 1800 });
    let last = 200;
    for (let i = 0; i < 35 && last === 200; i++) last = (await fetch(`${srv.url}/chat/token`, { method: 'POST' })).status;
    expect(last).toBe(429);
  });
});

describe('brand colour', () => {
  test('keeps colours with 4.5:1 on white, replaces the rest with NHS blue', () => {
    expect(contrastWithWhite('#005eb8')).toBeGreaterThan(4.5);
    expect(brandColour('#330072')).toBe('#330072');
    expect(brandColour('#41b6e6')).toBe('#005eb8');
    expect(brandColour('red')).toBe('#005eb8');
  });
});
