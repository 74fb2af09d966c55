import { DateTime } from 'luxon';
import { NEEDS, TIERS, type IntakeRequest } from '../domain/types.js';
import type { PracticeConfig } from './config.js';
import { isCoreHours } from './hours.js';

/**
 * The activity report online consultation suppliers send practices and ICBs: per practice-local
 * day, requests by need, urgency, channel and core hours, emergencies diverted, and how fast the
 * practice first moved a request on. Pure: requests in, figures out.
 */

export type ReportCalendar = Pick<PracticeConfig, 'timeZone' | 'bankHolidays' | 'exceptionalClosures'>;

export interface DayFigures {
  /** Practice-local date YYYY-MM-DD (or 'total'). */
  date: string;
  /** Requests sent to the practice (emergency diversions are counted apart). */
  requests: number;
  byNeed: Record<string, number>;
  byUrgency: Record<string, number>;
  byChannel: Record<string, number>;
  inCoreHours: number;
  outOfCoreHours: number;
  divertedEmergencies: number;
  /** Requests whose status the practice has changed at least once. */
  statusChanged: number;
  /** Median minutes from sending to the first status the practice set; null when none has been set. */
  medianMinutesToFirstStatusChange: number | null;
}

export interface ActivityReport {
  timeZone: string;
  from: string;
  to: string;
  days: DayFigures[];
  total: DayFigures;
}

/** The channel a request came through: the conversation key is `<channelId>:<conversation id>`. */
export function channelOf(r: Pick<IntakeRequest, 'conversationId'>): string {
  const i = r.conversationId.indexOf(':');
  return i > 0 ? r.conversationId.slice(0, i) : 'unknown';
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round(m * 10) / 10;
}

function minutesToFirstChange(r: IntakeRequest): number | null {
  const first = r.statusHistory.find((h) => h.status !== 'new');
  return first ? Math.max(0, (Date.parse(first.at) - Date.parse(r.submittedAt)) / 60_000) : null;
}

function emptyDay(date: string): DayFigures & { waits: number[] } {
  return {
    date,
    requests: 0,
    byNeed: Object.fromEntries(NEEDS.map((n) => [n, 0])),
    byUrgency: Object.fromEntries(TIERS.map((t) => [t, 0])),
    byChannel: {},
    inCoreHours: 0,
    outOfCoreHours: 0,
    divertedEmergencies: 0,
    statusChanged: 0,
    medianMinutesToFirstStatusChange: null,
    waits: [],
  };
}

function add(day: DayFigures & { waits: number[] }, r: IntakeRequest, calendar: ReportCalendar): void {
  if (r.kind === 'emergency-diversion') {
    day.divertedEmergencies++;
    return;
  }
  day.requests++;
  day.byNeed[r.need] = (day.byNeed[r.need] ?? 0) + 1;
  day.byUrgency[r.triage.tier] = (day.byUrgency[r.triage.tier] ?? 0) + 1;
  const channel = channelOf(r);
  day.byChannel[channel] = (day.byChannel[channel] ?? 0) + 1;
  if (isCoreHours(calendar, new Date(r.submittedAt))) day.inCoreHours++;
  else day.outOfCoreHours++;
  const wait = minutesToFirstChange(r);
  if (wait !== null) {
    day.statusChanged++;
    day.waits.push(wait);
  }
}

/** Local dates [from, from + days) in the practice zone, as instants bounding them. */
export function localDays(calendar: ReportCalendar, from: string, days: number): { date: string; start: Date; end: Date }[] {
  const first = DateTime.fromISO(from, { zone: calendar.timeZone }).startOf('day');
  return Array.from({ length: days }, (_, i) => {
    const d = first.plus({ days: i }).startOf('day');
    return { date: d.toISODate() ?? '', start: d.toJSDate(), end: d.plus({ days: 1 }).startOf('day').toJSDate() };
  });
}

export function activityReport(requests: readonly IntakeRequest[], calendar: ReportCalendar, from: string, days: number): ActivityReport {
  const range = localDays(calendar, from, days);
  const perDay = range.map((d) => emptyDay(d.date));
  const total = emptyDay('total');
  for (const r of requests) {
    const t = Date.parse(r.submittedAt);
    const i = range.findIndex((d) => d.start.getTime() <= t && t < d.end.getTime());
    const day = perDay[i];
    if (!day) continue;
    add(day, r, calendar);
    add(total, r, calendar);
  }
  const finish = ({ waits, ...d }: DayFigures & { waits: number[] }): DayFigures => ({ ...d, medianMinutesToFirstStatusChange: median(waits) });
  return { timeZone: calendar.timeZone, from: range[0]?.date ?? from, to: range[range.length - 1]?.date ?? from, days: perDay.map(finish), total: finish(total) };
}

/** A CSV cell that a spreadsheet shows as text: quoted, and never read as a formula. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** One row per day plus a total row; channel columns are those seen in the period. */
export function activityReportCsv(report: ActivityReport): string {
  const channels = [...new Set(report.days.flatMap((d) => Object.keys(d.byChannel)))].sort();
  const header = [
    'date',
    'requests',
    ...NEEDS.map((n) => `need:${n.replace(/^need\./, '')}`),
    ...TIERS.map((t) => `urgency:${t}`),
    ...channels.map((c) => `channel:${c}`),
    'in_core_hours',
    'out_of_core_hours',
    'diverted_emergencies',
    'status_changed',
    'median_minutes_to_first_status_change',
  ];
  const row = (d: DayFigures) => [
    d.date,
    d.requests,
    ...NEEDS.map((n) => d.byNeed[n] ?? 0),
    ...TIERS.map((t) => d.byUrgency[t] ?? 0),
    ...channels.map((c) => d.byChannel[c] ?? 0),
    d.inCoreHours,
    d.outOfCoreHours,
    d.divertedEmergencies,
    d.statusChanged,
    d.medianMinutesToFirstStatusChange,
  ];
  return [header, ...report.days.map(row), row(report.total)].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
