import pg from 'pg';
import { fixedClock } from '../../src/clock.js';
import { MigrationError, StoreUnavailableError, createPostgresStore, loadMigrations, type Store } from '../../src/store/index.js';
import { migrate } from '../../src/store/postgres/migrate.js';
import { T0, conversation, request } from './helpers.js';
import { DATABASE_URL, createTestDatabase, describePg, type TestDatabase } from './pg.js';
import { startTcpProxy } from './tcpProxy.js';

const clock = fixedClock(T0);
const open = (url: string, extra: Partial<Parameters<typeof createPostgresStore>[0]> = {}): Promise<Store> =>
  createPostgresStore({ connectionString: url, retentionDays: 30, clock, connect: { attempts: 1 }, ...extra });


/** A turn that holds its conversation's lock until released: `entered` marks it inside, `inside` resolves then. */
function lockGate() {
  let release!: () => void;
  let entered!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const inside = new Promise<void>((resolve) => (entered = resolve));
  return { gate, inside, entered, release };
}
/** Counts the round trips of every client the store's pool hands out; the returned function reads and resets the count. */
function countQueries(store: Store): () => number {
  let queries = 0;
  const counted = new WeakSet<object>();
  (store as unknown as { pool: pg.Pool }).pool.on('acquire', (client) => {
    if (counted.has(client)) return;
    counted.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      queries += 1;
      return query(...args);
    };
  });
  return () => {
    const n = queries;
    queries = 0;
    return n;
  };
}

