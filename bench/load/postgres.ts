/**
 * `npm run bench:load -- --postgres` (needs DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres):
 * the real bot on PostgreSQL beside the embedded store, in the same run and with the same driver:
 *   1. turns/s, p50/p99 and the bot process's CPU per turn, the two servers taking turns in blocks;
 *   2. turn latency with 1,000 vs 1,000,000 stored requests on PostgreSQL (seeded with one
 *      INSERT … SELECT generate_series, not through the API; vacuumed and analysed before the run).
 * Conversations are varied: the tuning vignettes (tests/triage/vignettes/*.json, never the held-out
 * folder) with their descriptions lengthened to long free text, then the routine path to the end,
 * since screening cost depends on the text. Each run gets fresh databases (dropped at the end).
 * PostgreSQL's own CPU is not in the bot's CPU per turn: it is a separate server process.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { systemClock } from '../../src/clock.js';
import { createPostgresStore } from '../../src/store/index.js';
import { childStats, procCpuSeconds, projectRoot, startServer, stopChild, waitReady, type Child } from './child.js';
import { percentile, ROUTINE_ANSWERS, send } from './driver.js';
import { syntheticRequest } from './seed.js';

interface Vignette {
  id: string;
  text: string;
  need?: string;
}

/** Neutral context people add to a description (no red flags), to make descriptions long free text. */
const FILLER = [
  'It has been bothering me for a while and I wanted to get it looked at properly.',
  'I have tried to carry on as normal at work but it keeps coming back.',
  'I am not sure whether it is anything to worry about, my partner said I should ask.',
  'I have had something a bit like this before, a few years ago, and it settled by itself.',
  'I looked on the NHS website but I could not tell which part applied to me.',
  'It is worse some days than others and I cannot see a pattern.',
  'I would rather speak to someone at the surgery than keep guessing.',
  'I have not changed anything in my routine recently as far as I know.',
];

/** The tuning vignettes only: the files at the top of tests/triage/vignettes (the held-out folder is never read). */
export function loadVignettes(): Vignette[] {
  const files = ['routine', 'urgent', 'selfcare', 'round2', 'emergency'];
  const all: Vignette[] = [];
  for (const f of files) {
    const cases = (JSON.parse(readFileSync(join(projectRoot, 'tests', 'triage', 'vignettes', `${f}.json`), 'utf8')) as { cases: Vignette[] }).cases;
    all.push(...cases.map((c) => ({ id: c.id, text: c.text, ...(c.need ? { need: c.need } : {}) })));
  }
  return all;
}

/** The description made long: the vignette's words first, then 3–6 sentences of context. */
function longText(v: Vignette, n: number): string {
  const extra = Array.from({ length: 3 + (n % 4) }, (_, i) => FILLER[(n + i * 3) % FILLER.length]);
  return [v.text.endsWith('.') ? v.text : `${v.text}.`, ...extra].join(' ');
}

/** Answers whatever the bot asks: the vignette for need/describe, 'no' to its questions, the routine answers after. */
function answerFor(state: string, v: Vignette, n: number): string | undefined {
  if (state === 'need') return v.need ?? 'need.new';
  if (state === 'describe') return longText(v, n);
  if (state === 'triageQuestion' || state === 'confirm') return 'no';
  return ROUTINE_ANSWERS[state];
}

/**
 * One vignette conversation to its end (sent, diverted, signposted, or a step the routine answers
 * do not cover): every turn is timed. Bounded at 40 turns.
 */
export async function runVignette(url: string, conversationId: string, v: Vignette, n: number, record: (ms: number) => void): Promise<void> {
  let state = '';
  const seen = new Map<string, number>();
  for (let turn = 0; turn < 40; turn++) {
    const answer = answerFor(state, v, n);
    if (answer === undefined || state === 'submitted') return;
    const r = await send(url, conversationId, answer);
    if (r.status !== 200) throw new Error(`HTTP ${r.status} after '${state}'`);
    record(r.ms);
    if (r.state === 'error') throw new Error(`'dialog.error' after '${state}'`);
    // A step asked again and again (an answer it does not take) ends the conversation here.
    const times = (seen.get(r.state) ?? 0) + 1;
    seen.set(r.state, times);
    if (times > 6) return;
    state = r.state;
  }
}

