import { pino } from 'pino';
import { fixedClock } from '../../src/clock.js';
import { replyByAt } from '../../src/practice/replyBy.js';
import { createPracticeStatusSource } from '../../src/practice/statusSource.js';
import { createPostgresStore, openLowdbStore, type Store } from '../../src/store/index.js';
import type { PostgresStore } from '../../src/store/postgres/store.js';
import type { DemandFeed } from '../../src/store/types.js';
import { conversation, request, tempDir } from '../store/helpers.js';
import { createTestDatabase, describePg, type TestDatabase } from '../store/pg.js';
import { london, practiceConfig } from './fixtures.js';

const silent = pino({ level: 'silent' });
const clock = fixedClock('2026-12-08T10:00:00Z');

/** Today's demand against a real lowdb store: the busy notice follows stores, erasures and days. */
describe('busy day (busyDayThreshold) from the stored requests', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let dir: string;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    store = await openLowdbStore({ dataDir: dir, retentionDays: 30, clock });
  });
  afterEach(async () => {
    await store.close();
    await cleanup();
  });

  const put = (id: string, localTime: string, tier: 'routine' | 'urgent' = 'routine') =>
    store.requests.put({ ...request(id, { submittedAt: london(localTime).toISOString(), tier }), conversationId: `test:${id}` });

  it('is busy from the request that reaches the threshold, on that day only, and a new day starts at zero', async () => {
    const source = createPracticeStatusSource(practiceConfig({ busyDayThreshold: 3 }), clock, store.requests, silent);
    // Monday 7 December 2026: two requests, one of them just before midnight of the day before.
    await put('sun-late', '2026-12-06T23:59');
    await put('mon-1', '2026-12-07T09:00');
    await put('mon-2', '2026-12-07T09:05', 'urgent');
    expect((await source(london('2026-12-07T09:10'))).busyToday).toBe(false);
    await put('mon-3', '2026-12-07T09:11');
    // The third request of the day shows on the very next turn (a day not yet busy is counted each time).
    expect((await source(london('2026-12-07T09:11'))).busyToday).toBe(true);
    expect((await source(london('2026-12-07T17:00'))).busyToday).toBe(true);
    // Tuesday: nothing yet today, whatever Monday had.
    expect((await source(london('2026-12-08T08:00'))).busyToday).toBe(false);
    await put('tue-1', '2026-12-08T08:01');
    await put('tue-2', '2026-12-08T08:02');
    expect((await source(london('2026-12-08T08:03'))).busyToday).toBe(false);
    await put('tue-3', '2026-12-08T08:03');
    expect((await source(london('2026-12-08T08:03'))).busyToday).toBe(true);
    // Back to Monday (a clock moved back): counted again, still busy; its late Sunday request never counted.
    expect((await source(london('2026-12-07T10:00'))).busyToday).toBe(true);
    expect((await source(london('2026-12-06T23:59'))).busyToday).toBe(false);
  });

  it('an erased request lowers the count: not busy any more within 30 seconds', async () => {
    const source = createPracticeStatusSource(practiceConfig({ busyDayThreshold: 2 }), clock, store.requests, silent);
    await put('a', '2026-12-07T09:00');
    await put('b', '2026-12-07T09:01');
    expect((await source(london('2026-12-07T09:02'))).busyToday).toBe(true);
    await store.erase({ requestId: 'b' });
    const later = new Date(london('2026-12-07T09:02').getTime() + 30_000);
    expect((await source(later)).busyToday).toBe(false);
    await put('c', '2026-12-07T09:03');
    expect((await source(london('2026-12-07T09:03'))).busyToday).toBe(true);
  });

  it('counts once per 30 seconds on a busy day, and on every turn of a day that is not busy', async () => {
    let counts = 0;
    const counting = {
      countSubmitted: (from: Date, to: Date, tiers: Parameters<Store['requests']['countSubmitted']>[2]) => {
        counts += 1;
        return store.requests.countSubmitted(from, to, tiers);
      },
    };
    const source = createPracticeStatusSource(practiceConfig({ busyDayThreshold: 1 }), clock, counting, silent);
    const t0 = london('2026-12-07T09:00').getTime();
    for (let s = 0; s < 10; s++) expect((await source(new Date(t0 + s * 1000))).busyToday).toBe(false);
    expect(counts).toBe(10);
    await put('a', '2026-12-07T09:00');
    counts = 0;
    // 100 turns over 50 seconds: counted at 10 s and at 40 s only.
    for (let i = 0; i < 100; i++) expect((await source(new Date(t0 + 10_000 + i * 500))).busyToday).toBe(true);
    expect(counts).toBe(2);
    // 20 turns at once when the count is due again share one count.
    const together = await Promise.all(Array.from({ length: 20 }, () => source(new Date(t0 + 75_000))));
    expect(together.every((s) => s.busyToday)).toBe(true);
    expect(counts).toBe(3);
  });
});

