import { open, readFile } from 'node:fs/promises';
import { StoreFileError, errorCode } from './errors.js';

/**
 * Append-only JSON Lines files (audit log, delivered log). Not lowdb: lowdb rewrites the whole file on
 * every write, which makes an append O(file size) and means a bug or crash mid-rewrite could touch
 * earlier entries. Here an append writes one line and fsyncs, so it is O(entry), durable when it
 * resolves, and can never alter what is already on disk.
 */

interface Batch {
  lines: string[];
  settle: { resolve: () => void; reject: (err: unknown) => void }[];
}

export class JsonLinesWriter {
  /** Per file: the batch being written (if any) and the batch collecting lines meanwhile. */
  readonly #writing = new Map<string, Promise<void>>();
  readonly #waiting = new Map<string, Batch>();
  /** Files whose tail we have checked in this process. */
  readonly #checked = new Set<string>();

  /**
   * Appends one line; resolves once it is on disk (fsynced). Lines that arrive while a write is in
   * progress are written together by the next one (group commit): one fsync for many appends under
   * load, and the same durability for each caller.
   */
  append(path: string, value: unknown): Promise<void> {
    const line = `${JSON.stringify(value)}\n`;
    return new Promise<void>((resolve, reject) => {
      let batch = this.#waiting.get(path);
      if (!batch) {
        batch = { lines: [], settle: [] };
        this.#waiting.set(path, batch);
      }
      batch.lines.push(line);
      batch.settle.push({ resolve, reject });
      if (!this.#writing.has(path)) this.#flush(path);
    });
  }

  #flush(path: string): void {
    const batch = this.#waiting.get(path);
    if (!batch) return;
    this.#waiting.delete(path);
    const done = this.#write(path, batch.lines.join('')).then(
      () => batch.settle.forEach((s) => s.resolve()),
      (err: unknown) => batch.settle.forEach((s) => s.reject(err)),
    );
    this.#writing.set(path, done);
    void done.then(() => {
      this.#writing.delete(path);
      this.#flush(path);
    });
  }

  async idle(): Promise<void> {
    while (this.#writing.size > 0) await Promise.allSettled([...this.#writing.values()]);
  }

  async #write(path: string, line: string): Promise<void> {
    const handle = await open(path, 'a+');
    try {
      let prefix = '';
      if (!this.#checked.has(path)) {
        // A kill -9 mid-append can leave a last line without its newline; start on a fresh line so
        // that torn fragment stays on its own and the reader can skip it.
        const { size } = await handle.stat();
        if (size > 0) {
          const last = Buffer.alloc(1);
          await handle.read(last, 0, 1, size - 1);
          if (last[0] !== 0x0a) prefix = '\n';
        }
        this.#checked.add(path);
      }
      await handle.appendFile(prefix + line, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}

/**
 * Parse a JSON Lines file. A line that does not parse is counted, not fatal: the expected cause is a
 * torn append from a kill -9, and refusing to start over it would take the whole service down. The
 * caller logs the count with the file name so real damage is still visible.
 */
export async function readJsonLines(path: string): Promise<{ values: unknown[]; badLines: number }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return { values: [], badLines: 0 };
    throw StoreFileError.from(path, err);
  }
  const values: unknown[] = [];
  let badLines = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      values.push(JSON.parse(line));
    } catch {
      badLines += 1;
    }
  }
  return { values, badLines };
}
