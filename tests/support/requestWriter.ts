/**
 * A child for tests/faults/requestKill.test.ts: stores requests (8 at a time) and status changes in
 * the lowdb request store at DATA_DIR, forever, and prints a line for each once it has resolved
 * (`put <id>`, `status <id> <by>`). Stdout to a pipe is synchronous on Linux, so a printed line means
 * the write had resolved before any kill. Ids start at WRITER_FROM so a second run adds new ones.
 */
import { LowdbRequestStore } from '../../src/store/lowdb/requests.js';
import { request } from '../store/helpers.js';

const store = await LowdbRequestStore.open({ dataDir: process.env.DATA_DIR ?? '', compactMinDeadBytes: 8192 });
const from = Number(process.env.WRITER_FROM ?? 0);
const DAY0 = Date.parse('2026-03-02T00:00:00.000Z');
for (let n = from; ; n += 8) {
  await Promise.all(
    Array.from({ length: 8 }, async (_, i) => {
      const id = `k-${n + i}`;
      // Over two days, so writes go to two files.
      const submittedAt = new Date(DAY0 + ((n + i) % 2) * 86_400_000 + (n + i) * 1000).toISOString();
      await store.put(request(id, { submittedAt }));
      process.stdout.write(`put ${id}\n`);
    }),
  );
  const target = `k-${n - 8 * (n % 5)}`;
  if (n > from + 40) {
    const by = `s-${n}`;
    const changed = await store.setStatus(target, n % 2 ? 'received' : 'in-progress', by, new Date(DAY0 + n * 1000));
    if (changed) process.stdout.write(`status ${target} ${by}\n`);
  }
}
