import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../../src/inbox/passwords.js';
import { projectRoot } from '../support/dialog.js';
import { removeDir, startApp, type RunningApp } from '../support/app.js';

export const PASSWORDS = { reception: 'reception-pass-1234', clinician: 'clinician-pass-5678' } as const;

/** Cheap scrypt cost for tests only (the verifier reads the cost from the hash). */
const TEST_COST = { N: 2 ** 10, r: 8, p: 1 };

/** The real app with the demo practice plus two staff accounts, on 127.0.0.1:0 with a temp folder. */
export async function startInboxApp(options: { pollMs?: number; inbox?: Record<string, unknown> } = {}): Promise<RunningApp & { stop(): Promise<void> }> {
  const demo = JSON.parse(readFileSync(join(projectRoot, 'config', 'practice.demo.json'), 'utf8')) as Record<string, unknown>;
  const inbox = {
    staff: [
      { username: 'rita', displayName: 'Rita Reception', passwordHash: await hashPassword(PASSWORDS.reception, TEST_COST), role: 'reception' },
      { username: 'dr.cole', displayName: 'Dr Cole', passwordHash: await hashPassword(PASSWORDS.clinician, TEST_COST), role: 'clinician' },
    ],
    ...options.inbox,
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'gp-inbox-'));
  const file = join(dataDir, 'practice.json');
  writeFileSync(file, JSON.stringify({ ...demo, inbox }));
  const app = await startApp({ dataDir, practiceConfigPath: file, inboxPollMs: options.pollMs ?? 50 });
  return {
    ...app,
    stop: async () => {
      await app.close();
      removeDir(app.dataDir);
    },
  };
}

/** A browser-like client: one cookie, forms with the page's CSRF token, no automatic redirects. */
export class Client {
  cookie = '';
  csrf = '';
  constructor(readonly base: string) {}

  async get(path: string, headers: Record<string, string> = {}) {
    const res = await fetch(this.base + path, { headers: { Accept: 'text/html', ...(this.cookie ? { Cookie: this.cookie } : {}), ...headers }, redirect: 'manual' });
    return this.#read(res);
  }

  async post(path: string, fields: Record<string, string>, opts: { csrf?: boolean; headers?: Record<string, string> } = {}) {
    const body = new URLSearchParams({ ...(opts.csrf === false ? {} : { _csrf: this.csrf }), ...fields }).toString();
    const res = await fetch(this.base + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html', ...(this.cookie ? { Cookie: this.cookie } : {}), ...opts.headers },
      body,
      redirect: 'manual',
    });
    return this.#read(res);
  }

  async signIn(username: string, password: string) {
    await this.get('/inbox/signin');
    return this.post('/inbox/signin', { username, password });
  }

  async #read(res: Response) {
    const text = await res.text();
    const set = res.headers.get('set-cookie');
    if (set) {
      const pair = set.split(';')[0] ?? '';
      this.cookie = pair.endsWith('=') ? '' : pair;
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(text)?.[1];
    if (token) this.csrf = token;
    return { status: res.status, text, headers: res.headers, location: res.headers.get('location') };
  }
}
