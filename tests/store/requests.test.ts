import { appendFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LowdbRequestStore } from '../../src/store/lowdb/requests.js';
import { requestPartitionOf } from '../../src/store/lowdb/paths.js';
import { T0, open, request, tempDir } from './helpers.js';
import { filesContaining } from './rawBytes.js';

const MARKER = 'Zebedee-Quillfeather-4417';

describe('lowdb request store', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());

  it('stores a request once, however often and however concurrently it is put', async () => {
    const store = await open(dir);
    const results = await Promise.all([store.requests.put(request('r1')), store.requests.put(request('r1'))]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(await store.requests.put({ ...request('r1'), reference: 'CHANGED' })).toEqual({ created: false });
    expect((await store.requests.get('r1'))?.reference).toBe('REF-r1');
    await store.close();

    const reopened = await open(dir);
    expect(await reopened.requests.put(request('r1'))).toEqual({ created: false });
    expect((await reopened.requests.list({ limit: 10, offset: 0 })).total).toBe(1);
    expect(await reopened.requests.get('missing')).toBeUndefined();
    await reopened.close();
  });

  it('lists by urgency then oldest first, with filters, pagination and a total', async () => {
    const store = await open(dir);
    await store.requests.put(request('routine-old', { tier: 'routine', submittedAt: '2026-03-01T08:00:00.000Z' }));
    await store.requests.put(request('selfcare', { tier: 'selfcare', submittedAt: '2026-02-27T08:00:00.000Z' }));
    await store.requests.put(request('urgent-new', { tier: 'urgent', submittedAt: '2026-03-02T10:00:00.000Z' }));
    await store.requests.put(request('urgent-old', { tier: 'urgent', submittedAt: '2026-03-02T09:00:00.000Z' }));
    await store.requests.put(request('emergency', { tier: 'emergency', kind: 'emergency-diversion', submittedAt: '2026-03-02T11:00:00.000Z' }));
    await store.requests.put(request('routine-new', { tier: 'routine', submittedAt: '2026-03-02T08:00:00.000Z', status: 'closed' }));

    const all = await store.requests.list({ limit: 100, offset: 0 });
    expect(all.items.map((r) => r.id)).toEqual(['emergency', 'urgent-old', 'urgent-new', 'routine-old', 'routine-new', 'selfcare']);
    expect(all.total).toBe(6);

    const page = await store.requests.list({ limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 6 });
    expect(page.items.map((r) => r.id)).toEqual(['urgent-new', 'routine-old']);

    expect((await store.requests.list({ urgency: 'urgent', limit: 10, offset: 0 })).items.map((r) => r.id)).toEqual(['urgent-old', 'urgent-new']);
    expect((await store.requests.list({ status: 'closed', limit: 10, offset: 0 })).items.map((r) => r.id)).toEqual(['routine-new']);
    const since = await store.requests.list({ since: new Date('2026-03-02T09:00:00.000Z'), limit: 10, offset: 0 });
    expect(since.items.map((r) => r.id)).toEqual(['emergency', 'urgent-old', 'urgent-new']);
    await store.close();
  });

  it('records status changes with who and when, and keeps them after a restart', async () => {
    const store = await open(dir);
    await store.requests.put(request('r1'));
    await store.requests.setStatus('r1', 'received', 'reception', new Date('2026-03-02T10:00:00.000Z'));
    const updated = await store.requests.setStatus('r1', 'in-progress', 'dr-a', new Date('2026-03-02T11:00:00.000Z'));
    expect(updated?.status).toBe('in-progress');
    expect(await store.requests.setStatus('missing', 'closed', 'x', new Date())).toBeUndefined();
    await store.close();

    const reopened = await open(dir);
    const got = await reopened.requests.get('r1');
    expect(got?.statusHistory).toEqual([
      { status: 'received', by: 'reception', at: '2026-03-02T10:00:00.000Z' },
      { status: 'in-progress', by: 'dr-a', at: '2026-03-02T11:00:00.000Z' },
    ]);
    expect((await reopened.requests.list({ status: 'in-progress', limit: 5, offset: 0 })).total).toBe(1);
    await reopened.close();
  });

  it('counts only kind "request" of the given tiers in [from, to) for capacity', async () => {
    const store = await open(dir);
    await store.requests.put(request('a', { tier: 'routine', submittedAt: '2026-03-02T00:00:00.000Z' }));
    await store.requests.put(request('b', { tier: 'urgent', submittedAt: '2026-03-02T12:00:00.000Z' }));
    await store.requests.put(request('c', { tier: 'routine', submittedAt: '2026-03-03T00:00:00.000Z' }));
    await store.requests.put(request('d', { tier: 'emergency', kind: 'emergency-diversion', submittedAt: '2026-03-02T13:00:00.000Z' }));
    await store.requests.put(request('e', { tier: 'selfcare', submittedAt: '2026-03-01T23:59:59.999Z' }));
    const from = new Date('2026-03-02T00:00:00.000Z');
    const to = new Date('2026-03-03T00:00:00.000Z');
    expect(await store.requests.countSubmitted(from, to, ['routine', 'urgent'])).toBe(2);
    expect(await store.requests.countSubmitted(from, to, ['routine'])).toBe(1);
    expect(await store.requests.countSubmitted(from, to, ['emergency', 'urgent', 'routine', 'selfcare'])).toBe(2);
    await store.close();
  });

  it('keeps one append-only file per UTC day of submission', async () => {
    const store = await open(dir);
    await store.requests.put(request('a', { submittedAt: '2026-03-02T23:30:00.000Z' }));
    await store.requests.put(request('b', { submittedAt: '2026-03-03T00:30:00.000Z' }));
    await store.close();
    expect((await readdir(join(dir, 'requests'))).sort()).toEqual(['2026-03-02.jsonl', '2026-03-03.jsonl']);
  });

  it('still reads plain day partitions written before sharding', async () => {
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(`${dir}/requests`, { recursive: true });
    const old = request('old', { submittedAt: '2026-03-02T10:00:00.000Z' });
    await writeFile(`${dir}/requests/2026-03-02.json`, JSON.stringify({ format: 1, requests: { [old.id]: old } }));
    const store = await open(dir);
    expect((await store.requests.get(old.id))?.id).toBe(old.id);
    expect(await store.requests.countSubmitted(new Date('2026-03-02T00:00:00Z'), new Date('2026-03-03T00:00:00Z'), ['routine', 'urgent', 'selfcare', 'emergency'])).toBe(1);
    await store.close();
  });


  it('appends one line per put and change, never touching earlier bytes; the last line for an id wins', async () => {
    const store = await open(dir);
    const ids = Array.from({ length: 40 }, (_, i) => `p${i}`);
    for (const id of ids) await store.requests.put(request(id));
    const file = join(dir, 'requests', '2026-03-02.jsonl');
    const before = await readFile(file);
    await store.requests.setStatus('p3', 'received', 'reception', new Date('2026-03-02T10:00:00.000Z'));
    await store.requests.setStatus('p3', 'closed', 'dr-a', new Date('2026-03-02T11:00:00.000Z'));
    for (const id of ['p40', 'p41', 'p42']) await store.requests.put(request(id));
    await store.requests.setStatus('p41', 'in-progress', 'dr-b', new Date('2026-03-02T12:00:00.000Z'));
    await store.close();

    const after = await readFile(file);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    const lines = after.toString('utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(40 + 3 + 3);
    const onDisk: Record<string, { id: string }> = {};
    for (const line of lines) {
      const parsed = JSON.parse(line) as { id: string };
      // Compact JSON, byte for byte what JSON.stringify writes.
      expect(line).toBe(JSON.stringify(parsed));
      onDisk[parsed.id] = parsed;
    }
    expect(Object.keys(onDisk).sort()).toEqual([...ids, 'p40', 'p41', 'p42'].sort());
    const reopened = await open(dir);
    for (const id of Object.keys(onDisk)) expect(await reopened.requests.get(id)).toEqual(onDisk[id]);
    expect(onDisk.p3).toMatchObject({ status: 'closed', statusHistory: [{ status: 'received' }, { status: 'closed' }] });
    expect(onDisk.p41).toMatchObject({ status: 'in-progress', statusHistory: [{ status: 'in-progress', by: 'dr-b' }] });
    expect(onDisk.p7).toEqual(request('p7'));
    expect((await reopened.requests.list({ status: 'closed', limit: 10, offset: 0 })).items.map((r) => r.id)).toEqual(['p3']);
    await reopened.close();
  });

  it('stores concurrent puts and changes of one id each once, in order', async () => {
    const store = await open(dir);
    await store.requests.put(request('r0'));
    const at = (m: number) => new Date(Date.parse('2026-03-02T10:00:00.000Z') + m * 60_000);
    const results = await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => store.requests.put(request(`r${i % 15}`))),
      ...Array.from({ length: 5 }, (_, i) => store.requests.setStatus('r0', i % 2 ? 'received' : 'in-progress', `by-${i}`, at(i))),
      store.requests.updateWork('r0', (w) => ({ ...w, notes: [...w.notes, { by: 'dr-a', at: at(9).toISOString(), text: 'called back' }] })),
    ]);
    expect(results.filter((r) => r && 'created' in r && r.created)).toHaveLength(14);
    const r0 = await store.requests.get('r0');
    expect(r0?.statusHistory.map((h) => h.by)).toEqual(['by-0', 'by-1', 'by-2', 'by-3', 'by-4']);
    expect(r0?.work?.notes).toEqual([{ by: 'dr-a', at: at(9).toISOString(), text: 'called back' }]);
    await store.close();
    const reopened = await open(dir);
    expect((await reopened.requests.list({ limit: 100, offset: 0 })).total).toBe(15);
    expect(await reopened.requests.get('r0')).toEqual(r0);
    await reopened.close();
  });

  it('moves day-shards of the format before into day files at start-up, once', async () => {
    // Today's format before this change: requests/YYYY-MM-DD.<hex>.json, compact, from lowdb.
    await mkdir(join(dir, 'requests'), { recursive: true });
    const reqs = Array.from({ length: 12 }, (_, i) => request(`old-${i}`, { submittedAt: `2026-03-0${1 + (i % 2)}T10:0${i % 10}:00.000Z`, status: i === 5 ? 'received' : 'new' }));
    const shards = new Map<string, Record<string, unknown>>();
    for (const r of reqs) {
      const shard = requestPartitionOf(r.id, r.submittedAt);
      shards.set(shard, { ...shards.get(shard), [r.id]: r });
    }
    for (const [shard, requests] of shards) await writeFile(join(dir, 'requests', `${shard}.json`), JSON.stringify({ format: 1, requests }));
    expect(shards.size).toBeGreaterThan(2);

    const store = await open(dir);
    expect((await readdir(join(dir, 'requests'))).sort()).toEqual(['2026-03-01.jsonl', '2026-03-02.jsonl']);
    for (const r of reqs) expect(await store.requests.get(r.id)).toEqual(r);
    expect((await store.requests.list({ status: 'received', limit: 10, offset: 0 })).items.map((r) => r.id)).toEqual(['old-5']);
    await store.requests.setStatus('old-3', 'closed', 'dr-a', new Date('2026-03-03T09:00:00.000Z'));
    expect(await store.requests.put(reqs[0] ?? request('x'))).toEqual({ created: false });
    await store.close();

    const reopened = await open(dir);
    expect((await reopened.requests.list({ limit: 100, offset: 0 })).total).toBe(12);
    expect((await reopened.requests.get('old-3'))?.status).toBe('closed');
    await reopened.close();
  });

  it('finishes a move interrupted after the day file was written: the day file wins', async () => {
    const store = await open(dir);
    await store.requests.put(request('r1'));
    await store.requests.setStatus('r1', 'closed', 'dr-a', new Date('2026-03-02T11:00:00.000Z'));
    await store.close();
    // The partition the day file was made from, still there (a crash before it was deleted).
    const r2 = request('r2');
    await writeFile(join(dir, 'requests', '2026-03-02.a.json'), JSON.stringify({ format: 1, requests: { r1: request('r1'), r2 } }));

    const reopened = await open(dir);
    expect((await reopened.requests.get('r1'))?.status).toBe('closed');
    expect(await reopened.requests.get('r2')).toEqual(r2);
    expect(await readdir(join(dir, 'requests'))).toEqual(['2026-03-02.jsonl']);
    await reopened.close();
  });

  it('skips a torn last line and appends after it on a fresh line', async () => {
    const store = await open(dir);
    await store.requests.put(request('r1'));
    await store.requests.put(request('r2'));
    await store.close();
    const file = join(dir, 'requests', '2026-03-02.jsonl');
    // A kill -9 (or power cut) in the middle of an append that was never acknowledged.
    await appendFile(file, JSON.stringify(request('r3')).slice(0, 50));

    const reopened = await open(dir);
    expect((await reopened.requests.list({ limit: 10, offset: 0 })).items.map((r) => r.id)).toEqual(['r1', 'r2']);
    await reopened.requests.put(request('r3'));
    await reopened.requests.setStatus('r1', 'received', 'reception', new Date('2026-03-02T10:00:00.000Z'));
    await reopened.close();
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines[2]).toBe(JSON.stringify(request('r3')).slice(0, 50));

    const again = await open(dir);
    expect((await again.requests.list({ limit: 10, offset: 0 })).items.map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    expect((await again.requests.get('r1'))?.status).toBe('received');
    await again.close();
  });

  it('refuses a day file with a line that parses but is not a request, and leaves it untouched', async () => {
    await mkdir(join(dir, 'requests'), { recursive: true });
    const file = join(dir, 'requests', '2026-03-02.jsonl');
    const content = `${JSON.stringify(request('r1'))}\n{"id":"r2"}\n`;
    await writeFile(file, content);
    await expect(open(dir)).rejects.toMatchObject({ name: 'StoreFileError', file });
    expect(await readFile(file, 'utf8')).toBe(content);
  });

  it('compacts a day file once earlier versions outweigh the current ones', async () => {
    await mkdir(join(dir, 'requests'), { recursive: true });
    const requests = await LowdbRequestStore.open({ dataDir: dir, compactMinDeadBytes: 4096 });
    for (let i = 0; i < 5; i++) await requests.put(request(`c${i}`));
    for (let n = 0; n < 60; n++) await requests.setStatus(`c${n % 5}`, n % 2 ? 'received' : 'in-progress', `by-${n}`, new Date(Date.parse(T0) + n * 1000));
    await requests.idle();
    const file = join(dir, 'requests', '2026-03-02.jsonl');
    const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l !== '');
    const live = (await Promise.all(['c0', 'c1', 'c2', 'c3', 'c4'].map((id) => requests.get(id)))).map((r) => JSON.stringify(r));
    const liveBytes = live.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
    // At most as many dead bytes as live ones plus the floor, and one line more at most.
    expect(lines.length).toBeLessThan(60);
    expect((await stat(file)).size).toBeLessThanOrEqual(2 * liveBytes + 4096 + Math.max(...live.map((l) => l.length)) + 1);
    for (const r of live) expect(lines).toContain(r);

    const reopened = await LowdbRequestStore.open({ dataDir: dir });
    for (let i = 0; i < 5; i++) expect(JSON.stringify(await reopened.get(`c${i}`))).toBe(live[i]);
  });

  it('a removed request leaves no byte in its day file, whatever versions it had, while the others stay', async () => {
    const store = await open(dir);
    await store.requests.put({ ...request('r1'), patient: { name: MARKER } });
    await store.requests.put(request('r2'));
    await store.requests.setStatus('r1', 'received', 'reception', new Date('2026-03-02T10:00:00.000Z'));
    await store.requests.setStatus('r2', 'received', 'reception', new Date('2026-03-02T10:00:00.000Z'));
    await store.requests.setStatus('r1', 'closed', 'dr-a', new Date('2026-03-02T11:00:00.000Z'));
    expect(await filesContaining(dir, MARKER)).toHaveLength(1);
    // Racing changes of both, and a new put, while the removal runs.
    const [, , removed] = await Promise.all([
      store.requests.setStatus('r1', 'in-progress', 'dr-b', new Date('2026-03-02T12:00:00.000Z')),
      store.requests.setStatus('r2', 'in-progress', 'dr-b', new Date('2026-03-02T12:00:00.000Z')),
      store.erase({ requestId: 'r1' }),
      store.requests.put(request('r3')),
    ]);
    expect(removed?.requestIds).toEqual(['r1']);
    await store.flush();
    expect(await filesContaining(dir, MARKER)).toEqual([]);
    expect(await filesContaining(join(dir, 'requests'), '"r1"')).toEqual([]);
    expect(await store.requests.get('r1')).toBeUndefined();
    expect((await store.requests.get('r2'))?.statusHistory.map((h) => h.status)).toEqual(['received', 'in-progress']);
    await store.close();

    const reopened = await open(dir);
    expect((await reopened.requests.list({ limit: 10, offset: 0 })).items.map((r) => r.id)).toEqual(['r2', 'r3']);
    expect((await reopened.requests.get('r2'))?.status).toBe('in-progress');
    await reopened.close();
  });
});
