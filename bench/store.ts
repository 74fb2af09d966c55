/**
 * Per-turn write cost of the embedded store with 1,000 vs 100,000 stored requests (and as many stored
 * conversations). Target: 100,000 within 10% of 1,000.
 *
 *   npm run bench:store            (or: npx tsx bench/store.ts [--sizes 1000,100000] [--iterations 1000])
 *
 * Seeding writes history straight to disk in the store's own format (day partitions over the past
 * year, delivered logs, the conversation journal), then opens the store normally so the start-up scan is
 * measured too. The measured path is one turn that submits: conversation put + request put + outbox
 * enqueue. Both stores stay open and are measured in interleaved blocks so GC and CPU noise hit both.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fixedClock } from '../src/clock.js';
import { openLowdbStore } from '../src/store/index.js';
import { encodeLine } from '../src/store/lowdb/journal-line.js';
import { conversationsDir, hashId } from '../src/store/lowdb/paths.js';
import { seedRequests, syntheticRequest } from './load/seed.js';
import type { ConversationRecord, Store } from '../src/store/types.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-25T08:00:00.000Z');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
const SIZES = arg('sizes', '1000,100000').split(',').map(Number);
const ITERATIONS = Number(arg('iterations', '2000'));
const BLOCK = 50;
/** Where the data directories go: default the OS temp dir; pass /dev/shm to take disk jitter out. */
const BASE_DIR = arg('dir', tmpdir());

function conversationRecord(id: string, updatedMs: number): ConversationRecord {
  const at = new Date(updatedMs).toISOString();
  const snapshot = { status: 'active', value: { review: 'ask' }, context: { answers: Array.from({ length: 10 }, (_, q) => ({ q, code: 'yes' })) } };
  return { id, machineVersion: '1', snapshot, createdAt: at, updatedAt: at };
}

/** History over the year before NOW: delivered requests (bench/load/seed.ts) and idle conversations. */
async function seed(dir: string, count: number): Promise<void> {
  await seedRequests(dir, count, NOW);
  await mkdir(conversationsDir(dir), { recursive: true });
  const at = NOW - 2 * DAY;
  const lines = Array.from({ length: count }, (_, i) => encodeLine(hashId(`seed-conv-${i}`), at, JSON.stringify(conversationRecord(`seed-conv-${i}`, at))));
  await writeFile(join(conversationsDir(dir), 'journal-00000001.jsonl'), lines.join(''));
}

interface Subject {
  size: number;
  store: Store;
  samples: number[];
  turn: number;
}

/**
 * One submitting turn. The measured requests are spread 5 minutes apart (288 a day, a busy practice)
 * so the current day's partition stays the size a real day reaches, and both sizes see the same.
 */
async function turn(s: Subject): Promise<number> {
  const n = s.turn++;
  const at = NOW + n * 5 * 60_000;
  const start = performance.now();
  await s.store.conversations.put(conversationRecord(`active-${n % 50}`, at));
  const r = syntheticRequest(1_000_000 + n, at);
  await s.store.requests.put(r);
  await s.store.outbox.enqueue(r.id, new Date(at));
  const elapsed = performance.now() - start;
  // The delivery worker's part, not timed: it keeps the outbox file to the few entries in flight.
  await s.store.outbox.markDelivered(r.id, new Date(at + 1000));
  return elapsed;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  const subjects: Subject[] = [];
  const dirs: string[] = [];
  try {
    for (const size of SIZES) {
      const dir = await mkdtemp(join(BASE_DIR, `bench-store-${size}-`));
      dirs.push(dir);
      let t = performance.now();
      await seed(dir, size);
      const seedMs = performance.now() - t;
      t = performance.now();
      const store = await openLowdbStore({ dataDir: dir, retentionDays: 3650, clock: fixedClock(new Date(NOW)) });
      const openMs = performance.now() - t;
      // Seeding garbage would inflate this; run with `node --expose-gc --import tsx` for a clean figure.
      (globalThis as { gc?: () => void }).gc?.();
      const heapMb = process.memoryUsage().heapUsed / 1e6;
      console.log(`seeded ${size} requests + ${size} conversations in ${(seedMs / 1000).toFixed(1)} s; store opened (index rebuilt) in ${openMs.toFixed(0)} ms; heapUsed now ${heapMb.toFixed(0)} MB`);
      subjects.push({ size, store, samples: [], turn: 0 });
    }
    for (const s of subjects) for (let i = 0; i < 100; i++) await turn(s); // warm-up (JIT, caches)
    for (const s of subjects) s.samples.length = 0;
    for (let done = 0; done < ITERATIONS; done += BLOCK) {
      for (const s of subjects) for (let i = 0; i < BLOCK; i++) s.samples.push(await turn(s));
    }

    const rows = subjects.map((s) => {
      const sorted = [...s.samples].sort((a, b) => a - b);
      return { size: s.size, p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
    });
    console.log(`\nper-turn write path (conversation put + request put + outbox enqueue), ${ITERATIONS} turns each, ms:`);
    for (const r of rows) console.log(`  ${String(r.size).padStart(7)} stored: p50 ${r.p50.toFixed(3)}  p99 ${r.p99.toFixed(3)}  mean ${r.mean.toFixed(3)}`);
    const [base, big] = [rows[0], rows[rows.length - 1]];
    if (base && big && base !== big) {
      const p50 = big.p50 / base.p50;
      const p99 = big.p99 / base.p99;
      console.log(`\nratio ${big.size}/${base.size}: p50 ${p50.toFixed(3)}  p99 ${p99.toFixed(3)}  (target <= 1.10: ${p50 <= 1.1 && p99 <= 1.1 ? 'met' : 'NOT met'})`);
    }
  } finally {
    for (const s of subjects) await s.store.close();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  }
}

await main();
