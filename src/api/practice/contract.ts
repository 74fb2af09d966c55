import { DateTime } from 'luxon';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Clock } from '../../clock.js';
import type { IntakeRequest } from '../../domain/types.js';
import { activityReport, activityReportCsv, type ReportCalendar } from '../../practice/activityReport.js';
import type { Store } from '../../store/types.js';
import type { AuthenticatedKey, Scope } from './auth.js';
import { ApiError, badQuery, queryOf, sendJson } from './http.js';

/**
 * Practice API routes for the GP contract: requests due (or overdue) for a reply, and the activity
 * report by day for any week or range. Registered from routes.ts with its auth/audit wrapper.
 */

interface Ctx {
  req: Request;
  res: Response;
  key: AuthenticatedKey;
}

export interface ContractRouteHelpers {
  route: (scope: Scope, handler: (ctx: Ctx) => Promise<void>) => (req: Request, res: Response, next: () => void) => void;
  audit: (key: AuthenticatedKey, action: string, requestId?: string, detail?: Record<string, string | number | boolean>) => Promise<void>;
  summary: (r: IntakeRequest) => Record<string, unknown>;
}

export interface ContractRouteDeps {
  store: Pick<Store, 'requests'>;
  clock: Clock;
  calendar: ReportCalendar;
}

const MAX_DUE_HOURS = 24 * 14;
const OPEN_STATUSES = ['new', 'received', 'in-progress'] as const;
const MAX_REPORT_DAYS = 31;

const DueQuerySchema = z
  .object({ withinHours: z.coerce.number().min(0).max(MAX_DUE_HOURS).default(4) })
  .strict();

const ISO_WEEK = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const WeeklyQuerySchema = z
  .object({
    week: z.string().regex(ISO_WEEK, { error: 'expected an ISO week like 2026-W50' }).optional(),
    format: z.enum(['json', 'csv']).optional(),
  })
  .strict();
const DailyQuerySchema = z
  .object({
    from: z.string().regex(ISO_DATE, { error: 'expected a date YYYY-MM-DD' }),
    days: z.coerce.number().int().min(1).max(MAX_REPORT_DAYS).default(7),
    format: z.enum(['json', 'csv']).optional(),
  })
  .strict();

/** Every request, however many; the store's list has no upper bound of its own. */
async function allSince(store: ContractRouteDeps['store'], since?: Date): Promise<IntakeRequest[]> {
  const page = await store.requests.list({ ...(since ? { since } : {}), limit: Number.MAX_SAFE_INTEGER, offset: 0 });
  return page.items;
}

const wantsCsv = (req: Request, format: string | undefined): boolean =>
  format === 'csv' || (format === undefined && /text\/csv/i.test(req.header('accept') ?? ''));

export function registerContractRoutes(server: Server, deps: ContractRouteDeps, helpers: ContractRouteHelpers): void {
  const { store, clock, calendar } = deps;
  const { route, audit, summary } = helpers;

  /** Open requests whose reply-by time has passed or falls within the next N hours, soonest first. */
  server.get(
    '/api/practice/requests/due',
    route('read', async ({ req, res, key }) => {
      const q = DueQuerySchema.safeParse(queryOf(req));
      if (!q.success) throw badQuery(q.error);
      const now = clock.now().getTime();
      const horizon = now + q.data.withinHours * 3600_000;
      // Only open requests are read (closed ones, most of the store, stay on disk).
      const open = (await Promise.all(OPEN_STATUSES.map((status) => store.requests.list({ status, limit: Number.MAX_SAFE_INTEGER, offset: 0 })))).flatMap((p) => p.items);
      const due = open
        .filter((r) => r.kind === 'request' && r.respondBy !== undefined && Date.parse(r.respondBy) <= horizon)
        .sort((a, b) => Date.parse(a.respondBy ?? '') - Date.parse(b.respondBy ?? ''));
      await Promise.all(due.map((r) => audit(key, 'request.list', r.id)));
      sendJson(res, 200, {
        now: new Date(now).toISOString(),
        withinHours: q.data.withinHours,
        overdue: due.filter((r) => Date.parse(r.respondBy ?? '') <= now).length,
        items: due.map((r) => ({ ...summary(r), overdue: Date.parse(r.respondBy ?? '') <= now })),
      });
    }),
  );

  const sendReport = async (req: Request, res: Response, key: AuthenticatedKey, from: string, days: number, format: string | undefined, label: string) => {
    const range = DateTime.fromISO(from, { zone: calendar.timeZone });
    if (!range.isValid) throw new ApiError(400, 'bad_request', 'not a real date');
    const requests = await allSince(store, range.startOf('day').toJSDate());
    const report = activityReport(requests, calendar, from, days);
    // Figures only, no patient data; the audit still says who took them.
    await audit(key, 'report.read', undefined, { from: report.from, to: report.to });
    if (wantsCsv(req, format)) {
      res.sendRaw(200, activityReportCsv(report), {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="activity-${label}.csv"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
    } else {
      sendJson(res, 200, { ...report, generatedAt: clock.now().toISOString() });
    }
  };

  /** The weekly activity report for an ISO week (default: the last whole week), as JSON or CSV. */
  server.get(
    '/api/practice/reports/weekly',
    route('read', async ({ req, res, key }) => {
      const q = WeeklyQuerySchema.safeParse(queryOf(req));
      if (!q.success) throw badQuery(q.error);
      const monday = q.data.week
        ? DateTime.fromISO(`${q.data.week}-1`, { zone: calendar.timeZone })
        : DateTime.fromJSDate(clock.now(), { zone: calendar.timeZone }).startOf('week').minus({ weeks: 1 });
      if (!monday.isValid) throw new ApiError(400, 'bad_request', 'no such ISO week');
      const week = `${monday.weekYear}-W${String(monday.weekNumber).padStart(2, '0')}`;
      await sendReport(req, res, key, monday.toISODate() ?? '', 7, q.data.format, week);
    }),
  );

  /** Demand by day for any range up to a month, e.g. ?from=2026-12-01&days=31. */
  server.get(
    '/api/practice/reports/daily',
    route('read', async ({ req, res, key }) => {
      const q = DailyQuerySchema.safeParse(queryOf(req));
      if (!q.success) throw badQuery(q.error);
      await sendReport(req, res, key, q.data.from, q.data.days, q.data.format, `${q.data.from}-${q.data.days}d`);
    }),
  );
}
