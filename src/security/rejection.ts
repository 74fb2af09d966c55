import type { ServerResponse } from 'node:http';

/**
 * One shape for every "refused before the bot" answer, so the server turns all of them into
 * responses in one place. Messages are fixed strings: never echo anything the caller sent.
 */
export interface HttpRejection {
  status: 400 | 403 | 413 | 415 | 429;
  code: string;
  message: string;
  headers?: Record<string, string>;
}

/** Works on restify's Response too (it extends ServerResponse). Call `next(false)` afterwards in restify. */
export function sendRejection(res: ServerResponse, r: HttpRejection): void {
  const json = JSON.stringify({ error: { code: r.code, message: r.message } });
  res.writeHead(r.status, {
    ...r.headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
  });
  res.end(json);
}
