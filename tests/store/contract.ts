import { fixedClock, type Clock } from '../../src/clock.js';
import type { IntakeRequest, PracticeWork } from '../../src/domain/types.js';
import type { AuditEntry, Store, TurnWrite } from '../../src/store/types.js';
import { T0, conversation, request } from './helpers.js';

/** A store under test, empty when made; `reopen` closes it and opens the same data again. */
export interface StoreUnderTest {
  store: Store;
  clock: ReturnType<typeof fixedClock>;
  reopen(): Promise<Store>;
  cleanup(): Promise<void>;
}

export interface StoreFactoryOptions {
  retentionDays: number;
  clock: Clock;
}

/** Makes an empty store (a fresh folder, or a database emptied for this test). */
export type StoreFactory = (options: StoreFactoryOptions) => Promise<{ store: Store; reopen(): Promise<Store>; cleanup(): Promise<void> }>;

const DAY = 86_400_000;
const at = (iso: string): Date => new Date(iso);

function stored(r: IntakeRequest): AuditEntry {
  return { at: T0, actor: 'bot', action: r.kind === 'request' ? 'request.stored' : 'emergency.recorded', requestId: r.id, detail: { tier: r.triage.tier } };
}

function turnWrite(id: string, requests: IntakeRequest[], extra: Partial<TurnWrite> = {}): TurnWrite {
  return { conversation: conversation(id), requests, audit: stored, ...extra };
}

/**
 * The behaviour every Store must have, whatever holds the data. Run by tests/store/lowdb.contract.test.ts
 * and tests/store/postgres.contract.test.ts.
 */
