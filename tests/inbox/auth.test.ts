import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { routineRequest, SCRIPT_TEXT, urgentRequest } from '../handoff/fixtures.js';
import { Client, PASSWORDS, startInboxApp } from './helpers.js';

type Running = Awaited<ReturnType<typeof startInboxApp>>;
let app: Running;

beforeEach(async () => {
  app = await startInboxApp();
});
afterEach(async () => {
  await app.stop();
});

const audit = async (action?: string) => (await app.app.store.audit.read()).filter((e) => action === undefined || e.action === action);

describe('inbox sign-in', () => {
  it('signs in with a staff account: HttpOnly SameSite=Strict cookie, a new session id, audited without the password', async () => {
    const c = new Client(app.url);
    const form = await c.get('/inbox/signin');
    const before = c.cookie;
    expect(form.status).toBe(200);
    expect(form.headers.get('content-security-policy')).toContain("script-src 'self'");
    const res = await c.post('/inbox/signin', { username: 'rita', password: PASSWORDS.reception });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/inbox');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/inbox/);
    // Plain http on loopback (development): no Secure flag, or the browser would drop the cookie.
    expect(cookie).not.toMatch(/Secure/);
    expect(c.cookie).not.toBe(before);
    expect((await c.get('/inbox')).status).toBe(200);
    const ok = await audit('inbox.signin.success');
    expect(ok).toHaveLength(1);
    expect(ok[0]?.actor).toBe('rita');
    expect(JSON.stringify(await audit())).not.toContain(PASSWORDS.reception);
  });

  it('sets Secure when a proxy says the request was https', async () => {
    const c = new Client(app.url);
    const res = await c.get('/inbox/signin', { 'X-Forwarded-Proto': 'https' });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('refuses a wrong password or an unknown name with one message, audited without the typed name of a non-account', async () => {
    const c = new Client(app.url);
    const wrong = await c.signIn('rita', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('The username or password is not right');
    const unknown = await c.signIn('clinician-pass-5678', 'whatever');
    expect(unknown.status).toBe(401);
    const failures = await audit('inbox.signin.failure');
    expect(failures.map((f) => f.actor)).toEqual(['rita', 'unknown']);
    expect(JSON.stringify(await audit())).not.toMatch(/not-the-password|clinician-pass-5678|whatever/);
  });

  it('locks an account after 5 failures in a row, even against the right password, until the lock-out ends', async () => {
    const c = new Client(app.url);
    for (let i = 0; i < 4; i++) expect((await c.signIn('rita', `bad-${i}`)).status).toBe(401);
    expect((await c.signIn('rita', 'bad-5')).status).toBe(429);
    const locked = await c.signIn('rita', PASSWORDS.reception);
    expect(locked.status).toBe(429);
    expect(locked.text).toContain('Too many failed sign-ins');
    expect((await audit('inbox.signin.locked')).length).toBe(2);
    app.clock.advance(15 * 60_000);
    expect((await c.signIn('rita', PASSWORDS.reception)).status).toBe(303);
  });

  it('refuses a sign-in form without its CSRF token', async () => {
    const c = new Client(app.url);
    await c.get('/inbox/signin');
    const res = await c.post('/inbox/signin', { username: 'rita', password: PASSWORDS.reception }, { csrf: false });
    expect(res.status).toBe(403);
    expect(await audit('inbox.signin.success')).toHaveLength(0);
    expect(await audit('inbox.csrf.rejected')).toHaveLength(1);
  });

  it('signs out: the old session no longer works', async () => {
    const c = new Client(app.url);
    await c.signIn('rita', PASSWORDS.reception);
    const old = c.cookie;
    await c.get('/inbox');
    expect((await c.post('/inbox/signout', {})).status).toBe(303);
    c.cookie = old;
    expect((await c.get('/inbox')).status).toBe(303);
    expect(await audit('inbox.signout')).toHaveLength(1);
  });
});

describe('inbox sessions', () => {
  it('sends a forged session to sign in (pages) or answers 401 (changes), with an audit line', async () => {
    const c = new Client(app.url);
    c.cookie = 'inbox_sid=forged-session-id-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const page = await c.get('/inbox');
    expect(page.status).toBe(303);
    expect(page.location).toBe('/inbox/signin?expired=1');
    c.cookie = 'inbox_sid=forged-session-id-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    await app.app.store.requests.put(routineRequest());
    const change = await c.post('/inbox/requests/req-0001/notes', { note: 'hello' }, { csrf: false });
    expect(change.status).toBe(401);
    expect((await app.app.store.requests.get('req-0001'))?.work).toBeUndefined();
    const rejected = await audit('inbox.session.rejected');
    expect(rejected.length).toBe(2);
    expect(rejected[0]?.detail?.reason).toBe('unknown-or-expired');
  });

  it('ends a session after 15 minutes without activity, and activity keeps it alive', async () => {
    const c = new Client(app.url);
    await c.signIn('rita', PASSWORDS.reception);
    app.clock.advance(14 * 60_000);
    expect((await c.get('/inbox')).status).toBe(200);
    app.clock.advance(14 * 60_000);
    expect((await c.get('/inbox')).status).toBe(200);
    app.clock.advance(15 * 60_000);
    const res = await c.get('/inbox');
    expect(res.status).toBe(303);
    expect(res.location).toBe('/inbox/signin?expired=1');
  });
});

describe('inbox changes', () => {
  let reception: Client;
  let clinician: Client;
  beforeEach(async () => {
    await app.app.store.requests.put(urgentRequest());
    reception = new Client(app.url);
    await reception.signIn('rita', PASSWORDS.reception);
    await reception.get('/inbox/requests/req-urgent');
    clinician = new Client(app.url);
    await clinician.signIn('dr.cole', PASSWORDS.clinician);
    await clinician.get('/inbox/requests/req-urgent');
  });

  it('refuses a change without the CSRF token, or with another session\'s, or from another site: 403, nothing changed, audited', async () => {
    expect((await reception.post('/inbox/requests/req-urgent/notes', { note: 'x' }, { csrf: false })).status).toBe(403);
    expect((await reception.post('/inbox/requests/req-urgent/notes', { note: 'x', _csrf: clinician.csrf }, { csrf: false })).status).toBe(403);
    expect((await reception.post('/inbox/requests/req-urgent/notes', { note: 'x' }, { headers: { Origin: 'https://evil.example' } })).status).toBe(403);
    expect((await app.app.store.requests.get('req-urgent'))?.work).toBeUndefined();
    expect((await audit('inbox.csrf.rejected')).map((e) => e.detail?.reason)).toEqual(['missing', 'mismatch', 'origin']);
  });

  it('refuses a re-grade by reception with 403 and changes nothing; a clinician re-grades with a reason', async () => {
    const denied = await reception.post('/inbox/requests/req-urgent/regrade', { tier: 'routine', reason: 'looks fine' });
    expect(denied.status).toBe(403);
    expect(denied.text).toContain('Only a clinician');
    expect((await app.app.store.requests.get('req-urgent'))?.work).toBeUndefined();
    expect((await audit('inbox.forbidden'))[0]).toMatchObject({ actor: 'rita', requestId: 'req-urgent' });

    expect((await clinician.post('/inbox/requests/req-urgent/regrade', { tier: 'routine', reason: '' })).status).toBe(400);
    const ok = await clinician.post('/inbox/requests/req-urgent/regrade', { tier: 'routine', reason: 'Stable on the phone' });
    expect(ok.status).toBe(303);
    const r = await app.app.store.requests.get('req-urgent');
    expect(r?.work?.regrades).toEqual([{ by: 'Dr Cole', at: expect.any(String), from: 'urgent', to: 'routine', reason: 'Stable on the phone' }]);
    expect(r?.triage.tier).toBe('urgent');
    expect((await audit('inbox.regrade'))[0]?.detail).toEqual({ bot: 'urgent', from: 'urgent', to: 'routine' });
  });

  it('moves status new → in progress → done, and done needs an outcome', async () => {
    expect((await reception.post('/inbox/requests/req-urgent/status', { status: 'in-progress' })).status).toBe(303);
    expect((await reception.post('/inbox/requests/req-urgent/status', { status: 'done', outcome: '' })).status).toBe(400);
    expect((await app.app.store.requests.get('req-urgent'))?.status).toBe('in-progress');
    expect((await reception.post('/inbox/requests/req-urgent/status', { status: 'done', outcome: 'appointment' })).status).toBe(303);
    const r = await app.app.store.requests.get('req-urgent');
    expect(r?.status).toBe('closed');
    expect(r?.work?.outcome).toBe('appointment');
    expect(r?.statusHistory.map((h) => `${h.status}:${h.by}`)).toEqual(['new:bot', 'in-progress:Rita Reception', 'closed:Rita Reception']);
    expect((await audit('inbox.status')).map((e) => e.detail?.to)).toEqual(['in-progress', 'closed']);
  });

  it('assigns to a listed person only, and adds bounded notes (a huge note is refused, nothing changed)', async () => {
    expect((await reception.post('/inbox/requests/req-urgent/assign', { assignee: 'Mallory' })).status).toBe(400);
    expect((await reception.post('/inbox/requests/req-urgent/assign', { assignee: 'Dr Cole' })).status).toBe(303);
    const huge = await reception.post('/inbox/requests/req-urgent/notes', { note: 'x'.repeat(5000) });
    expect(huge.status).toBe(413);
    expect(huge.text).toContain('up to 2000 characters');
    // Past the app's body limit (64 KiB) restify refuses it before the inbox sees it: still a 413, nothing stored.
    expect((await reception.post('/inbox/requests/req-urgent/notes', { note: 'x'.repeat(100_000) })).status).toBe(413);
    expect((await reception.post('/inbox/requests/req-urgent/notes', { note: 'Called, no answer' })).status).toBe(303);
    const r = await app.app.store.requests.get('req-urgent');
    expect(r?.work?.assignedTo).toBe('Dr Cole');
    expect(r?.work?.notes.map((n) => n.text)).toEqual(['Called, no answer']);
    // The audit line says a note was added, never what it says.
    expect(JSON.stringify(await audit())).not.toContain('Called, no answer');
    expect((await audit('inbox.note.rejected'))[0]?.detail).toEqual({ reason: 'too-long' });
  });

  it('answers 404 for a request that does not exist, with an audit line', async () => {
    expect((await reception.get('/inbox/requests/no-such-request')).status).toBe(404);
    expect((await reception.post('/inbox/requests/no-such-request/notes', { note: 'x' })).status).toBe(404);
    expect((await reception.get('/inbox/requests/..%2F..%2Fetc')).status).toBe(404);
    expect((await audit('inbox.request.missing')).length).toBe(3);
  });

  it('audits every view of a request and the FHIR download', async () => {
    const fhir = await reception.get('/inbox/requests/req-urgent/fhir');
    expect(fhir.status).toBe(200);
    expect(fhir.headers.get('content-disposition')).toContain('attachment');
    expect((JSON.parse(fhir.text) as { resourceType: string }).resourceType).toBe('Bundle');
    expect((await audit('inbox.request.view')).length).toBe(2);
    expect((await audit('inbox.request.fhir')).length).toBe(1);
  });
});

describe('inbox with hostile patient text', () => {
  it('shows <script> and "><img onerror> as text, never markup, under a strict CSP', async () => {
    const hostileName = '"><img src=x onerror=alert(1)>';
    await app.app.store.requests.put(
      routineRequest({
        id: 'req-html',
        reference: 'HTM-0001',
        patient: { name: hostileName },
        texts: [{ step: 'describe', text: SCRIPT_TEXT, lang: 'eng', at: '2026-11-25T09:01:00.000Z' }],
        answers: [{ questionId: 'describe', questionKey: 'dialog.q.describe', code: SCRIPT_TEXT, at: '2026-11-25T09:01:00.000Z' }],
      }),
    );
    const c = new Client(app.url);
    await c.signIn('rita', PASSWORDS.reception);
    for (const path of ['/inbox', '/inbox/requests/req-html', '/inbox/rows']) {
      const page = await c.get(path);
      expect(page.status).toBe(200);
      expect(page.text).not.toContain('<script>alert');
      expect(page.text).not.toContain('<img src=x');
      expect(page.text).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
      expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'.*script-src 'self'/);
    }
    expect((await c.get('/inbox/requests/req-html')).text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });
});
