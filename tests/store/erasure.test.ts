import { fixedClock } from '../../src/clock.js';
import { openLowdbStore, type Store } from '../../src/store/index.js';
import { T0, conversation, request, tempDir } from './helpers.js';
import { filesContaining } from './rawBytes.js';

const MARKER = 'Zebedee-Quillfeather-4417';

describe('erasure of one request or one conversation', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let store: Store;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    store = await openLowdbStore({ dataDir: dir, retentionDays: 30, clock: fixedClock(T0) });
  });
  afterEach(async () => {
    await store.close();
    await cleanup();
  });

  /** A patient's conversation, over several turns, that produced a delivered request; plus a bystander. */
  async function seed(): Promise<void> {
    const convId = 'webchat:patient-1';
    for (let turn = 0; turn < 5; turn++) {
      await store.conversations.put({ ...conversation(convId), snapshot: { turn, patient: { name: `${MARKER} turn ${turn}` } } });
    }
    const r = { ...request('req-1'), conversationId: convId, patient: { name: MARKER }, texts: [{ step: 'describe', text: `pain, says ${MARKER}`, lang: 'eng' as const, at: T0 }] };
    await store.requests.put(r);
    await store.outbox.enqueue('req-1', new Date(T0));
    await store.outbox.markDelivered('req-1', new Date(T0));
    await store.conversations.put(conversation('webchat:bystander'));
    await store.requests.put(request('req-2'));
    await store.outbox.enqueue('req-2', new Date(T0));
    await store.flush();
    expect((await filesContaining(dir, MARKER)).length).toBeGreaterThan(1);
  }

  it('erases a request and the conversation it came from: no byte of them is left in any file', async () => {
    await seed();
    expect(await store.erase({ requestId: 'req-1' })).toEqual({ conversationId: 'webchat:patient-1', requestIds: ['req-1'] });
    await store.flush();
    expect(await filesContaining(dir, MARKER)).toEqual([]);
    expect(await filesContaining(dir, 'req-1')).toEqual([]);
    expect(await store.requests.get('req-1')).toBeUndefined();
    expect(await store.conversations.get('webchat:patient-1')).toBeUndefined();
    expect((await store.outbox.list()).map((e) => e.requestId)).toEqual(['req-2']);
    // The bystander is untouched.
    expect(await store.conversations.get('webchat:bystander')).toBeDefined();
    expect(await store.requests.get('req-2')).toBeDefined();
  });

  it('erases a conversation with every request it produced, and it stays erased after a restart', async () => {
    await seed();
    expect(await store.erase({ conversationId: 'webchat:patient-1' })).toEqual({ conversationId: 'webchat:patient-1', requestIds: ['req-1'] });
    await store.close();
    store = await openLowdbStore({ dataDir: dir, retentionDays: 30, clock: fixedClock(T0) });
    expect(await store.conversations.get('webchat:patient-1')).toBeUndefined();
    expect(await store.requests.get('req-1')).toBeUndefined();
    expect(await store.outbox.list('delivered')).toEqual([]);
    expect(await filesContaining(dir, MARKER)).toEqual([]);
  });

  it('answers undefined for something not stored, including a second erasure', async () => {
    await seed();
    expect(await store.erase({ requestId: 'req-1' })).toBeDefined();
    expect(await store.erase({ requestId: 'req-1' })).toBeUndefined();
    expect(await store.erase({ conversationId: 'webchat:patient-1' })).toBeUndefined();
    expect(await store.erase({ requestId: 'never-was' })).toBeUndefined();
  });

  it('erases while other conversations keep writing: the erasure finishes and they all keep their latest value', async () => {
    await seed();
    const busy = Array.from({ length: 300 }, (_, i) =>
      store.conversations.put({ ...conversation(`webchat:busy-${i % 30}`), updatedAt: new Date(Date.parse(T0) + i).toISOString() }),
    );
    const [report] = await Promise.all([store.erase({ requestId: 'req-1' }), ...busy]);
    expect(report?.requestIds).toEqual(['req-1']);
    await store.flush();
    expect(await filesContaining(dir, MARKER)).toEqual([]);
    for (let k = 0; k < 30; k++) expect((await store.conversations.get(`webchat:busy-${k}`))?.updatedAt).toBe(new Date(Date.parse(T0) + 270 + k).toISOString());
  });

  it('drops the earlier versions of a conversation from the files when asked to forget them', async () => {
    await store.conversations.put({ ...conversation('webchat:declined'), snapshot: { name: MARKER } });
    await store.conversations.put({ ...conversation('webchat:declined'), snapshot: { step: 'ended' } }, { forgetEarlier: true });
    await store.flush();
    expect(await filesContaining(dir, MARKER)).toEqual([]);
    expect((await store.conversations.get('webchat:declined'))?.snapshot).toEqual({ step: 'ended' });
  });
});
