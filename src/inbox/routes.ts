import { gzipSync } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import { INBOX_CSS, INBOX_JS } from './assets.js';
import type { Authenticator } from './auth.js';
import { CSRF_FIELD, isSameOrigin, isValidCsrf } from './csrf.js';
import type { EventHub } from './events.js';
import { clearedCookie, createGuard, SESSION_COOKIE, sessionCookie, type GuardDeps } from './guard.js';
import { cookieOf, formOf, queryOf, redirect, sendHtml } from './http.js';
import { loadQueue, parseFilter } from './queue.js';
import type { RequestStore } from '../store/types.js';
import { signInPage } from './views/signin.js';
import type { SsoClient } from './oidc.js';
import { registerSsoRoutes } from './ssoRoutes.js';
import { queuePage, queueRows, type QueueContext } from './views/queue.js';

export interface CoreRouteDeps extends GuardDeps {
  authenticator: Authenticator;
  requests: Pick<RequestStore, 'list'>;
  hub: EventHub;
  idleMinutes: number;
  lockoutMinutes: number;
  timeZone: string;
  english: (key: string) => string;
  /** Single sign-on, when the practice file configures an issuer. */
  sso?: SsoClient;
}

/** Static assets, gzipped once: the inbox's first load stays far under 100 kB compressed. */
function registerAssets(server: Server): void {
  const assets = {
    'inbox.css': { type: 'text/css; charset=utf-8', body: Buffer.from(INBOX_CSS) },
    'inbox.js': { type: 'text/javascript; charset=utf-8', body: Buffer.from(INBOX_JS) },
  };
  const zipped = Object.fromEntries(Object.entries(assets).map(([k, v]) => [k, gzipSync(v.body)]));
  server.get('/inbox/assets/:file', (req: Request, res: Response, next) => {
    const name = String(req.params?.file ?? '') as keyof typeof assets;
    const asset = Object.hasOwn(assets, name) ? assets[name] : undefined;
    if (!asset) {
      res.sendRaw(404, 'not found', { 'Content-Type': 'text/plain; charset=utf-8' });
      return next();
    }
    const gzip = /\bgzip\b/.test(req.header('accept-encoding') ?? '');
    res.sendRaw(200, gzip ? (zipped[name] as Buffer) : asset.body, {
      'Content-Type': asset.type,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Accept-Encoding',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    return next();
  });
}

export function registerCoreRoutes(server: Server, deps: CoreRouteDeps) {
  const { sessions, authenticator, clock, practiceName } = deps;
  const { guard, appendAudit, log } = createGuard(deps);
  registerAssets(server);
  if (deps.sso) registerSsoRoutes(server, { sso: deps.sso, sessions, authenticator, clock, practiceName, appendAudit, log });
  const ssoLabel = deps.sso?.label;

  const queueContext = (): QueueContext => ({ practiceName, timeZone: deps.timeZone, now: clock.now(), english: deps.english });

  server.get('/inbox/signin', (req, res, next) => {
    const existing = sessions.get(cookieOf(req, SESSION_COOKIE));
    if (existing?.user) {
      redirect(res, '/inbox');
      return next();
    }
    const session = existing ?? sessions.create();
    const expired = queryOf(req).expired === '1' ? 'Your session ended after a time without activity. Sign in again.' : undefined;
    sendHtml(res, 200, signInPage(practiceName, session, deps.idleMinutes, expired, '', ssoLabel), { 'Set-Cookie': sessionCookie(req, session) });
    return next();
  });

  server.post('/inbox/signin', (req, res, next) => {
    const run = async () => {
      const form = formOf(req);
      const old = sessions.get(cookieOf(req, SESSION_COOKIE));
      const username = (form.username ?? '').trim().toLowerCase().slice(0, 64);
      if (!isSameOrigin(req.header('origin') || undefined, req.header('host')) || !isValidCsrf(old, form[CSRF_FIELD])) {
        await appendAudit('anonymous', 'inbox.csrf.rejected', undefined, { reason: form[CSRF_FIELD] ? 'mismatch' : 'missing', route: '/inbox/signin' });
        const fresh = old ?? sessions.create();
        sendHtml(res, 403, signInPage(practiceName, fresh, deps.idleMinutes, 'The sign-in form had expired. Try again.', username, ssoLabel), { 'Set-Cookie': sessionCookie(req, fresh) });
        return;
      }
      const result = await authenticator.signIn(username, form.password ?? '');
      const known = authenticator.isKnown(username);
      // Never the password; the typed username only when it is a real account (it may be a mistyped password).
      const who = known ? username : 'unknown';
      if (result.ok) {
        const session = sessions.signIn(old, result.user);
        await appendAudit(who, 'inbox.signin.success', undefined, { role: result.user.role });
        redirect(res, '/inbox', { 'Set-Cookie': sessionCookie(req, session) });
        return;
      }
      await appendAudit(who, result.reason === 'locked' ? 'inbox.signin.locked' : 'inbox.signin.failure', undefined, { username: who });
      const session = old ?? sessions.create();
      const message =
        result.reason === 'locked'
          ? `Too many failed sign-ins. This account is locked for now: try again in ${deps.lockoutMinutes} minutes, or ask the practice manager.`
          : 'The username or password is not right. Check them and try again.';
      sendHtml(res, result.reason === 'locked' ? 429 : 401, signInPage(practiceName, session, deps.idleMinutes, message, known ? username : '', ssoLabel), {
        'Set-Cookie': sessionCookie(req, session),
      });
    };
    run().then(
      () => next(),
      (err: unknown) => {
        log.error({ err: err instanceof Error ? err.name : 'error' }, 'inbox sign-in failed');
        res.sendRaw(500, 'Sign-in failed. Try again.', { 'Content-Type': 'text/plain; charset=utf-8' });
        next();
      },
    );
  });

  server.post(
    '/inbox/signout',
    guard({ change: true }, async ({ req, res, session, audit }) => {
      sessions.destroy(session.id);
      await audit('inbox.signout');
      redirect(res, '/inbox/signin', { 'Set-Cookie': clearedCookie(req) });
    }),
  );

  server.get(
    '/inbox',
    guard({ unauthenticated: 'redirect' }, async ({ req, res, session, audit }) => {
      const filter = parseFilter(queryOf(req));
      const result = await loadQueue(deps.requests, filter);
      await audit('inbox.queue.view', undefined, { shown: result.items.length, total: result.total, status: filter.status });
      const query = new URL(req.url ?? '/', 'http://localhost').search;
      sendHtml(res, 200, queuePage(queueContext(), session, filter, result, query));
    }),
  );

  // The live queue's refresh: rows only, for the filters of the page that asks.
  server.get(
    '/inbox/rows',
    guard({ touch: false, unauthenticated: 'status' }, async ({ req, res, audit }) => {
      const filter = parseFilter(queryOf(req));
      const result = await loadQueue(deps.requests, filter);
      await audit('inbox.queue.refresh', undefined, { shown: result.items.length, total: result.total, status: filter.status });
      sendHtml(res, 200, queueRows(result.items, queueContext()));
    }),
  );

  server.get(
    '/inbox/events',
    guard({ touch: false, unauthenticated: 'status' }, async ({ res, session }) => {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'X-Accel-Buffering': 'no',
      });
      res.write('retry: 5000\n\n');
      deps.hub.add(res, () => sessions.get(session.id, { touch: false }) !== undefined);
    }),
  );

  return { guard };
}
