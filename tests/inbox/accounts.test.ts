import { describe, expect, it } from '@jest/globals';
import { parsePracticeConfig } from '../../src/practice/config.js';
import { createSessionStore } from '../../src/inbox/sessions.js';
import { hashPassword, verifyPassword } from '../../src/inbox/passwords.js';
import { fixedClock } from '../../src/clock.js';
import { createAuthenticator } from '../../src/inbox/auth.js';

const PRACTICE = { name: 'P', odsCode: 'Y00001', phone: '0113 496 0000', address: { lines: ['1 Lane'], postcode: 'ZZ1 1ZZ' } };
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

describe('staff passwords', () => {
  it('verifies the right password only, and refuses malformed or too-costly hashes', async () => {
    const hash = await hashPassword('a long enough password', CHEAP);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    await expect(verifyPassword('a long enough password', hash)).resolves.toBe(true);
    await expect(verifyPassword('a long enough passwore', hash)).resolves.toBe(false);
    await expect(verifyPassword('x', 'not-a-hash')).resolves.toBe(false);
    await expect(verifyPassword('x', hash.replace('$1024$', '$1000$'))).resolves.toBe(false);
    await expect(verifyPassword('x', hash.replace('$1024$', `$${2 ** 24}$`))).resolves.toBe(false);
    // Two hashes of one password differ (random salt).
    expect(await hashPassword('a long enough password', CHEAP)).not.toBe(hash);
  });
});

describe('password sign-in', () => {
  it('never lets an account without a hash (single sign-on only) in with a password', async () => {
    const auth = createAuthenticator({ staff: [{ username: 'sso.only', role: 'reception' }], clock: fixedClock('2026-03-04T10:00:00Z'), maxFailures: 5, lockoutMs: 60_000 });
    await expect(auth.signIn('sso.only', '')).resolves.toMatchObject({ ok: false });
    await expect(auth.signIn('sso.only', 'anything at all')).resolves.toMatchObject({ ok: false });
    expect(auth.account('sso.only')).toEqual({ username: 'sso.only', name: 'sso.only', role: 'reception' });
  });
});

describe('inbox section of the practice file', () => {
  it('defaults to no staff, 15 minutes idle, 5 failures and a 15-minute lock-out', () => {
    expect(parsePracticeConfig(PRACTICE, 'p.json').inbox).toEqual({ staff: [], idleTimeoutMinutes: 15, maxFailedSignIns: 5, lockoutMinutes: 15 });
  });

  it('names the file and field of a bad account', async () => {
    const good = { username: 'rita', role: 'reception', passwordHash: await hashPassword('a long enough password', CHEAP) };
    const parse = (inbox: unknown) => () => parsePracticeConfig({ ...PRACTICE, inbox }, 'p.json');
    expect(parse({ staff: [{ ...good, passwordHash: 'hunter2' }] })).toThrow('p.json: inbox.staff[0].passwordHash: expected a hash from `npm run hash-password`');
    expect(parse({ staff: [{ ...good, role: 'admin' }] })).toThrow("p.json: inbox.staff[0].role: expected 'reception' or 'clinician'");
    expect(parse({ staff: [good, good] })).toThrow('p.json: inbox.staff: usernames must be unique');
    expect(parse({ staff: [{ ...good, password: 'plain' }] })).toThrow('unknown field "password"');
    expect(parse({ idleTimeoutMinutes: 60 })).toThrow('p.json: inbox.idleTimeoutMinutes');
    const { passwordHash: _none, ...ssoOnly } = good;
    expect(parse({ staff: [ssoOnly] })).toThrow('p.json: inbox.staff[0].passwordHash: required unless inbox.oidc (single sign-on) is configured');
    const oidc = { issuer: 'https://id.example.nhs.uk', clientId: 'inbox', redirectUri: 'https://bot.example.nhs.uk/inbox/oidc/callback' };
    expect(parsePracticeConfig({ ...PRACTICE, inbox: { staff: [ssoOnly], oidc } }, 'p.json').inbox.staff[0]?.passwordHash).toBeUndefined();
    expect(parse({ oidc: { ...oidc, redirectUri: 'https://bot.example.nhs.uk/elsewhere' } })).toThrow('p.json: inbox.oidc.redirectUri: must end in /inbox/oidc/callback');
  });

  it('reads the single sign-on client secret from the named environment variable, and refuses a missing one', () => {
    const inbox = { oidc: { issuer: 'https://id.example.nhs.uk', clientId: 'inbox', clientSecretEnv: 'INBOX_OIDC_SECRET', redirectUri: 'https://bot.example.nhs.uk/inbox/oidc/callback' } };
    const parsed = parsePracticeConfig({ ...PRACTICE, inbox }, 'p.json', { INBOX_OIDC_SECRET: 'a-secret-of-sixteen-plus' });
    expect(parsed.inbox.oidc?.clientSecret).toBe('a-secret-of-sixteen-plus');
    expect(() => parsePracticeConfig({ ...PRACTICE, inbox }, 'p.json', {})).toThrow('p.json: inbox.oidc.clientSecretEnv: environment variable INBOX_OIDC_SECRET must be set');
  });
});

describe('inbox sessions in memory', () => {
  it('expires after the idle time, and stays bounded, evicting anonymous sessions before signed-in ones', () => {
    const clock = fixedClock('2026-03-04T10:00:00Z');
    const sessions = createSessionStore({ clock, idleMs: 15 * 60_000, max: 3 });
    const staff = sessions.signIn(undefined, { username: 'a', name: 'A', role: 'reception' });
    const anon = [sessions.create(), sessions.create(), sessions.create()];
    expect(sessions.size).toBe(3);
    expect(sessions.get(staff.id)?.user?.username).toBe('a');
    expect(sessions.get(anon[0]?.id)).toBeUndefined();
    clock.advance(15 * 60_000 - 1);
    expect(sessions.get(staff.id, { touch: false })).toBeDefined();
    clock.advance(1);
    expect(sessions.get(staff.id)).toBeUndefined();
  });
});