describePg('PostgreSQL store', () => {
  let db: TestDatabase;
  const stores: Store[] = [];
  const opened = async (url = db.url, extra: Partial<Parameters<typeof createPostgresStore>[0]> = {}): Promise<Store> => {
    const s = await open(url, extra);
    stores.push(s);
    return s;
  };

  beforeEach(async () => {
    db = await createTestDatabase();
  });

  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close().catch(() => undefined)));
    await db.drop();
  });

  describe('migrations', () => {
    it('builds the schema on an empty database, once, even when two processes start together', async () => {
      const [a, b] = await Promise.all([opened(), opened()]);
      expect(a.shared).toBe(true);
      const versions = await db.sql<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
      expect(versions).toEqual(loadMigrations().map((m) => ({ version: m.version, name: m.name })));
      expect(versions.length).toBeGreaterThanOrEqual(2);
      await a.requests.put(request('r1'));
      expect(await b.requests.get('r1')).toEqual(request('r1'));
    });

    it('migrates data stored under the previous schema and reads it back', async () => {
      const pool = new pg.Pool({ connectionString: db.url });
      const all = loadMigrations();
      // The schema before reply-by, rank and lease (002); later migrations add tables of their own.
      await migrate(pool, { migrations: all.filter((m) => m.version === 1) });
      await pool.end();
      // Rows as version 001 stored them (no reply-by or rank column, no outbox lease).
      const urgent = { ...request('u1', { tier: 'urgent', submittedAt: '2026-03-02T10:00:00.000Z' }), respondBy: '2026-03-02T18:30:00.000Z' };
      const routine = request('r1', { tier: 'routine', submittedAt: '2026-03-02T08:00:00.000Z' });
      for (const r of [urgent, routine]) {
        await db.sql(
          `INSERT INTO requests (id, conversation_id, kind, status, tier, created_at, submitted_at, request) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [r.id, r.conversationId, r.kind, r.status, r.triage.tier, r.createdAt, r.submittedAt, JSON.stringify(r)],
        );
      }
      await db.sql(`INSERT INTO outbox (request_id, idempotency_key, state, attempts, next_attempt_at, created_at) VALUES ('u1', 'k', 'pending', 0, $1, $1)`, [T0]);
      await db.sql('INSERT INTO conversations (id, record, created_at, updated_at) VALUES ($1, $2, $3, $3)', ['c1', JSON.stringify(conversation('c1')), T0]);

      const store = await opened();
      expect((await db.sql<{ version: number }>('SELECT max(version)::int AS version FROM schema_migrations'))[0]?.version).toBe(all.length);
      expect(await store.conversations.get('c1')).toEqual(conversation('c1'));
      expect(await store.requests.get('u1')).toEqual(urgent);
      expect((await store.requests.list({ limit: 10, offset: 0 })).items.map((r) => r.id)).toEqual(['u1', 'r1']);
      const [row] = await db.sql<{ respond_by: Date; tier_rank: number }>(`SELECT respond_by, tier_rank FROM requests WHERE id = 'u1'`);
      expect([row?.respond_by.toISOString(), row?.tier_rank]).toEqual(['2026-03-02T18:30:00.000Z', 2]);
      expect((await store.outbox.claim(new Date(T0), 10, 60_000)).map((e) => e.requestId)).toEqual(['u1']);
      // 005: the hour column is filled for rows stored before it, and the queries that narrow by it find them.
      const [hour] = await db.sql<{ updated_hour: Date }>(`SELECT updated_hour FROM conversations WHERE id = 'c1'`);
      expect(hour?.updated_hour.toISOString()).toBe(new Date(Math.floor(Date.parse(T0) / 3_600_000) * 3_600_000).toISOString());
      expect(await store.conversations.countActiveSince(new Date(Date.parse(T0) - 1))).toBe(1);
      expect(await store.conversations.countActiveSince(new Date(Date.parse(T0) + 1))).toBe(0);
    });

    it("keeps a turn's rewrite of its conversation in the row and on its page (HOT, no TOAST), and still finds it by time", async () => {
      const store = await opened();
      // A record over 2 kB compressed (the size that went to TOAST before 005), as a record by the end of an intake
      // is (~3 kB): words in no order. Two versions of it fit in one page, so the update can be HOT.
      let seed = 7;
      const words = Array.from({ length: 60 }, (_, i) => `word${i.toString(36)}`);
      const noise = Array.from({ length: 800 }, () => words[(seed = (seed * 48271) % 2147483647) % words.length]).join(' ');
      const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
      for (let turn = 0; turn < 6; turn++) {
        await store.turn('c1', async (session) => {
          await session.commit({ conversation: { ...conversation('c1'), snapshot: { noise, turn }, updatedAt: at(turn) }, requests: [], audit: () => [] });
        });
      }
      const [row] = await db.sql<{ stored: number; text: number }>(`SELECT pg_column_size(record) AS stored, octet_length(record::text) AS text FROM conversations WHERE id = 'c1'`);
      expect(row?.stored).toBeGreaterThan(2100);
      expect(row?.stored).toBeLessThan(row?.text ?? 0);
      const [toast] = await db.sql<{ toast: string }>(`SELECT reltoastrelid::regclass::text AS toast FROM pg_class WHERE oid = 'conversations'::regclass`);
      expect(await db.sql(`SELECT 1 FROM ${toast?.toast ?? 'missing'} LIMIT 1`)).toEqual([]);
      // Turns 1–5 updated the row. The statistics are sent when the store's connections end.
      await store.close();
      let stats: { upd: number; hot: number } | undefined;
      for (let i = 0; i < 50 && (stats?.upd ?? 0) < 5; i++) {
        if (i > 0) await new Promise((r) => setTimeout(r, 100));
        [stats] = await db.sql<{ upd: number; hot: number }>(
          `SELECT n_tup_upd::int AS upd, n_tup_hot_upd::int AS hot FROM pg_stat_user_tables WHERE relname = 'conversations'`,
        );
      }
      expect(stats).toEqual({ upd: 5, hot: 5 });
      const again = await opened();
      expect(await again.conversations.countActiveSince(new Date(at(5)))).toBe(1);
      expect(await again.conversations.countActiveSince(new Date(Date.parse(at(5)) + 1))).toBe(0);
    });

    it('compresses the JSONB columns with LZ4 (a record rewritten every turn)', async () => {
      await opened();
      const rows = await db.sql<{ col: string; compression: string }>(
        `SELECT attrelid::regclass || '.' || attname AS col, attcompression::text AS compression FROM pg_attribute
         WHERE attrelid IN ('conversations'::regclass, 'requests'::regclass, 'audit'::regclass, 'directline_transcripts'::regclass)
           AND atttypid = 'jsonb'::regtype ORDER BY 1`,
      );
      // 'l' where the server has LZ4 (PostgreSQL 15 as packaged by Debian, and CI, do); '' (pglz) otherwise.
      const lz4 = (await db.sql<{ ok: boolean }>(`SELECT EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) AS ok`))[0]?.ok;
      expect(rows).toEqual(['audit.entry', 'conversations.record', 'directline_transcripts.activity', 'requests.request'].map((col) => ({ col, compression: lz4 ? 'l' : '' })));
    });

    it('a failing migration stops start-up and leaves nothing of itself behind', async () => {
      const broken = [...loadMigrations(), { version: 99, name: 'broken', sql: 'CREATE TABLE half_done (x int); ALTER TABLE requests ADD COLUMN y int; SELECT no_such_function();' }];
      const failed = await open(db.url, { migrations: broken }).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(failed).toBeInstanceOf(MigrationError);
      expect((failed as MigrationError).message).toMatch(/099_broken failed and was rolled back/);
      expect(await db.sql(`SELECT 1 FROM pg_tables WHERE tablename = 'half_done'`)).toEqual([]);
      expect(await db.sql(`SELECT 1 FROM information_schema.columns WHERE table_name = 'requests' AND column_name = 'y'`)).toEqual([]);
      expect((await db.sql<{ v: number }>('SELECT max(version)::int AS v FROM schema_migrations'))[0]?.v).toBe(loadMigrations().length);
      // The good migrations before it stand; a start-up with the fixed set works.
      const store = await opened();
      expect(await store.checkWritable()).toBe(true);
    });

    it('refuses to start when an applied migration was edited afterwards', async () => {
      await (await opened()).close();
      const edited = loadMigrations().map((m) => (m.version === 1 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
      await expect(open(db.url, { migrations: edited })).rejects.toThrow(/has changed since/);
    });
  });

  describe('many processes on one database', () => {
    it('serialises turns of one conversation across two pools: no turn is lost', async () => {
      const a = await opened();
      const b = await opened();
      let inside = 0;
      let most = 0;
      const step = (store: Store) =>
        store.turn('c1', async (session) => {
          inside += 1;
          most = Math.max(most, inside);
          const count = (session.record?.snapshot as { count?: number } | undefined)?.count ?? 0;
          await new Promise((resolve) => setTimeout(resolve, 2));
          await session.commit({ conversation: { ...conversation('c1'), snapshot: { count: count + 1 } }, requests: [], audit: () => [] });
          inside -= 1;
        });
      await Promise.all(Array.from({ length: 30 }, (_, i) => step(i % 2 === 0 ? a : b)));
      expect(most).toBe(1);
      expect((await a.conversations.get('c1'))?.snapshot).toEqual({ count: 30 });
    });

    it('turns that query through the pool while they hold a connection never starve it', async () => {
      const store = await opened(db.url, { poolSize: 4 });
      const counts = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          store.turn(`c${i}`, async (s) => {
            // What a turn does when it works out the practice's capacity for the reply.
            const n = await store.requests.countSubmitted(new Date('2026-03-01T00:00:00Z'), new Date('2026-03-03T00:00:00Z'), ['routine']);
            await s.commit({ conversation: conversation(`c${i}`), requests: [], audit: () => [] });
            return n;
          }),
        ),
      );
      expect(counts).toEqual(Array.from({ length: 12 }, () => 0));
      expect(await store.conversations.countActiveSince(new Date('2026-01-01T00:00:00Z'))).toBe(12);
    });

    it("two pools' delivery workers never claim one entry", async () => {
      const a = await opened();
      const b = await opened();
      const ids = Array.from({ length: 120 }, (_, i) => `r${String(i).padStart(3, '0')}`);
      for (const id of ids) await a.outbox.enqueue(id, new Date(T0));
      const now = new Date('2026-03-02T10:00:00Z');
      const drain = async (store: Store): Promise<string[]> => {
        const got: string[] = [];
        for (;;) {
          const batch = await store.outbox.claim(now, 7, 600_000);
          if (batch.length === 0) return got;
          got.push(...batch.map((e) => e.requestId));
        }
      };
      const [fromA, fromB] = await Promise.all([drain(a), drain(b)]);
      expect(fromA.filter((id) => fromB.includes(id))).toEqual([]);
      expect([...fromA, ...fromB].sort()).toEqual(ids);
    });

    it('one process sweeps at a time', async () => {
      const store = await opened();
      const holder = new pg.Client({ connectionString: db.url });
      await holder.connect();
      try {
        // The sweep lock, held as another process would hold it.
        await holder.query('SELECT pg_advisory_lock(1735422818, 2)');
        expect(await store.sweep(new Date(T0))).toEqual({ conversations: 0, requests: 0, auditLines: 0, skipped: 'running-elsewhere' });
        await holder.query('SELECT pg_advisory_unlock(1735422818, 2)');
        expect((await store.sweep(new Date(T0))).skipped).toBeUndefined();
      } finally {
        await holder.end();
      }
    });
  });

  describe('one transaction per turn', () => {
    it('stores nothing when the task fails after committing its writes', async () => {
      const store = await opened();
      await expect(
        store.turn('c1', async (s) => {
          await s.commit({ conversation: conversation('c1'), requests: [request('r1')], enqueueAt: new Date(T0), audit: (r) => ({ at: T0, actor: 'bot', action: 'request.stored', requestId: r.id }) });
          throw new Error('rendering failed');
        }),
      ).rejects.toThrow('rendering failed');
      expect(await store.conversations.get('c1')).toBeUndefined();
      expect(await store.requests.get('r1')).toBeUndefined();
      expect(await store.outbox.list()).toEqual([]);
      expect(await store.audit.read()).toEqual([]);
    });

    it('stores nothing when a write fails part-way, even if the task swallows the error', async () => {
      const store = await opened();
      const bad = { ...request('bad'), kind: 'not-a-kind' } as unknown as ReturnType<typeof request>;
      await expect(
        store.turn('c1', async (s) => {
          await s.commit({ conversation: conversation('c1'), requests: [request('r1'), bad], audit: () => [] }).catch(() => undefined);
          return 'answered';
        }),
      ).rejects.toThrow();
      expect(await store.conversations.get('c1')).toBeUndefined();
      expect(await store.requests.get('r1')).toBeUndefined();
      // The lock and the connection are free again.
      expect(await store.turn('c1', async (s) => s.record)).toBeUndefined();
    });

    it('a commit marked last ends the transaction with its writes: a plain turn is two round trips, and a later throw keeps them', async () => {
      const store = await createPostgresStore({ connectionString: db.url, retentionDays: 30, clock, connect: { attempts: 1 } });
      stores.push(store);
      const queries = countQueries(store);
      await store.turn('c1', (s) => s.commit({ conversation: conversation('c1'), requests: [], audit: () => [], last: true }));
      expect(queries()).toBe(2); // BEGIN + lock + read; the upsert + COMMIT
      await store.turn('c1', (s) => s.commit({ conversation: conversation('c1', T0, 'q2'), requests: [], audit: () => [] }));
      expect(queries()).toBe(3); // without `last`, COMMIT when the task resolves
      await expect(
        store.turn('c2', async (s) => {
          await s.commit({ conversation: conversation('c2'), requests: [request('r1')], enqueueAt: new Date(T0), audit: (r) => ({ at: T0, actor: 'bot', action: 'request.stored', requestId: r.id }), last: true });
          throw new Error('after the end');
        }),
      ).rejects.toThrow('after the end');
      expect(queries()).toBe(3); // BEGIN…read; snapshot + request + outbox; audit + COMMIT (no ROLLBACK after it)
      expect((await store.conversations.get('c2'))?.id).toBe('c2');
      expect(await store.requests.get('r1')).toEqual(request('r1'));
      expect((await store.outbox.list()).map((e) => e.requestId)).toEqual(['r1']);
      expect(await store.audit.read('r1')).toEqual([{ at: T0, actor: 'bot', action: 'request.stored', requestId: 'r1' }]);
      // The connection went back idle, not inside a transaction: the next turn of c2 sees it all.
      expect((await store.turn('c2', async (s) => s.record))?.id).toBe('c2');
    });

    it('a failing write in a commit marked last stores nothing (the COMMIT in the same round trip is skipped)', async () => {
      const store = await opened();
      const bad = { ...request('bad'), kind: 'not-a-kind' } as unknown as ReturnType<typeof request>;
      await expect(store.turn('c1', (s) => s.commit({ conversation: conversation('c1'), requests: [request('r1'), bad], audit: () => [], last: true }))).rejects.toThrow();
      expect(await store.conversations.get('c1')).toBeUndefined();
      expect(await store.requests.get('r1')).toBeUndefined();
      expect(await store.turn('c1', async (s) => s.record)).toBeUndefined();
    });

    it('writes sent as SQL literals keep quotes, backslashes and statement-like text exactly', async () => {
      const store = await opened();
      const text = `it's O'Brien''s \\' \\\\'; COMMIT; DROP TABLE requests; -- $$ $x$ E'\\n' \\x41 ''`;
      const id = `c'1\\; ROLLBACK`;
      const record = { ...conversation(id), snapshot: { value: 'q1', context: { text } } };
      const r = { ...request(`r'1\\`), conversationId: id, texts: [{ step: 'describe', text, lang: 'eng' as const, at: T0 }] };
      const committed = await store.turn(id, (s) =>
        s.commit({ conversation: record, requests: [r], enqueueAt: new Date(T0), audit: (x) => ({ at: T0, actor: `bot'`, action: 'request.stored', requestId: x.id, detail: { text } }), last: true }),
      );
      expect(committed).toEqual({ created: [r.id], enqueued: [r.id] });
      expect(await store.conversations.get(id)).toEqual(record);
      expect(await store.requests.get(r.id)).toEqual(r);
      expect(await store.audit.read(r.id)).toEqual([{ at: T0, actor: `bot'`, action: 'request.stored', requestId: r.id, detail: { text } }]);
      expect((await db.sql<{ n: number }>('SELECT count(*)::int AS n FROM requests'))[0]?.n).toBe(1);
    });

    describe('a turn on the caller\'s own copy (expectUpdatedAt)', () => {
      const T1 = '2026-03-02T09:01:00.000Z';
      const T2 = '2026-03-02T09:02:00.000Z';
      const stored = (r: ReturnType<typeof request>) => [
        { at: T0, actor: 'bot', action: 'request.stored', requestId: r.id },
        { at: T0, actor: 'system', action: 'delivery.enqueued', requestId: r.id },
      ];
      it('is one round trip, reads nothing, and stores snapshot, requests, outbox and audit lines like any turn', async () => {
        const store = await opened();
        await store.turn('c1', (s) => s.commit({ conversation: conversation('c1', T0), requests: [], audit: () => [], last: true }));
        const queries = countQueries(store);
        const r = request('r1');
        const d = request('d1', { kind: 'emergency-diversion', tier: 'emergency' });
        const seen: { presumed: boolean | undefined; updatedAt: string | undefined }[] = [];
        const committed = await store.turn(
          'c1',
          (s) => {
            seen.push({ presumed: s.presumed, updatedAt: s.record?.updatedAt });
            expect(() => s.record?.snapshot).toThrow(/only updatedAt/);
            return s.commit({ conversation: conversation('c1', T1, 'q2'), requests: [r, d], enqueueAt: new Date(T0), audit: stored, last: true });
          },
          { expectUpdatedAt: T0 },
        );
        expect(queries()).toBe(1);
        expect(seen).toEqual([{ presumed: true, updatedAt: T0 }]);
        expect(committed).toEqual({ created: ['r1', 'd1'], enqueued: ['r1'] });
        expect(await store.conversations.get('c1')).toEqual(conversation('c1', T1, 'q2'));
        expect(await store.requests.get('r1')).toEqual(r);
        expect(await store.requests.get('d1')).toEqual(d);
        expect((await store.outbox.list()).map((e) => e.requestId)).toEqual(['r1']);
        // In the order given, and only for requests newly created.
        expect((await store.audit.read()).map((e) => [e.action, e.requestId])).toEqual([
          ['request.stored', 'r1'],
          ['delivery.enqueued', 'r1'],
          ['request.stored', 'd1'],
          ['delivery.enqueued', 'd1'],
        ]);
        const again = await store.turn('c1', (s) => s.commit({ conversation: conversation('c1', T2, 'q3'), requests: [r], enqueueAt: new Date(T0), audit: stored, last: true }), { expectUpdatedAt: T1 });
        expect(again).toEqual({ created: [], enqueued: [] });
        expect(await store.audit.read()).toHaveLength(4);
        // A plain turn (no request): one prepared statement, values as parameters, kept exactly.
        queries();
        const plain = { ...conversation('c1', '2026-03-02T09:02:30.000Z'), snapshot: { value: 'q3b', context: { text: `it's \\' $1 '; COMMIT; --` } } };
        expect(await store.turn('c1', (s) => s.commit({ conversation: plain, requests: [], audit: () => [], last: true }), { expectUpdatedAt: T2 })).toEqual({ created: [], enqueued: [] });
        expect(queries()).toBe(1);
        expect(await store.conversations.get('c1')).toEqual(plain);
        await store.turn('c1', (s) => s.commit({ conversation: conversation('c1', T2, 'q3'), requests: [], audit: () => [], last: true }), { expectUpdatedAt: plain.updatedAt });
        // Without `last`, COMMIT once the task resolves.
        queries();
        await store.turn('c1', (s) => s.commit({ conversation: conversation('c1', '2026-03-02T09:03:00.000Z', 'q4'), requests: [], audit: () => [] }), { expectUpdatedAt: T2 });
        expect(queries()).toBe(2);
        expect((await store.conversations.get('c1'))?.snapshot).toEqual({ value: 'q4', context: { answers: [] } });
      });

      it('stores nothing of a run on a stale copy and runs the task again on the record read under the lock', async () => {
        const store = await opened();
        const other = await opened();
        await store.turn('c1', (s) => s.commit({ conversation: conversation('c1', T0), requests: [], audit: () => [], last: true }));
        // Another process takes a turn: the copy at T0 is stale.
        await other.turn('c1', (s) => s.commit({ conversation: conversation('c1', T1, 'elsewhere'), requests: [], audit: () => [], last: true }));
        const runs: { presumed: boolean | undefined; step: unknown }[] = [];
        const committed = await store.turn(
          'c1',
          async (s) => {
            runs.push({ presumed: s.presumed, step: s.presumed ? 'not read' : (s.record?.snapshot as { value?: string }).value });
            const updatedAt = s.presumed ? T1 : T2;
            return s.commit({ conversation: conversation('c1', updatedAt, s.presumed ? 'from-stale' : 'from-read'), requests: [request(s.presumed ? 'stale' : 'fresh')], enqueueAt: new Date(T0), audit: stored, last: true });
          },
          { expectUpdatedAt: T0 },
        );
        expect(runs).toEqual([
          { presumed: true, step: 'not read' },
          { presumed: false, step: 'elsewhere' },
        ]);
        expect(committed).toEqual({ created: ['fresh'], enqueued: ['fresh'] });
        expect((await store.conversations.get('c1'))?.snapshot).toEqual({ value: 'from-read', context: { answers: [] } });
        expect(await store.requests.get('stale')).toBeUndefined();
        expect((await store.outbox.list()).map((e) => e.requestId)).toEqual(['fresh']);
        expect((await store.audit.read()).map((e) => e.requestId)).toEqual(['fresh', 'fresh']);
        // The connection went back idle, outside any transaction.
        expect((await store.turn('c1', async (s) => s.record))?.updatedAt).toBe(T2);
      });

      it('an erased conversation is not stored again by a turn on its copy', async () => {
        const store = await opened();
        await store.turn('c1', (s) => s.commit({ conversation: conversation('c1', T0), requests: [], audit: () => [], last: true }));
        await store.erase({ conversationId: 'c1' });
        const records: unknown[] = [];
        await store.turn(
          'c1',
          async (s) => {
            records.push(s.presumed ? 'presumed' : s.record);
            if (s.presumed) await s.commit({ conversation: conversation('c1', T1, 'resurrected'), requests: [], audit: () => [], last: true });
          },
          { expectUpdatedAt: T0 },
        );
        expect(records).toEqual(['presumed', undefined]);
        expect(await store.conversations.get('c1')).toBeUndefined();
      });

      it('a run that commits nothing stands if its copy is current, and runs again if it is not', async () => {
        const store = await opened();
        await store.turn('c1', (s) => s.commit({ conversation: conversation('c1', T0), requests: [], audit: () => [], last: true }));
        const queries = countQueries(store);
        expect(await store.turn('c1', async (s) => (s.presumed ? 'presumed' : 'read'), { expectUpdatedAt: T0 })).toBe('presumed');
        expect(queries()).toBe(1); // the check only; no transaction
        expect(await store.turn('c1', async (s) => (s.presumed ? 'presumed' : 'read'), { expectUpdatedAt: T1 })).toBe('read');
      });

      it('a presumed turn waits for a turn holding the lock on another process, then finds its copy stale', async () => {
        const store = await opened();
        const other = await opened();
        await store.turn('c1', (s) => s.commit({ conversation: conversation('c1', T0), requests: [], audit: () => [], last: true }));
        const { gate, inside, entered, release } = lockGate();
        const first = other.turn('c1', async (s) => {
          entered();
          await gate;
          await s.commit({ conversation: conversation('c1', T1, 'other'), requests: [], audit: () => [], last: true });
        });
        await inside;
        const runs: boolean[] = [];
        const second = store.turn(
          'c1',
          (s) => {
            runs.push(s.presumed === true);
            return s.commit({ conversation: conversation('c1', s.presumed ? T1 : T2, s.presumed ? 'lost' : 'after-other'), requests: [], audit: () => [], last: true });
          },
          { expectUpdatedAt: T0 },
        );
        await new Promise((resolve) => setTimeout(resolve, 50));
        release();
        await first;
        await second;
        expect(runs).toEqual([true, false]);
        expect((await store.conversations.get('c1'))?.snapshot).toEqual({ value: 'after-other', context: { answers: [] } });
      });
    });

    it('a waiting turn sees what the turn before it committed', async () => {
      const store = await opened();
      const { gate, inside, entered, release } = lockGate();
      const first = store.turn('c1', async (s) => {
        entered();
        await gate;
        await s.commit({ conversation: conversation('c1', T0, 'after-first'), requests: [], audit: () => [] });
      });
      // The first turn holds the lock before the second one starts.
      await inside;
      const second = store.turn('c1', async (s) => (s.record?.snapshot as { value?: string } | undefined)?.value);
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      await first;
      expect(await second).toBe('after-first');
    });
  });

  describe('faults', () => {
    it('names the database, not the password, and retries with backoff when it is down at start-up', async () => {
      const waits: number[] = [];
      const url = 'postgres://bot:sekret@127.0.0.1:1/gp';
      const failed = await createPostgresStore({
        connectionString: url,
        retentionDays: 30,
        clock,
        connect: { attempts: 4, baseDelayMs: 100, maxDelayMs: 250, sleep: async (ms) => void waits.push(ms) },
      }).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(failed).toBeInstanceOf(StoreUnavailableError);
      expect((failed as Error).message).toMatch(/^PostgreSQL at 127\.0\.0\.1:1\/gp could not be reached after 4 attempts/);
      expect((failed as Error).message).not.toContain('sekret');
      expect(waits).toEqual([100, 200, 250]);
    });

    it('does not wait for what waiting cannot fix: a database that does not exist', async () => {
      const url = new URL(db.url);
      url.pathname = '/gp_test_no_such_database';
      const waits: number[] = [];
      const failed = await open(url.toString(), { connect: { attempts: 5, sleep: async (ms) => void waits.push(ms) } }).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(failed).toBeInstanceOf(StoreUnavailableError);
      expect((failed as Error).message).toMatch(/gp_test_no_such_database could not be reached after 1 attempt: .*does not exist/);
      expect(waits).toEqual([]);
    });

    it('resolves once the database comes up within the retry budget', async () => {
      const target = new URL(DATABASE_URL ?? '');
      const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
      await proxy.cut();
      const url = new URL(db.url);
      url.host = `127.0.0.1:${proxy.port}`;
      let tries = 0;
      const store = await opened(url.toString(), {
        connect: {
          attempts: 5,
          baseDelayMs: 1,
          sleep: async () => {
            tries += 1;
            if (tries === 2) await proxy.restore();
          },
        },
      });
      expect(tries).toBe(2);
      expect(await store.checkWritable()).toBe(true);
      await proxy.close();
    });

    it('is not writable while the database is unreachable, and reconnects after (idle connections dying crash nothing)', async () => {
      const target = new URL(DATABASE_URL ?? '');
      const proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
      const url = new URL(db.url);
      url.host = `127.0.0.1:${proxy.port}`;
      const store = await opened(url.toString());
      await store.conversations.put(conversation('c1'));
      expect(await store.checkWritable()).toBe(true);
      await proxy.cut();
      expect(await store.checkWritable()).toBe(false);
      await expect(store.turn('c2', async (s) => s.commit({ conversation: conversation('c2'), requests: [], audit: () => [] }))).rejects.toThrow();
      await proxy.restore();
      expect(await store.checkWritable()).toBe(true);
      expect(await store.conversations.get('c1')).toEqual(conversation('c1'));
      expect(await store.conversations.get('c2')).toBeUndefined();
      await proxy.close();
    });

    it('survives a failover: the server ends every connection, the pool opens new ones', async () => {
      const store = await opened();
      await Promise.all([store.conversations.put(conversation('c1')), store.conversations.put(conversation('c2')), store.requests.put(request('r1'))]);
      const ended = await db.sql<{ ok: boolean }>(
        `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'gp-intake-bot'`,
      );
      expect(ended.length).toBeGreaterThan(0);
      // At once, whether or not the pool has heard yet that its idle connections are gone.
      expect(await store.turn('c1', async (s) => s.record)).toEqual(conversation('c1'));
      expect(await store.checkWritable()).toBe(true);
      // Other calls may meet one more dead idle connection (an error, as for any outage), then work.
      let c2: unknown;
      for (let i = 0; i < 5 && c2 === undefined; i++) c2 = await store.conversations.get('c2').catch(() => undefined);
      expect(c2).toEqual(conversation('c2'));
    });
  });

  describe('erasure', () => {
    it('deletes in one transaction and vacuums the tables before flush() resolves', async () => {
      const store = await opened();
      await store.turn('c1', (s) => s.commit({ conversation: conversation('c1'), requests: [{ ...request('r1'), conversationId: 'c1' }], audit: () => [] }));
      expect(await store.erase({ conversationId: 'c1' })).toEqual({ conversationId: 'c1', requestIds: ['r1'] });
      await store.flush();
      const [stats] = await db.sql<{ vacuumed: boolean }>(`SELECT last_vacuum IS NOT NULL AS vacuumed FROM pg_stat_user_tables WHERE relname = 'conversations'`);
      expect(stats?.vacuumed).toBe(true);
    });
  });
});
