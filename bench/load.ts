/**
 * Load benchmark of the real bot over HTTP, against two baselines measured in the same run with the
 * same driver and concurrency:
 *   bare  — a bare restify route (bench/load/bare.ts)
 *   echo  — an Agents SDK CloudAdapter echo bot, anonymous, expectReplies (bench/load/echo.ts)
 *   echo* — the same echo served by our own anonymous /api/messages code (no SDK);
 *           printed for context, the targets are against the stock echo bot
 *   bot   — the real server (src/index.ts or dist) with a temp DATA_DIR, varied patients to the end of
 *           their intakes (bench/load/patients.ts)
 * The four servers run side by side and take turns: each gets `--seconds` of load in `--rounds`
 * blocks, so drift in a shared machine's speed is spread over all of them.
 * Then: memory per active conversation, and turn latency with 1,000 vs 100,000 stored requests.
 *
 *   npm run bench:load    (or: npx tsx bench/load.ts [--concurrency 50] [--seconds 10] [--rounds 5] [--active 1000] [--big 100000])
 *   DATABASE_URL=postgres://… npm run bench:load -- --postgres [--big 1000000]   (bench/load/postgres.ts instead)
 *
 * Everything runs on 127.0.0.1; every loop is bounded by time or count. Child CPU and memory come from
 * bench/load/probe.ts over IPC (process.cpuUsage / memoryUsage inside the child). Prints PASS/FAIL per
 * target and always exits 0 (the numbers depend on the machine; CI should not flap on them).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { childStats, freePort, nodeFlags, projectRoot, spawnNode, startServer, stopChild, waitReady, writePracticeConfig, type Child, type ChildStats } from './load/child.js';
import { percentile, ROUTINE_ANSWERS, runRoutine, send, UnexpectedReply } from './load/driver.js';
import { loadPracticeOverrides, patients, runPatient } from './load/patients.js';
import { seedRequests } from './load/seed.js';
import { runPostgresBench } from './load/postgres.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i > 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}
const CONCURRENCY = arg('concurrency', 50);
const SECONDS = arg('seconds', 10);
const WARMUP_SECONDS = 2;
/**
 * Section 1 runs each server for SECONDS in this many blocks, taking turns (bare, echo, echo*, bot,
 * then again in a rotated order), so a slow spell of a shared machine hits all four alike instead of
 * whichever happened to be running. On this VM the echo bot alone varied by 20% between runs.
 */
const ROUNDS = arg('rounds', 5);
const ACTIVE = arg('active', 1000);
const SMALL = 1000;
const BIG = arg('big', 100_000);
/** Blocks of the stored-requests comparison, alternated between the two servers so drift hits both. */
const STORE_BLOCKS = 8;
const STORE_BLOCK_SECONDS = 3;

/** High limits: the bench measures throughput, not the rate limiter (which answers 429 cheaply). */
const BOT_ENV: Record<string, string> = { RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_PER_IP_PER_MINUTE: '1000000', RETENTION_DAYS: '3650', LOG_LEVEL: 'warn' };

/** The texts an echo/bare "conversation" sends: the routine intake's answers, in order. */
const SCRIPT = ['', 'need', 'describe', 'triageQuestion', 'duration', 'trend', 'impact', 'wants', 'who', 'name', 'dob', 'nhs', 'postcode', 'phone', 'contactMethod', 'contactTimes', 'review', 'consent'].map(
  (s) => ROUTINE_ANSWERS[s] ?? 'hello',
);

interface RunResult {
  label: string;
  turns: number;
  seconds: number;
  latencies: number[];
  errors: number;
  firstErrors: string[];
  cpuSecondsPerTurn: number;
  /** The child's CPU over the run, and every turn it answered (also those completing after the window). */
  cpuSeconds: number;
  allTurns: number;
}

function summary(r: RunResult) {
  const sorted = [...r.latencies].sort((a, b) => a - b);
  return { turnsPerSec: r.turns / r.seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), n: sorted.length };
}

