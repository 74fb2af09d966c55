import { CORE_DAYS, CORE_HOURS, WEEKDAYS, type OpeningRange, type PracticeConfig, type Weekday } from './config.js';
import { closesAt, closureAt, isOpen, localWallClock, nextOpening } from './hours.js';

/**
 * The hours of every route, as the GP contract asks practices to publish them (GET /hours): the
 * online hours, core hours, phone hours when configured, the phone number, whether the online route
 * is open now and when it next opens, and closures still to come. Closure reasons are for staff
 * and the audit log, so they are not published.
 */

export type PublishedHoursConfig = Pick<
  PracticeConfig,
  'name' | 'odsCode' | 'phone' | 'timeZone' | 'openingHours' | 'phoneHours' | 'exceptionalClosures' | 'bankHolidays' | 'outOfHoursRoutine' | 'replyBy'
>;

export interface PublishedHours {
  practice: { name: string; odsCode: string; phone: string };
  timeZone: string;
  generatedAt: string;
  online: {
    openNow: boolean;
    /** When open: when this period ends (ISO); null if it never does. */
    closesAt: string | null;
    /** When closed: the next opening (ISO); null if none within a year. */
    nextOpening: string | null;
    /** An exceptional closure in force: when it ends (ISO). */
    closedUntil: string | null;
    hours: Record<Weekday, OpeningRange[]>;
    /** Outside these hours requests are queued for the next opening, or the route is closed. */
    outsideHours: 'queue' | 'closed';
  };
  coreHours: { days: readonly Weekday[]; open: string; close: string; exceptBankHolidays: true };
  phone: { number: string; hours: Record<Weekday, OpeningRange[]> | null };
  bankHolidays: { region: 'ENG' | 'SCT' | 'NIR'; closed: boolean };
  /** Exceptional closures in force or still to come (local times). */
  closures: { from: string; until: string }[];
  replyTimes: { urgentSameDayBefore: string; urgentOtherwiseBy: string; otherRequests: 'end of the next working day' };
}

function weekdays(hours: Record<Weekday, OpeningRange[]>): Record<Weekday, OpeningRange[]> {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, hours[d].map((r) => ({ open: r.open, close: r.close }))])) as Record<Weekday, OpeningRange[]>;
}

export function publishedHours(config: PublishedHoursConfig, now: Date): PublishedHours {
  const open = isOpen(config, now);
  const closure = closureAt(config, now);
  const localNow = localWallClock(config, now);
  return {
    practice: { name: config.name, odsCode: config.odsCode, phone: config.phone },
    timeZone: config.timeZone,
    generatedAt: now.toISOString(),
    online: {
      openNow: open,
      closesAt: open ? (closesAt(config, now)?.toISOString() ?? null) : null,
      nextOpening: open ? null : (nextOpening(config, now)?.toISOString() ?? null),
      closedUntil: closure ? closure.until.toISOString() : null,
      hours: weekdays(config.openingHours),
      outsideHours: config.outOfHoursRoutine,
    },
    coreHours: { days: CORE_DAYS, open: CORE_HOURS.open, close: CORE_HOURS.close, exceptBankHolidays: true },
    phone: { number: config.phone, hours: config.phoneHours ? weekdays(config.phoneHours) : null },
    bankHolidays: { region: config.bankHolidays.region, closed: config.bankHolidays.observe },
    closures: config.exceptionalClosures.filter((c) => c.until > localNow).map((c) => ({ from: c.from, until: c.until })),
    replyTimes: { urgentSameDayBefore: config.replyBy.urgentCutOff, urgentOtherwiseBy: config.replyBy.urgentNextDayBy, otherRequests: 'end of the next working day' },
  };
}
