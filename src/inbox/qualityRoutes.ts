import { DateTime } from 'luxon';
import type { Server } from 'restify';
import type { RequestStore } from '../store/types.js';
import { InboxError, type Guard } from './guard.js';
import { queryOf, sendHtml, sendText } from './http.js';
import { qualityCsv, qualityReport } from './quality.js';
import { qualityPage } from './views/quality.js';

export interface QualityRouteDeps {
  guard: Guard;
  requests: Pick<RequestStore, 'list'>;
  viewContext: () => { practiceName: string; timeZone: string; now: Date };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_READ = 100_000;

/** ?from=YYYY-MM-DD&to=YYYY-MM-DD, local days in the practice's zone, both included; last 30 days by default. */
function periodOf(q: Record<string, string>, zone: string, now: Date) {
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const fromDay = q.from ?? today.minus({ days: 29 }).toISODate() ?? '';
  const toDay = q.to ?? today.toISODate() ?? '';
  const from = DAY.test(fromDay) ? DateTime.fromISO(fromDay, { zone }) : undefined;
  const to = DAY.test(toDay) ? DateTime.fromISO(toDay, { zone }) : undefined;
  if (!from?.isValid || !to?.isValid || to < from) {
    throw new InboxError(400, 'Check the period', 'Give a first and last day as dates, with the last day on or after the first.');
  }
  return { fromDay, toDay, from: from.toJSDate(), to: to.plus({ days: 1 }).toJSDate() };
}

export function registerQualityRoutes(server: Server, deps: QualityRouteDeps): void {
  const { guard } = deps;
  const build = async (q: Record<string, string>) => {
    const ctx = deps.viewContext();
    const period = periodOf(q, ctx.timeZone, ctx.now);
    const { items } = await deps.requests.list({ since: period.from, limit: MAX_READ, offset: 0 });
    return { period, report: qualityReport(items, period.from, period.to) };
  };

  server.get(
    '/inbox/quality',
    guard({ unauthenticated: 'redirect' }, async ({ req, res, session, audit }) => {
      const { period, report } = await build(queryOf(req));
      await audit('inbox.quality.view', undefined, { from: period.fromDay, to: period.toDay });
      sendHtml(res, 200, qualityPage({ practiceName: deps.viewContext().practiceName, session, report, fromDay: period.fromDay, toDay: period.toDay }));
    }),
  );

  server.get(
    '/inbox/quality.csv',
    guard({ unauthenticated: 'status' }, async ({ req, res, audit }) => {
      const { period, report } = await build(queryOf(req));
      await audit('inbox.quality.csv', undefined, { from: period.fromDay, to: period.toDay });
      sendText(res, 200, qualityCsv(report), 'text/csv; charset=utf-8', {
        'Content-Disposition': `attachment; filename="triage-quality-${period.fromDay}-to-${period.toDay}.csv"`,
      });
    }),
  );

  server.get(
    '/inbox/api/quality',
    guard({ unauthenticated: 'status' }, async ({ req, res, audit }) => {
      const { period, report } = await build(queryOf(req));
      await audit('inbox.quality.api', undefined, { from: period.fromDay, to: period.toDay });
      sendText(res, 200, JSON.stringify(report), 'application/json; charset=utf-8');
    }),
  );
}
