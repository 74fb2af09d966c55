/**
 * CPU per turn, by count rather than by clock: the server's own CPU (process.cpuUsage inside the
 * child, over IPC) for a fixed number of whole conversations, divided by the turns they took. On a
 * shared machine this stays steady where turns/s does not (another process's load slows the clock,
 * not the work). Runs the botbuilder echo bot (the load bench's baseline, same scripted turns) and
 * the real bot (built dist) one after the other, same concurrency.
 *
 *   npm run build && npx tsx bench/turnCpu.ts [--conversations 300] [--concurrency 20] [--rounds 3] [--script] [--base <dir>]
 *
 * By default the bot gets the varied patients of bench/load/patients.ts (tuning vignettes with long
 * free-text descriptions); `--script` replays the single routine script instead.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childStats, freePort, nodeFlags, projectRoot, spawnNode, startServer, stopChild, waitReady, writePracticeConfig, type Child } from './load/child.js';
import { ROUTINE_ANSWERS, runRoutine, send } from './load/driver.js';
import { loadPracticeOverrides, patients, runPatient } from './load/patients.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i > 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}
const CONVERSATIONS = arg('conversations', 300);
const CONCURRENCY = arg('concurrency', 20);
const SCRIPTED = process.argv.includes('--script');
const ROUNDS = arg('rounds', 3);
/** `--base <dir>`: also run another checkout's build (dist/src/index.js there), e.g. the code before a change. */
const BASE = process.argv.includes('--base') ? process.argv[process.argv.indexOf('--base') + 1] : undefined;
const ECHO_SCRIPT = ['', 'need', 'describe', 'safetyCheck', 'areaPick', 'triageQuestion', 'duration', 'trend', 'impact', 'wants', 'who', 'name', 'dob', 'nhs', 'postcode', 'phone', 'contactMethod', 'contactTimes', 'review', 'consent'].map(
  (s) => ROUTINE_ANSWERS[s] ?? 'hello',
);

type Job = (n: number) => Promise<number>;

/** Runs `count` conversations `CONCURRENCY` at a time; returns CPU µs per turn and turns. */
async function measure(child: Child, count: number, job: Job): Promise<{ usPerTurn: number; turns: number }> {
  const before = await childStats(child);
  let next = 0;
  let turns = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let n = next++; n < count; n = next++) {
        const t = await job(n);
        turns += t;
      }
    }),
  );
  const after = await childStats(child);
  const cpu = after.cpu.user + after.cpu.system - (before.cpu.user + before.cpu.system);
  return { usPerTurn: cpu / Math.max(1, turns), turns };
}

interface Contender {
  label: string;
  child: Child;
  job: (prefix: string) => Job;
  cpuUs: number;
  turns: number;
}

async function main(): Promise<void> {
  const dirs: string[] = [];
  const children: Child[] = [];
  try {
    const configDir = await mkdtemp(join(tmpdir(), 'bench-cpu-config-'));
    dirs.push(configDir);
    const practice = writePracticeConfig(configDir, loadPracticeOverrides());
    const env = { RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_PER_IP_PER_MINUTE: '1000000', RETENTION_DAYS: '3650', LOG_LEVEL: 'warn', PRACTICE_CONFIG: practice };

    const port = await freePort();
    const echo = spawnNode([...nodeFlags(true), join(projectRoot, 'bench', 'load', 'echo.ts')], { PORT: String(port) }, port, true);
    children.push(echo);
    await waitReady(echo);
    const startBot = async (root?: string): Promise<Child> => {
      const dir = await mkdtemp(join(tmpdir(), 'bench-cpu-bot-'));
      dirs.push(dir);
      if (!root) return startServer({ dataDir: dir, env, probe: true, built: true });
      // Another checkout's build (e.g. the code before a change), run the same way.
      const p = await freePort();
      const child = spawnNode([...nodeFlags(true), join(root, 'dist', 'src', 'index.js')], { HOST: '127.0.0.1', PORT: String(p), DATA_DIR: dir, ...env }, p, true);
      // Registered before it is ready, so a start-up failure still stops it in `finally`.
      children.push(child);
      await waitReady(child);
      return child;
    };

    const list = patients();
    const endings = new Map<string, number>();
    const botJob = (child: Child) => (prefix: string): Job => async (n) => {
      const r = SCRIPTED ? await runRoutine(child.url, `${prefix}-${n}`) : await runPatient(child.url, `${prefix}-${n}`, list[n % list.length]!);
      endings.set(r.finalState, (endings.get(r.finalState) ?? 0) + 1);
      return r.turns;
    };
    const contenders: Contender[] = [
      {
        label: 'echo',
        child: echo,
        job: (prefix) => async (n) => {
          for (const text of ECHO_SCRIPT) if ((await send(echo.url, `${prefix}-${n}`, text)).status !== 200) throw new Error('echo failed');
          return ECHO_SCRIPT.length;
        },
        cpuUs: 0,
        turns: 0,
      },
    ];
    const bot = await startBot();
    if (!children.includes(bot)) children.push(bot);
    contenders.push({ label: 'bot', child: bot, job: botJob(bot), cpuUs: 0, turns: 0 });
    if (BASE) {
      const base = await startBot(BASE);
      if (!children.includes(base)) children.push(base);
      contenders.push({ label: 'base', child: base, job: botJob(base), cpuUs: 0, turns: 0 });
    }

    for (const c of contenders) await measure(c.child, Math.min(100, CONVERSATIONS), c.job('warm'));
    // Blocks taken in turn, the order rotated each round, so a busy spell of a shared machine hits all alike.
    const per = Math.ceil(CONVERSATIONS / ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < contenders.length; i++) {
        const c = contenders[(i + round) % contenders.length]!;
        // Each block its own conversation ids, and the patients continue where the last block stopped.
        const offset = round * per;
        const r = await measure(c.child, per, (n) => c.job(`r${round}`)(n + offset));
        c.cpuUs += r.usPerTurn * r.turns;
        c.turns += r.turns;
      }
    }
    console.log(`turnCpu — ${per * ROUNDS} conversations in ${ROUNDS} blocks, ${CONCURRENCY} concurrent, bot patients: ${SCRIPTED ? 'routine script' : `${list.length} varied`}`);
    for (const c of contenders) console.log(`  ${c.label.padEnd(5)} ${(c.cpuUs / c.turns).toFixed(0).padStart(5)} µs/turn  (${c.turns} turns)`);
    console.log(`  bot conversations ended at: ${[...endings].map(([k, v]) => `${k || '(none)'} ${v}`).join(', ')}`);
    const us = (label: string) => { const c = contenders.find((x) => x.label === label)!; return c.cpuUs / c.turns; };
    console.log(`  echo/bot CPU ratio ${(us('echo') / us('bot')).toFixed(3)} (the turns/s ratio a CPU-bound run would show)${BASE ? `; echo/base ${(us('echo') / us('base')).toFixed(3)}` : ''}`);
  } finally {
    for (const c of children) await stopChild(c, 'SIGTERM', 5000).catch(() => undefined);
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
