/**
 * Crash safety of the real server process (src/index.ts in a child, tsx): SIGKILL in the middle of a
 * load of concurrent intakes, restart on the same DATA_DIR, and prove
 *   - every conversation resumes at its last completed turn,
 *   - every consented request is stored once and delivered once (unique Idempotency-Keys at a real
 *     HMAC-checking receiver on 127.0.0.1),
 *   - no data file is corrupt (every JSON file parses, complete JSON Lines parse, openLowdbStore opens);
 * and that a corrupt or unreadable data file stops start-up with an error naming it, leaving it untouched.
 *
 * The delivery interval is not configurable by environment (src/index.ts leaves createApp's default of
 * 5 s), so the test waits for the 5 s ticks rather than speeding them up.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { crc32 } from 'node:zlib';
import { join, relative } from 'node:path';
import { startServer, spawnNode, serverCommand, freePort, stopChild, writePracticeConfig, type Child } from '../../bench/load/child.js';
import { prng, ROUTINE_ANSWERS, ROUTINE_NEXT, runRoutine, send } from '../../bench/load/driver.js';
import { systemClock } from '../../src/clock.js';
import { openLowdbStore } from '../../src/store/index.js';
import { idempotencyKeyFor } from '../../src/store/lowdb/outbox.js';
import { legacyConversationPath, hashId } from '../../src/store/lowdb/paths.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { INVALID_TEXTS, waitFor } from '../support/faults.js';

const SECRET = 'fault-test-webhook-secret-0123456789';
const LIMITS = { RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_PER_IP_PER_MINUTE: '1000000', RETENTION_DAYS: '3650' };
const SEED = Number(process.env.FAULT_SEED ?? 20261125);


function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => statSync(f).isFile());
}

/**
 * Every .json data file parses; every complete line of every .jsonl parses, and every conversation
 * journal line also matches its CRC-32 (checked here with zlib, not with the store's own decoder).
 * Returns a list of problems (empty = fine).
 */
function corruptFiles(dataDir: string): { problems: string[]; tornTails: number; jsonFiles: number; journalLines: number } {
  const problems: string[] = [];
  let tornTails = 0;
  let jsonFiles = 0;
  let journalLines = 0;
  for (const file of filesUnder(dataDir)) {
    const name = relative(dataDir, file);
    const base = name.split('/').at(-1) ?? '';
    // steno's temp files (.<name>.tmp) are documented leftovers of a kill and never read.
    if (base.startsWith('.')) continue;
    const text = readFileSync(file, 'utf8');
    if (name.endsWith('.json')) {
      jsonFiles += 1;
      try {
        JSON.parse(text);
      } catch {
        problems.push(`${name} does not parse`);
      }
    } else if (name.endsWith('.jsonl')) {
      const lines = text.split('\n');
      const tail = lines.pop();
      // A torn last append after kill -9 is allowed by the store's design (skipped and logged on read).
      if (tail) tornTails += 1;
      const journal = base.startsWith('journal-');
      lines.forEach((line, i) => {
        try {
          JSON.parse(line);
        } catch {
          problems.push(`${name}:${i + 1} does not parse`);
          return;
        }
        if (!journal) return;
        journalLines += 1;
        const comma = line.indexOf(',');
        if (crc32(line.slice(comma + 1, -1)) !== Number(line.slice(1, comma))) problems.push(`${name}:${i + 1} fails its checksum`);
      });
    }
  }
  return { problems, tornTails, jsonFiles, journalLines };
}

interface Conv {
  id: string;
  /** Last state whose reply the driver received. */
  state: string;
  /** A request was on the wire when the server died (it may or may not have been processed). */
  inFlight: boolean;
  /** Activities sent so far; each turn has its own activity id `<id>-<n>`, a retry re-uses it. */
  sent: number;
  requestId?: string;
}

