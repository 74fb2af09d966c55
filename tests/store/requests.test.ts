import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { open, request, tempDir } from './helpers.js';

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

  it('partitions requests by UTC day of submission and a shard of the id', async () => {
    const store = await open(dir);
    await store.requests.put(request('a', { submittedAt: '2026-03-02T23:30:00.000Z' }));
    await store.requests.put(request('b', { submittedAt: '2026-03-03T00:30:00.000Z' }));
    await store.close();
    const { readdir } = await import('node:fs/promises');
    const files = (await readdir(`${dir}/requests`)).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^2026-03-02\.[0-9a-f]\.json$/);
    expect(files[1]).toMatch(/^2026-03-03\.[0-9a-f]\.json$/);
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

  it('rewrites a partition with every request as it now is, after status changes and new puts', async () => {
    const store = await open(dir);
    // Same day, so likely some share a shard; 40 of them make sure several do.
    const ids = Array.from({ length: 40 }, (_, i) => `p${i}`);
    for (const id of ids) await store.requests.put(request(id));
    await store.requests.setStatus('p3', 'received', 'reception', new Date('2026-03-02T10:00:00.000Z'));
    await store.requests.setStatus('p3', 'closed', 'dr-a', new Date('2026-03-02T11:00:00.000Z'));
    for (const id of ['p40', 'p41', 'p42']) await store.requests.put(request(id));
    await store.requests.setStatus('p41', 'in-progress', 'dr-b', new Date('2026-03-02T12:00:00.000Z'));
    await store.close();

    // Every partition file is plain JSON holding each request exactly as the store reports it.
    const files = (await readdir(join(dir, 'requests'))).filter((n) => n.endsWith('.json'));
    const onDisk: Record<string, unknown> = {};
    for (const f of files) {
      const text = await readFile(join(dir, 'requests', f), 'utf8');
      const parsed = JSON.parse(text) as { format: number; requests: Record<string, unknown> };
      expect(parsed.format).toBe(1);
      // Compact JSON, byte for byte what JSON.stringify would write (the file is written in chunks).
      expect(text).toBe(JSON.stringify(parsed));
      Object.assign(onDisk, parsed.requests);
    }
    expect(Object.keys(onDisk).sort()).toEqual([...ids, 'p40', 'p41', 'p42'].sort());
    const reopened = await open(dir);
    for (const id of Object.keys(onDisk)) expect(await reopened.requests.get(id)).toEqual(onDisk[id]);
    expect(onDisk.p3).toMatchObject({ status: 'closed', statusHistory: [{ status: 'received' }, { status: 'closed' }] });
    expect(onDisk.p41).toMatchObject({ status: 'in-progress', statusHistory: [{ status: 'in-progress', by: 'dr-b' }] });
    expect(onDisk.p7).toEqual(request('p7'));
    await reopened.close();
  });
});
