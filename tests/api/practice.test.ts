import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import restify from 'restify';
import { registerPracticeApi, hashApiKey } from '../../src/api/practice/index.js';
import { fixedClock } from '../../src/clock.js';
import type { IntakeRequest } from '../../src/domain/types.js';
import { enqueueForDelivery } from '../../src/handoff/delivery/index.js';
import { toFhirBundle } from '../../src/handoff/fhir/index.js';
import { createLogger } from '../../src/observability/logger.js';
import { openLowdbStore, type Store } from '../../src/store/index.js';
import { formatErrors, validateFhir } from '../support/fhirValidator.js';
import { SCRIPT_TEXT, emergencyDiversion, englishText, htmlInText, routineRequest, urgentRequest } from '../handoff/fixtures.js';

const ADMIN = 'admin-key-0123456789abcdef';
const READER = 'reader-key-0123456789abcdef';
const logger = createLogger({ level: 'silent' });
const clock = fixedClock('2026-11-25T12:00:00.000Z');

let dir: string;
let store: Store;
let server: restify.Server;
let base: string;

async function call(method: string, path: string, opts: { key?: string | null; body?: unknown; accept?: string; auth?: string } = {}) {
  const headers: Record<string, string> = {};
  if (opts.auth !== undefined) headers.Authorization = opts.auth;
  else if (opts.key !== null) headers.Authorization = `Bearer ${opts.key ?? ADMIN}`;
  if (opts.accept) headers.Accept = opts.accept;
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(base + path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: JSON.parse(text) as Record<string, unknown> };
}

const at = (min: number) => new Date(Date.parse('2026-11-25T08:00:00.000Z') + min * 60_000).toISOString();
const req = (make: (o: Partial<IntakeRequest>) => IntakeRequest, id: string, minute: number, over: Partial<IntakeRequest> = {}) =>
  make({ id, reference: id.toUpperCase(), createdAt: at(minute - 5), submittedAt: at(minute), ...over });

