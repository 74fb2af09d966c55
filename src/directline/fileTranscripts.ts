import { createHash } from 'node:crypto';
import { appendFile, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { FILE_MODE, makeDir, replaceFile } from '../store/lowdb/fs-util.js';
import type { TranscriptEntry, TranscriptStore } from './transcripts.js';

/**
 * Transcripts as one JSON Lines file per conversation, `<dir>/<sha256(conversation id)>.jsonl`:
 * the id never appears in a file name, files are 0600 in a 0700 folder (they hold patient text),
 * and an append writes one line, so a crash can at worst tear the last line, which `load` skips.
 * Writes reach the page cache (they survive the process, not a power cut): the transcript is what
 * the page shows, while the request and the bot's state are kept durably by the main store.
 * A rewrite is atomic (the store's replaceFile); one that drops a conversation's details (it ended
 * with nothing sent) is also durable, so the details cannot come back after a power cut.
 */
/** A transcript, or the temp file of a rewrite a crash interrupted (`.<name>.tmp`, replaceFile's). */
const NAME = /^\.?[0-9a-f]{64}\.jsonl(\.tmp)?$/;

export function fileTranscripts(dir: string): TranscriptStore {
  let ready: Promise<void> | undefined;
  const folder = (): Promise<void> =>
    (ready ??= makeDir(dir).catch((err: unknown) => {
        ready = undefined; // try again on the next write (an operator may fix the folder)
        throw err;
      }));
  const pathOf = (conversationId: string): string => join(dir, `${createHash('sha256').update(conversationId).digest('hex')}.jsonl`);
  const lines = (entries: TranscriptEntry[]): string => entries.map((e) => `${JSON.stringify(e)}\n`).join('');

  return {
    async load(conversationId) {
      let text: string;
      try {
        text = await readFile(pathOf(conversationId), 'utf8');
      } catch (err) {
        // No file, or no folder yet (or something else in its place, which the first write reports).
        if (['ENOENT', 'ENOTDIR'].includes((err as NodeJS.ErrnoException).code ?? '')) return undefined;
        throw err;
      }
      const entries: TranscriptEntry[] = [];
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        try {
          const e = JSON.parse(line) as Partial<TranscriptEntry>;
          if (typeof e.seq === 'number' && typeof e.activity === 'object' && e.activity !== null) entries.push({ seq: e.seq, activity: e.activity });
        } catch {
          // A torn last line from a killed process: the rest of the transcript is still good.
        }
      }
      return entries;
    },

    async append(conversationId, entries) {
      if (entries.length === 0) return;
      await folder();
      await appendFile(pathOf(conversationId), lines(entries), { mode: FILE_MODE });
    },

    async replace(conversationId, entries, options) {
      await folder();
      await replaceFile(pathOf(conversationId), lines(entries), options?.durable ?? false);
    },

    async remove(conversationId) {
      await unlink(pathOf(conversationId)).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
    },

    async sweep(before) {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
        throw err;
      }
      let removed = 0;
      for (const name of names.filter((n) => NAME.test(n))) {
        const path = join(dir, name);
        const info = await stat(path).catch(() => undefined);
        if (info && info.mtimeMs < before.getTime()) {
          await unlink(path).catch(() => undefined);
          if (!name.endsWith('.tmp')) removed += 1;
        }
      }
      return removed;
    },
  };
}
