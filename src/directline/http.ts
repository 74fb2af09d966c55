import type { Request, Response, Next, RequestHandler } from 'restify';
import type { Logger } from '../observability/logger.js';
import { DirectLineError } from './errors.js';

/**
 * Small HTTP helpers for the channel's routes. Bodies are read here rather than by a global
 * bodyParser so the size limit is ours whatever the app registers; if a global parser already ran,
 * its result is used.
 */
export type Handler = (req: Request, res: Response) => Promise<void>;

/** Wraps an async handler: DirectLineError → its status and JSON body; anything else → 500, logged without content. */
export function route(logger: Logger, handler: Handler): RequestHandler {
  return (req: Request, res: Response, next: Next) => {
    handler(req, res).then(
      () => next(),
      (err: unknown) => {
        if (err instanceof DirectLineError) {
          if (err.status >= 500) logger.warn({ code: err.code, route: req.getRoute?.()?.path }, 'directline error');
          sendJson(res, err.status, err.toBody());
        } else {
          logger.error({ err: err instanceof Error ? err.name : 'unknown', route: req.getRoute?.()?.path }, 'directline failure');
          sendJson(res, 500, { error: { code: 'ServiceError', message: 'Something went wrong' } });
        }
        next(false);
      },
    );
  };
}

export function sendJson(res: Response, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
  });
  res.end(json);
}

export function bearer(req: Request): string {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1]) throw new DirectLineError(401, 'MissingToken', 'Authorization: Bearer token required');
  return match[1];
}

/** Reads a JSON object body of at most `limit` bytes; an empty body reads as `{}`. */
export async function readJson(req: Request, limit: number): Promise<Record<string, unknown>> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge();
  const pre: unknown = (req as { body?: unknown }).body;
  if (pre !== undefined && pre !== null) return asObject(typeof pre === 'string' || Buffer.isBuffer(pre) ? parse(String(pre)) : pre);

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text.trim() === '' ? {} : asObject(parse(text));
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new DirectLineError(400, 'BadArgument', 'Body is not valid JSON');
  }
}

function asObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DirectLineError(400, 'BadArgument', 'Body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

function tooLarge(): DirectLineError {
  return new DirectLineError(413, 'BodyTooLarge', 'The message is too large to send');
}
