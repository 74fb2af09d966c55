import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import restify from 'restify';
import { hashApiKey, registerPracticeApi } from '../../src/api/practice/index.js';
import { fixedClock } from '../../src/clock.js';
import type { IntakeRequest } from '../../src/domain/types.js';
import { toFhirBundle } from '../../src/handoff/fhir/index.js';
import { createLogger } from '../../src/observability/logger.js';
import { openLowdbStore, type Store } from '../../src/store/index.js';
import { emergencyDiversion, englishText, routineRequest, urgentRequest } from '../handoff/fixtures.js';
import { practiceConfig } from '../practice/fixtures.js';

const KEY = 'contract-key-0123456789abcdef';
const logger = createLogger({ level: 'silent' });
// Wednesday 9 December 2026, 12:00 GMT.
const clock = fixedClock('2026-12-09T12:00:00.000Z');

let dir: string;
let store: Store;
let server: restify.Server;
let base: string;

async function get(path: string, accept?: string) {
  const res = await fetch(base + path, { headers: { Authorization: `Bearer ${KEY}`, ...(accept ? { Accept: accept } : {}) } });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, json: () => JSON.parse(text) as Record<string, unknown> };
}

let n = 0;
function made(make: (o: Partial<IntakeRequest>) => IntakeRequest, submittedAt: string, over: Partial<IntakeRequest> = {}): IntakeRequest {
  n++;
  return make({ id: `c-${n}`, reference: `C-${n}`, conversationId: `webchat:conv-${n}`, createdAt: submittedAt, submittedAt, statusHistory: [{ status: 'new', by: 'bot', at: submittedAt }], ...over });
}

