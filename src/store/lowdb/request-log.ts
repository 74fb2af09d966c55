import { closeSync, fdatasync, fstatSync, openSync, readSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { errorCode } from './errors.js';
import { FILE_MODE, syncDir, writeChunks, writeNewFile } from './fs-util.js';

/**
 * The request store's day files, `requests/YYYY-MM-DD.jsonl`: one JSON request per line, appended on
 * every put and status change (the last line for an id wins). Storing a request costs one short
 * append and one fdatasync, whatever the day already holds.
 *
 * - Group commit: lines that arrive while a day's write is in flight go out together in its next
 *   write, with one fdatasync; each append resolves once its line is on disk, and hands its offset to
 *   `written` first, synchronously, so an index never points at a line that is not there.
 * - A day's writes and rewrites run one at a time, in order (`exclusive` for a rewrite: appends wait).
 * - A new file's folder is fsynced, so a resolved append also survives a power cut that follows.
 * - A file that does not end in a newline (a torn append) is given one before the next batch, so
 *   the torn fragment stays a line of its own that readers skip.
 */

const fdatasyncAsync = promisify(fdatasync);
const NEWLINE = 0x0a;

interface Append {
  line: Buffer;
  written: (offset: number) => void;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class DayLogs {
  /** Per day: the end of its chain of writes and rewrites. */
  readonly #tails = new Map<string, Promise<void>>();
  /** Per day: the batch collecting lines until its turn comes. */
  readonly #pending = new Map<string, Append[]>();

  constructor(private readonly pathOf: (day: string) => string) {}

  /**
   * Appends `line` (ending in a newline) to the day's file; resolves once it is fdatasynced.
   * `written(offset)` is called first, synchronously, with where the line starts.
   */
  append(day: string, line: Buffer, written: (offset: number) => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let batch = this.#pending.get(day);
      if (!batch) {
        const fresh: Append[] = [];
        batch = fresh;
        this.#pending.set(day, fresh);
        void this.#enqueue(day, () => {
          if (this.#pending.get(day) === fresh) this.#pending.delete(day);
          return this.#write(day, fresh);
        });
      }
      batch.push({ line, written, resolve, reject });
    });
  }

  /** Runs `task` once the day's earlier writes are done; appends made meanwhile wait for it. */
  exclusive<T>(day: string, task: () => Promise<T>): Promise<T> {
    this.#pending.delete(day);
    return this.#enqueue(day, task);
  }

  async idle(): Promise<void> {
    while (this.#tails.size > 0) await Promise.all(this.#tails.values());
  }

  #enqueue<T>(day: string, task: () => Promise<T>): Promise<T> {
    const run = (this.#tails.get(day) ?? Promise.resolve()).then(task);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(day, tail);
    void tail.then(() => {
      if (this.#tails.get(day) === tail) this.#tails.delete(day);
    });
    return run;
  }

  async #write(day: string, batch: Append[]): Promise<void> {
    const path = this.pathOf(day);
    const offsets: number[] = [];
    try {
      const fd = openSync(path, 'a+', FILE_MODE);
      try {
        let size = fstatSync(fd).size;
        const created = size === 0;
        const chunks: Buffer[] = [];
        if (size > 0 && !endsWithNewline(fd, size)) {
          chunks.push(Buffer.from('\n'));
          size += 1;
        }
        for (const a of batch) {
          offsets.push(size);
          chunks.push(a.line);
          size += a.line.length;
        }
        // Straight to the page cache (see writeAll): only the fdatasync waits for the disk.
        writeChunks(fd, chunks);
        await fdatasyncAsync(fd);
        // A new file's name must survive a power cut too.
        if (created) syncDir(dirname(path));
      } finally {
        closeSync(fd);
      }
    } catch (err) {
      for (const a of batch) a.reject(err);
      return;
    }
    batch.forEach((a, i) => {
      try {
        a.written(offsets[i] ?? 0);
        a.resolve();
      } catch (err) {
        a.reject(err);
      }
    });
  }
}

function endsWithNewline(fd: number, size: number): boolean {
  const last = Buffer.alloc(1);
  return readSync(fd, last, 0, 1, size - 1) === 1 && last[0] === NEWLINE;
}

/** Where a line is in its file: its first byte, and its length without the newline. */
export interface LineSpan {
  offset: number;
  length: number;
}

/**
 * Replaces `path` with only the lines `keep` (in that order) copied byte for byte from it: temp file,
 * fdatasync, rename, folder fsync. `swapped(offsets)` runs synchronously right after the rename, so
 * nothing can read the new file with the old offsets. With nothing to keep the file is deleted.
 * Every byte of every other line (earlier versions, erased requests, torn fragments) is gone.
 */
export async function rewriteKeeping(path: string, keep: readonly LineSpan[], old: Buffer, swapped: (offsets: number[]) => void): Promise<void> {
  if (keep.length === 0) {
    try {
      unlinkSync(path);
    } catch (err) {
      if (errorCode(err) !== 'ENOENT') throw err;
    }
    swapped([]);
    syncDir(dirname(path));
    return;
  }
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let size = 0;
  for (const span of keep) {
    offsets.push(size);
    const line = old.subarray(span.offset, span.offset + span.length + 1);
    chunks.push(line);
    size += line.length;
  }
  const tmp = join(dirname(path), `.${basename(path)}.tmp`);
  await writeNewFile(tmp, chunks);
  renameSync(tmp, path);
  swapped(offsets);
  syncDir(dirname(path));
}

/** Reads one line (without its newline) at `span`, synchronously: a few kB from the page cache. */
export function readLineAt(path: string, span: LineSpan): Buffer {
  const fd = openSync(path, 'r');
  try {
    return readLineFrom(fd, span);
  } finally {
    closeSync(fd);
  }
}

export function readLineFrom(fd: number, span: LineSpan): Buffer {
  const buf = Buffer.allocUnsafe(span.length);
  let done = 0;
  while (done < span.length) {
    const n = readSync(fd, buf, done, span.length - done, span.offset + done);
    if (n === 0) break;
    done += n;
  }
  return done === span.length ? buf : buf.subarray(0, done);
}
