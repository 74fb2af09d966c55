/**
 * Starting and stopping child processes for the load bench and the fault tests. The real server runs
 * exactly as in production (src/index.ts, or the built dist when present) so what is measured or
 * killed is the real thing, not an in-process stand-in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A free loopback port. The tiny race (another process taking it before the child binds) is acceptable on a test box. */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => res(port));
    });
  });
}

export interface Child {
  proc: ChildProcess;
  pid: number;
  url: string;
  port: number;
  /** Everything the child wrote to stderr / stdout so far (for failure messages; never patient data: logs are redacted). */
  stderr: () => string;
  stdout: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The server's command line: built dist if there is one, else tsx on the sources. */
/**
 * The command that runs the bot. Benchmarks use the build (`built`: dist/, when present, as in
 * production); tests always run the sources so they can never test a stale build.
 */
export function serverCommand(probe = false, built = false): string[] {
  const dist = join(projectRoot, 'dist', 'src', 'index.js');
  return built && existsSync(dist) ? [...nodeFlags(probe), dist] : [...nodeFlags(probe, true), join(projectRoot, 'src', 'index.ts')];
}

/** Node flags for a child; `probe` preloads bench/load/probe.ts (CPU/memory over IPC) and exposes gc. */
export function nodeFlags(probe: boolean, tsx = false): string[] {
  const flags = ['--disable-warning=DEP0111', '--disable-warning=ExperimentalWarning'];
  if (tsx || probe) flags.push('--import', 'tsx');
  if (probe) flags.push('--expose-gc', '--import', join(projectRoot, 'bench', 'load', 'probe.ts'));
  // BENCH_CPU_PROF=<dir>: every child writes a V8 CPU profile there when it exits (NODE_OPTIONS may not carry --cpu-prof).
  const profDir = process.env.BENCH_CPU_PROF;
  if (profDir) flags.push('--cpu-prof', `--cpu-prof-dir=${profDir}`);
  return flags;
}

export interface ChildStats {
  cpu: NodeJS.CpuUsage;
  mem: NodeJS.MemoryUsage;
  protoKeys: string[];
}

/** Asks a child started with the probe for its CPU, memory and Object.prototype keys (optionally after a full GC). */
export function childStats(child: Child, gc = false, timeoutMs = 10_000): Promise<ChildStats> {
  return new Promise((res, rej) => {
    const timer = setTimeout(() => {
      child.proc.off('message', onMessage);
      rej(new Error('child did not answer the stats request'));
    }, timeoutMs);
    const onMessage = (m: unknown) => {
      if (typeof m !== 'object' || m === null || (m as { cmd?: unknown }).cmd !== 'stats') return;
      clearTimeout(timer);
      child.proc.off('message', onMessage);
      res(m as ChildStats);
    };
    child.proc.on('message', onMessage);
    child.proc.send({ cmd: 'stats', gc });
  });
}

/**
 * Env for the child: only what we pass plus PATH/HOME. Never the parent's env wholesale: a stray
 * MicrosoftAppId or NODE_ENV=test (jest sets it) would change how the server behaves.
 */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'development', ...env };
}

export function spawnNode(args: string[], env: Record<string, string>, port: number, ipc = false): Child {
  const proc = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: childEnv(env),
    stdio: ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  let out = '';
  proc.stderr?.on('data', (c: Buffer) => {
    err += c.toString('utf8');
  });
  proc.stdout?.on('data', (c: Buffer) => {
    // Keep only the tail: an info-level access log under load would otherwise grow without bound.
    out = (out + c.toString('utf8')).slice(-200_000);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => {
    proc.once('exit', (code, signal) => res({ code, signal }));
  });
  return { proc, pid: proc.pid ?? -1, url: `http://127.0.0.1:${port}`, port, stderr: () => err, stdout: () => out, exited };
}

/** Polls GET url until it answers 200, the child exits, or the deadline passes. */
export async function waitReady(child: Child, path = '/health', timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void child.exited.then(() => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`child exited before it was ready; stderr:\n${child.stderr().slice(-2000)}`);
    try {
      const res = await fetch(`${child.url}${path}`);
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`child not ready after ${timeoutMs} ms; stderr:\n${child.stderr().slice(-2000)}`);
}

export interface ServerOptions {
  dataDir: string;
  port?: number;
  env?: Record<string, string>;
  /** Preload the stats probe (IPC). */
  probe?: boolean;
  /** Run dist/ instead of the sources (benchmarks only). */
  built?: boolean;
}

/** Starts the real bot server on 127.0.0.1 and waits for /health. */
export async function startServer(opts: ServerOptions, readyTimeoutMs = 60_000): Promise<Child> {
  const port = opts.port ?? (await freePort());
  const child = spawnNode(
    serverCommand(opts.probe ?? false, opts.built ?? false),
    {
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: opts.dataDir,
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
    port,
    opts.probe ?? false,
  );
  try {
    await waitReady(child, '/health', readyTimeoutMs);
  } catch (err) {
    // A server that never became ready must not outlive the bench.
    await stopChild(child, 'SIGKILL', 1000).catch(() => undefined);
    throw err;
  }
  return child;
}

/** SIGTERM (graceful) and wait; SIGKILL if it does not exit in time. */
export async function stopChild(child: Child, signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  child.proc.kill(signal);
  const timer = setTimeout(() => child.proc.kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}

/** utime+stime of a process in seconds, from /proc/<pid>/stat (fields 14 and 15, in clock ticks). */
export function procCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; everything after the closing paren is space-separated.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / 100; // USER_HZ is 100 on Linux
}

/** Resident set size in bytes, from /proc/<pid>/status. */
export function procRssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

/**
 * Writes a practice configuration into `dir`: the demo practice with `overrides` on top, so a bench or
 * test can lift the daily routine capacity (a load run submits far more than 40 a day) or add API keys.
 */
export function writePracticeConfig(dir: string, overrides: Record<string, unknown>): string {
  const demo = JSON.parse(readFileSync(join(projectRoot, 'config', 'practice.demo.json'), 'utf8')) as Record<string, unknown>;
  const path = join(dir, 'practice.json');
  writeFileSync(path, JSON.stringify({ ...demo, ...overrides }, null, 2));
  return path;
}