describe('SIGKILL in the middle of a load run (real server in a child process)', () => {
  let receiver: Receiver | undefined;
  let child: Child | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    if (child) await stopChild(child, 'SIGKILL');
    child = undefined;
    await receiver?.close();
    receiver = undefined;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('resumes every conversation at its last completed turn, stores and delivers each consented request once, corrupts no file', async () => {
    console.log(`sigkill test seed ${SEED} (FAULT_SEED=${SEED} to reproduce the think times)`);
    const rand = prng(SEED);
    const root = mkdtempSync(join(tmpdir(), 'gp-fault-'));
    dirs.push(root);
    const dataDir = join(root, 'data');
    const env = { ...LIMITS, PRACTICE_WEBHOOK_URL: '', PRACTICE_WEBHOOK_SECRET: SECRET, PRACTICE_CONFIG: writePracticeConfig(root, { routineDailyCapacity: null }) };
    receiver = await startReceiver({ secret: SECRET });
    env.PRACTICE_WEBHOOK_URL = receiver.url;
    const rcv = receiver;
    child = await startServer({ dataDir, env });
    const first = child;

    // 6 fast conversations finish (and are delivered on the first 5 s tick) before the kill; 14 slow
    // ones (~7 s each) are mid-intake, mostly between turns, when it lands; 6 burst conversations start
    // with no think time just before the kill, so some turns are on the wire (or being written) at the kill.
    const N = 26;
    const convs: Conv[] = Array.from({ length: N }, (_, i) => ({ id: `fault-${SEED}-${i}`, state: '', inFlight: false, sent: 0 }));
    const thinks = convs.map((_, i) => (i < 6 ? () => rand() * 20 : i < 20 ? () => 250 + rand() * 250 : () => 0));
    let killed = false;

    const drive = async (c: Conv, think: () => number) => {
      for (let turn = 0; turn < 40 && c.state !== 'submitted' && !killed; turn++) {
        const answer = ROUTINE_ANSWERS[c.state];
        if (answer === undefined) throw new Error(`${c.id}: no answer for state '${c.state}'`);
        c.inFlight = true;
        c.sent += 1;
        let reply;
        try {
          reply = await send(first.url, c.id, answer, undefined, `${c.id}-${c.sent}`);
        } catch (err) {
          // Refused = never reached the server; anything else (reset, closed) = it may have been processed.
          const code = (err as { cause?: { code?: string } }).cause?.code;
          c.inFlight = code !== 'ECONNREFUSED';
          return;
        }
        c.inFlight = false;
        expect([c.id, c.state, reply.status, (ROUTINE_NEXT[c.state] ?? []).includes(reply.state)]).toEqual([c.id, c.state, 200, true]);
        c.state = reply.state;
        if (reply.requestId) c.requestId = reply.requestId;
        if (!killed) await new Promise((r) => setTimeout(r, think()));
      }
    };
    const load = Promise.all(convs.slice(0, 20).map((c, i) => drive(c, thinks[i]!)));

    // Kill once the first delivery has landed (so some requests are delivered before the crash,
    // some consented but not yet delivered, and most conversations are mid-intake).
    await waitFor('the first delivery before the kill', () => rcv.stored.size >= 1, 20_000);
    const burst = Promise.all(convs.slice(20).map((c, i) => drive(c, thinks[20 + i]!)));
    await new Promise((r) => setTimeout(r, 60 + rand() * 120));
    first.proc.kill('SIGKILL');
    killed = true;
    expect((await first.exited).signal).toBe('SIGKILL');
    await Promise.all([load, burst]);

    const submittedBeforeKill = convs.filter((c) => c.state === 'submitted').length;
    const midway = convs.filter((c) => c.state !== 'submitted');
    const inFlight = convs.filter((c) => c.inFlight).length;
    const deliveredBeforeKill = rcv.stored.size;
    console.log(`at kill: ${submittedBeforeKill} submitted, ${midway.length} mid-intake (${inFlight} with a turn in flight), ${deliveredBeforeKill} delivered`);
    // The kill must really have landed in the middle: otherwise this test proves nothing.
    expect(midway.length).toBeGreaterThanOrEqual(5);
    expect(submittedBeforeKill).toBeGreaterThanOrEqual(1);

    // No data file is corrupt right after the kill, and the store opens (taking over the dead process's lock).
    const afterKill = corruptFiles(dataDir);
    expect(afterKill.problems).toEqual([]);
    // Every conversation has at least one journal line, and all of them were checked.
    expect(afterKill.journalLines).toBeGreaterThan(N);
    const probe = await openLowdbStore({ dataDir, retentionDays: 3650, clock: systemClock });
    await probe.close();

    child = await startServer({ dataDir, env });
    const second = child;

    // The re-ask detector below works: an answer for the wrong step is re-asked with an invalid.* text.
    await send(second.url, 'detector-check', 'hello');
    const reasked = await send(second.url, 'detector-check', ROUTINE_ANSWERS.trend ?? '');
    expect([reasked.state, INVALID_TEXTS.some((t) => reasked.texts.some((x) => x.includes(t)))]).toEqual(['need', true]);

    // Resume: the answer to the step each conversation was at is taken as that step's answer.
    const requestIds = new Map<string, string>();
    await Promise.all(
      convs.map(async (c) => {
        if (c.state === 'submitted') {
          requestIds.set(c.id, c.requestId ?? '');
          return;
        }
        // Idle at the kill: a new activity; the server must be exactly at c.state, so the answer moves it on.
        // In flight: the client retries the very activity that got no reply (same activity id). If the
        // server saved that turn, the retry is answered with the replies it produced and changes
        // nothing; if not, it is taken now. Either way the reply is the step after c.state, never a
        // re-ask and never the re-sent answer taken as the next step's answer.
        const retry = c.inFlight ? c.sent : c.sent + 1;
        const reply = await send(second.url, c.id, ROUTINE_ANSWERS[c.state] ?? '', undefined, `${c.id}-${retry}`);
        const expected = ROUTINE_NEXT[c.state] ?? [];
        expect([c.id, c.state, c.inFlight, reply.status, reply.state, expected.includes(reply.state)]).toEqual([c.id, c.state, c.inFlight, 200, reply.state, true]);
        expect([c.id, INVALID_TEXTS.filter((t) => reply.texts.some((x) => x.includes(t)))]).toEqual([c.id, []]);
        const done = reply.state === 'submitted' ? { requestId: reply.requestId } : await runRoutine(second.url, c.id, { from: reply.state });
        requestIds.set(c.id, done.requestId ?? '');
      }),
    );
    // How many in-flight retries the restarted server recognised (their turn was saved before the kill).
    const metrics = await (await fetch(`${second.url}/metrics`)).text();
    console.log(`in-flight retries answered from the stored replies: ${/^gp_intake_repeated_activities_total (\d+)/m.exec(metrics)?.[1] ?? '?'} of ${inFlight}`);
    const ids = [...requestIds.values()];
    expect(INVALID_TEXTS.length).toBeGreaterThan(5);
    expect(ids.every((id) => id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(N);

    // Delivered once each, from the receiver's point of view: one stored entry per idempotency key.
    await waitFor(`${N} deliveries`, () => rcv.stored.size >= N, 30_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(new Set(rcv.stored.keys())).toEqual(new Set(ids.map(idempotencyKeyFor)));
    expect(rcv.attempts.every((a) => a.signatureValid)).toBe(true);
    const resent = rcv.attempts.length - rcv.stored.size;
    console.log(`deliveries: ${rcv.stored.size} unique keys, ${rcv.attempts.length} attempts (${resent} repeated with the same key)`);

    // Stored once each, read back from the store after a clean shutdown.
    await stopChild(second, 'SIGTERM');
    expect((await second.exited).code).toBe(0);
    child = undefined;
    expect(corruptFiles(dataDir).problems).toEqual([]);
    const store = await openLowdbStore({ dataDir, retentionDays: 3650, clock: systemClock });
    try {
      const all = await store.requests.list({ limit: 1000, offset: 0 });
      expect(all.total).toBe(N);
      expect(new Set(all.items.map((r) => r.id))).toEqual(new Set(ids));
      expect(all.items.every((r) => r.kind === 'request')).toBe(true);
      expect(await store.outbox.list('pending')).toEqual([]);
      expect(await store.outbox.list('dead')).toEqual([]);
    } finally {
      await store.close();
    }
  }, 120_000);

  const HASH = hashId('test:some-conversation');
  it.each([
    ['a truncated request partition', 'requests/2026-01-05.json', '{"format":1,"requests":{"r1":{"id":"r1",'],
    ['a request partition of the wrong shape', 'requests/2026-01-06.json', '{"format":2,"rows":[]}'],
    ['a garbage outbox', 'outbox/outbox.json', 'this is not json\n'],
    ['a conversation journal line that fails its checksum', 'conversations/journal-00000001.jsonl', `[1,"${HASH}",0,null]\n`],
    ['a truncated conversation file of the old layout', relative('/d', legacyConversationPath('/d', HASH)), '{"format":1,"record":{"id":"test:some-'],
    ['an unreadable request partition (a directory)', 'requests/2026-01-07.json', null],
  ])('refuses to start on %s, names the file and leaves it byte-for-byte unchanged', async (_what, rel, content) => {
    const root = mkdtempSync(join(tmpdir(), 'gp-corrupt-'));
    dirs.push(root);
    const dataDir = join(root, 'data');
    const file = join(dataDir, rel);
    mkdirSync(join(file, '..'), { recursive: true });
    if (content === null) mkdirSync(file);
    else writeFileSync(file, content);
    const before = content === null ? null : readFileSync(file);

    const port = await freePort();
    const started = spawnNode(serverCommand(), { HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, port);
    child = started;
    const timer = setTimeout(() => started.proc.kill('SIGKILL'), 30_000);
    const exit = await started.exited;
    clearTimeout(timer);
    child = undefined;

    expect(exit.code).toBe(1);
    expect(started.stderr()).toContain('failed to start');
    expect(started.stderr()).toContain(file);
    if (before) expect(readFileSync(file).equals(before)).toBe(true);
    else expect(statSync(file).isDirectory()).toBe(true);
    // No file was written in its place or next to it (no steno tmp file, no defaults); empty folders may be made.
    const dir = join(file, '..');
    expect(readdirSync(dir).filter((n) => n !== rel.split('/').at(-1) && statSync(join(dir, n)).isFile())).toEqual([]);
  }, 40_000);
});