export function describeStoreContract(factory: StoreFactory): void {
  let t: StoreUnderTest;
  let store: Store;

  beforeEach(async () => {
    const clock = fixedClock(T0);
    const made = await factory({ retentionDays: 30, clock });
    t = { ...made, clock };
    store = made.store;
  });

  afterEach(async () => {
    await store.close();
    await t.cleanup();
  });

  async function reopen(): Promise<void> {
    store = await t.reopen();
  }

  describe('conversations', () => {
    it('stores, replaces, reads back after a reopen, and deletes', async () => {
      expect(await store.conversations.get('c1')).toBeUndefined();
      await store.conversations.put(conversation('c1', T0, 'q1'));
      await store.conversations.put({ ...conversation('c1', '2026-03-02T09:05:00.000Z', 'q2'), answered: [{ key: 'k1', replies: [{ text: 'hi' }] }] });
      await reopen();
      expect(await store.conversations.get('c1')).toEqual({
        ...conversation('c1', '2026-03-02T09:05:00.000Z', 'q2'),
        answered: [{ key: 'k1', replies: [{ text: 'hi' }] }],
      });
      await store.conversations.delete('c1');
      expect(await store.conversations.get('c1')).toBeUndefined();
    });

    it('counts conversations active since a time', async () => {
      await store.conversations.put(conversation('old', '2026-03-01T09:00:00.000Z'));
      await store.conversations.put(conversation('new', '2026-03-02T09:00:00.000Z'));
      expect(await store.conversations.countActiveSince(at('2026-03-02T00:00:00Z'))).toBe(1);
      expect(await store.conversations.countActiveSince(at('2026-02-01T00:00:00Z'))).toBe(2);
    });
  });

  describe('requests', () => {
    it('is idempotent by id and keeps the first copy', async () => {
      expect(await store.requests.put(request('r1'))).toEqual({ created: true });
      expect(await store.requests.put({ ...request('r1'), reference: 'OTHER' })).toEqual({ created: false });
      await reopen();
      expect(await store.requests.get('r1')).toEqual(request('r1'));
      expect(await store.requests.get('nope')).toBeUndefined();
    });

    it('lists by urgency then age, filters and pages', async () => {
      await store.requests.put(request('a', { tier: 'routine', submittedAt: '2026-03-02T08:00:00.000Z' }));
      await store.requests.put(request('b', { tier: 'urgent', submittedAt: '2026-03-02T09:00:00.000Z' }));
      await store.requests.put(request('c', { tier: 'routine', submittedAt: '2026-03-01T08:00:00.000Z' }));
      await store.requests.put(request('d', { tier: 'emergency', kind: 'emergency-diversion', submittedAt: '2026-03-02T10:00:00.000Z' }));
      const all = await store.requests.list({ limit: 10, offset: 0 });
      expect(all.total).toBe(4);
      expect(all.items.map((r) => r.id)).toEqual(['d', 'b', 'c', 'a']);
      expect((await store.requests.list({ limit: 2, offset: 1 })).items.map((r) => r.id)).toEqual(['b', 'c']);
      expect((await store.requests.list({ urgency: 'routine', limit: 10, offset: 0 })).items.map((r) => r.id)).toEqual(['c', 'a']);
      const since = await store.requests.list({ since: at('2026-03-02T00:00:00Z'), limit: 10, offset: 0 });
      expect(since.items.map((r) => r.id)).toEqual(['d', 'b', 'a']);
      await store.requests.setStatus('a', 'received', 'alice', at('2026-03-02T11:00:00Z'));
      expect((await store.requests.list({ status: 'received', limit: 10, offset: 0 })).items.map((r) => r.id)).toEqual(['a']);
    });

    it('records status changes with their history', async () => {
      await store.requests.put(request('r1'));
      const changed = await store.requests.setStatus('r1', 'closed', 'alice', at('2026-03-02T12:00:00Z'));
      expect(changed?.status).toBe('closed');
      expect(changed?.statusHistory).toEqual([{ status: 'closed', by: 'alice', at: '2026-03-02T12:00:00.000Z' }]);
      await reopen();
      expect((await store.requests.get('r1'))?.status).toBe('closed');
      expect(await store.requests.setStatus('nope', 'closed', 'alice', at('2026-03-02T12:00:00Z'))).toBeUndefined();
    });

    it('applies concurrent work changes one after the other, none lost', async () => {
      await store.requests.put(request('r1'));
      const note = (i: number) => (w: PracticeWork): PracticeWork => ({ ...w, notes: [...w.notes, { by: 'gp', at: T0, text: `n${i}` }] });
      await Promise.all(Array.from({ length: 8 }, (_, i) => store.requests.updateWork('r1', note(i))));
      const work = (await store.requests.get('r1'))?.work;
      expect(work?.notes.map((n) => n.text).sort()).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7']);
      expect(await store.requests.updateWork('nope', (w) => w)).toBeUndefined();
    });

    it('counts submitted requests of kind request by tier in [from, to)', async () => {
      await store.requests.put(request('a', { tier: 'urgent', submittedAt: '2026-03-02T08:00:00.000Z' }));
      await store.requests.put(request('b', { tier: 'routine', submittedAt: '2026-03-02T09:00:00.000Z' }));
      await store.requests.put(request('c', { tier: 'urgent', submittedAt: '2026-03-03T00:00:00.000Z' }));
      await store.requests.put(request('d', { tier: 'emergency', kind: 'emergency-diversion', submittedAt: '2026-03-02T10:00:00.000Z' }));
      const from = at('2026-03-02T00:00:00Z');
      const to = at('2026-03-03T00:00:00Z');
      expect(await store.requests.countSubmitted(from, to, ['urgent', 'routine'])).toBe(2);
      expect(await store.requests.countSubmitted(from, to, ['urgent'])).toBe(1);
      expect(await store.requests.countSubmitted(from, to, ['emergency'])).toBe(0);
      expect(await store.requests.countSubmitted(to, from, ['urgent'])).toBe(0);
    });
  });

  describe('outbox', () => {
    it('enqueues once, hands out due entries, records delivery and failure', async () => {
      await store.outbox.enqueue('a', at('2026-03-02T09:00:00Z'));
      await store.outbox.enqueue('b', at('2026-03-02T09:30:00Z'));
      await store.outbox.enqueue('a', at('2026-03-02T09:45:00Z'));
      expect((await store.outbox.due(at('2026-03-02T10:00:00Z'), 10)).map((e) => e.requestId)).toEqual(['a', 'b']);
      const [a] = await store.outbox.due(at('2026-03-02T10:00:00Z'), 1);
      expect(a).toMatchObject({ requestId: 'a', state: 'pending', attempts: 0, createdAt: '2026-03-02T09:00:00.000Z', nextAttemptAt: '2026-03-02T09:00:00.000Z' });
      expect(a?.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
      await store.outbox.markFailed('a', 'HTTP 503', at('2026-03-02T11:00:00Z'));
      expect((await store.outbox.due(at('2026-03-02T10:00:00Z'), 10)).map((e) => e.requestId)).toEqual(['b']);
      await store.outbox.markDelivered('b', at('2026-03-02T10:01:00Z'));
      await store.outbox.enqueue('b', at('2026-03-02T10:02:00Z'));
      await reopen();
      expect((await store.outbox.due(at('2026-03-02T11:00:00Z'), 10)).map((e) => [e.requestId, e.attempts, e.lastError])).toEqual([['a', 1, 'HTTP 503']]);
      expect((await store.outbox.list('delivered')).map((e) => [e.requestId, e.state, e.deliveredAt])).toEqual([['b', 'delivered', '2026-03-02T10:01:00.000Z']]);
    });

    it('dead letters leave the queue until a person retries them', async () => {
      await store.outbox.enqueue('a', at('2026-03-02T09:00:00Z'));
      await store.outbox.markFailed('a', 'HTTP 400', null);
      expect(await store.outbox.due(at('2026-03-02T12:00:00Z'), 10)).toEqual([]);
      expect((await store.outbox.list('dead')).map((e) => e.requestId)).toEqual(['a']);
      const retried = await store.outbox.retry('a', at('2026-03-02T12:00:00Z'));
      expect(retried).toMatchObject({ state: 'pending', attempts: 0, retriedAt: '2026-03-02T12:00:00.000Z', lastError: 'HTTP 400' });
      expect((await store.outbox.due(at('2026-03-02T12:00:00Z'), 10)).map((e) => e.requestId)).toEqual(['a']);
      expect(await store.outbox.retry('nope', at('2026-03-02T12:00:00Z'))).toBeUndefined();
    });

    it('a claim leases its entries: a second claim skips them until the lease runs out or the entry is marked', async () => {
      for (const id of ['a', 'b', 'c']) await store.outbox.enqueue(id, at('2026-03-02T09:00:00Z'));
      const now = at('2026-03-02T10:00:00Z');
      expect((await store.outbox.claim(now, 2, 60_000)).map((e) => e.requestId)).toEqual(['a', 'b']);
      expect((await store.outbox.claim(now, 10, 60_000)).map((e) => e.requestId)).toEqual(['c']);
      expect(await store.outbox.claim(now, 10, 60_000)).toEqual([]);
      // A failure with a retry time frees the entry for that time; the lease of a lost worker runs out.
      await store.outbox.markFailed('a', 'timeout', at('2026-03-02T10:00:30Z'));
      expect((await store.outbox.claim(at('2026-03-02T10:00:30Z'), 10, 60_000)).map((e) => e.requestId)).toEqual(['a']);
      expect((await store.outbox.claim(at('2026-03-02T10:01:00Z'), 10, 60_000)).map((e) => e.requestId)).toEqual(['b', 'c']);
      // due() is a read: it still lists leased entries.
      expect((await store.outbox.due(at('2026-03-02T10:01:00Z'), 10)).map((e) => e.requestId)).toEqual(['a', 'b', 'c']);
    });
  });

  describe('audit', () => {
    it('appends and reads back, all or by request', async () => {
      await store.audit.append({ at: T0, actor: 'bot', action: 'request.stored', requestId: 'r1', detail: { tier: 'urgent' } });
      await store.audit.append({ at: '2026-03-02T09:01:00.000Z', actor: 'alice', action: 'request.read', requestId: 'r2' });
      await store.audit.append({ at: '2026-03-02T09:02:00.000Z', actor: 'system', action: 'sweep' });
      await reopen();
      expect((await store.audit.read()).map((e) => e.action)).toEqual(['request.stored', 'request.read', 'sweep']);
      expect(await store.audit.read('r1')).toEqual([{ at: T0, actor: 'bot', action: 'request.stored', requestId: 'r1', detail: { tier: 'urgent' } }]);
    });
  });

  describe('turns', () => {
    it('reads the record inside the session and commits snapshot, requests, outbox and audit together', async () => {
      const r = request('r1');
      const d = request('d1', { kind: 'emergency-diversion', tier: 'emergency' });
      const first = await store.turn('c1', async (session) => {
        expect(session.record).toBeUndefined();
        return session.commit(turnWrite('c1', [r, d], { enqueueAt: at(T0) }));
      });
      expect(first).toEqual({ created: ['r1', 'd1'], enqueued: ['r1'] });
      await reopen();
      expect(await store.conversations.get('c1')).toEqual(conversation('c1'));
      expect(await store.requests.get('r1')).toEqual(r);
      expect(await store.requests.get('d1')).toEqual(d);
      expect((await store.outbox.list()).map((e) => e.requestId)).toEqual(['r1']);
      expect((await store.audit.read()).map((e) => [e.action, e.requestId])).toEqual([
        ['request.stored', 'r1'],
        ['emergency.recorded', 'd1'],
      ]);
      // The next turn sees it; storing the same requests again creates, queues and audits nothing.
      const again = await store.turn('c1', async (session) => {
        expect(session.record).toEqual(conversation('c1'));
        return session.commit(turnWrite('c1', [r, d], { enqueueAt: at(T0) }));
      });
      expect(again).toEqual({ created: [], enqueued: [] });
      expect(await store.audit.read()).toHaveLength(2);
      expect(await store.outbox.list()).toHaveLength(1);
    });

    it('queues nothing without enqueueAt and writes every audit line the caller gives', async () => {
      const r = request('r1');
      const result = await store.turn('c1', (s) =>
        s.commit(turnWrite('c1', [r], { audit: (x) => [stored(x), { at: T0, actor: 'system', action: 'note', requestId: x.id }] })),
      );
      expect(result).toEqual({ created: ['r1'], enqueued: [] });
      expect(await store.outbox.list()).toEqual([]);
      expect((await store.audit.read('r1')).map((e) => e.action)).toEqual(['request.stored', 'note']);
    });

    it('returns what the task returns, and passes its error on', async () => {
      expect(await store.turn('c1', async () => 42)).toBe(42);
      await expect(store.turn('c1', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      // The lock is free again after an error.
      expect(await store.turn('c1', async (s) => s.record)).toBeUndefined();
    });

    it('runs turns of one conversation one at a time, in order, each seeing the last one committed', async () => {
      const seen: string[] = [];
      let inside = 0;
      let most = 0;
      const step = (n: number) =>
        store.turn('c1', async (session) => {
          inside += 1;
          most = Math.max(most, inside);
          seen.push((session.record?.snapshot as { value?: string } | undefined)?.value ?? 'none');
          await new Promise((resolve) => setTimeout(resolve, 5));
          await session.commit(turnWrite('c1', [], { conversation: conversation('c1', T0, `s${n}`) }));
          inside -= 1;
        });
      await Promise.all([step(1), step(2), step(3), step(4)]);
      expect(most).toBe(1);
      expect(seen).toHaveLength(4);
      // Each turn saw the one before it (whatever order the lock granted them in).
      expect(new Set(seen).size).toBe(4);
      expect(seen[0]).toBe('none');
    });

    it('runs turns of different conversations at the same time', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const blocked = store.turn('c1', async () => gate);
      const other = await store.turn('c2', async (s) => s.commit(turnWrite('c2', [request('r2')])));
      expect(other.created).toEqual(['r2']);
      release();
      await blocked;
    });

    it('commits once per session', async () => {
      await store.turn('c1', async (s) => {
        await s.commit(turnWrite('c1', []));
        await expect(s.commit(turnWrite('c1', []))).rejects.toThrow();
      });
    });
  });

  describe('erase', () => {
    it('erases a conversation with every request it produced and their delivery entries', async () => {
      const r1 = { ...request('r1'), conversationId: 'c1' };
      const r2 = { ...request('r2'), conversationId: 'c1' };
      const r3 = { ...request('r3'), conversationId: 'c2' };
      await store.turn('c1', (s) => s.commit(turnWrite('c1', [r1, r2], { enqueueAt: at(T0) })));
      await store.turn('c2', (s) => s.commit(turnWrite('c2', [r3], { enqueueAt: at(T0) })));
      const report = await store.erase({ conversationId: 'c1' });
      expect({ ...report, requestIds: [...(report?.requestIds ?? [])].sort() }).toEqual({ conversationId: 'c1', requestIds: ['r1', 'r2'] });
      await reopen();
      expect(await store.conversations.get('c1')).toBeUndefined();
      expect(await store.requests.get('r1')).toBeUndefined();
      expect((await store.outbox.list()).map((e) => e.requestId)).toEqual(['r3']);
      expect(await store.conversations.get('c2')).toBeDefined();
      expect(await store.erase({ conversationId: 'c1' })).toBeUndefined();
    });

    it('erasing a request erases the conversation it came from', async () => {
      const r1 = { ...request('r1'), conversationId: 'c1' };
      await store.turn('c1', (s) => s.commit(turnWrite('c1', [r1], { enqueueAt: at(T0) })));
      await store.outbox.markDelivered('r1', at(T0));
      expect(await store.erase({ requestId: 'r1' })).toEqual({ conversationId: 'c1', requestIds: ['r1'] });
      expect(await store.conversations.get('c1')).toBeUndefined();
      expect(await store.requests.get('r1')).toBeUndefined();
      expect(await store.outbox.list()).toEqual([]);
      expect(await store.erase({ requestId: 'r1' })).toBeUndefined();
    });
  });

  describe('retention sweep', () => {
    it('deletes idle conversations and finished requests past retention, keeps open ones longer', async () => {
      const old = '2026-01-01T09:00:00.000Z';
      await store.conversations.put(conversation('idle', old));
      await store.conversations.put(conversation('recent', '2026-02-20T09:00:00.000Z'));
      await store.requests.put(request('closed', { submittedAt: old, status: 'closed' }));
      await store.requests.put(request('open', { submittedAt: old }));
      await store.requests.put(request('sent', { submittedAt: old }));
      await store.outbox.enqueue('sent', at(old));
      await store.outbox.markDelivered('sent', at(old));
      await store.requests.put(request('new', { submittedAt: '2026-02-25T09:00:00.000Z' }));
      await store.audit.append({ at: old, actor: 'bot', action: 'x' });
      const result = await store.sweep(at('2026-03-02T09:00:00Z'));
      expect(result).toEqual({ conversations: 1, requests: 2, auditLines: 0 });
      expect(await store.conversations.get('idle')).toBeUndefined();
      expect(await store.conversations.get('recent')).toBeDefined();
      expect(await store.requests.get('closed')).toBeUndefined();
      expect(await store.requests.get('sent')).toBeUndefined();
      expect(await store.requests.get('open')).toBeDefined();
      expect(await store.requests.get('new')).toBeDefined();
    });

    it('deletes dead letters with their request after the dead-letter period', async () => {
      const old = new Date(Date.parse(T0) - 31 * DAY).toISOString();
      await store.requests.put(request('dead', { submittedAt: old }));
      await store.outbox.enqueue('dead', at(old));
      await store.outbox.markFailed('dead', 'HTTP 400', null);
      await store.requests.put(request('keep', { submittedAt: T0 }));
      const result = await store.sweep(at(T0));
      expect(result.requests).toBe(1);
      expect(await store.requests.get('dead')).toBeUndefined();
      expect(await store.outbox.list()).toEqual([]);
    });

    it('trims audit lines older than the audit retention', async () => {
      await store.audit.append({ at: '2019-01-01T00:00:00.000Z', actor: 'bot', action: 'ancient' });
      await store.audit.append({ at: T0, actor: 'bot', action: 'recent' });
      await store.conversations.put(conversation('c', T0));
      expect(await store.sweep(at(T0))).toEqual({ conversations: 0, requests: 0, auditLines: 1 });
      expect((await store.audit.read()).map((e) => e.action)).toEqual(['recent']);
    });

    it('refuses when the clock is far ahead of everything stored and would delete most of it', async () => {
      await store.conversations.put(conversation('a', T0));
      await store.conversations.put(conversation('b', T0));
      await store.requests.put(request('r', { submittedAt: T0, status: 'closed' }));
      const result = await store.sweep(at('2030-01-01T00:00:00Z'));
      expect(result).toEqual({ conversations: 0, requests: 0, auditLines: 0, skipped: 'clock-ahead' });
      expect(await store.conversations.get('a')).toBeDefined();
    });
  });

  it('stores hostile text (NUL, lone surrogates, backslashes) without failing; only NUL and lone surrogates may come back as U+FFFD', async () => {
    const nasty = 'a\u0000b \ud800 \\u0000 \\\u0000 \u{1F600} "quoted"';
    const kept = 'a\ufffdb \ufffd \\u0000 \\\ufffd \u{1F600} "quoted"';
    const record = { ...conversation('c\u0000x'), snapshot: { value: 'q1', context: { text: nasty } } };
    const r = { ...request('r\u0000x'), texts: [{ step: 'describe', text: nasty, lang: 'eng' as const, at: T0 }] };
    await store.turn(record.id, (s) => s.commit({ conversation: record, requests: [r], audit: (x) => stored(x) }));
    const text = ((await store.conversations.get(record.id))?.snapshot as { context: { text: string } }).context.text;
    expect([nasty, kept]).toContain(text);
    expect([nasty, kept]).toContain((await store.requests.get(r.id))?.texts[0]?.text);
    expect(await store.requests.get('other\u0000')).toBeUndefined();
    expect(await store.erase({ requestId: 'nope\u0000' })).toBeUndefined();
  });

  it('says it can write while open', async () => {
    expect(await store.checkWritable()).toBe(true);
    await store.flush();
  });
}
