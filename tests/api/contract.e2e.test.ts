import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { hashApiKey } from '../../src/api/practice/index.js';
import { fixedClock } from '../../src/clock.js';
import { projectRoot } from '../support/dialog.js';
import { createEmbeddedApp, removeDir, sayTo, startApp, type RunningApp } from '../support/app.js';

/**
 * The GP contract rules end to end on the real app (createApp on 127.0.0.1:0, temp folders, an
 * injected clock): every request taken in core hours however busy the day, a reply-by time said to
 * the patient and carried by the request, the due list and the weekly activity report.
 */
const KEY = 'e2e-contract-key-0123456789abcdef';
const DETAILS = ['duration.weeks', 'trend.same', 'impact.some', 'wants.appointment', 'for.self', 'Zofia Nowak', '02/05/1979', '943 476 5919', 'M1 1AE', '07700 900123', 'contact.text', 'when.morning'];

async function submitRoutine(say: ReturnType<typeof sayTo>) {
  const greeting = await say('hello');
  await say('need.new');
  let reply = await say('I have had an itchy rash on my arm for a few weeks');
  // "No, none of these" at the check; "Skin or rash" at the area picker that follows it (round 9).
  for (let i = 0; i < 12 && ['safetyCheck', 'areaPick', 'triageQuestion', 'confirm'].includes(String(reply.intake.state)); i++) {
    reply = await say(reply.intake.state === 'areaPick' ? 'safety.area.skin' : 'no');
  }
  for (const answer of DETAILS) await say(answer);
  await say('review.send');
  return { greeting, sent: await say('yes') };
}

let running: RunningApp;
let configDir: string;
const api = async (path: string, init: RequestInit = {}) =>
  fetch(`${running.url}${path}`, { ...init, headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) } });

beforeAll(async () => {
  configDir = mkdtempSync(join(tmpdir(), 'contract-e2e-config-'));
  const practiceConfigPath = join(configDir, 'practice.json');
  writeFileSync(
    practiceConfigPath,
    JSON.stringify({
      name: 'Riverside Demo Surgery',
      odsCode: 'Y00001',
      phone: '0113 496 0000',
      address: { lines: ['1 River Lane'], postcode: 'ZZ1 1ZZ' },
      busyDayThreshold: 1,
      apiKeys: [{ name: 'desk', sha256: hashApiKey(KEY) }],
    }),
  );
  // Tuesday 8 December 2026, 10:00 GMT: core hours.
  running = await startApp({ practiceConfigPath, clockAt: '2026-12-08T10:00:00Z' });
});

afterAll(async () => {
  await running?.close();
  if (running) removeDir(running.dataDir);
  removeDir(configDir);
});

describe('GP contract rules on the real server', () => {
  let first = '';

  it('takes every request in core hours on a busy day, and tells each patient the reply-by day', async () => {
    const a = await submitRoutine(sayTo(running.url, 'e2e-a'));
    expect(a.greeting.text).toMatch(/open now/);
    expect(a.sent.intake.state).toBe('submitted');
    expect(a.sent.text).toMatch(/The practice will reply by the end of Wednesday 9 December\./);
    first = String(a.sent.intake.requestId);
    expect((await running.app.store.requests.get(first))?.respondBy).toBe('2026-12-09T18:30:00.000Z');

    // The busy threshold (1) is reached: the patient is told replies may take longer, and is still served.
    running.clock.advance(5 * 60_000);
    const b = await submitRoutine(sayTo(running.url, 'e2e-b'));
    expect(b.greeting.text).toMatch(/Replies may take a little longer/);
    expect(b.sent.intake.state).toBe('submitted');
    expect((await running.app.store.requests.list({ limit: 10, offset: 0 })).total).toBe(2);

    const metrics = await (await fetch(`${running.url}/metrics`)).text();
    expect(metrics).toMatch(/gp_intake_requests_today\{tier="routine"\} 2/);
  });

  it('lists both as due within 2 hours on Wednesday at 17:00', async () => {
    running.clock.advance(30 * 60_000);
    expect((await api(`/api/practice/requests/${first}/status`, { method: 'POST', body: JSON.stringify({ status: 'received', by: 'Sam' }) })).status).toBe(200);
    running.clock.set('2026-12-09T17:00:00Z');
    const due = (await (await api('/api/practice/requests/due?withinHours=2')).json()) as { items: { respondBy: string; overdue: boolean }[] };
    expect(due.items.map((i) => [i.respondBy, i.overdue])).toEqual([
      ['2026-12-09T18:30:00.000Z', false],
      ['2026-12-09T18:30:00.000Z', false],
    ]);
  });

  it('gives the weekly activity report as JSON and CSV', async () => {
    const report = (await (await api('/api/practice/reports/weekly?week=2026-W50')).json()) as { days: Record<string, unknown>[]; total: Record<string, unknown> };
    expect(report.days[1]).toMatchObject({
      date: '2026-12-08',
      requests: 2,
      byChannel: { test: 2 },
      inCoreHours: 2,
      outOfCoreHours: 0,
      divertedEmergencies: 0,
      statusChanged: 1,
      medianMinutesToFirstStatusChange: 35,
    });
    expect(report.total).toMatchObject({ requests: 2, byNeed: { 'need.new': 2 } });
    const csv = await api('/api/practice/reports/weekly?week=2026-W50&format=csv');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect((await csv.text()).split('\r\n')[2]).toMatch(/^"2026-12-08",2,/);
  });
});

describe('start-up refuses a practice file that breaks the contract', () => {
  it.each([
    [{ routineDailyCapacity: 40 }, 'routineDailyCapacity: a daily cap is not allowed (GP contract 2026/27'],
    [{ openingHours: { monday: [{ open: '08:30', close: '18:00' }] } }, 'openingHours.monday: must include core hours 08:00-18:30'],
    [{ exceptionalClosures: [{ from: '2026-12-09T10:00', reason: 'Flood' }] }, 'exceptionalClosures[0].until: required'],
    [{ timeZone: 'Europe/Leeds' }, 'timeZone: expected an IANA time zone'],
  ])('%j: start-up stops naming the file and the field', async (patch, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'contract-bad-'));
    const file = join(dir, 'practice.json');
    writeFileSync(file, JSON.stringify({ name: 'X', odsCode: 'Y00001', phone: '0113 496 0000', address: { lines: ['1 Lane'], postcode: 'ZZ1 1ZZ' }, ...patch }));
    try {
      await expect(
        createEmbeddedApp({ dataDir: join(dir, 'data'), practiceConfigPath: file, contentRoot: projectRoot, clock: fixedClock('2026-12-08T10:00:00Z'), logger: pino({ level: 'silent' }) }),
      ).rejects.toThrow(`${file}: ${message}`);
    } finally {
      removeDir(dir);
    }
  });
});
