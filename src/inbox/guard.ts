import type { Next, Request, Response } from 'restify';
import type { Clock } from '../clock.js';
import type { Logger } from '../observability/logger.js';
import type { AuditLog } from '../store/types.js';
import type { Role } from './config.js';
import { CSRF_FIELD, isSameOrigin, isValidCsrf } from './csrf.js';
import { cookieOf, formOf, needsSecureCookie, redirect, sendHtml, sendText } from './http.js';
import type { Session, SessionStore } from './sessions.js';
import { errorPage } from './views/layout.js';

export const SESSION_COOKIE = 'inbox_sid';

/** One error type for the inbox; `guard` is the only place that turns errors into responses. */
export class InboxError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Ctx {
  req: Request;
  res: Response;
  session: Session;
  user: NonNullable<Session['user']>;
  form: Record<string, string>;
  audit(action: string, requestId?: string, detail?: Record<string, string | number | boolean>): Promise<void>;
}

export interface RouteRules {
  /** A change: needs the CSRF token and a same-origin (or absent) Origin. */
  change?: boolean;
  role?: Role;
  /** Counts as activity for the idle timeout (false for the live queue's background requests). */
  touch?: boolean;
  /** How to answer without a session: a redirect to sign in (pages) or a bare 401 (background requests). */
  unauthenticated?: 'redirect' | 'status';
}

export interface GuardDeps {
  sessions: SessionStore;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  practiceName: string;
}

export function sessionCookie(req: Request, session: Session): string {
  return `${SESSION_COOKIE}=${session.id}; Path=/inbox; HttpOnly; SameSite=Strict${needsSecureCookie(req) ? '; Secure' : ''}`;
}
export const clearedCookie = (req: Request): string =>
  `${SESSION_COOKIE}=; Path=/inbox; HttpOnly; SameSite=Strict; Max-Age=0${needsSecureCookie(req) ? '; Secure' : ''}`;

/**
 * Wraps every signed-in route: session (idle timeout), CSRF on changes, role, audit of each refusal,
 * and a log line with no patient data. Nothing is changed before all checks pass.
 */
export function createGuard(deps: GuardDeps) {
  const log = deps.logger.child({ module: 'inbox' });
  const appendAudit = (actor: string, action: string, requestId?: string, detail?: Record<string, string | number | boolean>) =>
    deps.audit.append({ at: deps.clock.now().toISOString(), actor, action, ...(requestId ? { requestId } : {}), ...(detail ? { detail } : {}) });

  const guard =
    (rules: RouteRules, handler: (ctx: Ctx) => Promise<void>) =>
    (req: Request, res: Response, next: Next): void => {
      const started = Date.now();
      let actor = 'anonymous';
      const run = async (): Promise<number> => {
        const presented = cookieOf(req, SESSION_COOKIE);
        const session = deps.sessions.get(presented, { touch: rules.touch !== false });
        if (!session?.user) {
          await appendAudit(actor, 'inbox.session.rejected', undefined, {
            reason: presented ? 'unknown-or-expired' : 'none',
            route: String(req.getRoute()?.path ?? ''),
            method: req.method ?? '',
          });
          if (rules.unauthenticated === 'redirect' && req.method === 'GET') {
            redirect(res, presented ? '/inbox/signin?expired=1' : '/inbox/signin', presented ? { 'Set-Cookie': clearedCookie(req) } : {});
            return 303;
          }
          throw new InboxError(401, 'Please sign in', 'Your session has ended or is not valid. Sign in again.');
        }
        const user = session.user;
        actor = user.username;
        const form = rules.change ? formOf(req) : {};
        if (rules.change) {
          if (!isSameOrigin(req.header('origin') || undefined, req.header('host'))) {
            await appendAudit(actor, 'inbox.csrf.rejected', undefined, { reason: 'origin', route: String(req.getRoute()?.path ?? '') });
            throw new InboxError(403, 'Not allowed', 'This change came from another site and was refused. Nothing was changed.');
          }
          if (!isValidCsrf(session, form[CSRF_FIELD])) {
            await appendAudit(actor, 'inbox.csrf.rejected', undefined, { reason: form[CSRF_FIELD] ? 'mismatch' : 'missing', route: String(req.getRoute()?.path ?? '') });
            throw new InboxError(403, 'Form expired', 'This form has expired or was not sent from the inbox. Nothing was changed. Go back, reload the page and try again.');
          }
        }
        if (rules.role && user.role !== rules.role) {
          await appendAudit(actor, 'inbox.forbidden', String(req.params?.id ?? '') || undefined, { role: user.role, needs: rules.role, route: String(req.getRoute()?.path ?? '') });
          throw new InboxError(403, 'Not allowed', `Only a ${rules.role} can do this. Nothing was changed.`);
        }
        await handler({ req, res, session, user, form, audit: (action, requestId, detail) => appendAudit(actor, action, requestId, detail) });
        return res.statusCode;
      };
      run()
        .catch((err: unknown) => {
          const known = err instanceof InboxError ? err : undefined;
          if (!known) log.error({ err: err instanceof Error ? err.name : 'error', route: req.getRoute()?.path }, 'inbox error');
          const status = known?.status ?? 500;
          const session = deps.sessions.get(cookieOf(req, SESSION_COOKIE), { touch: false });
          const title = known?.title ?? 'Something went wrong';
          const message = known?.message ?? 'The inbox could not do that. Nothing was changed. Try again, and tell the practice manager if it keeps happening.';
          if (/text\/html/.test(req.header('accept') ?? '') || req.method !== 'GET') sendHtml(res, status, errorPage(deps.practiceName, session, title, message));
          else sendText(res, status, message, 'text/plain; charset=utf-8');
          return status;
        })
        .then((status) => {
          log.info({ method: req.method, route: String(req.getRoute()?.path ?? ''), status, user: actor, ms: Date.now() - started }, 'inbox');
          next();
        }, next);
    };
  return { guard, appendAudit, log };
}

export type Guard = ReturnType<typeof createGuard>['guard'];
