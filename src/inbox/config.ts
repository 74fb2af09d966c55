import { z } from 'zod';

/**
 * The `inbox` section of the practice file: who may sign in to /inbox and how hard sign-in is to
 * guess. Only scrypt hashes are stored (`npm run hash-password`), never passwords.
 */

export const ROLES = ['reception', 'clinician'] as const;
export type Role = (typeof ROLES)[number];

/** scrypt$N$r$p$salt$hash, salt and hash in base64url (see passwords.ts). */
export const PASSWORD_HASH = /^scrypt\$\d{1,7}\$\d{1,2}\$\d{1,2}\$[A-Za-z0-9_-]{16,}\$[A-Za-z0-9_-]{32,}$/;

const staffAccount = z.strictObject({
  username: z.string().regex(/^[a-z0-9._-]{2,64}$/, { error: 'expected a lower-case username (letters, digits, . _ -)' }),
  /** Shown in the inbox and the audit log instead of the username where a person is named. */
  displayName: z.string().trim().min(1).max(100).optional(),
  passwordHash: z.string().regex(PASSWORD_HASH, { error: 'expected a hash from `npm run hash-password` (scrypt$...)' }),
  role: z.enum(ROLES, { error: "expected 'reception' or 'clinician'" }),
});

export const inboxConfigSchema = z
  .strictObject({
    staff: z
      .array(staffAccount)
      .refine((s) => new Set(s.map((a) => a.username)).size === s.length, { error: 'usernames must be unique' })
      .default([]),
    /** Minutes without a request before a session ends (at most 15). */
    idleTimeoutMinutes: z.int().min(1).max(15).default(15),
    /** Failed sign-ins in a row before an account is locked for lockoutMinutes. */
    maxFailedSignIns: z.int().min(3).max(10).default(5),
    lockoutMinutes: z.int().min(1).max(24 * 60).default(15),
  })
  .default({ staff: [], idleTimeoutMinutes: 15, maxFailedSignIns: 5, lockoutMinutes: 15 });

export type InboxConfig = z.output<typeof inboxConfigSchema>;
export type StaffAccount = InboxConfig['staff'][number];
