import type { Clock } from '../clock.js';
import type { Role, StaffAccount } from './config.js';
import { DECOY_HASH_PROMISE, verifyPassword } from './passwords.js';

/**
 * Username and password sign-in with lock-out. Failures are counted per username (known or not, so
 * a locked answer never tells an attacker which names exist); after `maxFailures` in a row the name
 * is locked for `lockoutMs`, whatever password comes next. A success resets the count.
 */

export type SignInResult =
  | { ok: true; user: { username: string; name: string; role: Role } }
  | { ok: false; reason: 'bad-credentials' | 'locked'; lockedUntil?: Date };

export interface Authenticator {
  signIn(username: string, password: string): Promise<SignInResult>;
  /** Is this username one of the configured accounts? (for what the audit line may name) */
  isKnown(username: string): boolean;
  /** The account for a username proved by single sign-on, if it is one of ours. */
  account(username: string): { username: string; name: string; role: Role } | undefined;
}

interface Failures {
  count: number;
  lockedUntilMs: number;
}

const MAX_TRACKED = 10_000;

export function createAuthenticator(options: { staff: readonly StaffAccount[]; clock: Clock; maxFailures: number; lockoutMs: number }): Authenticator {
  const { clock, maxFailures, lockoutMs } = options;
  const accounts = new Map(options.staff.map((a) => [a.username, a]));
  const failures = new Map<string, Failures>();

  return {
    isKnown: (username) => accounts.has(username),
    account(username) {
      const a = accounts.get(username);
      return a && { username: a.username, name: a.displayName ?? a.username, role: a.role };
    },
    async signIn(rawUsername, password) {
      const username = rawUsername.trim().toLowerCase().slice(0, 64);
      const now = clock.now().getTime();
      const f = failures.get(username);
      if (f && f.lockedUntilMs > now) return { ok: false, reason: 'locked', lockedUntil: new Date(f.lockedUntilMs) };
      const account = accounts.get(username);
      // Always pay for one scrypt, so an unknown name answers as slowly as a wrong password.
      // An account without a hash signs in only through single sign-on: its password check always fails.
      const valid = (await verifyPassword(password.slice(0, 1024), account?.passwordHash ?? (await DECOY_HASH_PROMISE()))) && account?.passwordHash !== undefined;
      if (account && valid) {
        failures.delete(username);
        return { ok: true, user: { username, name: account.displayName ?? username, role: account.role } };
      }
      // A lock that has run out left the count at 0: the name starts again with a full set of tries.
      const count = (f?.count ?? 0) + 1;
      const lockedUntilMs = count >= maxFailures ? now + lockoutMs : 0;
      if (failures.size >= MAX_TRACKED && !failures.has(username)) {
        const oldest = failures.keys().next().value;
        if (oldest !== undefined) failures.delete(oldest);
      }
      failures.set(username, { count: lockedUntilMs ? 0 : count, lockedUntilMs });
      if (lockedUntilMs) return { ok: false, reason: 'locked', lockedUntil: new Date(lockedUntilMs) };
      return { ok: false, reason: 'bad-credentials' };
    },
  };
}
