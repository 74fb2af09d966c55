import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { IntakeRequest, Tier } from '../../src/domain/types.js';
import { compareForInbox } from '../../src/inbox/queue.js';
import { qualityCsv, qualityReport, wilson } from '../../src/inbox/quality.js';
import { polishWithInterpreter, routineRequest, urgentRequest } from '../handoff/fixtures.js';
import { Client, PASSWORDS, startInboxApp } from './helpers.js';

const regraded = (r: IntakeRequest, to: Tier): IntakeRequest => ({
  ...r,
  work: { notes: [], regrades: [{ by: 'Dr Cole', at: r.submittedAt, from: r.triage.tier, to, reason: 'r' }] },
});

describe('triage quality', () => {
  it('gives 95% Wilson intervals that match published values', () => {
    const a = wilson(0, 10);
    expect(a?.low).toBe(0);
    expect(a?.high).toBeCloseTo(0.2775, 4);
    const b = wilson(5, 10);
    expect(b?.low).toBeCloseTo(0.2366, 4);
    expect(b?.high).toBeCloseTo(0.7634, 4);
    expect(wilson(0, 0)).toBeNull();
  });

  it('counts only re-graded requests in the period: confusion matrix, under- and over-triage by complaint and language', () => {
    const all = [
      regraded(urgentRequest({ id: 'a' }), 'emergency'), // under
      regraded(urgentRequest({ id: 'b' }), 'urgent'), // agree
      regraded(routineRequest({ id: 'c' }), 'selfcare'), // over
      regraded(polishWithInterpreter({ id: 'd' }), 'urgent'), // under
      routineRequest({ id: 'e' }), // not reviewed
      regraded(routineRequest({ id: 'f', submittedAt: '2026-12-01T00:00:00.000Z' }), 'urgent'), // outside
    ];
    const report = qualityReport(all, new Date('2026-11-25T00:00:00.000Z'), new Date('2026-11-26T00:00:00.000Z'));
    expect(report.requests).toBe(5);
    expect(report.overall).toMatchObject({ reviewed: 4, agree: 1, under: { count: 2, rate: 0.5 }, over: { count: 1, rate: 0.25 } });
    expect(report.matrix.urgent).toEqual({ emergency: 1, urgent: 1, routine: 0, selfcare: 0 });
    expect(report.matrix.routine).toEqual({ emergency: 0, urgent: 1, routine: 0, selfcare: 1 });
    expect(report.byComplaint.find((g) => g.group === 'breathing')).toMatchObject({ reviewed: 2, under: { count: 1 } });
    expect(report.byLanguage.find((g) => g.group === 'pol')).toMatchObject({ reviewed: 1, under: { count: 1, rate: 1 } });
    const csv = qualityCsv(report);
    expect(csv.split('\r\n')[1]).toMatch(/^"all","all",4,1,2,0\.5000,0\.1500,0\.8500,1,0\.2500,/);
  });

  it('sorts the queue most urgent first (a re-grade counts), then by reply-by time, then oldest', () => {
    const r = (id: string, tier: Tier, respondBy: string | undefined, submittedAt = '2026-11-25T09:00:00.000Z') =>
      routineRequest({ id, submittedAt, triage: { tier, disposition: 'gp_routine', ruleIds: [], rules: [], rulesetVersion: 't' }, ...(respondBy ? { respondBy } : {}) });
    const items = [
      r('routine-late', 'routine', '2026-11-27T18:30:00.000Z'),
      r('routine-soon', 'routine', '2026-11-26T18:30:00.000Z'),
      r('urgent', 'urgent', '2026-11-25T18:30:00.000Z'),
      regraded(r('regraded-up', 'routine', '2026-11-28T18:30:00.000Z'), 'emergency'),
      r('routine-no-reply-by', 'routine', undefined, '2026-11-20T09:00:00.000Z'),
    ];
    expect(items.sort(compareForInbox).map((x) => x.id)).toEqual(['regraded-up', 'urgent', 'routine-soon', 'routine-late', 'routine-no-reply-by']);
  });
});

describe('triage quality over HTTP', () => {
  let app: Awaited<ReturnType<typeof startInboxApp>>;
  beforeAll(async () => {
    app = await startInboxApp();
    await app.app.store.requests.put(regraded(urgentRequest(), 'routine'));
  });
  afterAll(async () => {
    await app.stop();
  });

  it('serves the page, JSON and CSV for a period to signed-in staff only, audited', async () => {
    expect((await fetch(`${app.url}/inbox/api/quality`)).status).toBe(401);
    const c = new Client(app.url);
    await c.signIn('rita', PASSWORDS.reception);
    const q = '?from=2026-11-01&to=2026-11-30';
    const json = JSON.parse((await c.get(`/inbox/api/quality${q}`, { Accept: 'application/json' })).text) as { overall: { over: { count: number } } };
    expect(json.overall.over.count).toBe(1);
    const csv = await c.get(`/inbox/quality.csv${q}`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain('triage-quality-2026-11-01-to-2026-11-30.csv');
    expect(csv.text).toContain('"urgent",0,0,1,0');
    const page = await c.get(`/inbox/quality${q}`);
    expect(page.text).toContain('100.0% (1 of 1;');
    expect((await c.get('/inbox/quality?from=2026-11-30&to=2026-11-01')).status).toBe(400);
    const actions = (await app.app.store.audit.read()).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['inbox.quality.api', 'inbox.quality.csv', 'inbox.quality.view']));
  });

  it('streams a queue event to an open page when a request arrives (server-sent events)', async () => {
    const c = new Client(app.url);
    await c.signIn('rita', PASSWORDS.reception);
    const controller = new AbortController();
    const res = await fetch(`${app.url}/inbox/events`, { headers: { Cookie: c.cookie }, signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    // Let the hub take its first look before the request arrives.
    while (!text.includes(': tick')) text += new TextDecoder().decode((await reader.read()).value);
    await app.app.store.requests.put(routineRequest({ id: 'req-new', submittedAt: app.clock.now().toISOString() }));
    while (!text.includes('event: queue')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('data: {"kind":"new","count":1}');
    // Nothing about the patient travels in the event.
    expect(text).not.toContain('Alex');
    controller.abort();
    const none = await fetch(`${app.url}/inbox/events`);
    expect(none.status).toBe(401);
  });
});
