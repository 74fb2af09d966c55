import { fstatSync } from 'node:fs';
import { open, readFile, unlink, type FileHandle } from 'node:fs/promises';
import { StoreFileError, errorCode } from './errors.js';
import { FILE_MODE, replaceFile, writeAll } from './fs-util.js';

/**
 * Append-only JSON Lines files (audit log, delivered log). Not lowdb: lowdb rewrites the whole file on
 * every write, which makes an append O(file size) and means a bug or crash mid-rewrite could touch
 * earlier entries. Here an append writes one line and fsyncs, so it is O(entry), durable when it
 * resolves, and can never alter what is already on disk. The few files in use (one a day) are kept
 * open, so a batch costs one write and one fsync.
 *
 * With `waitForSync: false` an append resolves once its line is written to the file (so it survives
 * the process being killed) and the fsync follows in the background, group-committed: for the audit
 * log, whose lines record events already stored elsewhere with that same guarantee, so a patient's
 * turn does not wait for the disk twice.
 */

export interface JsonLinesWriterOptions {
  /** Resolve appends only once fsynced (default true). */
  waitForSync?: boolean;
  /** Called when a background fsync fails (only with waitForSync: false). */
  onSyncError?: (err: unknown, path: string) => void;
}

/** Files kept open; the oldest is closed beyond this (logs are per day, so only today's is busy). */
const MAX_OPEN = 4;

interface Batch {
  lines: string[];
  settle: { resolve: () => void; reject: (err: unknown) => void }[];
}

export class JsonLinesWriter {
  /** Per file: the batch being written (if any) and the batch collecting lines meanwhile. */
  readonly #writing = new Map<string, Promise<void>>();
  readonly #waiting = new Map<string, Batch>();
  /** Open files, least recently used first. */
  readonly #handles = new Map<string, FileHandle>();
  /** Background fsyncs in flight, and files written since theirs started. */
  readonly #syncing = new Map<FileHandle, Promise<void>>();
  readonly #dirty = new Set<FileHandle>();

  constructor(private readonly options: JsonLinesWriterOptions = {}) {}

  /**
   * Appends one line; resolves once it is on disk (fsynced; with waitForSync: false, once written).
   * Lines that arrive while a write is in progress are written together by the next one (group
   * commit): one fsync for many appends under load, and the same durability for each caller.
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

  /**
   * Rewrites `path` keeping only the lines `keep` accepts (lines that do not parse, torn appends,
   * are dropped too), with the store's durable replace; deletes the file when nothing is kept.
   * Appends to that file wait meanwhile and then go to the new file, so none is lost. For retention
   * trims and erasure: the only times a line, once written, is taken out. Returns lines removed.
   */
  async rewrite(path: string, keep: (value: unknown) => boolean): Promise<number> {
    for (let busy = this.#writing.get(path); busy; busy = this.#writing.get(path)) await busy;
    const run = this.#rewrite(path, keep);
    this.#writing.set(
      path,
      run.then(
        () => undefined,
        () => undefined,
      ),
    );
    try {
      return await run;
    } finally {
      this.#writing.delete(path);
      this.#flush(path);
    }
  }

  async #rewrite(path: string, keep: (value: unknown) => boolean): Promise<number> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if (errorCode(err) === 'ENOENT') return 0;
      throw StoreFileError.from(path, err);
    }
    const kept: string[] = [];
    let removed = 0;
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        removed += 1;
        continue;
      }
      if (keep(value)) kept.push(`${line}\n`);
      else removed += 1;
    }
    if (removed === 0) return 0;
    // The open handle (if any) still points at the old file: #write sees nlink 0 and reopens.
    if (kept.length === 0) await unlink(path);
    else await replaceFile(path, kept.join(''), true);
    return removed;
  }

  async idle(): Promise<void> {
    while (this.#writing.size > 0 || this.#syncing.size > 0) await Promise.allSettled([...this.#writing.values(), ...this.#syncing.values()]);
  }

  /** Fsyncs `handle` in the background; writes made meanwhile get one more fsync after it. */
  #syncLater(path: string, handle: FileHandle): void {
    if (this.#syncing.has(handle)) {
      this.#dirty.add(handle);
      return;
    }
    const run: Promise<void> = handle
      .sync()
      .catch((err: unknown) => this.options.onSyncError?.(err, path))
      .finally(() => {
        this.#syncing.delete(handle);
        if (this.#dirty.delete(handle)) this.#syncLater(path, handle);
      });
    this.#syncing.set(handle, run);
  }

  /** Waits for pending appends and closes the files. */
  async close(): Promise<void> {
    await this.idle();
    const handles = [...this.#handles.values()];
    this.#handles.clear();
    await Promise.all(handles.map((h) => h.close().catch(() => undefined)));
  }

  async #write(path: string, line: string): Promise<void> {
    let handle = this.#handles.get(path);
    // A file deleted while open (by an operator, a tool or the retention sweep) is started afresh.
    if (handle && fstatSync(handle.fd).nlink === 0) {
      this.#handles.delete(path);
      await handle.close().catch(() => undefined);
      handle = undefined;
    }
    let prefix = '';
    if (handle) {
      this.#handles.delete(path);
    } else {
      handle = await open(path, 'a+', FILE_MODE);
      try {
        // A kill -9 mid-append can leave a last line without its newline; start on a fresh line so
        // that torn fragment stays on its own and the reader can skip it.
        const { size } = await handle.stat();
        if (size > 0) {
          const last = Buffer.alloc(1);
          await handle.read(last, 0, 1, size - 1);
          if (last[0] !== 0x0a) prefix = '\n';
        }
      } catch (err) {
        await handle.close().catch(() => undefined);
        throw err;
      }
    }
    this.#handles.set(path, handle);
    for (const [oldPath, old] of this.#handles) {
      if (this.#handles.size <= MAX_OPEN) break;
      this.#handles.delete(oldPath);
      await old.close().catch(() => undefined);
    }
    try {
      // Straight to the page cache (see writeAll): only the fsync waits for the disk.
      writeAll(handle.fd, Buffer.from(prefix + line, 'utf8'));
      if (this.options.waitForSync === false) this.#syncLater(path, handle);
      else await handle.sync();
    } catch (err) {
      // The file may now end in part of this batch: reopen next time, so the tail is checked again.
      this.#handles.delete(path);
      await handle.close().catch(() => undefined);
      throw err;
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