const cpuSeconds = (s: ChildStats) => (s.cpu.user + s.cpu.system) / 1e6;

/**
 * Runs `concurrency` workers for `seconds`. Each worker calls `job` repeatedly; `job` reports every
 * turn with its completion time. Throughput and latency count only turns completed inside the window;
 * CPU per turn divides the child's CPU from window start until the last worker stopped by all turns.
 */
async function timedRun(
  label: string,
  child: Child,
  seconds: number,
  job: (worker: number, iteration: number, record: (ms: number) => void, deadline: number) => Promise<void>,
): Promise<RunResult> {
  const latencies: number[] = [];
  let allTurns = 0;
  let errors = 0;
  const firstErrors: string[] = [];
  const before = await childStats(child);
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const record = (ms: number) => {
    allTurns += 1;
    if (performance.now() <= deadline) latencies.push(ms);
  };
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, w) => {
      // Bounded: time-limited, and a hard cap on iterations in case every call fails instantly.
      for (let i = 0; performance.now() < deadline && i < 100_000; i++) {
        try {
          await job(w, i, record, deadline);
        } catch (err) {
          errors += 1;
          // Only the state names and status: never the texts (they are patient-shaped, even if synthetic).
          if (firstErrors.length < 5) firstErrors.push(err instanceof UnexpectedReply ? `${err.fromState} → HTTP ${err.reply.status} '${err.reply.state}'` : (err as Error).message);
        }
      }
    }),
  );
  const after = await childStats(child);
  const cpu = cpuSeconds(after) - cpuSeconds(before);
  return { label, turns: latencies.length, seconds, latencies, errors, firstErrors, cpuSecondsPerTurn: cpu / Math.max(1, allTurns), cpuSeconds: cpu, allTurns };
}

/** Several runs of one server as one: turns, latencies, errors and CPU added up. */
function combine(label: string, runs: RunResult[]): RunResult {
  const cpu = runs.reduce((n, r) => n + r.cpuSeconds, 0);
  const allTurns = runs.reduce((n, r) => n + r.allTurns, 0);
  return {
    label,
    turns: runs.reduce((n, r) => n + r.turns, 0),
    seconds: runs.reduce((n, r) => n + r.seconds, 0),
    latencies: runs.flatMap((r) => r.latencies),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    firstErrors: runs.flatMap((r) => r.firstErrors).slice(0, 5),
    cpuSecondsPerTurn: cpu / Math.max(1, allTurns),
    cpuSeconds: cpu,
    allTurns,
  };
}

/** Echo and bare: the same turns as a routine intake, 18 per conversation id. */
function scriptedJob(url: string, prefix: string) {
  return async (worker: number, iteration: number, record: (ms: number) => void, deadline: number) => {
    const id = `${prefix}-${worker}-${iteration}`;
    for (const text of SCRIPT) {
      if (performance.now() > deadline) return;
      const r = await send(url, id, text);
      if (r.status !== 200) throw new Error(`HTTP ${r.status}`);
      record(r.ms);
    }
  };
}

/**
 * The bot: varied patients (bench/load/patients.ts: tuning vignettes told in long free text, openings
 * in 20 languages, half typing every answer), each message with an activity id as channels send.
 */
const PATIENTS = patients();
function botJob(url: string, prefix: string) {
  return async (worker: number, iteration: number, record: (ms: number) => void) => {
    const patient = PATIENTS[(worker * 7919 + iteration) % PATIENTS.length]!;
    await runPatient(url, `${prefix}-${worker}-${iteration}`, patient, (r) => record(r.ms));
  };
}

async function startBaseline(file: string, env: Record<string, string> = {}): Promise<Child> {
  const port = await freePort();
  const child = spawnNode([...nodeFlags(true), join(projectRoot, 'bench', 'load', file)], { PORT: String(port), ...env }, port, true);
  await waitReady(child);
  return child;
}

