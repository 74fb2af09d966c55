import { fstatSync } from 'node:fs';
import { open, readFile, stat, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../observability/logger.js';
import { StoreClosedError, StoreFileError } from './errors.js';
import { FILE_MODE, listDir, makeDir, syncDir, writeAll } from './fs-util.js';
import { decodeLine, encodeLineBytes, type JsonText } from './journal-line.js';

/**
 * An append-only key → JSON journal in numbered segment files (`journal-00000001.jsonl`), for values
 * rewritten on every turn (conversation snapshots). A put costs one short line, never a rewrite of
 * anything already stored, so write cost does not grow with what is stored.
 *
 * - Group commit: puts that arrive while a write is in flight go out together in the next one: one
 *   write and one fdatasync for many puts, and each put resolves only once its line is on disk.
 *   (Not waiting for the fdatasync was tried: it made batches tiny and each turn's own write then
 *   queued behind the disk, so throughput fell by a third.)
 * - Index in memory: key → (segment, offset, length, time), rebuilt at start-up from the line headers
 *   without parsing values; recently used values are also kept in an LRU cache.
 * - Compaction: when dead lines outweigh live ones (and a floor), or when dead lines have been on disk
 *   longer than `maxGarbageAgeMs`, or when asked to purge (erasure), the sealed segments' live lines
 *   are copied to the newest segment and the old files deleted, oldest first (so a deletion can never
 *   be undone by a crash half-way). Dead lines are old versions of a snapshot and deleted ones: they
 *   hold personal data, so they must not outlive their conversation by more than a bounded time.
 * - Crash safety: a process starts a new segment and never writes into an existing one, so bytes left
 *   by a kill mid-write (a last line without its newline) stay at the end of a sealed segment, where
 *   the scan skips them. A damaged line anywhere else stops start-up with the file named, untouched.
 */

export interface JournalOptions {
  dir: string;
  /** A segment takes no more batches once it is this big (default 64 MiB). */
  maxSegmentBytes?: number;
  /** Compaction runs when dead bytes exceed both the live bytes and this floor (default 32 MiB). */
  minGarbageBytes?: number;
  /**
   * Compaction also runs once dead bytes have been on disk this long, however few (default 24 h):
   * a small practice would otherwise never reach the size floor, and a deleted conversation would
   * stay in the files for good.
   */
  maxGarbageAgeMs?: number;
  /** Milliseconds since the epoch, for the age rule (default Date.now). */
  now?: () => number;
  /** Values kept in memory, most recently used first (default 1,000). */
  cacheEntries?: number;
  /** fdatasync every batch before its puts resolve (default true). */
  sync?: boolean;
  logger?: Logger;
}

interface Location {
  segment: number;
  offset: number;
  /** Bytes of the line without its newline. */
  length: number;
  at: number;
}

interface Segment {
  id: number;
  path: string;
  handle: FileHandle;
  size: number;
  /** Reads in progress; a retired segment's handle is closed when the last one ends. */
  readers: number;
  retired: boolean;
}

type WriteKind = 'put' | 'delete' | 'relocate';

interface Write {
  kind: WriteKind;
  key: string;
  at: number;
  line: Buffer;
  /** The value, for the cache (puts only). */
  json?: string;
  /** Relocations: where the line lives now; skipped if the key has moved on since. */
  from?: Location;
  resolve: () => void;
  reject: (err: unknown) => void;
}

const SEGMENT_FILE = /^journal-(\d{8})\.jsonl$/;
const segmentName = (id: number) => `journal-${String(id).padStart(8, '0')}.jsonl`;
const NEWLINE = 0x0a;

export class Journal {
  readonly dir: string;
  readonly #maxSegmentBytes: number;
  readonly #minGarbageBytes: number;
  readonly #cacheEntries: number;
  readonly #maxGarbageAgeMs: number;
  readonly #now: () => number;
  readonly #sync: boolean;
  readonly #logger: Logger | undefined;

  readonly #index = new Map<string, Location>();
  readonly #cache = new Map<string, string>();
  readonly #segments = new Map<number, Segment>();
  /** Keys with a put or delete queued or in flight: newer than what the index says. */
  readonly #pending = new Map<string, number>();
  #active: Segment | undefined;
  #nextId = 1;
  /** Segments below this id are sealed for compaction: no new batch may go into them. */
  #sealBelow = 0;
  #liveBytes = 0;
  #totalBytes = 0;
  #batches = 0;
  #queue: Write[] = [];
  #draining: Promise<void> | null = null;
  #batch: Promise<void> | null = null;
  #compacting: Promise<void> | null = null;
  /** A purge waiting for its compaction to start; later purges share it. */
  #purging: Promise<void> | null = null;
  /** Since when dead bytes have been on disk (undefined: none). */
  #garbageSince: number | undefined;
  #closed = false;

  private constructor(options: JournalOptions) {
    this.dir = options.dir;
    this.#maxSegmentBytes = options.maxSegmentBytes ?? 64 * 1024 * 1024;
    this.#minGarbageBytes = options.minGarbageBytes ?? 32 * 1024 * 1024;
    this.#cacheEntries = options.cacheEntries ?? 1000;
    this.#maxGarbageAgeMs = options.maxGarbageAgeMs ?? 24 * 3600_000;
    this.#now = options.now ?? Date.now;
    this.#sync = options.sync ?? true;
    this.#logger = options.logger;
  }

  /** Opens the journal and rebuilds the index (StoreFileError, naming the file, on a damaged line). */
  static async open(options: JournalOptions): Promise<Journal> {
    const journal = new Journal(options);
    await makeDir(options.dir);
    try {
      await journal.#scan();
    } catch (err) {
      await journal.#closeHandles();
      throw err;
    }
    return journal;
  }

  /** The value stored under `key`, or undefined. */
  async get(key: string): Promise<string | undefined> {
    this.#assertOpen();
    const cached = this.#cache.get(key);
    if (cached !== undefined) {
      this.#remember(key, cached);
      return cached;
    }
    const loc = this.#index.get(key);
    if (!loc) return undefined;
    const segment = this.#segments.get(loc.segment);
    if (!segment) throw new Error(`journal segment ${loc.segment} is missing from the index`);
    const line = Buffer.allocUnsafe(loc.length);
    segment.readers += 1;
    try {
      const { bytesRead } = await segment.handle.read(line, 0, loc.length, loc.offset);
      if (bytesRead !== loc.length) throw new StoreFileError(segment.path, 'corrupt', `line at byte ${loc.offset} is cut short`);
    } catch (err) {
      throw StoreFileError.from(segment.path, err);
    } finally {
      segment.readers -= 1;
      if (segment.retired && segment.readers === 0) void segment.handle.close().catch(() => undefined);
    }
    const entry = decodeLine(line);
    if (!entry || entry.key !== key || entry.json === null) throw new StoreFileError(segment.path, 'corrupt', `line at byte ${loc.offset} fails its checksum`);
    // Cache only if nothing newer was stored while reading.
    if (this.#index.get(key) === loc && !this.#pending.has(key)) this.#remember(key, entry.json);
    return entry.json;
  }

  /** Stores `json` (whole, or in pieces: JsonText) under `key`; resolves once the line is on disk. */
  async put(key: string, at: number, json: JsonText): Promise<void> {
    this.#assertOpen();
    // Pieces are kept for reads as one string made by concatenation, which V8 copies only if it is read.
    const whole = typeof json === 'string' ? json : json.reduce((all, part) => all + part, '');
    return this.#enqueue('put', key, at, encodeLineBytes(key, at, json), whole);
  }

  /**
   * Deletes `key`. With `olderThan`, only if it was last updated before then and nothing newer is on
   * its way (the retention sweep must not delete a conversation a turn has just touched).
   */
  async delete(key: string, olderThan?: number): Promise<boolean> {
    this.#assertOpen();
    const loc = this.#index.get(key);
    if (olderThan !== undefined && (!loc || loc.at >= olderThan || this.#pending.has(key))) return false;
    if (!loc && !this.#pending.has(key)) return false;
    await this.#enqueue('delete', key, loc?.at ?? 0, encodeLineBytes(key, loc?.at ?? 0, null));
    return true;
  }

  /** Every stored key with the time it was last updated. */
  *times(): IterableIterator<[string, number]> {
    for (const [key, loc] of this.#index) yield [key, loc.at];
  }

  get count(): number {
    return this.#index.size;
  }

  /** Figures for tests and the README's claims: live bytes, all bytes, segment files, batches written. */
  get stats(): { liveBytes: number; totalBytes: number; segments: number; batches: number } {
    return { liveBytes: this.#liveBytes, totalBytes: this.#totalBytes, segments: this.#segments.size, batches: this.#batches };
  }

  /** Resolves when no write, purge or compaction is queued or running. */
  async idle(): Promise<void> {
    while (this.#draining || this.#compacting || this.#purging) {
      await this.#draining;
      await this.#compacting?.catch(() => undefined);
      await this.#purging?.catch(() => undefined);
    }
  }

  /**
   * Removes from disk every line that is no longer live (older versions of values and deleted
   * keys), by a compaction that starts after this call: resolves once the old segments are deleted.
   * For erasure: after `delete(key)` or a `put` that replaced a value, await this and no byte of the
   * earlier values is left in the files. Calls made while one waits to start share it.
   */
  purge(): Promise<void> {
    if (this.#closed) return Promise.reject(new StoreClosedError());
    this.#purging ??= (async () => {
      // One already running may have sealed its segments before the lines to purge were written.
      // (Always awaits at least once, so #purging is assigned before it is cleared below.)
      do await this.#compacting?.catch(() => undefined);
      while (this.#compacting);
      // From here on, a new purge needs a compaction of its own: this one seals at once.
      this.#purging = null;
      // A round keeps the old segments when a key kept being written while it ran: try again.
      for (let round = 0; round < 3; round++) {
        const run = this.#compact();
        this.#compacting = run.then(
          () => undefined,
          () => undefined,
        ).finally(() => (this.#compacting = null));
        if (await run) return;
      }
      throw new Error('journal purge could not finish: conversations kept being written; try again');
    })();
    return this.#purging;
  }

  /** Starts a compaction if one is due (size or age); for a timer, since the age rule needs no write to trigger it. */
  compactIfDue(): void {
    if (!this.#closed) this.#maybeCompact();
  }

  /** Runs a compaction now (tests and tools; normally it starts by itself). */
  async compact(): Promise<void> {
    this.#assertOpen();
    await this.idle();
    const run = this.#compact();
    this.#compacting = run.then(
      () => undefined,
      () => undefined,
    ).finally(() => (this.#compacting = null));
    await run;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    await this.idle();
    this.#closed = true;
    await this.#closeHandles();
  }

  // ---- writing -------------------------------------------------------------------------------

  #enqueue(kind: WriteKind, key: string, at: number, line: Buffer, json?: string, from?: Location): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ kind, key, at, line, ...(json !== undefined ? { json } : {}), ...(from ? { from } : {}), resolve, reject });
      if (kind !== 'relocate') this.#pending.set(key, (this.#pending.get(key) ?? 0) + 1);
      this.#draining ??= this.#drain();
    });
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue;
        this.#queue = [];
        this.#batch = this.#writeBatch(batch);
        await this.#batch;
        this.#batch = null;
        this.#maybeCompact();
      }
    } finally {
      this.#draining = null;
    }
  }

  async #writeBatch(batch: Write[]): Promise<void> {
    const writes: Write[] = [];
    for (const w of batch) {
      // A relocation is only written while the index still points at the copy being moved and no
      // newer value is on its way; otherwise the newer line (earlier in the file) would lose to it.
      if (w.kind === 'relocate' && (this.#index.get(w.key) !== w.from || this.#pending.has(w.key))) w.resolve();
      else writes.push(w);
    }
    if (writes.length === 0) return;
    let segment: Segment | undefined;
    let data: Buffer;
    try {
      segment = await this.#writableSegment();
      // A data folder deleted or replaced under a running process would otherwise swallow every
      // write into a file nobody can read again: fail loudly instead (one fstat per batch).
      const fd = segment.handle.fd;
      if (fstatSync(fd).nlink === 0) throw new Error(`journal segment ${segment.path} was deleted while in use`);
      data = writes.length === 1 ? writes[0]!.line : Buffer.concat(writes.map((w) => w.line));
      // Synchronous stat and append (see writeAll); only the fdatasync waits for the disk.
      writeAll(fd, data);
      if (this.#sync) await segment.handle.datasync();
    } catch (err) {
      // The segment's tail may now hold part of this batch: write no more into it.
      if (segment && this.#active === segment) this.#active = undefined;
      this.#logger?.error({ err: (err as Error).message, file: segment?.path }, 'journal write failed');
      for (const w of writes) {
        this.#settlePending(w);
        w.reject(err);
      }
      return;
    }
    let offset = segment.size;
    for (const w of writes) {
      if (w.kind === 'delete') this.#applyDelete(w.key);
      else this.#applyPut(w.key, { segment: segment.id, offset, length: w.line.length - 1, at: w.at }, w.json);
      offset += w.line.length;
    }
    segment.size = offset;
    this.#totalBytes += data.length;
    this.#batches += 1;
    if (this.#totalBytes > this.#liveBytes) this.#garbageSince ??= this.#now();
    for (const w of writes) {
      this.#settlePending(w);
      w.resolve();
    }
  }

  #applyPut(key: string, loc: Location, json: string | undefined): void {
    const old = this.#index.get(key);
    if (old) this.#liveBytes -= old.length + 1;
    this.#index.set(key, loc);
    this.#liveBytes += loc.length + 1;
    if (json !== undefined) this.#remember(key, json);
  }

  #applyDelete(key: string): void {
    const old = this.#index.get(key);
    if (old) this.#liveBytes -= old.length + 1;
    this.#index.delete(key);
    this.#cache.delete(key);
  }

  #settlePending(w: Write): void {
    if (w.kind === 'relocate') return;
    const n = (this.#pending.get(w.key) ?? 1) - 1;
    if (n > 0) this.#pending.set(w.key, n);
    else this.#pending.delete(w.key);
  }

  async #writableSegment(): Promise<Segment> {
    const active = this.#active;
    if (active && active.size < this.#maxSegmentBytes && active.id >= this.#sealBelow) return active;
    const id = this.#nextId++;
    const path = join(this.dir, segmentName(id));
    const handle = await open(path, 'a+', FILE_MODE);
    const segment: Segment = { id, path, handle, size: 0, readers: 0, retired: false };
    this.#segments.set(id, segment);
    this.#active = segment;
    if (this.#sync) syncDir(this.dir);
    return segment;
  }

  // ---- compaction ----------------------------------------------------------------------------

  #maybeCompact(): void {
    if (this.#compacting || this.#closed) return;
    const garbage = this.#totalBytes - this.#liveBytes;
    const bigEnough = garbage > this.#minGarbageBytes && garbage > this.#liveBytes;
    const oldEnough = garbage > 0 && this.#garbageSince !== undefined && this.#now() - this.#garbageSince >= this.#maxGarbageAgeMs;
    if (!bigEnough && !oldEnough) return;
    let failed = false;
    this.#compacting = this.#compact()
      .then((done) => {
        failed = !done;
      })
      .catch((err: unknown) => {
        failed = true;
        this.#logger?.error({ err: (err as Error).message }, 'journal compaction failed; old segments kept');
      })
      .finally(() => {
        this.#compacting = null;
        // Lines written while it ran may already call for another round (each round only moves what
        // is live, so rounds stop once writing does). Not after a failure: the next batch retries.
        if (!failed) this.#maybeCompact();
      });
  }

  /** Returns false when it kept the old segments (a live line could not be moved). */
  async #compact(): Promise<boolean> {
    // Seal: from here on batches go to a new segment. Let a batch already writing to an old one finish.
    const sealBelow = this.#nextId;
    const startedAt = this.#now();
    this.#sealBelow = sealBelow;
    await this.#batch;
    const sealed = [...this.#segments.keys()].filter((id) => id < sealBelow).sort((a, b) => a - b);
    const isSealed = new Set(sealed);
    for (let pass = 0; pass < 3; pass++) {
      const byKey = [...this.#index].filter(([, loc]) => isSealed.has(loc.segment));
      if (byKey.length === 0) break;
      for (const id of sealed) {
        const here = byKey.filter(([, loc]) => loc.segment === id);
        if (here.length === 0) continue;
        const segment = this.#segments.get(id);
        if (!segment) continue;
        const bytes = await readFile(segment.path);
        await Promise.all(
          here.map(([key, loc]) => this.#enqueue('relocate', key, loc.at, bytes.subarray(loc.offset, loc.offset + loc.length + 1), undefined, loc)),
        );
      }
    }
    if ([...this.#index.values()].some((loc) => isSealed.has(loc.segment))) {
      this.#logger?.warn({ dir: this.dir }, 'journal compaction could not move every live line; old segments kept');
      return false;
    }
    // Oldest first: were we to stop half-way, no deletion (tombstone) could lose to an older value.
    for (const id of sealed) {
      const segment = this.#segments.get(id);
      if (!segment) continue;
      this.#segments.delete(id);
      segment.retired = true;
      await unlink(segment.path);
      this.#totalBytes -= segment.size;
      if (segment.readers === 0) await segment.handle.close();
    }
    if (this.#sync) syncDir(this.dir);
    // What is dead now was written while this ran, so it is no older than its start.
    this.#garbageSince = this.#totalBytes > this.#liveBytes ? startedAt : undefined;
    return true;
  }

  // ---- start-up ------------------------------------------------------------------------------

  async #scan(): Promise<void> {
    const ids = (await listDir(this.dir))
      .map((name) => SEGMENT_FILE.exec(name)?.[1])
      .filter((id): id is string => id !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    for (const id of ids) {
      const path = join(this.dir, segmentName(id));
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch (err) {
        throw StoreFileError.from(path, err);
      }
      const torn = this.#indexSegment(id, path, bytes);
      if (torn > 0) this.#logger?.warn({ file: path, bytes: torn }, 'journal segment ends in an unfinished write (a crash mid-write); skipped');
      const handle = await open(path, 'r').catch((err: unknown) => {
        throw StoreFileError.from(path, err);
      });
      this.#segments.set(id, { id, path, handle, size: bytes.length, readers: 0, retired: false });
      this.#totalBytes += bytes.length;
      this.#nextId = id + 1;
    }
    // Dead lines found at start-up are as old as the oldest segment's last write, at the latest:
    // a restart must not postpone the age rule.
    const oldest = ids[0];
    if (oldest !== undefined && this.#totalBytes > this.#liveBytes) {
      const { mtimeMs } = await stat(join(this.dir, segmentName(oldest)));
      this.#garbageSince = Math.min(mtimeMs, this.#now());
    }
  }

  /** Indexes one segment's lines; returns the bytes of an unfinished last line (0 if none). */
  #indexSegment(id: number, path: string, bytes: Buffer): number {
    let offset = 0;
    let lineNo = 0;
    while (offset < bytes.length) {
      const end = bytes.indexOf(NEWLINE, offset);
      if (end < 0) return bytes.length - offset;
      lineNo += 1;
      const entry = decodeLine(bytes.subarray(offset, end));
      if (!entry) throw new StoreFileError(path, 'corrupt', `line ${lineNo} fails its checksum`);
      if (entry.json === null) this.#applyDelete(entry.key);
      else this.#applyPut(entry.key, { segment: id, offset, length: end - offset, at: entry.at }, undefined);
      offset = end + 1;
    }
    return 0;
  }

  // ---- helpers -------------------------------------------------------------------------------

  #remember(key: string, json: string): void {
    this.#cache.delete(key);
    this.#cache.set(key, json);
    if (this.#cache.size > this.#cacheEntries) {
      const oldest = this.#cache.keys().next();
      if (!oldest.done) this.#cache.delete(oldest.value);
    }
  }

  async #closeHandles(): Promise<void> {
    const segments = [...this.#segments.values()];
    this.#segments.clear();
    this.#active = undefined;
    await Promise.all(segments.map((s) => s.handle.close().catch(() => undefined)));
  }

  #assertOpen(): void {
    if (this.#closed) throw new StoreClosedError();
  }
}
