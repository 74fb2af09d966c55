import type { Server } from 'restify';
import type { Clock } from '../clock.js';
import type { Authenticator } from './auth.js';
import { CSRF_FIELD, isSameOrigin, isValidCsrf } from './csrf.js';
import { SESSION_COOKIE, sessionCookie } from './guard.js';
import { cookieOf, formOf, redirect, sendHtml } from './http.js';
import type { SsoClient } from './oidc.js';
import type { SessionStore } from './sessions.js';
import { errorPage } from './views/layout.js';

export interface SsoRouteDeps {
  sso: SsoClient;
  sessions: SessionStore;
  authenticator: Authenticator;
  clock: Clock;
  practiceName: string;
  appendAudit(actor: string, action: string, requestId?: string, detail?: Record<string, string | number | boolean>): Promise<void>;
  log: { error(obj: object, msg: string): void };
}

/** A sign-on has this long from the button to the callback. */
const PENDING_MS = 10 * 60_000;

export function registerSsoRoutes(server: Server, deps: SsoRouteDeps): void {
  const { sessions, practiceName } = deps;
  const fail = async (res: Parameters<typeof sendHtml>[0], status: number, reason: string, message: string, actor = 'unknown') => {
    await deps.appendAudit(actor, 'inbox.signin.failure', undefined, { method: 'sso', reason });
    sendHtml(res, status, errorPage(practiceName, undefined, 'Single sign-on did not work', message));
  };

  server.post('/inbox/oidc/start', (req, res, next) => {
    const run = async () => {
      const form = formOf(req);
      const session = sessions.get(cookieOf(req, SESSION_COOKIE));
      if (!isSameOrigin(req.header('origin') || undefined, req.header('host')) || !isValidCsrf(session, form[CSRF_FIELD]) || !session) {
        await deps.appendAudit('anonymous', 'inbox.csrf.rejected', undefined, { reason: form[CSRF_FIELD] ? 'mismatch' : 'missing', route: '/inbox/oidc/start' });
        sendHtml(res, 403, errorPage(practiceName, undefined, 'Form expired', 'The sign-in form had expired. Go back to the sign-in page and try again.'));
        return;
      }
      const started = await deps.sso.start().catch((err: unknown) => {
        deps.log.error({ err: err instanceof Error ? err.name : 'error' }, 'inbox single sign-on unavailable');
        return undefined;
      });
      if (!started) {
        await fail(res, 503, 'provider-unavailable', 'The identity provider could not be reached. Try again, or sign in with your password if you have one.');
        return;
      }
      session.pendingSso = { ...started.pending, startedMs: deps.clock.now().getTime() };
      redirect(res, started.url.href);
    };
    run().then(() => next(), next);
  });

  server.get('/inbox/oidc/callback', (req, res, next) => {
    const run = async () => {
      const old = sessions.get(cookieOf(req, SESSION_COOKIE));
      const pending = old?.pendingSso;
      // Single use: whatever happens next, this sign-on cannot be replayed.
      if (old) delete old.pendingSso;
      if (!old || !pending || deps.clock.now().getTime() - pending.startedMs > PENDING_MS) {
        await fail(res, 400, 'no-sign-on-under-way', 'This sign-in link has expired or was not started here. Go back to the sign-in page and try again.');
        return;
      }
      const query = new URL(req.url ?? '/', 'http://localhost').search;
      let username: string;
      try {
        username = await deps.sso.finish(query, pending);
      } catch (err) {
        deps.log.error({ err: err instanceof Error ? err.name : 'error' }, 'inbox single sign-on refused');
        await fail(res, 401, 'not-verified', 'The identity provider did not confirm who you are. Go back to the sign-in page and try again.');
        return;
      }
      const account = deps.authenticator.account(username);
      if (!account) {
        await fail(res, 403, 'not-staff', 'You signed in, but your account is not set up for this inbox. Ask the practice manager to add you.');
        return;
      }
      const session = sessions.signIn(old, account);
      await deps.appendAudit(account.username, 'inbox.signin.success', undefined, { role: account.role, method: 'sso' });
      redirect(res, '/inbox', { 'Set-Cookie': sessionCookie(req, session) });
    };
    run().then(() => next(), next);
  });
}