interface Run {
  turns: number;
  seconds: number;
  latencies: number[];
  errors: string[];
  cpuSeconds: number;
  allTurns: number;
  /** PostgreSQL's side, when the child is on PostgreSQL: its backends' CPU and the WAL written meanwhile. */
  pgCpuSeconds?: number;
  walBytes?: number;
}

/**
 * PostgreSQL's own work for a block: the CPU of the backends serving the bench database (from
 * /proc, so only with the server on this machine; a backend that exits during the block loses its
 * share) and the WAL written meanwhile (the whole server's: on a shared server other work adds to it).
 */
export interface PgMeter {
  sample(): Promise<{ cpu: Map<number, number>; lsn: string }>;
}

export function pgMeter(monitor: pg.Client, database: string): PgMeter {
  return {
    async sample() {
      const { rows } = await monitor.query<{ pid: number; lsn: string }>(
        `SELECT a.pid, pg_current_wal_lsn()::text AS lsn FROM pg_stat_activity a WHERE a.datname = $1 AND a.pid <> pg_backend_pid()
         UNION ALL SELECT 0, pg_current_wal_lsn()::text`,
        [database],
      );
      const cpu = new Map<number, number>();
      for (const r of rows) {
        if (r.pid === 0) continue;
        try {
          cpu.set(r.pid, procCpuSeconds(r.pid));
        } catch {
          // Not on this machine, or exited since: not counted.
        }
      }
      return { cpu, lsn: rows[rows.length - 1]?.lsn ?? '0/0' };
    },
  };
}

const lsnBytes = (lsn: string): bigint => {
  const [hi = '0', lo = '0'] = lsn.split('/');
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
};

async function timed(child: Child, seconds: number, concurrency: number, vignettes: Vignette[], prefix: string, meter?: PgMeter): Promise<Run> {
  const latencies: number[] = [];
  const errors: string[] = [];
  let allTurns = 0;
  const pgBefore = await meter?.sample();
  const before = await childStats(child);
  const deadline = performance.now() + seconds * 1000;
  const record = (ms: number) => {
    allTurns += 1;
    if (performance.now() <= deadline) latencies.push(ms);
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      for (let i = 0; performance.now() < deadline && i < 100_000; i++) {
        const n = next++;
        const v = vignettes[n % vignettes.length];
        if (!v) return;
        try {
          await runVignette(child.url, `${prefix}-${w}-${i}`, v, n, record);
        } catch (err) {
          if (errors.length < 5) errors.push(`${v.id}: ${(err as Error).message}`);
          else errors.push('');
        }
      }
    }),
  );
  const after = await childStats(child);
  const pgAfter = await meter?.sample();
  const cpu = (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / 1e6;
  const run: Run = { turns: latencies.length, seconds, latencies, errors, cpuSeconds: cpu, allTurns };
  if (pgBefore && pgAfter) {
    run.pgCpuSeconds = [...pgAfter.cpu].reduce((n, [pid, s]) => n + s - (pgBefore.cpu.get(pid) ?? 0), 0);
    run.walBytes = Number(lsnBytes(pgAfter.lsn) - lsnBytes(pgBefore.lsn));
  }
  return run;
}

