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
  /** Absent: the account signs in only through single sign-on (inbox.oidc). */
  passwordHash: z.string().regex(PASSWORD_HASH, { error: 'expected a hash from `npm run hash-password` (scrypt$...)' }).optional(),
  role: z.enum(ROLES, { error: "expected 'reception' or 'clinician'" }),
});

const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;

/**
 * Optional single sign-on with the practice's own identity provider (OpenID Connect, authorization
 * code flow with PKCE). The person must still be listed in `staff` (matched on `usernameClaim`), which
 * gives their role; the identity provider only proves who they are.
 */
const oidc = z
  .strictObject({
    issuer: z.url({ protocol: /^https?$/, error: 'expected the issuer URL (https)' }),
    clientId: z.string().min(1).max(200),
    /** Prefer clientSecretEnv so the secret is not in the file; neither = a public client (PKCE only). */
    clientSecret: z.string().min(16).optional(),
    clientSecretEnv: z.string().regex(ENV_NAME, { error: 'expected an environment variable name' }).optional(),
    /** This server's callback as the identity provider knows it, e.g. https://bot.example.nhs.uk/inbox/oidc/callback */
    redirectUri: z.url({ protocol: /^https?$/ }).refine((u) => new URL(u).pathname === '/inbox/oidc/callback', { error: 'must end in /inbox/oidc/callback' }),
    usernameClaim: z.enum(['preferred_username', 'email', 'upn', 'sub']).default('preferred_username'),
    /** The button's words on the sign-in page. */
    label: z.string().trim().min(1).max(80).default('Sign in with your organisation account'),
  })
  .refine((o) => o.clientSecret === undefined || o.clientSecretEnv === undefined, { error: 'give at most one of clientSecret or clientSecretEnv' });

export const inboxConfigSchema = z
  .strictObject({
    oidc: oidc.optional(),
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
  .superRefine((inbox, ctx) => {
    if (inbox.oidc) return;
    inbox.staff.forEach((a, i) => {
      if (a.passwordHash === undefined) ctx.addIssue({ code: 'custom', message: 'required unless inbox.oidc (single sign-on) is configured', path: ['staff', i, 'passwordHash'] });
    });
  })
  .default({ staff: [], idleTimeoutMinutes: 15, maxFailedSignIns: 5, lockoutMinutes: 15 });

export type InboxConfig = z.output<typeof inboxConfigSchema>;
export type StaffAccount = InboxConfig['staff'][number];

/** Reads the single sign-on client secret from the environment when the file names a variable. */
export function resolveInboxSecrets(inbox: InboxConfig, env: Readonly<Record<string, string | undefined>>, source: string): InboxConfig {
  const name = inbox.oidc?.clientSecretEnv;
  if (!inbox.oidc || name === undefined) return inbox;
  const secret = env[name];
  if (!secret || secret.length < 16) throw new Error(`${source}: inbox.oidc.clientSecretEnv: environment variable ${name} must be set (at least 16 characters)`);
  return { ...inbox, oidc: { ...inbox.oidc, clientSecret: secret } };
}
