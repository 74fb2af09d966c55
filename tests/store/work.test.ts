import { open, request, tempDir } from './helpers.js';

describe('lowdb request store: staff work (updateWork)', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());

  it('applies concurrent changes one after another (none lost) and keeps them after a restart', async () => {
    const store = await open(dir);
    await store.requests.put(request('r1'));
    const note = (text: string) => store.requests.updateWork('r1', (w) => ({ ...w, notes: [...w.notes, { by: 'a', at: '2026-03-02T10:00:00.000Z', text }] }));
    await Promise.all([note('one'), note('two'), note('three'), store.requests.updateWork('r1', (w) => ({ ...w, assignedTo: 'Dr A' }))]);
    await store.close();

    const reopened = await open(dir);
    const r = await reopened.requests.get('r1');
    expect(r?.work?.notes.map((n) => n.text).sort()).toEqual(['one', 'three', 'two']);
    expect(r?.work?.assignedTo).toBe('Dr A');
    // The bot's triage and the status are untouched.
    expect(r?.triage.tier).toBe('routine');
    expect(r?.status).toBe('new');
    expect(await reopened.requests.updateWork('missing', (w) => w)).toBeUndefined();
    await reopened.close();
  });

  it('starts from empty work and never lets a change reach the stored object in place', async () => {
    const store = await open(dir);
    await store.requests.put(request('r2'));
    let seen: unknown;
    await store.requests.updateWork('r2', (w) => {
      seen = structuredClone(w);
      w.notes.push({ by: 'x', at: 'y', text: 'mutated in place' });
      return { notes: [], regrades: [] };
    });
    expect(seen).toEqual({ notes: [], regrades: [] });
    expect((await store.requests.get('r2'))?.work).toEqual({ notes: [], regrades: [] });
    await store.close();
  });
});
