import { describe, expect, it } from '@jest/globals';
import { parsePracticeConfig } from '../../src/practice/config.js';
import { createSessionStore } from '../../src/inbox/sessions.js';
import { hashPassword, verifyPassword } from '../../src/inbox/passwords.js';
import { fixedClock } from '../../src/clock.js';

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