beforeAll(async () => {
  // Compile the R4 schema up front: it blocks the event loop for seconds, which would otherwise
  // stall the server mid-test and break keep-alive sockets.
  validateFhir({}, 'Bundle');
  dir = await mkdtemp(join(tmpdir(), 'practice-api-'));
  store = await openLowdbStore({ dataDir: dir, retentionDays: 30, clock, logger });
  for (const r of [
    req(routineRequest, 'r-old', 0),
    req(routineRequest, 'r-new', 30),
    req(urgentRequest, 'u-late', 40),
    req(urgentRequest, 'u-early', 10),
    req(htmlInText, 'h-1', 20),
    req(emergencyDiversion, 'e-1', 50),
  ]) {
    await store.requests.put(r);
    await enqueueForDelivery(store, r, clock);
  }
  server = restify.createServer();
  registerPracticeApi(server, {
    store,
    clock,
    logger,
    apiKeys: [
      { name: 'practice-admin', sha256: hashApiKey(ADMIN) },
      { name: 'reception-display', sha256: hashApiKey(READER), scopes: ['read'] },
    ],
    toBundle: (r) => toFhirBundle(r, { englishText }),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('practice API auth', () => {
  it.each([
    ['no header', { key: null }],
    ['unknown key', { key: 'nope' }],
    ['wrong scheme', { auth: `Basic ${ADMIN}` }],
    ['empty bearer', { auth: 'Bearer ' }],
  ])('answers 401 with the same body whatever failed: %s', async (_n, opts) => {
    const r = await call('GET', '/api/practice/requests', opts);
    expect(r.status).toBe(401);
    expect(r.json).toEqual({ error: 'unauthorized', message: 'missing or invalid credentials' });
    expect(r.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('answers 403 when a valid key lacks the write scope, and lets it read', async () => {
    expect((await call('POST', '/api/practice/requests/r-old/status', { key: READER, body: { status: 'received' } })).status).toBe(403);
    expect((await call('GET', '/api/practice/requests', { key: READER })).status).toBe(200);
  });
});

describe('GET /api/practice/requests', () => {
  it('sorts by urgency (emergency first) then age (oldest first)', async () => {
    const r = await call('GET', '/api/practice/requests');
    expect(r.status).toBe(200);
    expect((r.json.items as { id: string }[]).map((i) => i.id)).toEqual(['e-1', 'u-early', 'u-late', 'r-old', 'h-1', 'r-new']);
    expect(r.json.total).toBe(6);
  });

  it('filters by urgency, status and since, and paginates', async () => {
    const urgent = await call('GET', '/api/practice/requests?urgency=urgent');
    expect((urgent.json.items as { id: string }[]).map((i) => i.id)).toEqual(['u-early', 'u-late']);
    const since = await call('GET', `/api/practice/requests?since=${encodeURIComponent(at(30))}`);
    expect((since.json.items as { id: string }[]).map((i) => i.id).sort()).toEqual(['e-1', 'r-new', 'u-late']);
    const page = await call('GET', '/api/practice/requests?limit=2&offset=2');
    expect(page.json).toMatchObject({ total: 6, limit: 2, offset: 2 });
    expect((page.json.items as { id: string }[]).map((i) => i.id)).toEqual(['u-late', 'r-old']);
    const byStatus = await call('GET', '/api/practice/requests?status=closed');
    expect(byStatus.json.items).toEqual([]);
  });

  it.each([
    ['limit above the maximum', '?limit=1000'],
    ['unknown urgency', '?urgency=whenever'],
    ['bad date', '?since=yesterday'],
    ['unknown parameter', '?sort=name'],
  ])('rejects a bad query with 400: %s', async (_n, qs) => {
    const r = await call('GET', `/api/practice/requests${qs}`);
    expect(r.status).toBe(400);
    expect(r.json.error).toBe('bad_request');
    expect(Array.isArray(r.json.issues)).toBe(true);
  });
});

describe('GET /api/practice/requests/:id', () => {
  it('returns the stored request as JSON with patient text verbatim, never as HTML', async () => {
    const r = await call('GET', '/api/practice/requests/h-1');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect((r.json.texts as { text: string }[])[0]?.text).toBe(SCRIPT_TEXT);
  });

  it('returns a FHIR Bundle that the R4 schema accepts when asked for application/fhir+json', async () => {
    const r = await call('GET', '/api/practice/requests/u-early', { accept: 'application/fhir+json' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expect(r.json.resourceType).toBe('Bundle');
    const errors = validateFhir(r.json, 'Bundle');
    expect(formatErrors(errors)).toBe('');
  });

  it('answers 404 for an unknown id', async () => {
    const r = await call('GET', '/api/practice/requests/does-not-exist');
    expect(r.status).toBe(404);
    expect(r.json.error).toBe('not_found');
  });

  it('audits every read with the key name', async () => {
    await call('GET', '/api/practice/requests/r-old', { key: READER });
    const entries = await store.audit.read('r-old');
    expect(entries.filter((e) => e.action === 'request.read').map((e) => e.actor)).toContain('reception-display');
    expect(entries.some((e) => e.action === 'request.list' && e.actor === 'practice-admin')).toBe(true);
  });
});

describe('POST /api/practice/requests/:id/status', () => {
  it('rejects an unknown status with 400 listing the allowed values', async () => {
    const r = await call('POST', '/api/practice/requests/r-old/status', { body: { status: 'done' } });
    expect(r.status).toBe(400);
    expect(r.json.allowed).toEqual(['received', 'in-progress', 'closed']);
    expect((await call('POST', '/api/practice/requests/r-old/status', { body: { status: 'new' } })).status).toBe(400);
  });

  it('answers 404 for an unknown id', async () => {
    expect((await call('POST', '/api/practice/requests/nope/status', { body: { status: 'received' } })).status).toBe(404);
  });

  it('records who and when, and audits the change', async () => {
    clock.set('2026-11-25T12:30:00.000Z');
    const r = await call('POST', '/api/practice/requests/u-early/status', { body: { status: 'in-progress', by: 'Dr Patel' } });
    expect(r.status).toBe(200);
    expect(r.json.status).toBe('in-progress');
    expect((r.json.statusHistory as unknown[]).at(-1)).toEqual({ status: 'in-progress', by: 'Dr Patel (via practice-admin)', at: '2026-11-25T12:30:00.000Z' });
    const audit = (await store.audit.read('u-early')).filter((e) => e.action === 'request.status');
    expect(audit.at(-1)).toMatchObject({ actor: 'practice-admin', detail: { from: 'new', to: 'in-progress' } });
    const inProgress = await call('GET', '/api/practice/requests?status=in-progress');
    expect((inProgress.json.items as { id: string }[]).map((i) => i.id)).toEqual(['u-early']);
  });
});

describe('deliveries', () => {
  it('lists the outbox (emergency diversions are not in it) and dead letters', async () => {
    await store.outbox.markFailed('r-new', 'HTTP 503', null);
    const r = await call('GET', '/api/practice/deliveries');
    expect(r.status).toBe(200);
    const ids = (r.json.items as { requestId: string }[]).map((e) => e.requestId);
    expect(ids).not.toContain('e-1');
    expect(r.json.deadLetters).toEqual(['r-new']);
    const dead = await call('GET', '/api/practice/deliveries?state=dead');
    expect((dead.json.items as { lastError: string }[])[0]?.lastError).toBe('HTTP 503');
    expect((await call('GET', '/api/practice/deliveries?state=lost')).status).toBe(400);
  });

  it('retries a dead letter (write scope), refuses diversions, 404s unknown ids', async () => {
    expect((await call('POST', '/api/practice/deliveries/r-new/retry', { key: READER })).status).toBe(403);
    const r = await call('POST', '/api/practice/deliveries/r-new/retry');
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ requestId: 'r-new', state: 'pending', attempts: 0 });
    expect((await call('POST', '/api/practice/deliveries/e-1/retry')).status).toBe(409);
    expect((await call('POST', '/api/practice/deliveries/nope/retry')).status).toBe(404);
    expect((await store.audit.read('r-new')).some((e) => e.action === 'delivery.retry' && e.actor === 'practice-admin')).toBe(true);
  });

  it('re-sends dead letters in bulk (write scope), never an emergency diversion, and audits each one', async () => {
    await store.outbox.markFailed('r-old', 'HTTP 503', null);
    await store.outbox.markFailed('u-early', 'HTTP 503', null);
    await store.outbox.enqueue('e-1', clock.now()); // a wiring mistake elsewhere, dead-lettered by the worker
    await store.outbox.markFailed('e-1', 'emergency diversion', null);
    const path = '/api/practice/deliveries/dead/resend';
    expect((await call('POST', path, { key: READER, body: {} })).status).toBe(403);
    expect((await call('POST', path, { body: { requestIds: 'r-old' } })).status).toBe(400);
    expect((await call('POST', path, { body: { everything: true } })).status).toBe(400);
    const r = await call('POST', path, { body: {} });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ resent: 2, skipped: 1, remaining: 0 });
    expect((r.json.items as { requestId: string; state: string; attempts: number }[]).map((e) => [e.requestId, e.state, e.attempts])).toEqual([
      ['r-old', 'pending', 0],
      ['u-early', 'pending', 0],
    ]);
    expect((await store.outbox.list('dead')).map((e) => e.requestId)).toEqual(['e-1']);
    expect((await store.audit.read('r-old')).some((e) => e.action === 'delivery.retry' && e.detail?.bulk === true)).toBe(true);
    expect((await store.audit.read()).filter((e) => e.action === 'deliveries.resend').map((e) => e.detail)).toEqual([{ resent: 2, skipped: 1, remaining: 0 }]);
  });
});

describe('when the app installs a global bodyParser', () => {
  it('still reads the status body (the API works with or without one)', async () => {
    const s2 = restify.createServer();
    s2.use(restify.plugins.bodyParser());
    registerPracticeApi(s2, { store, clock, logger, apiKeys: [{ name: 'k', sha256: hashApiKey(ADMIN) }], toBundle: (r) => toFhirBundle(r, { englishText }) });
    await new Promise<void>((resolve) => s2.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(s2.address() as AddressInfo).port}/api/practice/requests/r-old/status`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ status: 'received' }),
      });
      expect(res.status).toBe(200);
    } finally {
      s2.close();
    }
  });
});
