import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Request, Response } from 'restify';

/**
 * Static widget files, read and compressed once at start-up (they are a few kB). Served with
 * brotli or gzip by Accept-Encoding, an ETag, and a year's immutable caching when the URL carries
 * the content hash (`?v=`), which the page always does.
 */
export interface Asset {
  type: string;
  hash: string;
  raw: Buffer;
  gzip: Buffer;
  br: Buffer;
}

export function makeAsset(type: string, content: string | Buffer): Asset {
  const raw = Buffer.isBuffer(content) ? content : Buffer.from(content);
  return {
    type,
    hash: createHash('sha256').update(raw).digest('base64url').slice(0, 16),
    raw,
    gzip: gzipSync(raw, { level: 9 }),
    br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  };
}

/** Finds web/dist by walking up from this file: it sits at different depths under src/ and dist/src/. */
export function findAssetsDir(start = dirname(fileURLToPath(import.meta.url))): string {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'web', 'dist');
    if (existsSync(join(candidate, 'chat.js'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('web/dist not found: run `npm run build:web`');
}

export function readAsset(dir: string, name: string, type: string): Asset {
  return makeAsset(type, readFileSync(join(dir, name)));
}

export function sendCompressed(req: Request, res: Response, body: { type: string; raw: Buffer; gzip?: Buffer; br?: Buffer }, headers: Record<string, string>): void {
  const accept = String(req.headers['accept-encoding'] ?? '');
  const [encoding, payload] = body.br && /\bbr\b/.test(accept) ? ['br', body.br] : body.gzip && /\bgzip\b/.test(accept) ? ['gzip', body.gzip] : [undefined, body.raw];
  res.writeHead(200, {
    'Content-Type': body.type,
    'Content-Length': payload.length,
    Vary: 'Accept-Encoding',
    'X-Content-Type-Options': 'nosniff',
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : payload);
}

export function serveAsset(req: Request, res: Response, asset: Asset, cacheControl: string): void {
  const etag = `"${asset.hash}"`;
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { ETag: etag, 'Cache-Control': cacheControl });
    res.end();
    return;
  }
  sendCompressed(req, res, asset, { ETag: etag, 'Cache-Control': cacheControl, 'Cross-Origin-Resource-Policy': 'cross-origin' });
}

export function compressDynamic(type: string, text: string): { type: string; raw: Buffer; gzip: Buffer; br: Buffer } {
  const raw = Buffer.from(text);
  return { type, raw, gzip: gzipSync(raw), br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) };
}
