import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../bench/load/child.js';

/** English re-ask texts (dialog.invalid.*): a reply holding one means the answer was not taken. */
export const INVALID_TEXTS: string[] = Object.values(
  (JSON.parse(readFileSync(join(projectRoot, 'locales', 'en', 'dialog.json'), 'utf8')) as { dialog: { invalid: Record<string, string> } }).dialog.invalid,
).map((t) => t.split('{{')[0] ?? t);

/** Polls `cond` every 50 ms until it holds; rejects naming `what` after `timeoutMs`. */
export async function waitFor(what: string, cond: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
