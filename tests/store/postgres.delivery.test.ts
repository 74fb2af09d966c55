import { fixedClock } from '../../src/clock.js';
import type { IntakeRequest } from '../../src/domain/types.js';
import { createDeliveryWorker } from '../../src/handoff/delivery/index.js';
import { toFhirBundle } from '../../src/handoff/fhir/index.js';
import { createLogger } from '../../src/observability/logger.js';
import { createStore, type Store } from '../../src/store/index.js';
import { englishText, routineRequest } from '../handoff/fixtures.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { createTestDatabase, describePg, type TestDatabase } from './pg.js';

const SECRET = 'test-secret-please-change';
const logger = createLogger({ level: 'silent' });
const clock = fixedClock('2026-11-25T10:00:00.000Z');
beforeEach(() => clock.set('2026-11-25T10:00:00.000Z'));

describePg('delivery workers of two processes on one PostgreSQL outbox', () => {
  let db: TestDatabase;
  let receiver: Receiver;
  const stores: Store[] = [];

  beforeEach(async () => {
    db = await createTestDatabase();
    receiver = await startReceiver({ secret: SECRET });
  });

  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    await receiver.close();
    await db.drop();
  });

  const open = async (): Promise<Store> => {
    const store = await createStore({ databaseUrl: db.url, dataDir: '/nonexistent', retentionDays: 30, clock, logger, connect: { attempts: 1 } });
    stores.push(store);
    return store;
  };

  const worker = (store: Store) =>
    createDeliveryWorker({
      store,
      clock,
      logger,
      random: () => 0.5,
      toBundle: (r: IntakeRequest) => toFhirBundle(r, { englishText }),
      batchSize: 4,
      webhook: { url: receiver.url, secret: SECRET, timeoutMs: 5000, maxAgeMs: 3_600_000 },
    });

  it('delivers every request exactly once while both run at the same time', async () => {
    const a = await open();
    const b = await open();
    expect(a.shared).toBe(true);
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) {
      const request = routineRequest({ id: `req-${i}`, conversationId: `conv-${i}` });
      ids.push(request.id);
      await (i % 2 === 0 ? a : b).turn(request.conversationId, (s) =>
        s.commit({
          conversation: { id: request.conversationId, machineVersion: '1', snapshot: {}, createdAt: clock.now().toISOString(), updatedAt: clock.now().toISOString() },
          requests: [request],
          enqueueAt: clock.now(),
          audit: (r) => ({ at: clock.now().toISOString(), actor: 'bot', action: 'request.stored', requestId: r.id }),
        }),
      );
    }
    // Slow answers keep both workers' runs overlapping.
    receiver.setMode('slow', { slowMs: 15 });
    const wa = worker(a);
    const wb = worker(b);
    let delivered = 0;
    for (let round = 0; round < 20 && delivered < ids.length; round++) {
      const [ra, rb] = await Promise.all([wa.runOnce(), wb.runOnce()]);
      delivered += ra.delivered + rb.delivered;
    }
    expect(delivered).toBe(ids.length);
    expect(receiver.attempts).toHaveLength(ids.length);
    expect([...receiver.stored.values()].every((s) => s.count === 1)).toBe(true);
    expect((await a.outbox.list('delivered')).map((e) => e.requestId).sort()).toEqual([...ids].sort());
  });

  it('delivers an entry whose worker died mid-delivery once its lease runs out, not before', async () => {
    const a = await open();
    const b = await open();
    const request = routineRequest({ id: 'req-orphan', conversationId: 'conv-orphan' });
    await a.requests.put(request);
    await a.outbox.enqueue(request.id, clock.now());
    // Process A's worker claimed it and was killed before it could mark anything.
    const leaseMs = 5000 + 30_000;
    expect(await a.outbox.claim(clock.now(), 1, leaseMs)).toHaveLength(1);
    const wb = worker(b);
    expect((await wb.runOnce()).attempted).toBe(0);
    clock.advance(leaseMs);
    expect(await wb.runOnce()).toMatchObject({ attempted: 1, delivered: 1 });
    expect(receiver.attempts).toHaveLength(1);
  });
});
