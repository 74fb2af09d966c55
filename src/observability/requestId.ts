import { randomUUID } from 'node:crypto';
import type { Next, Request, Response } from 'restify';
import type { Logger } from './logger.js';

/**
 * Request ids and the access log, as plain restify handlers (`server.pre(...)` / `server.use(...)`).
 * A caller-supplied `x-request-id` is kept only if it looks like an id, so it cannot inject text
 * into our logs; otherwise we mint one. The id goes back in the response header either way.
 */

export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

interface RequestContext {
  id: string;
  parent: Logger;
  /** Made on first use: a pino child (with redaction of its bindings) costs more than most requests log. */
  log?: Logger;
  start: bigint;
}
// A WeakMap rather than a property on req: restify already owns `req.id`/`req.log` (bunyan-shaped).
const contexts = new WeakMap<object, RequestContext>();

export function requestIdOf(req: Request): string | undefined {
  return contexts.get(req)?.id;
}

/** The per-request child logger (`reqId` bound). Falls back to `fallback` for requests we never saw. */
export function requestLogger(req: Request, fallback: Logger): Logger {
  const context = contexts.get(req);
  if (!context) return fallback;
  return (context.log ??= context.parent.child({ reqId: context.id }));
}

function incomingId(req: Request): string | undefined {
  const raw = req.headers[REQUEST_ID_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value !== undefined && SAFE_ID.test(value) ? value : undefined;
}

/** Register with `server.pre(requestIdHandler(logger))` so it runs before routing and body parsing. */
export function requestIdHandler(logger: Logger): (req: Request, res: Response, next: Next) => void {
  return (req, res, next) => {
    const id = incomingId(req) ?? randomUUID();
    contexts.set(req, { id, parent: logger, start: process.hrtime.bigint() });
    res.setHeader(REQUEST_ID_HEADER, id);
    next();
  };
}

export interface AccessLogLine {
  method: string;
  /** The route template (`/v3/directline/conversations/:conversationId`), else the path without its query. */
  route: string;
  status: number;
  ms: number;
  bytes?: number;
}

/**
 * What the access line may contain. Never the query string (Direct Line stream tokens, search
 * terms), never bodies or headers, never the client address (personal data under UK GDPR; rate
 * limiting keeps addresses in memory only).
 */
export function accessLogLine(req: Request, res: Response, start: bigint, now: bigint = process.hrtime.bigint()): AccessLogLine {
  const template = routeTemplate(req);
  const path = (req.url ?? '').split('?')[0] ?? '';
  const length = Number(res.getHeader('content-length'));
  return {
    method: req.method ?? 'UNKNOWN',
    route: template ?? (path.length > 128 ? `${path.slice(0, 128)}…` : path),
    status: res.statusCode,
    ms: Math.round(Number(now - start) / 1e4) / 100,
    ...(Number.isFinite(length) ? { bytes: length } : {}),
  };
}

function routeTemplate(req: Request): string | undefined {
  try {
    const route = req.getRoute?.();
    return route ? String(route.path) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes one access line per request when the response finishes (or the client goes away).
 * Register with `server.pre(...)` after `requestIdHandler`. /health and /metrics scrapes log at
 * debug so probes do not drown real traffic.
 */
export function accessLogHandler(logger: Logger, quietPaths: readonly string[] = ['/health', '/ready', '/metrics']): (req: Request, res: Response, next: Next) => void {
  return (req, res, next) => {
    const start = contexts.get(req)?.start ?? process.hrtime.bigint();
    let done = false;
    const write = (aborted: boolean) => {
      if (done) return;
      done = true;
      const line = { ...accessLogLine(req, res, start), ...(aborted ? { aborted: true } : {}) };
      const level = quietPaths.includes(line.route) ? 'debug' : line.status >= 500 ? 'error' : 'info';
      // Most deployments log at info or warn: skip making the request's child logger for a line nobody keeps.
      if (!logger.isLevelEnabled(level)) return;
      requestLogger(req, logger)[level](line, 'http');
    };
    res.once('finish', () => write(false));
    res.once('close', () => write(!res.writableFinished));
    next();
  };
}
