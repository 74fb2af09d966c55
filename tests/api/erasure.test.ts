import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import restify from 'restify';
import { hashApiKey, registerPracticeApi } from '../../src/api/practice/index.js';
import { fixedClock } from '../../src/clock.js';
import { enqueueForDelivery } from '../../src/handoff/delivery/index.js';
import { toFhirBundle } from '../../src/handoff/fhir/index.js';
import { createLogger } from '../../src/observability/logger.js';
import { openLowdbStore, type Store } from '../../src/store/index.js';
import { englishText, routineRequest } from '../handoff/fixtures.js';
import { filesContaining } from '../store/rawBytes.js';

const ERASER = 'eraser-key-0123456789abcdef';
const ADMIN = 'admin-key-0123456789abcdef';
const MARKER = 'Philippa-Marchbanks-9902';
const clock = fixedClock('2026-11-25T12:00:00.000Z');

let dir: string;
let store: Store;
let server: restify.Server;
let base: string;
const gated: string[] = [];

async function call(method: string, path: string, key = ERASER, body?: unknown) {
  const headers: Record<string, string> = { Authorization: `Bearer ${key}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

/** A patient's conversation (several turns) and the request it produced, queued for delivery. */
async function seedPatient(convId: string, requestId: string): Promise<string> {
  const marker = `${MARKER}-${requestId}`;
  for (let turn = 0; turn < 3; turn++) {
    await store.conversations.put({
      id: convId,
      machineVersion: '1',
      snapshot: { turn, context: { intake: { patient: { name: marker }, texts: [{ text: `I am ${marker} and it hurts` }] } } },
      createdAt: '2026-11-25T11:00:00.000Z',
      updatedAt: `2026-11-25T11:0${turn}:00.000Z`,
    });
  }
  const r = routineRequest({ id: requestId, conversationId: convId, patient: { name: marker, dateOfBirth: '1980-02-29' } });
  await store.requests.put(r);
  await enqueueForDelivery(store, r, clock);
  await store.outbox.markFailed(requestId, 'HTTP 500', null);
  await store.flush();
  return marker;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'erasure-api-'));
  store = await openLowdbStore({ dataDir: dir, retentionDays: 30, clock, logger: createLogger({ level: 'silent' }) });
  server = restify.createServer();
  registerPracticeApi(server, {
    store,
    clock,
    logger: createLogger({ level: 'silent' }),
    apiKeys: [
      { name: 'dpo', sha256: hashApiKey(ERASER), scopes: ['read', 'erase'] },
      { name: 'practice-admin', sha256: hashApiKey(ADMIN) },
    ],
    toBundle: (r) => toFhirBundle(r, { englishText }),
    conversationGate: (id, erase) => {
      gated.push(id);
      return erase();
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('DELETE /api/practice/requests/:id', () => {
  it('erases the request, its conversation (every version in the journal) and its dead letter: no byte left on disk', async () => {
    const marker = await seedPatient('webchat:patient-a', 'req-a');
    expect((await filesContaining(dir, marker)).length).toBeGreaterThan(1);

    const res = await call('DELETE', '/api/practice/requests/req-a');
    expect(res).toEqual({ status: 200, json: { erased: { requestIds: ['req-a'], conversation: true } } });
    await store.flush();
    expect(await filesContaining(dir, marker)).toEqual([]);
    expect(gated).toContain('webchat:patient-a');
    expect((await call('GET', '/api/practice/requests/req-a')).status).toBe(404);
    expect((await store.outbox.list('dead')).map((e) => e.requestId)).not.toContain('req-a');

    // Audited: who, when, which ids; nothing of what was erased.
    const audit = await store.audit.read('req-a');
    expect(audit.at(-1)).toMatchObject({ actor: 'dpo', action: 'request.erased', at: '2026-11-25T12:00:00.000Z' });
    expect(JSON.stringify(await store.audit.read())).not.toContain(MARKER);
    expect(JSON.stringify(await store.audit.read())).not.toContain('webchat:patient-a');
  });

  it('answers 404 to a second erasure (idempotent), and 400 to an id that cannot be one', async () => {
    await seedPatient('webchat:patient-b', 'req-b');
    expect((await call('DELETE', '/api/practice/requests/req-b')).status).toBe(200);
    expect((await call('DELETE', '/api/practice/requests/req-b')).status).toBe(404);
    expect((await call('DELETE', '/api/practice/requests/a%20b')).json).toMatchObject({ error: 'bad_request' });
    expect((await call('DELETE', '/api/practice/requests/a%00b')).status).toBe(400);
    expect((await call('POST', '/api/practice/erasures', ERASER, { requestId: 'req-b', conversationId: 'x' })).status).toBe(400);
    expect((await call('POST', '/api/practice/erasures', ERASER, { conversationId: 'a\u0000b' })).status).toBe(400);
  });

  it('needs the erase scope, which a key without scopes does not have', async () => {
    await seedPatient('webchat:patient-c', 'req-c');
    expect((await call('DELETE', '/api/practice/requests/req-c', ADMIN)).status).toBe(403);
    expect((await call('GET', '/api/practice/requests/req-c', ADMIN)).status).toBe(200);
  });
});

describe('POST /api/practice/erasures', () => {
  it('erases a conversation (a long channel id) and every request it produced', async () => {
    const convId = `msteams:a:${'1Xy'.repeat(60)}`;
    const marker = await seedPatient(convId, 'req-d');
    const res = await call('POST', '/api/practice/erasures', ERASER, { conversationId: convId });
    expect(res).toEqual({ status: 200, json: { erased: { requestIds: ['req-d'], conversation: true } } });
    await store.flush();
    expect(await filesContaining(dir, marker)).toEqual([]);
    expect(await store.conversations.get(convId)).toBeUndefined();
    expect(await store.requests.get('req-d')).toBeUndefined();
    expect((await store.audit.read()).filter((e) => e.action === 'conversation.erased' && e.detail?.target === 'conversation')).toHaveLength(1);
    expect((await call('POST', '/api/practice/erasures', ERASER, { conversationId: convId })).status).toBe(404);
  });

  it('erases a request given in the body, as DELETE does', async () => {
    await seedPatient('webchat:patient-e', 'req-e');
    expect((await call('POST', '/api/practice/erasures', ERASER, { requestId: 'req-e' })).json).toEqual({ erased: { requestIds: ['req-e'], conversation: true } });
    expect((await call('POST', '/api/practice/erasures', ADMIN, { requestId: 'req-e' })).status).toBe(403);
  });
});
