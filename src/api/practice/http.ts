import type { Request, Response } from 'restify';
import { requestTarget } from '../../security/requestTarget.js';
import type { ZodError } from 'zod';

/** One error type for the practice API; `toResponse` is the only place that turns errors into HTTP. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badQuery = (err: ZodError): ApiError =>
  new ApiError(400, 'bad_request', 'invalid request', {
    issues: err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  });

/**
 * Always JSON (or FHIR JSON), never HTML: patient text is returned verbatim inside JSON strings,
 * so it is escaped by JSON.stringify and `nosniff` stops a browser from guessing HTML.
 */
export function sendJson(res: Response, status: number, body: unknown, contentType = 'application/json; charset=utf-8'): void {
  res.sendRaw(status, JSON.stringify(body), {
    'Content-Type': contentType,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
}

export function sendError(res: Response, err: unknown): number {
  if (err instanceof ApiError) {
    if (err.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
    sendJson(res, err.status, { error: err.code, message: err.message, ...err.extra });
    return err.status;
  }
  sendJson(res, 500, { error: 'internal', message: 'internal error' });
  return 500;
}

export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(requestTarget(req.url).searchParams);
}

/** Uses a body already parsed by a global bodyParser if there is one, otherwise reads it (16 KiB cap). */
export async function jsonBody(req: Request): Promise<unknown> {
  const pre: unknown = (req as { body?: unknown }).body;
  if (pre !== undefined && pre !== null && !(typeof pre === 'string' || Buffer.isBuffer(pre))) return pre;
  let text: string;
  if (typeof pre === 'string' || Buffer.isBuffer(pre)) text = pre.toString();
  else {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > 16 * 1024) throw new ApiError(413, 'too_large', 'request body too large');
      chunks.push(chunk);
    }
    text = Buffer.concat(chunks).toString('utf8');
  }
  try {
    return text ? (JSON.parse(text) as unknown) : {};
  } catch {
    throw new ApiError(400, 'bad_request', 'body must be JSON');
  }
}
