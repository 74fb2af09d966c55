import { readFile, readdir, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { fixedClock } from '../../src/clock.js';
import { openLowdbStore, type LowdbStoreOptions } from '../../src/store/index.js';
import { conversation, request, tempDir } from './helpers.js';

const DAY = 86_400_000;
const NOW = new Date('2026-04-30T12:00:00.000Z');
const daysAgo = (n: number): string => new Date(NOW.getTime() - n * DAY).toISOString();

describe('retention of dead letters, never-closed requests and the audit log', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());

  const open = (over: Partial<LowdbStoreOptions> = {}) =>
    openLowdbStore({ dataDir: dir, retentionDays: 30, clock: fixedClock(NOW), ...over });

  it('deletes a dead letter and its request after the dead-letter period, and keeps a younger one', async () => {
    const store = await open({ retention: { deadLetterDays: 10 } });
    await store.conversations.put(conversation('current', daysAgo(0)));
    for (const [id, age] of [['old-dead', 11], ['young-dead', 9]] as const) {
      await store.requests.put(request(id, { submittedAt: daysAgo(age) }));
      await store.outbox.enqueue(id, new Date(daysAgo(age)));
      await store.outbox.markFailed(id, 'HTTP 500', null);
    }
    expect(await store.sweep(NOW)).toMatchObject({ requests: 1 });
    expect(await store.requests.get('old-dead')).toBeUndefined();
    expect((await store.outbox.list('dead')).map((e) => e.requestId)).toEqual(['young-dead']);
    await store.close();
    const text = await readFile(join(dir, 'outbox', 'outbox.json'), 'utf8');
    expect(text).not.toContain('old-dead');
  });

  it('deletes a request never delivered nor closed after the open-request period (API-only practices)', async () => {
    const store = await open({ retention: { openRequestDays: 60 } });
    await store.conversations.put(conversation('current', daysAgo(0)));
    await store.requests.put(request('left-open', { submittedAt: daysAgo(61), status: 'in-progress' }));
    await store.requests.put(request('still-open', { submittedAt: daysAgo(59), status: 'new' }));
    await store.requests.put(request('stuck-pending', { submittedAt: daysAgo(61) }));
    await store.outbox.enqueue('stuck-pending', new Date(daysAgo(61)));
    expect(await store.sweep(NOW)).toMatchObject({ requests: 2 });
    expect((await store.requests.list({ limit: 10, offset: 0 })).items.map((r) => r.id)).toEqual(['still-open']);
    expect(await store.outbox.list()).toEqual([]);
    await store.close();
  });

  it('never deletes an open request before a finished one would go (open period below retentionDays)', async () => {
    const store = await open({ retentionDays: 90, retention: { openRequestDays: 60 } });
    await store.conversations.put(conversation('current', daysAgo(0)));
    await store.requests.put(request('open-70', { submittedAt: daysAgo(70), status: 'new' }));
    await store.requests.put(request('open-91', { submittedAt: daysAgo(91), status: 'new' }));
    await store.sweep(NOW);
    expect((await store.requests.list({ limit: 10, offset: 0 })).items.map((r) => r.id)).toEqual(['open-70']);
    await store.close();
  });

  it('trims audit lines older than the audit period: whole old days go, the boundary day is rewritten', async () => {
    const store = await open({ retention: { auditDays: 10 } });
    await store.conversations.put(conversation('current', daysAgo(0)));
    const boundary = new Date(NOW.getTime() - 10 * DAY);
    const entries = [daysAgo(12), new Date(boundary.getTime() - 3600_000).toISOString(), new Date(boundary.getTime() + 3600_000).toISOString(), daysAgo(1)];
    for (const at of entries) await store.audit.append({ at, actor: 'bot', action: 'request.stored', requestId: `r-${at}` });
    expect(await store.sweep(NOW)).toMatchObject({ auditLines: 2 });
    expect((await store.audit.read()).map((e) => e.at)).toEqual(entries.slice(2));
    // Appends still land after a rewrite of the file they go to.
    await store.audit.append({ at: entries[2]!, actor: 'bot', action: 'again' });
    expect(await store.audit.read()).toHaveLength(3);
    await store.close();
    expect((await readdir(join(dir, 'audit'))).sort()).toEqual([`${entries[2]!.slice(0, 10)}.jsonl`, `${entries[3]!.slice(0, 10)}.jsonl`]);
  });

  it('skips the start-up sweep when the clock is years ahead of everything stored, instead of deleting it all', async () => {
    const before = await open();
    await before.conversations.put(conversation('c1', daysAgo(1)));
    await before.requests.put(request('r1', { submittedAt: daysAgo(1), status: 'closed' }));
    await before.audit.append({ at: daysAgo(1), actor: 'bot', action: 'request.stored', requestId: 'r1' });
    await before.close();

    const yearsAhead = new Date(NOW.getTime() + 5 * 365 * DAY);
    const store = await openLowdbStore({ dataDir: dir, retentionDays: 30, clock: fixedClock(yearsAhead) });
    expect(await store.sweep(yearsAhead)).toEqual({ conversations: 0, requests: 0, auditLines: 0, skipped: 'clock-ahead' });
    expect(await store.conversations.get('c1')).toBeDefined();
    expect(await store.requests.get('r1')).toBeDefined();
    expect(await store.audit.read()).toHaveLength(1);
    await store.close();
  });

  it('still sweeps normally when the clock is right: a few old records among many recent ones', async () => {
    const store = await open();
    await store.conversations.put(conversation('old', daysAgo(31)));
    for (let i = 0; i < 3; i++) await store.conversations.put(conversation(`recent-${i}`, daysAgo(i)));
    expect(await store.sweep(NOW)).toMatchObject({ conversations: 1 });
    await store.close();
  });

  it('compacts the journal by age: a deleted conversation leaves the files within the age limit, with no size floor reached', async () => {
    const clock = fixedClock(NOW);
    const store = await openLowdbStore({ dataDir: dir, retentionDays: 30, clock, compactAfterMs: 3600_000 });
    const marker = 'AGE-COMPACTION-MARKER-7731';
    await store.conversations.put({ ...conversation('gone', daysAgo(0)), snapshot: { text: marker } });
    await store.conversations.put(conversation('kept', daysAgo(0)));
    await store.conversations.delete('gone');
    await store.flush();
    const journalBytes = async () => {
      const folder = join(dir, 'conversations');
      let all = '';
      for (const name of await readdir(folder)) all += await readFile(join(folder, name), 'latin1');
      return all;
    };
    expect(await journalBytes()).toContain(marker);
    clock.advance(3600_001);
    await store.sweep(clock.now());
    await store.flush();
    expect(await journalBytes()).not.toContain(marker);
    expect(await store.conversations.get('kept')).toBeDefined();
    await store.close();
  });

  it('compacts at start-up-time age too: dead lines in old segments count from the segment file\'s age', async () => {
    const store = await open({ compactAfterMs: 3600_000 });
    await store.conversations.put({ ...conversation('gone', daysAgo(0)), snapshot: { text: 'OLD-SEGMENT-MARKER' } });
    await store.conversations.delete('gone');
    await store.close();
    const folder = join(dir, 'conversations');
    const old = new Date(Date.now() - 2 * 3600_000);
    for (const name of await readdir(folder)) await utimes(join(folder, name), old, old);

    // The clock is only the journal's "now": put it after the files' times.
    const reopened = await openLowdbStore({ dataDir: dir, retentionDays: 30, clock: fixedClock(new Date()), compactAfterMs: 3600_000 });
    await reopened.conversations.put(conversation('new', new Date().toISOString()));
    await reopened.flush();
    let all = '';
    for (const name of await readdir(folder)) all += await readFile(join(folder, name), 'latin1');
    expect(all).not.toContain('OLD-SEGMENT-MARKER');
    await reopened.close();
  });
});
