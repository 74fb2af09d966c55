import { fixedClock } from '../../src/clock.js';
import { createStore, openLowdbStore } from '../../src/store/index.js';
import { describeStoreContract } from './contract.js';
import { T0, tempDir } from './helpers.js';

describe('store contract: lowdb', () => {
  describeStoreContract(async ({ retentionDays, clock }) => {
    const { dir, cleanup } = await tempDir();
    const open = () => openLowdbStore({ dataDir: dir, retentionDays, clock });
    let store = await open();
    return {
      store,
      async reopen() {
        await store.close();
        store = await open();
        return store;
      },
      cleanup,
    };
  });
});

describe('createStore', () => {
  it('opens the embedded store when no database URL is given', async () => {
    const { dir, cleanup } = await tempDir();
    const store = await createStore({ dataDir: dir, retentionDays: 30, clock: fixedClock(T0), databaseUrl: '' });
    expect(store.shared).toBe(false);
    expect(await store.checkWritable()).toBe(true);
    await store.close();
    await cleanup();
  });
});
