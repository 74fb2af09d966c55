import { createPostgresStore } from '../../src/store/index.js';
import { describeStoreContract } from './contract.js';
import { createTestDatabase, describePg, type TestDatabase } from './pg.js';

describePg('store contract: PostgreSQL', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  describeStoreContract(async ({ retentionDays, clock }) => {
    const open = () => createPostgresStore({ connectionString: db.url, retentionDays, clock, connect: { attempts: 1 } });
    let store = await open();
    // One database per file: each test starts from empty tables.
    await db.sql('TRUNCATE conversations, requests, outbox, audit RESTART IDENTITY');
    return {
      store,
      async reopen() {
        await store.close();
        store = await open();
        return store;
      },
      cleanup: async () => undefined,
    };
  });
});
