import { LowdbStore, type LowdbStoreOptions } from './lowdb/store.js';
import type { Store } from './types.js';

export type * from './types.js';
export { StoreClosedError, StoreFileError, StoreLockedError } from './lowdb/errors.js';
export { RETENTION_DEFAULTS, type LowdbStoreOptions, type RetentionPeriods } from './lowdb/store.js';

/**
 * Opens the embedded lowdb store in `dataDir` (created if missing). Fails fast with StoreLockedError
 * if another process uses the directory, and with StoreFileError naming the file if a data file is
 * corrupt or unreadable (the file is left untouched).
 */
export function openLowdbStore(options: LowdbStoreOptions): Promise<Store> {
  return LowdbStore.open(options);
}