interface Contender {
  label: string;
  child: Child;
  job: (prefix: string) => ReturnType<typeof scriptedJob>;
}

/**
 * Warms every server up, then runs them in turn, ROUNDS blocks of SECONDS / ROUNDS each, rotating
 * the order every round; each server's blocks are added up. Only one server has load at a time.
 */
async function measureInTurn(contenders: Contender[]): Promise<Map<string, RunResult>> {
  // Distinct conversation ids for warm-up and each block: a finished intake answers differently when reused.
  for (const c of contenders) await timedRun(`${c.label} warm-up`, c.child, WARMUP_SECONDS, c.job('warm'));
  const blocks = new Map<string, RunResult[]>(contenders.map((c) => [c.label, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]!);
    for (const c of order) blocks.get(c.label)!.push(await timedRun(c.label, c.child, SECONDS / ROUNDS, c.job(`run${round}`)));
  }
  const results = new Map<string, RunResult>();
  for (const c of contenders) {
    const r = combine(c.label, blocks.get(c.label)!);
    const s = summary(r);
    console.log(
      `  ${c.label.padEnd(5)} ${s.turnsPerSec.toFixed(0).padStart(7)} turns/s  p50 ${s.p50.toFixed(2).padStart(7)} ms  p99 ${s.p99.toFixed(2).padStart(7)} ms  CPU ${(r.cpuSecondsPerTurn * 1e6).toFixed(0).padStart(5)} µs/turn  errors ${r.errors}${r.firstErrors.length ? ` (${r.firstErrors.join('; ')})` : ''}`,
    );
    results.set(c.label, r);
  }
  return results;
}

const fmtMB = (b: number) => `${(b / 1048576).toFixed(1)} MB`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

