import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Role } from './config.js';

/**
 * Server-side sessions, in memory (one process; a restart signs everyone out, which is the safe
 * way to fail). The cookie carries only a random 256-bit id. A session ends after `idleMs` without
 * a request that counts as activity (the live queue's background stream does not).
 */

export interface Session {
  id: string;
  /** Synchronizer token: every form that changes something must send it back. */
  csrf: string;
  /** Absent until sign-in succeeds: a visitor of the sign-in page gets a session for its CSRF token. */
  user?: { username: string; name: string; role: Role };
  lastSeenMs: number;
}

const newId = () => randomBytes(32).toString('base64url');

export interface SessionStore {
  /** The live session for this id, or undefined when unknown or idle too long (then it is removed). */
  get(id: string | undefined, opts?: { touch?: boolean }): Session | undefined;
  /** A fresh anonymous session (sign-in page). */
  create(): Session;
  /** Ends `old` and returns a new session for the user: a new id and token at each sign-in (no fixation). */
  signIn(old: Session | undefined, user: NonNullable<Session['user']>): Session;
  destroy(id: string): void;
  readonly size: number;
}

export function createSessionStore(options: { clock: Clock; idleMs: number; max?: number }): SessionStore {
  const { clock, idleMs } = options;
  const max = options.max ?? 10_000;
  // Insertion order = oldest first, so the cap evicts the least recently created (anonymous first: see create).
  const sessions = new Map<string, Session>();

  const expired = (s: Session) => clock.now().getTime() - s.lastSeenMs >= idleMs;

  const add = (s: Session) => {
    if (sessions.size >= max) {
      // Bounded memory: drop idle ones, then the oldest anonymous sessions, before ever a signed-in one.
      for (const [id, old] of sessions) if (expired(old)) sessions.delete(id);
      for (const [id, old] of sessions) {
        if (sessions.size < max) break;
        if (!old.user) sessions.delete(id);
      }
      if (sessions.size >= max) {
        const oldest = sessions.keys().next().value;
        if (oldest !== undefined) sessions.delete(oldest);
      }
    }
    sessions.set(s.id, s);
    return s;
  };

  return {
    get(id, opts = {}) {
      if (!id) return undefined;
      const s = sessions.get(id);
      if (!s) return undefined;
      if (expired(s)) {
        sessions.delete(id);
        return undefined;
      }
      if (opts.touch !== false) s.lastSeenMs = clock.now().getTime();
      return s;
    },
    create: () => add({ id: newId(), csrf: newId(), lastSeenMs: clock.now().getTime() }),
    signIn(old, user) {
      if (old) sessions.delete(old.id);
      return add({ id: newId(), csrf: newId(), user, lastSeenMs: clock.now().getTime() });
    },
    destroy: (id) => void sessions.delete(id),
    get size() {
      return sessions.size;
    },
  };
}
