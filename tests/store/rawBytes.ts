import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file under `dir` (dot files, temp files and journal segments included) whose raw bytes contain `marker`. */
export async function filesContaining(dir: string, marker: string): Promise<string[]> {
  const found: string[] = [];
  const needle = Buffer.from(marker, 'utf8');
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if ((await readFile(path)).includes(needle)) found.push(path);
  }
  return found;
}
