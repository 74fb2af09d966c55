import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * PostgreSQL for tests: they run whenever DATABASE_URL is set (CI's .ci/run sets it), and are skipped
 * with a note otherwise. Each test file makes its own database (gp_test_<random>) on that server and
 * drops it at the end, so parallel jest workers never share one.
 */
export const DATABASE_URL = process.env.DATABASE_URL;

export function describePg(name: string, body: () => void): void {
  if (DATABASE_URL) {
    describe(name, body);
    return;
  }
  describe.skip(`${name} (skipped: DATABASE_URL is not set)`, body);
  console.warn(`PostgreSQL tests skipped: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run "${name}".`);
}

export interface TestDatabase {
  /** Connection string of the new database. */
  url: string;
  name: string;
  /** Runs one statement in the new database (its own short connection). */
  sql<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!DATABASE_URL) throw new Error('DATABASE_URL is not set');
  const server = DATABASE_URL;
  const name = `gp_test_${randomBytes(6).toString('hex')}`;
  await onServer(server, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = withDatabase(server, name);
  return {
    url,
    name,
    sql: (text, values) => onServer(url, async (c) => (await c.query(text, values)).rows),
    drop: () => onServer(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
