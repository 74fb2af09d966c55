import { readFileSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { IntakeRequest } from '../../domain/types.js';
import { StoreFileError, errorCode } from './errors.js';
import { isObject, syncDir, writeNewFile } from './fs-util.js';
import { readCheckedJson } from './low-file.js';
import { requestPartitionPath, requestsDir } from './paths.js';
import type { LineSpan } from './request-log.js';

/**
 * Reading the request store's files: the day files of today's format (`YYYY-MM-DD.jsonl`, one request
 * a line, the last line for an id wins) and the lowdb partitions of the format before
 * (`YYYY-MM-DD[.<hex>].json` = `{format:1, requests:{id → request}}`), which start-up moves into the
 * day files.
 */

export function isRequestLike(value: unknown): value is IntakeRequest {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.submittedAt === 'string' &&
    typeof value.status === 'string' &&
    typeof value.kind === 'string' &&
    isObject(value.triage) &&
    typeof value.triage.tier === 'string' &&
    Array.isArray(value.statusHistory)
  );
}

interface Partition {
  format: 1;
  requests: Record<string, IntakeRequest>;
}

function isPartition(value: unknown): value is Partition {
  return isObject(value) && value.format === 1 && isObject(value.requests) && Object.values(value.requests).every(isRequestLike);
}

/** One request as a day-file line, newline included. */
export function encodeRequestLine(request: IntakeRequest): Buffer {
  return Buffer.from(`${JSON.stringify(request)}\n`, 'utf8');
}

/** A stored line back to its request; a line that is not one means the file was damaged. */
export function decodeRequestLine(path: string, line: Buffer, id?: string): IntakeRequest {
  let value: unknown;
  try {
    value = JSON.parse(line.toString('utf8'));
  } catch (err) {
    throw StoreFileError.from(path, err);
  }
  if (!isRequestLike(value) || (id !== undefined && value.id !== id)) throw new StoreFileError(path, 'corrupt', 'unexpected content');
  return value;
}

export interface ScannedLine extends LineSpan {
  request: IntakeRequest;
}

/**
 * Every request line of a day file, in file order (the caller keeps the last for each id). A line
 * that does not parse is skipped and counted: the expected cause is an append torn by a crash. A
 * line that parses but is not a request stops start-up naming the file: that is not a torn append.
 */
export function scanDayFile(path: string): { lines: ScannedLine[]; size: number; badLines: number; bytes: Buffer } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw StoreFileError.from(path, err);
  }
  const lines: ScannedLine[] = [];
  let badLines = 0;
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(0x0a, start);
    // No newline after it: a torn last append, never acknowledged.
    if (end < 0) end = bytes.length;
    const text = bytes.toString('utf8', start, end);
    if (end < bytes.length && text.trim() !== '') {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        value = undefined;
        badLines += 1;
      }
      if (value !== undefined) {
        if (!isRequestLike(value)) throw new StoreFileError(path, 'corrupt', `line at byte ${start} is not a request`);
        lines.push({ request: value, offset: start, length: end - start });
      }
    } else if (end === bytes.length && text.trim() !== '') {
      badLines += 1;
    }
    start = end + 1;
  }
  return { lines, size: bytes.length, badLines, bytes };
}

/**
 * Moves the partitions of the format before into day files. Every partition is read and checked
 * before anything is written, so a bad one stops start-up and nothing is written next to it. Then
 * each day's new file (its own lines, if it has one, plus every partition request it does not
 * already hold) is written to a temp file; the temp files are fdatasynced together, renamed over
 * the day files, the folder fsynced, and only then are the partitions deleted. A crash half-way
 * leaves partitions whose requests a day file may already hold: its lines win when this runs again.
 * Returns the number of partition files moved.
 */
export async function migratePartitions(dataDir: string, partitions: readonly string[], dayPath: (day: string) => string): Promise<number> {
  const byDay = new Map<string, string[]>();
  for (const partition of partitions) {
    const file = requestPartitionPath(dataDir, partition);
    // Checked now, parsed again below: holding every request of the history at once costs more in GC.
    readCheckedJson(file, isPartition);
    const day = partition.slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), file]);
  }
  const days = [...byDay];
  // A few days at a time: one fdatasync each, waited for together (the file system commits them in a
  // few journal writes), without holding a descriptor per day of history open at once.
  for (let i = 0; i < days.length; i += MIGRATE_BATCH) {
    const batch = days.slice(i, i + MIGRATE_BATCH).map(([day, files]) => {
      const path = dayPath(day);
      const existing = readExisting(path);
      const chunks = [existing.bytes];
      for (const file of files) {
        for (const request of Object.values(readCheckedJson(file, isPartition).requests)) {
          if (!existing.ids.has(request.id)) chunks.push(encodeRequestLine(request));
          existing.ids.add(request.id);
        }
      }
      return { path, tmp: join(dirname(path), `.${basename(path)}.tmp`), chunks };
    });
    await Promise.all(batch.map((f) => writeNewFile(f.tmp, f.chunks)));
    for (const f of batch) renameSync(f.tmp, f.path);
  }
  if (days.length === 0) return 0;
  syncDir(requestsDir(dataDir));
  for (const [, files] of days) for (const file of files) unlinkSync(file);
  syncDir(requestsDir(dataDir));
  return partitions.length;
}

const MIGRATE_BATCH = 32;
/** A day file's complete lines (torn fragments dropped) and the ids they hold; empty when absent. */
function readExisting(path: string): { bytes: Buffer; ids: Set<string> } {
  try {
    const scanned = scanDayFile(path);
    const kept = scanned.lines.map((l) => scanned.bytes.subarray(l.offset, l.offset + l.length + 1));
    return { bytes: Buffer.concat(kept), ids: new Set(scanned.lines.map((l) => l.request.id)) };
  } catch (err) {
    if (err instanceof StoreFileError && errorCode(err.cause) === 'ENOENT') return { bytes: Buffer.alloc(0), ids: new Set() };
    throw err;
  }
}
