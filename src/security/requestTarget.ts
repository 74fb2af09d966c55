import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendRejection } from './rejection.js';

/**
 * The path and query of a request target, for any target a client can send. `new URL(req.url, base)`
 * throws on targets Node's parser lets through (`//`, `http://[::1`, `http://x:99999/`), and a throw
 * in a synchronous handler or in the server's 'upgrade' listener takes the whole process down. This
 * never throws: absolute-form targets (`http://host/path`) lose their scheme and authority, the way
 * restify routes them, and the query is read leniently by URLSearchParams.
 */
export interface RequestTarget {
  /** The raw path as sent (not percent-decoded, not normalised); '/' when empty. */
  pathname: string;
  searchParams: URLSearchParams;
}

const ABSOLUTE_FORM = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/;

export function requestTarget(rawUrl: string | undefined): RequestTarget {
  let target = rawUrl ?? '/';
  const absolute = ABSOLUTE_FORM.exec(target);
  if (absolute) target = target.slice(absolute[0].length);
  const hash = target.indexOf('#');
  if (hash >= 0) target = target.slice(0, hash);
  const q = target.indexOf('?');
  const pathname = (q < 0 ? target : target.slice(0, q)) || '/';
  return { pathname, searchParams: new URLSearchParams(q < 0 ? '' : target.slice(q + 1)) };
}

/**
 * restify reads every request as `new URL('http://' + Host + target)` (12.x; 11.x used the legacy
 * `url.parse`), from inside a nextTick where nothing catches a throw, so a target or a Host header it
 * cannot parse would stop the process. Register as the first `server.pre(...)`: an absolute-form
 * target becomes origin-form (its authority is never used: routing is by path); a Host header that
 * cannot be a URL's authority (`x:99999`, `[::1`) is dropped, as the rest of the app already treats
 * it as absent (stream URLs fall back to localhost); anything still unreadable gets a 400.
 */
export function refuseUnroutableTarget(req: IncomingMessage, res: ServerResponse, next: (proceed?: false) => void): void {
  const absolute = ABSOLUTE_FORM.exec(req.url ?? '');
  if (absolute) {
    const rest = (req.url ?? '').slice(absolute[0].length);
    req.url = rest.startsWith('/') ? rest : `/${rest}`;
  }
  if (req.headers.host !== undefined && !URL.canParse(`http://${req.headers.host}/`)) delete req.headers.host;
  if (!restifyCanRead(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`)) {
    sendRejection(res, { status: 400, code: 'BadRequestTarget', message: 'The request target cannot be read' });
    return next(false);
  }
  next();
}

/** The same reading as restify's `Request.getUrl()`, without the throw. */
function restifyCanRead(target: string, base: string): boolean {
  return target.startsWith('/') ? URL.canParse(base + target) : URL.canParse(target, base);
}
