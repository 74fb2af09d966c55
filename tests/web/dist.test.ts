import { expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** web/dist is committed so production needs no bundler; this fails when it is older than web/src. */
test('web/dist matches a fresh build of web/src (run `npm run build:web`)', () => {
  const out = mkdtempSync(join(tmpdir(), 'webdist-'));
  try {
    execFileSync(process.execPath, ['web/build.mjs', out], { stdio: 'pipe' });
    for (const f of ['chat.js', 'embed.js', 'chat.css']) {
      expect(readFileSync(join(out, f), 'utf8')).toBe(readFileSync(join('web/dist', f), 'utf8'));
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
