import type { Request, Response } from 'restify';
import type { Html } from './html.js';

/** Strict: only our own files, no inline script or style, no framing, forms only back to us. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  // same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on our own form posts.
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
} as const;

export function sendHtml(res: Response, status: number, page: Html, extra: Record<string, string> = {}): void {
  res.sendRaw(status, page.value, { 'Content-Type': 'text/html; charset=utf-8', ...SECURITY_HEADERS, ...extra });
}

export function sendText(res: Response, status: number, body: string, contentType: string, extra: Record<string, string> = {}): void {
  res.sendRaw(status, body, { 'Content-Type': contentType, ...SECURITY_HEADERS, ...extra });
}

export function redirect(res: Response, location: string, extra: Record<string, string> = {}): void {
  res.sendRaw(303, '', { Location: location, ...SECURITY_HEADERS, ...extra });
}

export function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.header('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

const LOOPBACK_HOST = /^(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])(?::\d+)?$/i;
const LOOPBACK_ADDRESS = /^(?:127\.|::1$|::ffff:127\.)/;

/**
 * Cookies are Secure except for plain-http development on the same machine: the connection and the
 * Host header are both loopback and no proxy says the original request was https. A reverse proxy
 * on the same host that forwards the public Host (as it should) therefore still gets Secure cookies.
 */
export function needsSecureCookie(req: Request): boolean {
  const remote = req.socket?.remoteAddress ?? '';
  const forwarded = req.header('x-forwarded-proto');
  return !(LOOPBACK_ADDRESS.test(remote) && LOOPBACK_HOST.test(req.header('host') ?? '') && forwarded === undefined && !req.isSecure());
}

/** Form fields from an urlencoded body (the app's JSON body parser leaves other bodies as text). */
export function formOf(req: Request): Record<string, string> {
  const body: unknown = (req as { body?: unknown }).body;
  const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(req.header('content-type') ?? '')) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(text)) if (!(k in out)) out[k] = v;
  return out;
}

export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams);
}
