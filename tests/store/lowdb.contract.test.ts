import { openLowdbStore } from '../../src/store/index.js';
import { describeStoreContract } from './contract.js';
import { tempDir } from './helpers.js';

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
