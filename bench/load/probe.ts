/**
 * Preloaded into every benchmarked child (`node --expose-gc --import tsx --import bench/load/probe.ts …`)
 * so the parent can read the child's own CPU and memory over IPC without any change to src/.
 * Answers {cmd:'stats', gc?:boolean} with process.cpuUsage(), process.memoryUsage() and the own
 * property names of Object.prototype (the fuzz test uses these to detect prototype pollution).
 */
interface StatsRequest {
  cmd: 'stats';
  gc?: boolean;
}

function isStatsRequest(m: unknown): m is StatsRequest {
  return typeof m === 'object' && m !== null && (m as { cmd?: unknown }).cmd === 'stats';
}

if (process.send) {
  // Without unref the open IPC channel alone would keep a child alive after its server closed.
  process.channel?.unref();
  process.on('message', (m: unknown) => {
    if (!isStatsRequest(m)) return;
    const gc = (globalThis as { gc?: () => void }).gc;
    if (m.gc && gc) {
      gc();
      gc();
    }
    process.send?.({
      cmd: 'stats',
      cpu: process.cpuUsage(),
      mem: process.memoryUsage(),
      protoKeys: Object.getOwnPropertyNames(Object.prototype).sort(),
    });
  });
}
