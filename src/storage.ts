import { join, resolve } from 'node:path';
import type { Clock } from './clock.js';
import type { AppEnv } from './config/env.js';
import { fileTranscripts, type TranscriptStore } from './directline/index.js';
import type { Logger } from './observability/logger.js';
import { createPostgresStore, openLowdbStore } from './store/index.js';
import { createPool } from './store/postgres/db.js';
import { pgTranscripts } from './directline/pgTranscripts.js';
import type { Store } from './store/types.js';

/** What the composition root injects for keeping data: the store, and where web chat transcripts go. */
export interface Storage {
  store: Store;
  transcripts: TranscriptStore;
  kind: 'embedded' | 'postgresql';
  /** Closes what the store does not (the transcripts' connections); after the app has closed the store. */
  release(): Promise<void>;
}

export interface StorageOptions {
  env: AppEnv;
  /** Resolved: RETENTION_DAYS, else the practice file's. */
  retentionDays: number;
  clock: Clock;
  logger: Logger;
}

/** How long each kind of record is kept, from the environment (both stores read the same settings). */
function retentionOf(env: StorageOptions['env']) {
  return {
    deadLetterDays: env.storage.deadLetterRetentionDays,
    openRequestDays: env.storage.openRequestRetentionDays,
    auditDays: env.storage.auditRetentionDays,
  };
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
    retention: retentionOf(env),
    compactAfterMs: env.storage.journalCompactAfterHours * 3600_000,
    lockStaleAfterMs: env.storage.dataLockStaleSeconds * 1000,
  });
  return { store, transcripts: fileTranscripts(join(dataDir, 'directline')), kind: 'embedded', release: () => Promise.resolve() };
}

/**
 * PostgreSQL (DATABASE_URL), shared by every bot process: resolves once the database is reachable
 * (retried with backoff meanwhile, each try logged) and its schema migrated; rejects naming host,
 * port and database (never the password) when the retry budget runs out or a migration fails.
 * Direct Line transcripts go to the same database through a small pool of their own.
 */
export async function openPostgresStorage({ env, retentionDays, clock, logger }: StorageOptions): Promise<Storage> {
  const url = env.databaseUrl;
  if (!url) throw new Error('openPostgresStorage needs DATABASE_URL');
  const store = await createPostgresStore({
    connectionString: url,
    poolSize: env.databasePoolSize,
    retentionDays,
    clock,
    logger,
    retention: retentionOf(env),
  });
  const pool = createPool({ connectionString: url, max: 2, logger });
  return { store, transcripts: pgTranscripts(pool), kind: 'postgresql', release: () => pool.end().catch(() => undefined) };
}
