import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { emergencyDiversion, forSomeoneElse, polishWithInterpreter, routineRequest, urgentRequest } from '../handoff/fixtures.js';
import { Client, PASSWORDS, startInboxApp } from './helpers.js';

let app: Awaited<ReturnType<typeof startInboxApp>>;
let c: Client;

/** Patient names in the order the queue lists them. */
const names = (html: string) => [...html.matchAll(/<a href="\/inbox\/requests\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);

beforeAll(async () => {
  app = await startInboxApp();
  const now = app.clock.now().getTime();
  const iso = (ms: number) => new Date(now + ms).toISOString();
  const s = app.app.store.requests;
  await s.put(routineRequest({ id: 'r-late', patient: { name: 'Late Routine' }, respondBy: iso(-2 * 3600_000 - 5 * 60_000) }));
  await s.put(routineRequest({ id: 'r-soon', patient: { name: 'Soon Routine' }, respondBy: iso(3600_000), need: 'need.admin' }));
  await s.put(urgentRequest({ patient: { name: 'Urgent Person' }, respondBy: iso(4 * 3600_000) }));
  await s.put(polishWithInterpreter({ respondBy: iso(2 * 3600_000) }));
  await s.put(forSomeoneElse({ respondBy: iso(3 * 3600_000) }));
  await s.put(emergencyDiversion({ patient: { name: 'Diverted Person' } }));
  await s.put(routineRequest({ id: 'r-closed', patient: { name: 'Closed Routine' } }));
  await s.setStatus('r-closed', 'closed', 'test', app.clock.now());
  c = new Client(app.url);
  await c.signIn('rita', PASSWORDS.reception);
});
afterAll(async () => {
  await app.stop();
});

describe('inbox queue', () => {
  it('lists open requests most urgent first, then by reply-by time', async () => {
    const page = await c.get('/inbox');
    expect(page.status).toBe(200);
    expect(names(page.text)).toEqual(['Diverted Person', 'Urgent Person', 'Late Routine', 'Soon Routine', 'Zofia Przykład', 'Sam Example']);
  });

  it('marks overdue requests in words, and shows red flag, interpreter and someone-else badges', async () => {
    const page = await c.get('/inbox');
    expect(page.text).toMatch(/<strong>Overdue<\/strong> by 2 h 5 min/);
    expect((page.text.match(/Overdue<\/strong>/g) ?? []).length).toBe(1);
    expect(page.text).toContain('Red flag: 1 answered yes');
    expect(page.text).toContain('Interpreter may be needed (Polish)');
    expect(page.text).toContain('For someone else (My child)');
    expect(page.text).toContain('Sent to emergency care');
  });

  it('filters by status, urgency and need; unknown filter values are ignored', async () => {
    expect(names((await c.get('/inbox?status=done')).text)).toEqual(['Closed Routine']);
    expect(names((await c.get('/inbox?urgency=urgent')).text)).toEqual(['Urgent Person']);
    expect(names((await c.get('/inbox?need=need.admin')).text)).toEqual(['Soon Routine']);
    expect(names((await c.get('/inbox?status=all')).text)).toHaveLength(7);
    expect(names((await c.get('/inbox?status=%3Cscript%3E&urgency=nope')).text)).toHaveLength(6);
  });

  it('serves rows for the live refresh only to a signed-in session', async () => {
    expect((await fetch(`${app.url}/inbox/rows`)).status).toBe(401);
    expect(names((await c.get('/inbox/rows?urgency=urgent')).text)).toEqual(['Urgent Person']);
  });
});