function describeRuns(label: string, runs: Run[]): { tps: number; p50: number; p99: number; cpuUs: number; errors: number } {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const turns = runs.reduce((n, r) => n + r.turns, 0);
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  const cpu = runs.reduce((n, r) => n + r.cpuSeconds, 0);
  const all = runs.reduce((n, r) => n + r.allTurns, 0);
  const errors = runs.flatMap((r) => r.errors);
  const out = { tps: turns / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), cpuUs: (cpu / Math.max(1, all)) * 1e6, errors: errors.length };
  const metered = runs.filter((r) => r.pgCpuSeconds !== undefined);
  const meteredTurns = Math.max(1, metered.reduce((n, r) => n + r.allTurns, 0));
  const pgSide =
    metered.length > 0
      ? `  PostgreSQL CPU ${((metered.reduce((n, r) => n + (r.pgCpuSeconds ?? 0), 0) / meteredTurns) * 1e6).toFixed(0).padStart(4)} µs/turn  WAL ${(metered.reduce((n, r) => n + (r.walBytes ?? 0), 0) / meteredTurns).toFixed(0)} B/turn`
      : '';
  console.log(
    `  ${label.padEnd(10)} ${out.tps.toFixed(0).padStart(6)} turns/s  p50 ${out.p50.toFixed(2).padStart(7)} ms  p99 ${out.p99.toFixed(2).padStart(7)} ms  bot CPU ${out.cpuUs.toFixed(0).padStart(5)} µs/turn${pgSide}  errors ${errors.length}${errors.some(Boolean) ? ` (${errors.filter(Boolean).join('; ')})` : ''}`,
  );
  return out;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function onDatabase<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database with the store's schema (its migrations, as start-up applies them). */
async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  await onDatabase(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = withDatabase(serverUrl, name);
  await (await createPostgresStore({ connectionString: url, retentionDays: 3650, clock: systemClock })).close();
  return url;
}

/**
 * `count` delivered requests spread over the 360 days before now (none today, as the embedded seed),
 * each a ~1.5 KB JSONB shaped like a real one, with its delivered outbox row: one statement each.
 */
async function seedRequests(url: string, count: number): Promise<void> {
  const template = syntheticRequest(0, Date.now());
  const { id: _id, reference: _r, conversationId: _c, createdAt: _ca, submittedAt: _s, status: _st, triage, ...rest } = template;
  await onDatabase(url, async (c) => {
    await c.query(
      `INSERT INTO requests (id, conversation_id, kind, status, tier, created_at, submitted_at, request)
       SELECT 'seed-' || g, 'seed-conv-' || g, 'request', st, tr, ts, ts,
              $2::jsonb || jsonb_build_object('id', 'seed-' || g, 'reference', 'S' || g, 'conversationId', 'seed-conv-' || g,
                'createdAt', ts, 'submittedAt', ts, 'status', st, 'triage', $3::jsonb || jsonb_build_object('tier', tr))
       FROM generate_series(1, $1::int) AS g,
            LATERAL (SELECT date_trunc('day', now()) - interval '1 second' - ((g % 360) * interval '1 day') - ((g % 80000) * interval '1 second') AS ts,
                            (ARRAY['urgent', 'routine', 'selfcare'])[1 + g % 3] AS tr,
                            CASE WHEN g % 3 = 0 THEN 'closed' ELSE 'new' END AS st) AS x`,
      [count, JSON.stringify(rest), JSON.stringify(triage)],
    );
    await c.query(
      `INSERT INTO outbox (request_id, idempotency_key, state, attempts, next_attempt_at, created_at, delivered_at)
       SELECT id, md5(id), 'delivered', 1, submitted_at, submitted_at, submitted_at FROM requests WHERE id LIKE 'seed-%'`,
    );
    // Vacuumed and analysed now, so autovacuum does not wake on a million new rows during the measurement.
    await c.query('VACUUM (ANALYZE) requests, outbox');
    // The seed's dirty pages written out now, not by a checkpoint in the middle of the measurement.
    await c.query('CHECKPOINT');
  });
}

export interface PostgresBenchOptions {
  databaseUrl: string;
  env: Record<string, string>;
  concurrency: number;
  seconds: number;
  rounds: number;
  big: number;
}

