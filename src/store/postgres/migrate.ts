import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { Logger } from '../../observability/logger.js';
import { LOCKS, LOCK_NAMESPACE, checkout, safeMessage } from './db.js';

/** One versioned schema change: `migrations/NNN_name.sql`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migrations folder: next to this module (src/ under tsx, dist/ after `npm run build` copies it). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

const FILE = /^(\d{3,})_([a-z0-9_]+)\.sql$/;

/** Reads `NNN_name.sql` files in version order; a gap or a repeated version is a packaging bug. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    throw new Error(`PostgreSQL migrations not found in ${dir} (${safeMessage(err)}); was the build run?`, { cause: err });
  }
  const migrations = names
    .flatMap((name) => {
      const match = FILE.exec(name);
      return match ? [{ version: Number(match[1]), name: match[2] ?? name, sql: readFileSync(`${dir}/${name}`, 'utf8') }] : [];
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`PostgreSQL migrations in ${dir} are not numbered 1, 2, 3…: found ${m.version} at position ${i + 1}`);
  });
  if (migrations.length === 0) throw new Error(`no PostgreSQL migrations in ${dir}`);
  return migrations;
}

function checksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

/** A migration failed: it was rolled back, and the ones after it were not tried. */
export class MigrationError extends Error {
  readonly code = 'STORE_MIGRATION';
  constructor(
    readonly version: number,
    readonly migration: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`PostgreSQL migration ${String(version).padStart(3, '0')}_${migration} failed and was rolled back: ${reason}`, options);
    this.name = 'MigrationError';
  }
}

export interface MigrateResult {
  /** Versions applied now. */
  applied: number[];
  /** The schema version after the run. */
  version: number;
}

/**
 * Brings the schema up to the newest migration. Runs under a session advisory lock, so processes
 * starting together migrate one at a time (the others wait, then find nothing to do). Each migration
 * runs in its own transaction together with its row in schema_migrations: a failure rolls it back
 * whole and stops (MigrationError); the migrations before it stay applied. A migration already
 * applied whose file has changed since stops start-up too.
 */
export async function migrate(pool: pg.Pool, options: { migrations?: readonly Migration[]; logger?: Logger } = {}): Promise<MigrateResult> {
  const migrations = options.migrations ?? loadMigrations();
  const { client, release } = await checkout(pool, options.logger);
  let broken: Error | undefined;
  try {
    // A migration (or waiting for another process's) may take longer than the pool's statement limit.
    await client.query('SET statement_timeout = 0');
    await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_NAMESPACE, LOCKS.migrate]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const { rows } = await client.query<{ version: number; name: string; checksum: string }>('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
      const done = new Map(rows.map((r) => [r.version, r]));
      for (const m of migrations) {
        const row = done.get(m.version);
        if (row && row.checksum !== checksum(m.sql)) {
          throw new MigrationError(m.version, m.name, 'already applied, but its file has changed since; restore the file (add a new migration instead)');
        }
      }
      const newest = Math.max(0, ...rows.map((r) => r.version));
      const known = migrations.at(-1)?.version ?? 0;
      if (newest > known) options.logger?.warn({ schemaVersion: newest, knownVersion: known }, 'the database schema is newer than this version of the bot knows');
      const applied: number[] = [];
      for (const m of migrations) {
        if (done.has(m.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, checksum(m.sql)]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK').catch((e: unknown) => {
            broken = e instanceof Error ? e : new Error(String(e));
          });
          throw new MigrationError(m.version, m.name, safeMessage(err), { cause: err });
        }
        applied.push(m.version);
        options.logger?.info({ version: m.version, migration: m.name }, 'PostgreSQL migration applied');
      }
      return { applied, version: Math.max(newest, ...applied) };
    } finally {
      if (!broken) await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, LOCKS.migrate]).catch(() => undefined);
    }
  } catch (err) {
    broken ??= err instanceof MigrationError ? undefined : (err as Error);
    throw err;
  } finally {
    // Destroyed rather than reused: it carries the lifted statement limit (and, if it failed mid-way, its session lock).
    release(broken ?? new Error('migration connection is not reused'));
  }
}
