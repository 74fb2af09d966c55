import { open, readFile } from 'node:fs/promises';
import { StoreFileError, errorCode } from './errors.js';

/**
 * Append-only JSON Lines files (audit log, delivered log). Not lowdb: lowdb rewrites the whole file on
 * every write, which makes an append O(file size) and means a bug or crash mid-rewrite could touch
 * earlier entries. Here an append writes one line and fsyncs, so it is O(entry), durable when it
 * resolves, and can never alter what is already on disk.
 */

export class JsonLinesWriter {
  readonly #tails = new Map<string, Promise<void>>();
  /** Files whose tail we have checked in this process. */
  readonly #checked = new Set<string>();

  append(path: string, value: unknown): Promise<void> {
    const line = `${JSON.stringify(value)}\n`;
    const previous = this.#tails.get(path) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.#write(path, line));
    this.#tails.set(path, next);
    void next.finally(() => {
      if (this.#tails.get(path) === next) this.#tails.delete(path);
    }).catch(() => undefined);
    return next;
  }

  async idle(): Promise<void> {
    await Promise.allSettled([...this.#tails.values()]);
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
