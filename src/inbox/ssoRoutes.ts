import { randomBytes } from 'node:crypto';
import type { Response, Server } from 'restify';
import type { Clock } from '../clock.js';
import type { Authenticator } from './auth.js';
import { sessionCookie } from './guard.js';
import { cookieOf, needsSecureCookie, redirect, sendHtml } from './http.js';
import { html } from './html.js';
import type { SsoClient, SsoStart } from './oidc.js';
import type { SessionStore } from './sessions.js';
import { errorPage, page } from './views/layout.js';

export interface SsoRouteDeps {
  sso: SsoClient;
  sessions: SessionStore;
  authenticator: Authenticator;
  clock: Clock;
  practiceName: string;
  appendAudit(actor: string, action: string, requestId?: string, detail?: Record<string, string | number | boolean>): Promise<void>;
  log: { error(obj: object, msg: string): void };
}

/** A sign-on has this long from the link to the callback. */
const PENDING_MS = 10 * 60_000;
const MAX_PENDING = 1_000;
const PENDING_COOKIE = 'inbox_sso';

/**
 * Why the flow looks like this:
 * - The session cookie is SameSite=Strict, so a browser does not send it on the identity provider's
 *   redirect back to us (a cross-site navigation). The sign-on in progress is therefore keyed by its
 *   own short-lived cookie, SameSite=Lax (sent on top-level GET navigations), path /inbox/oidc only.
 *   Login CSRF is stopped by state, nonce and PKCE, all bound to that cookie.
 * - Start is a link (GET), not a form: CSP form-action 'self' also covers where a form's redirects
 *   lead, which would block the hop to the provider.
 * - The callback answers with a page that goes on to /inbox itself (meta refresh): a redirect would
 *   still be part of the cross-site chain, and a browser that weighs the whole chain (as the SameSite
 *   draft says; Chromium does not yet by default, so the browser test passes either way) would not
 *   send the new Strict session cookie.
 */
export function registerSsoRoutes(server: Server, deps: SsoRouteDeps): void {
  const { sessions, practiceName, clock } = deps;
  const pending = new Map<string, SsoStart['pending'] & { startedMs: number }>();
  const pendingCookie = (req: Parameters<typeof needsSecureCookie>[0], value: string, maxAge: number) =>
    `${PENDING_COOKIE}=${value}; Path=/inbox/oidc; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${needsSecureCookie(req) ? '; Secure' : ''}`;

  const fail = async (res: Response, status: number, reason: string, message: string, extra: Record<string, string> = {}) => {
    await deps.appendAudit('unknown', 'inbox.signin.failure', undefined, { method: 'sso', reason });
    sendHtml(res, status, errorPage(practiceName, undefined, 'Single sign-on did not work', `${message} Go back to the sign-in page and try again.`), extra);
  };

  server.get('/inbox/oidc/start', (req, res, next) => {
    const run = async () => {
      const started = await deps.sso.start().catch((err: unknown) => {
        deps.log.error({ err: err instanceof Error ? err.name : 'error' }, 'inbox single sign-on unavailable');
        return undefined;
      });
      if (!started) {
        await fail(res, 503, 'provider-unavailable', 'The identity provider could not be reached. Sign in with your password if you have one.');
        return;
      }
      const now = clock.now().getTime();
      for (const [id, p] of pending) if (now - p.startedMs > PENDING_MS || pending.size >= MAX_PENDING) pending.delete(id);
      const id = randomBytes(32).toString('base64url');
      pending.set(id, { ...started.pending, startedMs: now });
      await deps.appendAudit('anonymous', 'inbox.sso.start');
      redirect(res, started.url.href, { 'Set-Cookie': pendingCookie(req, id, PENDING_MS / 1000) });
    };
    run().then(() => next(), next);
  });

  server.get('/inbox/oidc/callback', (req, res, next) => {
    const run = async () => {
      const id = cookieOf(req, PENDING_COOKIE) ?? '';
      const sso = pending.get(id);
      // Single use: whatever happens next, this sign-on cannot be replayed.
      pending.delete(id);
      const clear = { 'Set-Cookie': pendingCookie(req, '', 0) };
      if (!sso || clock.now().getTime() - sso.startedMs > PENDING_MS) {
        await fail(res, 400, 'no-sign-on-under-way', 'This sign-in link has expired or was not started in this browser.', clear);
        return;
      }
      const query = new URL(req.url ?? '/', 'http://localhost').search;
      let username: string;
      try {
        username = await deps.sso.finish(query, sso);
      } catch (err) {
        deps.log.error({ err: err instanceof Error ? err.name : 'error' }, 'inbox single sign-on refused');
        await fail(res, 401, 'not-verified', 'The identity provider did not confirm who you are.', clear);
        return;
      }
      const account = deps.authenticator.account(username);
      if (!account) {
        await fail(res, 403, 'not-staff', 'You signed in, but your account is not set up for this inbox. Ask the practice manager to add you.', clear);
        return;
      }
      const session = sessions.signIn(undefined, account);
      await deps.appendAudit(account.username, 'inbox.signin.success', undefined, { role: account.role, method: 'sso' });
      res.header('Set-Cookie', [sessionCookie(req, session), pendingCookie(req, '', 0)]);
      sendHtml(res, 200, page({ title: 'Signed in', practiceName, refreshTo: '/inbox', body: html`<h1>Signed in</h1><p><a href="/inbox">Continue to the requests</a></p>` }));
    };
    run().then(() => next(), next);
  });
}
