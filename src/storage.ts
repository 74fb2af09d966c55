import { join, resolve } from 'node:path';
import type { Clock } from './clock.js';
import type { AppEnv } from './config/env.js';
import { fileTranscripts, type TranscriptStore } from './directline/index.js';
import type { Logger } from './observability/logger.js';
import { openLowdbStore } from './store/index.js';
import type { Store } from './store/types.js';

/** What the composition root injects for keeping data: the store, and where web chat transcripts go. */
export interface Storage {
  store: Store;
  transcripts: TranscriptStore;
  kind: 'embedded' | 'postgresql';
}

export interface StorageOptions {
  env: AppEnv;
  /** Resolved: RETENTION_DAYS, else the practice file's. */
  retentionDays: number;
  clock: Clock;
  logger: Logger;
}

/**
 * The embedded store in DATA_DIR (which it creates, 0700, and locks for this one process), with
 * Direct Line transcripts in DATA_DIR/directline.
 */
export async function openEmbeddedStorage({ env, retentionDays, clock, logger }: StorageOptions): Promise<Storage> {
  const dataDir = resolve(env.dataDir);
  const store = await openLowdbStore({
    dataDir,
    retentionDays,
    clock,
    logger,
    retention: {
      deadLetterDays: env.storage.deadLetterRetentionDays,
      openRequestDays: env.storage.openRequestRetentionDays,
      auditDays: env.storage.auditRetentionDays,
    },
    compactAfterMs: env.storage.journalCompactAfterHours * 3600_000,
    lockStaleAfterMs: env.storage.dataLockStaleSeconds * 1000,
  });
  return { store, transcripts: fileTranscripts(join(dataDir, 'directline')), kind: 'embedded' };
}

/** PostgreSQL (DATABASE_URL): filled in once the store's factory lands (s3-pgstore). */
export async function openPostgresStorage(_options: StorageOptions): Promise<Storage> {
  throw new Error('DATABASE_URL is set but this build has no PostgreSQL store');
}
