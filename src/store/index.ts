import { LowdbStore, type LowdbStoreOptions } from './lowdb/store.js';
import { PostgresStore, type PostgresStoreOptions } from './postgres/store.js';
import type { ConnectRetry } from './postgres/connect.js';
import type { Store } from './types.js';

export type * from './types.js';
export { StoreClosedError, StoreFileError, StoreLockedError } from './lowdb/errors.js';
export { RETENTION_DEFAULTS, type LowdbStoreOptions, type RetentionPeriods } from './lowdb/store.js';
export { StoreUnavailableError, type ConnectRetry } from './postgres/connect.js';
export { MigrationError, loadMigrations, type Migration } from './postgres/migrate.js';
export type { PostgresStore, PostgresStoreOptions } from './postgres/store.js';
export { withoutNul, toJsonb, type Queryable } from './postgres/db.js';
export { describeDatabase } from './postgres/db.js';

/**
 * Opens the embedded lowdb store in `dataDir` (created if missing). Fails fast with StoreLockedError
 * if another process uses the directory, and with StoreFileError naming the file if a data file is
 * corrupt or unreadable (the file is left untouched).
 */
export function openLowdbStore(options: LowdbStoreOptions): Promise<Store> {
  return LowdbStore.open(options);
}

/**
 * Opens the PostgreSQL store: connects (retrying with backoff while the database is down), applies
 * the schema migrations under an advisory lock, and resolves once both are done. Rejects with
 * StoreUnavailableError (naming host, port and database, never the password) after the retry budget,
 * or MigrationError when a migration fails (rolled back; start-up must stop).
 */
export function createPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  return PostgresStore.open(options);
}

export type CreateStoreOptions = LowdbStoreOptions & {
  /** DATABASE_URL: when set, PostgreSQL; otherwise the embedded store in `dataDir`. */
  databaseUrl?: string | undefined;
  /** PostgreSQL only: start-up retries while the database is down. */
  connect?: ConnectRetry;
  /** PostgreSQL only: connections in the pool (default 10). */
  poolSize?: number;
};

/** The one choice of store for the composition root: PostgreSQL when a database URL is given, else lowdb. */
export function createStore(options: CreateStoreOptions): Promise<Store> {
  const { databaseUrl, connect, poolSize, dataDir: _dataDir, compactAfterMs: _c, lockStaleAfterMs: _l, ...common } = options;
  if (databaseUrl) {
    return PostgresStore.open({
      ...common,
      connectionString: databaseUrl,
      ...(connect ? { connect } : {}),
      ...(poolSize !== undefined ? { poolSize } : {}),
    });
  }
  return LowdbStore.open(options);
}
