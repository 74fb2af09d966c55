import { timingSafeEqual } from 'node:crypto';
import type { Session } from './sessions.js';

/** Form field that carries the session's synchronizer token. */
export const CSRF_FIELD = '_csrf';

/** Does the submitted token equal the session's? Constant time; false for anything missing. */
export function isValidCsrf(session: Session | undefined, submitted: string | undefined): boolean {
  if (!session || typeof submitted !== 'string' || submitted.length === 0) return false;
  const a = Buffer.from(session.csrf);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A browser sends Origin on every cross-site POST; when present it must be this host. SameSite=Strict
 * and the token already stop cross-site forms: this is a third, independent check.
 */
export function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