const stored: IntakeRequest[] = [
  // Monday 7 December, in core hours: routine, answered after 30 minutes.
  made(routineRequest, '2026-12-07T09:00:00.000Z', { respondBy: '2026-12-08T18:30:00.000Z', status: 'closed', statusHistory: [{ status: 'new', by: 'bot', at: '2026-12-07T09:00:00.000Z' }, { status: 'received', by: 'desk', at: '2026-12-07T09:30:00.000Z' }, { status: 'closed', by: 'desk', at: '2026-12-07T11:00:00.000Z' }] }),
  // Monday, after core hours, by SMS: overdue now (Tuesday 18:30 has passed) and still open.
  made(routineRequest, '2026-12-07T19:00:00.000Z', { conversationId: 'sms:conv-x', need: 'need.medicines', respondBy: '2026-12-08T18:30:00.000Z', status: 'received', statusHistory: [{ status: 'new', by: 'bot', at: '2026-12-07T19:00:00.000Z' }, { status: 'received', by: 'desk', at: '2026-12-08T09:00:00.000Z' }] }),
  // Wednesday: urgent due today 18:30 (within 8 hours, not within 4), and routine due Thursday.
  made(urgentRequest, '2026-12-09T10:00:00.000Z', { respondBy: '2026-12-09T18:30:00.000Z' }),
  made(routineRequest, '2026-12-09T11:00:00.000Z', { need: 'need.admin', respondBy: '2026-12-10T18:30:00.000Z' }),
  // Urgent due within the hour (received after the cut-off yesterday, due at 12:00 today): overdue at exactly 12:00.
  made(urgentRequest, '2026-12-08T17:00:00.000Z', { respondBy: '2026-12-09T12:00:00.000Z' }),
  // Saturday 12 December: an emergency diverted (never due, never a request).
  made(emergencyDiversion, '2026-12-12T10:00:00.000Z'),
  // Outside the week: Monday 14 December.
  made(routineRequest, '2026-12-14T09:00:00.000Z', { respondBy: '2026-12-15T18:30:00.000Z' }),
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'contract-api-'));
  store = await openLowdbStore({ dataDir: dir, retentionDays: 90, clock, logger });
  for (const r of stored) await store.requests.put(r);
  server = restify.createServer();
  registerPracticeApi(server, {
    store,
    clock,
    logger,
    apiKeys: [{ name: 'desk', sha256: hashApiKey(KEY), scopes: ['read'] }],
    toBundle: (r) => toFhirBundle(r, { englishText }),
    calendar: practiceConfig(),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('requests due for a reply', () => {
  it('lists open requests overdue or due within N hours, soonest first, with respondBy and an overdue flag', async () => {
    const res = await get('/api/practice/requests/due?withinHours=8');
    expect(res.status).toBe(200);
    const body = res.json() as { overdue: number; items: { id: string; respondBy: string; overdue: boolean }[] };
    expect(body.items.map((i) => [i.id, i.respondBy, i.overdue])).toEqual([
      ['c-2', '2026-12-08T18:30:00.000Z', true],
      ['c-5', '2026-12-09T12:00:00.000Z', true],
      ['c-3', '2026-12-09T18:30:00.000Z', false],
    ]);
    expect(body.overdue).toBe(2);
  });

  it('defaults to 4 hours, and never lists closed requests or emergency diversions', async () => {
    const ids = ((await get('/api/practice/requests/due')).json() as { items: { id: string }[] }).items.map((i) => i.id);
    expect(ids).toEqual(['c-2', 'c-5']);
  });

  it('refuses a bad window and an unauthenticated call', async () => {
    expect((await get('/api/practice/requests/due?withinHours=-1')).status).toBe(400);
    expect((await get('/api/practice/requests/due?hours=4')).status).toBe(400);
    expect((await fetch(`${base}/api/practice/requests/due`)).status).toBe(401);
  });
});

describe('weekly activity report', () => {
  it('counts by day: need, urgency, channel, core hours, diverted emergencies and the median time to the first status change', async () => {
    const res = await get('/api/practice/reports/weekly?week=2026-W50');
    expect(res.status).toBe(200);
    const r = res.json() as { from: string; to: string; days: Record<string, unknown>[]; total: Record<string, unknown> };
    expect([r.from, r.to]).toEqual(['2026-12-07', '2026-12-13']);
    expect(r.days.map((d) => [d.date, d.requests, d.divertedEmergencies])).toEqual([
      ['2026-12-07', 2, 0],
      ['2026-12-08', 1, 0],
      ['2026-12-09', 2, 0],
      ['2026-12-10', 0, 0],
      ['2026-12-11', 0, 0],
      ['2026-12-12', 0, 1],
      ['2026-12-13', 0, 0],
    ]);
    expect(r.days[0]).toMatchObject({
      byNeed: { 'need.new': 1, 'need.medicines': 1 },
      byChannel: { webchat: 1, sms: 1 },
      inCoreHours: 1,
      outOfCoreHours: 1,
      statusChanged: 2,
      // 30 minutes and 14 hours: the median of two is their mean.
      medianMinutesToFirstStatusChange: 435,
    });
    expect(r.total).toMatchObject({ requests: 5, divertedEmergencies: 1, byUrgency: { urgent: 2, routine: 3 }, inCoreHours: 4, outOfCoreHours: 1 });
    expect(r.days[2]?.medianMinutesToFirstStatusChange).toBeNull();
  });

  it('is CSV when asked (?format=csv or Accept: text/csv), one row per day and a total row', async () => {
    for (const res of [await get('/api/practice/reports/weekly?week=2026-W50&format=csv'), await get('/api/practice/reports/weekly?week=2026-W50', 'text/csv')]) {
      expect(res.status).toBe(200);
      expect(res.type).toMatch(/^text\/csv/);
      const rows = res.text.trim().split('\r\n');
      expect(rows).toHaveLength(9);
      const header = rows[0]?.split(',') ?? [];
      const monday = rows[1]?.split(',') ?? [];
      const col = (name: string) => monday[header.indexOf(`"${name}"`)];
      expect(col('date')).toBe('"2026-12-07"');
      expect(col('requests')).toBe('2');
      expect(col('channel:sms')).toBe('1');
      expect(col('out_of_core_hours')).toBe('1');
      expect(col('median_minutes_to_first_status_change')).toBe('435');
      expect(rows[8]?.startsWith('"total",5,')).toBe(true);
    }
  });

  it('defaults to the last whole week, and reports any range by day', async () => {
    const last = (await get('/api/practice/reports/weekly')).json() as { from: string };
    expect(last.from).toBe('2026-11-30');
    const daily = (await get('/api/practice/reports/daily?from=2026-12-09&days=6')).json() as { days: { date: string; requests: number }[] };
    expect(daily.days.map((d) => d.requests)).toEqual([2, 0, 0, 0, 0, 1]);
    expect((await get('/api/practice/reports/weekly?week=2026-W54')).status).toBe(400);
    expect((await get('/api/practice/reports/daily?from=2026-12-09&days=400')).status).toBe(400);
  });
});