export async function runPostgresBench(o: PostgresBenchOptions): Promise<void> {
  const vignettes = loadVignettes();
  const tag = randomBytes(4).toString('hex');
  const databases: string[] = [];
  const children: Child[] = [];
  const dirs: string[] = [];
  const start = async (env: Record<string, string>, label: string): Promise<Child> => {
    const dir = await mkdtemp(join(tmpdir(), `bench-pg-${label}-`));
    dirs.push(dir);
    const child = await startServer({ dataDir: dir, env: { ...o.env, ...env }, probe: true, built: true }, 120_000);
    children.push(child);
    await waitReady(child, '/ready', 120_000);
    return child;
  };
  const database = async (suffix: string): Promise<string> => {
    const name = `bench_load_${tag}_${suffix}`;
    databases.push(name);
    return freshDatabase(o.databaseUrl, name);
  };
  const monitor = new pg.Client({ connectionString: o.databaseUrl });
  await monitor.connect();
  try {
    console.log(`\nPostgreSQL beside the embedded store (${vignettes.length} tuning vignettes with long descriptions, ${o.concurrency} concurrent; machine shared and noisy)`);
    console.log(`\nP1. Throughput: ${o.seconds} s per store in ${o.rounds} blocks taken in turn`);
    const embedded = await start({}, 'embedded');
    const onPg = await start({ DATABASE_URL: await database('turns') }, 'pg');
    const contenders: { label: string; child: Child; runs: Run[]; meter?: PgMeter }[] = [
      { label: 'embedded', child: embedded, runs: [] },
      { label: 'postgresql', child: onPg, runs: [], meter: pgMeter(monitor, `bench_load_${tag}_turns`) },
    ];
    for (const c of contenders) await timed(c.child, 2, o.concurrency, vignettes, `warm-${c.label}`);
    for (let round = 0; round < o.rounds; round++) {
      const order = round % 2 === 0 ? contenders : [...contenders].reverse();
      for (const c of order) c.runs.push(await timed(c.child, o.seconds / o.rounds, o.concurrency, vignettes, `r${round}-${c.label}`, c.meter));
    }
    const [e, p] = contenders.map((c) => describeRuns(c.label, c.runs));
    console.log(`  load average ${loadavg().map((l) => l.toFixed(2)).join(', ')} (1, 5, 15 min)`);
    if (e && p) console.log(`  ${p.tps >= e.tps ? 'PASS' : 'FAIL'}  PostgreSQL turns/s ≥ the embedded store's: ${((p.tps / e.tps) * 100).toFixed(1)}%`);
    for (const c of contenders) await stopChild(c.child);

    console.log(`\nP2. Turn latency on PostgreSQL with 1,000 vs ${o.big.toLocaleString('en-GB')} stored requests (seeded by SQL, alternating blocks)`);
    const sized: { size: number; child: Child; runs: Run[]; meter: PgMeter }[] = [];
    for (const size of [1000, o.big]) {
      const url = await database(String(size));
      const t = performance.now();
      await seedRequests(url, size);
      console.log(`  seeded ${size.toLocaleString('en-GB')} requests in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      sized.push({ size, child: await start({ DATABASE_URL: url }, String(size)), runs: [], meter: pgMeter(monitor, `bench_load_${tag}_${size}`) });
    }
    for (const s of sized) await timed(s.child, 2, o.concurrency, vignettes, `warm-${s.size}`);
    for (let b = 0; b < 8; b++) {
      const order = b % 2 === 0 ? sized : [...sized].reverse();
      for (const s of order) s.runs.push(await timed(s.child, 3, o.concurrency, vignettes, `b${b}-${s.size}`, s.meter));
    }
    const [small, big] = sized.map((s) => describeRuns(`${s.size} stored`, s.runs));
    console.log(`  load average ${loadavg().map((l) => l.toFixed(2)).join(', ')} (1, 5, 15 min)`);
    if (small && big) {
      console.log(`  ${big.p50 <= small.p50 * 1.1 ? 'PASS' : 'FAIL'}  p50 with ${o.big} stored within 10% of 1,000: ${(big.p50 / small.p50).toFixed(3)}×`);
      console.log(`  ${big.p99 <= small.p99 * 1.1 ? 'PASS' : 'FAIL'}  p99 with ${o.big} stored within 10% of 1,000: ${(big.p99 / small.p99).toFixed(3)}×`);
    }
  } finally {
    for (const c of children) await stopChild(c, 'SIGTERM', 5000).catch(() => undefined);
    for (const d of dirs) await rm(d, { recursive: true, force: true });
    await monitor.end().catch(() => undefined);
    for (const name of databases) await onDatabase(o.databaseUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => undefined);
  }
}
