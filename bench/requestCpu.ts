/**
 * CPU (user + system, all threads: fdatasync included) and wall time of one consented request's write
 * (`requests.put`), and of a status change (`requests.setStatus`), as the day's requests grow. A put is
 * durable when it resolves, so each includes its fsyncs. Requests all fall on one UTC day, one at a time.
 *
 *   npx tsx bench/requestCpu.ts [--marks 350,1050,3000] [--measure 100] [--dir /tmp]
 *
 * At each mark (requests already stored that day) `--measure` puts, then as many status changes of
 * requests stored earlier that day, are timed one by one; figures are means per operation.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fixedClock } from '../src/clock.js';
import { openLowdbStore } from '../src/store/index.js';
import { syntheticRequest } from './load/seed.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}
const MARKS = arg('marks', '350,1050,3000').split(',').map(Number);
const MEASURE = Number(arg('measure', '100'));
const BASE_DIR = arg('dir', tmpdir());
const DAY_START = Date.parse('2026-11-25T00:00:00.000Z');

function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(BASE_DIR, 'bench-request-cpu-'));
  const store = await openLowdbStore({ dataDir: dir, retentionDays: 3650, clock: fixedClock(new Date(DAY_START)) });
  let n = 0;
  // Spread over the day whatever the total, so every request lands on the same UTC day.
  const total = Math.max(...MARKS) + MEASURE;
  const ids: string[] = [];
  const put = () => {
    const r = syntheticRequest(n, DAY_START + Math.floor((n++ / total) * 86_000_000));
    ids.push(r.id);
    return store.requests.put(r);
  };
  try {
    for (let i = 0; i < 50; i++) await put(); // warm-up (JIT)
    console.log(`requests.put / setStatus, one UTC day, ${MEASURE} of each at every mark; mean per operation (CPU = user + system, all threads):`);
    for (const mark of MARKS) {
      while (n < mark) await put();
      let cpu = cpuMicros();
      let wall = performance.now();
      for (let i = 0; i < MEASURE; i++) await put();
      const putCpu = (cpuMicros() - cpu) / MEASURE;
      const putWall = ((performance.now() - wall) * 1000) / MEASURE;
      cpu = cpuMicros();
      wall = performance.now();
      for (let i = 0; i < MEASURE; i++) {
        await store.requests.setStatus(ids[(i * 7919) % mark] ?? '', i % 2 ? 'received' : 'in-progress', 'bench', new Date(DAY_START + 86_000_000));
      }
      const statusCpu = (cpuMicros() - cpu) / MEASURE;
      const statusWall = ((performance.now() - wall) * 1000) / MEASURE;
      console.log(
        `  ${String(mark).padStart(5)} in the day: put CPU ${putCpu.toFixed(0).padStart(5)} µs, wall ${putWall.toFixed(0).padStart(5)} µs;` +
          `  setStatus CPU ${statusCpu.toFixed(0).padStart(5)} µs, wall ${statusWall.toFixed(0).padStart(5)} µs`,
      );
    }
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