describe('reply-by times kept between the instants they change', () => {
  it('match replyByAt every 5 minutes and the millisecond before, on a working day with a closure starting inside core hours and on a weekend day', async () => {
    const config = practiceConfig({
      replyBy: { urgentCutOff: '16:00', urgentNextDayBy: '10:00' },
      exceptionalClosures: [{ from: '2026-12-08T13:30', until: '2026-12-08T14:15', reason: 'Training' }],
    });
    const source = createPracticeStatusSource(config, clock, { countSubmitted: async () => 0 }, silent);
    for (const day of ['2026-12-08', '2026-12-12']) {
      const start = london(`${day}T00:00`).getTime();
      // Every boundary (08:00, 13:30, 14:15, 16:00, 18:30, midnight) is on a 5-minute mark.
      for (let t = start; t < start + 24 * 3600_000; t += 300_000) {
        for (const now of [new Date(t), new Date(t + 299_999)]) {
          expect([now.toISOString(), (await source(now)).replyBy]).toEqual([now.toISOString(), replyByAt(config, now)]);
        }
      }
    }
  });
});

/**
 * On a store several processes share (PostgreSQL): two stores on one database stand for two
 * processes. This process's own requests show at once; the others' within 5 s (30 s once busy); the
 * store is looked at no more often than that, and never counts a request twice.
 */
describePg('busy day on a shared store (PostgreSQL, two processes)', () => {
  let db: TestDatabase;
  let here: PostgresStore;
  let there: PostgresStore;
  let looks = 0;
  const t0 = london('2026-12-07T09:00').getTime();
  const at = (s: number) => new Date(t0 + s * 1000);

  beforeEach(async () => {
    db = await createTestDatabase();
    const open = () => createPostgresStore({ connectionString: db.url, retentionDays: 30, clock, connect: { attempts: 1 } });
    [here, there] = await Promise.all([open(), open()]);
    looks = 0;
  });
  afterEach(async () => {
    await Promise.all([here.close(), there.close()]);
    await db.drop();
  });

  /** This store's feed, counting the looks at the store. */
  const feedOf = (store: PostgresStore): DemandFeed => ({
    submittedIds: (from, to, tiers, limit) => {
      looks += 1;
      return store.demandFeed.submittedIds(from, to, tiers, limit);
    },
    onStored: (listener) => store.demandFeed.onStored(listener),
  });
  const sourceOn = (store: PostgresStore, threshold: number) =>
    createPracticeStatusSource(practiceConfig({ busyDayThreshold: threshold }), clock, store.requests, silent, feedOf(store));
  const req = (id: string, localTime: string) => ({ ...request(id, { submittedAt: london(localTime).toISOString() }), conversationId: `test:${id}` });
  /** A turn that stores a request, as conversationService commits one. */
  const storeVia = (store: PostgresStore, id: string, localTime: string) =>
    store.turn(`test:${id}`, (s) => s.commit({ conversation: conversation(`test:${id}`), requests: [req(id, localTime)], audit: () => [], last: true }));

  it("shows this process's own request that reaches the threshold on the next turn, without looking at the store again", async () => {
    const source = sourceOn(here, 3);
    expect((await source(at(0))).busyToday).toBe(false);
    expect(looks).toBe(1);
    await storeVia(here, 'a', '2026-12-07T09:00');
    await here.requests.put(req('b', '2026-12-07T09:00'));
    // Yesterday's and tomorrow's do not count.
    await storeVia(here, 'y', '2026-12-06T23:59');
    await storeVia(here, 'z', '2026-12-08T00:01');
    expect((await source(at(1))).busyToday).toBe(false);
    await storeVia(here, 'c', '2026-12-07T09:01');
    expect((await source(at(2))).busyToday).toBe(true);
    expect(looks).toBe(1);
  });

  it("sees another process's requests within 5 seconds, and counts a request the look also saw once", async () => {
    const source = sourceOn(here, 3);
    await storeVia(here, 'mine-1', '2026-12-07T08:59');
    expect((await source(at(0))).busyToday).toBe(false); // the look sees mine-1: one, not two
    await storeVia(there, 'theirs-1', '2026-12-07T09:00');
    await storeVia(here, 'mine-2', '2026-12-07T09:00');
    expect((await source(at(4))).busyToday).toBe(false); // theirs-1 not seen yet: two known
    expect(looks).toBe(1);
    expect((await source(at(5))).busyToday).toBe(true); // looked again: mine-1, theirs-1, mine-2
    expect(looks).toBe(2);
  });

  it('once busy, looks every 30 seconds (an erasure shows then); 20 turns at once share one look', async () => {
    const source = sourceOn(here, 2);
    await storeVia(there, 'a', '2026-12-07T08:00');
    await storeVia(there, 'b', '2026-12-07T08:01');
    for (let s = 0; s < 30; s++) expect((await source(at(s))).busyToday).toBe(true);
    expect(looks).toBe(1);
    await there.erase({ requestId: 'b' });
    const together = await Promise.all(Array.from({ length: 20 }, () => source(at(30))));
    expect(together.every((x) => !x.busyToday)).toBe(true);
    expect(looks).toBe(2);
  });

  it("forgets an own request that was erased, and a clock moved back to an earlier day looks afresh", async () => {
    const source = sourceOn(here, 2);
    expect((await source(at(0))).busyToday).toBe(false);
    await storeVia(here, 'a', '2026-12-07T09:00');
    await storeVia(here, 'b', '2026-12-07T09:00');
    expect((await source(at(1))).busyToday).toBe(true);
    await here.erase({ requestId: 'b' });
    expect((await source(at(6))).busyToday).toBe(false); // looked again: only a
    await storeVia(there, 'mon', '2026-12-06T10:00');
    await storeVia(there, 'mon2', '2026-12-06T11:00');
    expect((await source(london('2026-12-06T12:00'))).busyToday).toBe(true);
    expect((await source(at(7))).busyToday).toBe(false);
  });
});