async function main(): Promise<void> {
  const t0 = performance.now();
  const dirs: string[] = [];
  const children: Child[] = [];
  const track = (c: Child) => {
    children.push(c);
    return c;
  };
  try {
    console.log(`bench:load — ${CONCURRENCY} concurrent, ${SECONDS} s per server in ${ROUNDS} blocks taken in turn, after ${WARMUP_SECONDS} s warm-up, Node ${process.version}, 127.0.0.1`);
    // Open every hour of every day, so the figures do not depend on when the bench is run (out of
    // hours every reply also says when the practice opens).
    const configDir = await mkdtemp(join(tmpdir(), 'bench-load-config-'));
    dirs.push(configDir);
    BOT_ENV.PRACTICE_CONFIG = writePracticeConfig(configDir, loadPracticeOverrides());
    // --postgres (with DATABASE_URL): the bot on PostgreSQL beside the embedded store, instead of the sections below.
    if (process.argv.includes('--postgres')) {
      const databaseUrl = process.env.DATABASE_URL;
      if (!databaseUrl) throw new Error('--postgres needs DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)');
      await runPostgresBench({ databaseUrl, env: BOT_ENV, concurrency: CONCURRENCY, seconds: SECONDS, rounds: ROUNDS, big: arg('big', 1_000_000) });
      return;
    }

    console.log('\n1. Throughput and turn latency (client-side, whole HTTP turn)');

    const bare = track(await startBaseline('bare.ts'));
    const echo = track(await startBaseline('echo.ts'));
    // Not a target: the same echo on our own anonymous /api/messages code (no SDK).
    const echoOurs = track(await startBaseline('echo.ts', { ECHO_AUTH: 'ours' }));
    const botDir = await mkdtemp(join(tmpdir(), 'bench-load-bot-'));
    dirs.push(botDir);
    const bot = track(await startServer({ dataDir: botDir, env: BOT_ENV, probe: true, built: true }));
    const measured = await measureInTurn([
      { label: 'bare', child: bare, job: (p) => scriptedJob(bare.url, p) },
      { label: 'echo', child: echo, job: (p) => scriptedJob(echo.url, p) },
      { label: 'echo*', child: echoOurs, job: (p) => scriptedJob(echoOurs.url, p) },
      { label: 'bot', child: bot, job: (p) => botJob(bot.url, p) },
    ]);
    for (const c of [bare, echo, echoOurs, bot]) await stopChild(c);
    const [bareR, echoR, echoOursR, botR] = ['bare', 'echo', 'echo*', 'bot'].map((label) => measured.get(label)!) as [RunResult, RunResult, RunResult, RunResult];

    // 2. Memory per active conversation: N conversations left mid-intake (at 'trend'), idle but within
    // the idle timeout, in a fresh server (after the run above, its caches would already be full).
    const memDir = await mkdtemp(join(tmpdir(), 'bench-load-mem-'));
    dirs.push(memDir);
    const memBot = track(await startServer({ dataDir: memDir, env: BOT_ENV, probe: true, built: true }));
    await runRoutine(memBot.url, 'mem-warm-up');
    const before = await childStats(memBot, true);
    const memStart = performance.now();
    const ids = Array.from({ length: ACTIVE }, (_, i) => `active-${i}`);
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let id = ids[next++]; id !== undefined; id = ids[next++]) await runRoutine(memBot.url, id, { stopAt: 'trend' });
      }),
    );
    const memSeconds = (performance.now() - memStart) / 1000;
    const after = await childStats(memBot, true);
    await stopChild(memBot);

    // 3. Stored requests: 1,000 vs 100,000, seeded on disk before start-up.
    const now = Date.now();
    const sizes = [SMALL, BIG];
    const stores: { size: number; child: Child; startSeconds: number; latencies: number[] }[] = [];
    for (const size of sizes) {
      const dir = await mkdtemp(join(tmpdir(), `bench-load-${size}-`));
      dirs.push(dir);
      let t = performance.now();
      await seedRequests(dir, size, now);
      const seedS = (performance.now() - t) / 1000;
      t = performance.now();
      const child = track(await startServer({ dataDir: dir, env: BOT_ENV, probe: true, built: true }, 120_000));
      const startSeconds = (performance.now() - t) / 1000;
      console.log(`\n   seeded ${size} requests in ${seedS.toFixed(1)} s; server ready in ${startSeconds.toFixed(1)} s`);
      stores.push({ size, child, startSeconds, latencies: [] });
    }
    for (const s of stores) await timedRun('warm-up', s.child, WARMUP_SECONDS, botJob(s.child.url, 'warm'));
    for (let b = 0; b < STORE_BLOCKS; b++) {
      // Alternate the order each block so neither size always runs right after the other's GC debt.
      const order = b % 2 === 0 ? stores : [...stores].reverse();
      for (const s of order) {
        const r = await timedRun(`stored ${s.size}`, s.child, STORE_BLOCK_SECONDS, botJob(s.child.url, `blk${b}`));
        s.latencies.push(...r.latencies);
        if (r.errors > 0) console.log(`   stored ${s.size}: ${r.errors} errors (${r.firstErrors.join('; ')})`);
      }
    }
    for (const s of stores) await stopChild(s.child);

    // Report
    const b = summary(bareR);
    const e = summary(echoR);
    const eo = summary(echoOursR);
    const o = summary(botR);
    const botOwnCpu = botR.cpuSecondsPerTurn - echoR.cpuSecondsPerTurn;
    console.log('\n   ratios       turns/s        p50        p99');
    console.log(`   bot/echo   ${(o.turnsPerSec / e.turnsPerSec).toFixed(3).padStart(7)}    ${(o.p50 / e.p50).toFixed(2).padStart(7)}    ${(o.p99 / e.p99).toFixed(2).padStart(7)}`);
    console.log(`   bot/bare   ${(o.turnsPerSec / b.turnsPerSec).toFixed(3).padStart(7)}    ${(o.p50 / b.p50).toFixed(2).padStart(7)}    ${(o.p99 / b.p99).toFixed(2).padStart(7)}`);
    console.log(`   bot/echo*  ${(o.turnsPerSec / eo.turnsPerSec).toFixed(3).padStart(7)}    ${(o.p50 / eo.p50).toFixed(2).padStart(7)}    ${(o.p99 / eo.p99).toFixed(2).padStart(7)}   (echo* = the echo on our own anonymous code, no SDK; not a target)`);
    console.log(`   CPU per turn: bare ${(bareR.cpuSecondsPerTurn * 1e6).toFixed(0)} µs, echo ${(echoR.cpuSecondsPerTurn * 1e6).toFixed(0)} µs, echo* ${(echoOursR.cpuSecondsPerTurn * 1e6).toFixed(0)} µs, bot ${(botR.cpuSecondsPerTurn * 1e6).toFixed(0)} µs → bot's own CPU beyond the echo bot: ${(botOwnCpu * 1e6).toFixed(0)} µs/turn (beyond echo*: ${((botR.cpuSecondsPerTurn - echoOursR.cpuSecondsPerTurn) * 1e6).toFixed(0)} µs)`);

    console.log(`\n2. Memory per active conversation (${ACTIVE} conversations left at 'trend', ${memSeconds.toFixed(1)} s to create; after full GC in the child)`);
    console.log(`   heapUsed ${fmtMB(before.mem.heapUsed)} → ${fmtMB(after.mem.heapUsed)}: ${((after.mem.heapUsed - before.mem.heapUsed) / ACTIVE / 1024).toFixed(2)} KB per conversation`);
    console.log(`   RSS      ${fmtMB(before.mem.rss)} → ${fmtMB(after.mem.rss)}: ${((after.mem.rss - before.mem.rss) / ACTIVE / 1024).toFixed(2)} KB per conversation`);

    console.log(`\n3. Turn latency with stored requests (${STORE_BLOCKS} alternating blocks of ${STORE_BLOCK_SECONDS} s, ${CONCURRENCY} concurrent)`);
    const [small, big] = stores.map((s) => {
      const sorted = [...s.latencies].sort((x, y) => x - y);
      return { size: s.size, p50: percentile(sorted, 50), p99: percentile(sorted, 99), n: sorted.length, startSeconds: s.startSeconds };
    });
    for (const s of [small, big]) if (s) console.log(`   ${String(s.size).padStart(6)} stored: p50 ${s.p50.toFixed(2)} ms  p99 ${s.p99.toFixed(2)} ms  (${s.n} turns; start-up ${s.startSeconds.toFixed(1)} s)`);

    console.log('\nTargets');
    const tpsRatio = o.turnsPerSec / e.turnsPerSec;
    const p99Ratio = o.p99 / e.p99;
    console.log(`   ${verdict(tpsRatio >= 0.75)}  bot turns/s ≥ 75% of echo: ${(tpsRatio * 100).toFixed(1)}%`);
    console.log(`   ${verdict(p99Ratio <= 1.5)}  bot p99 at ${CONCURRENCY} concurrent ≤ 1.5× echo p99: ${p99Ratio.toFixed(2)}×`);
    if (small && big) {
      const p50Ratio = big.p50 / small.p50;
      const bigP99Ratio = big.p99 / small.p99;
      console.log(`   ${verdict(p50Ratio <= 1.1)}  p50 latency with ${BIG} stored within 10% of ${SMALL}: ${p50Ratio.toFixed(3)}×`);
      console.log(`   ${verdict(bigP99Ratio <= 1.1)}  p99 latency with ${BIG} stored within 10% of ${SMALL}: ${bigP99Ratio.toFixed(3)}×`);
    }
    console.log(`\nbench:load finished in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  } finally {
    for (const c of children) await stopChild(c, 'SIGTERM', 5000).catch(() => undefined);
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
