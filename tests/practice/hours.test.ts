import { DateTime } from 'luxon';
import { closesAt, closureAt, dayBounds, isCoreHours, isOpen, isWorkingDay, nextOpening, openAtOrAfter } from '../../src/practice/hours.js';
import { london, practiceConfig } from './fixtures.js';

const standard = practiceConfig();
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

describe('opening hours (default: core hours, Mon–Fri 08:00–18:30, England & Wales)', () => {
  // Tuesday 2026-11-24, GMT.
  it.each([
    ['07:59', false],
    ['08:00', true],
    ['18:29', true],
    ['18:30', false],
  ])('on a weekday at %s open (and in core hours) is %s', (time, open) => {
    expect(isOpen(standard, london(`2026-11-24T${time}`))).toBe(open);
    expect(isCoreHours(standard, london(`2026-11-24T${time}`))).toBe(open);
  });

  it('is closed at the weekend (not core hours) and opens on Monday at 08:00', () => {
    expect(isOpen(standard, london('2026-11-28T10:00'))).toBe(false);
    expect(isOpen(standard, london('2026-11-29T10:00'))).toBe(false);
    expect(isCoreHours(standard, london('2026-11-28T10:00'))).toBe(false);
    expect(iso(nextOpening(standard, london('2026-11-27T18:30')))).toBe('2026-11-30T08:00:00.000Z');
  });

  it('before opening, the next opening is the same morning', () => {
    expect(iso(nextOpening(standard, london('2026-11-24T07:59')))).toBe('2026-11-24T08:00:00.000Z');
  });

  it('skips Christmas, the substitute Boxing Day and New Year’s Day', () => {
    expect(isOpen(standard, london('2026-12-25T10:00'))).toBe(false);
    expect(isOpen(standard, london('2026-12-28T10:00'))).toBe(false);
    expect(isOpen(standard, london('2027-01-01T10:00'))).toBe(false);
    // Bank holidays and their substitutes are not core hours.
    expect(isCoreHours(standard, london('2026-12-28T10:00'))).toBe(false);
    expect(isWorkingDay(standard, DateTime.fromISO('2026-12-28', { zone: 'Europe/London' }))).toBe(false);
    // Thursday 24 Dec evening → Tuesday 29 Dec (25th Fri, weekend, 28th substitute).
    expect(iso(nextOpening(standard, london('2026-12-24T18:30')))).toBe('2026-12-29T08:00:00.000Z');
    // Thursday 31 Dec evening → Monday 4 Jan 2027.
    expect(iso(nextOpening(standard, london('2026-12-31T18:30')))).toBe('2027-01-04T08:00:00.000Z');
  });

  it('works at 03:00 on Christmas Day', () => {
    const at = london('2026-12-25T03:00');
    expect(isOpen(standard, at)).toBe(false);
    expect(iso(nextOpening(standard, at))).toBe('2026-12-29T08:00:00.000Z');
  });

  it('ignores bank holidays when the practice does not observe them', () => {
    const c = practiceConfig({ bankHolidays: { region: 'ENG', observe: false } });
    expect(isOpen(c, london('2026-12-28T10:00'))).toBe(true);
  });

  it('keeps Saturday hours on a weekend-day holiday whose bank holiday is the Monday substitute', () => {
    const c = practiceConfig({ openingHours: { saturday: [{ open: '09:00', close: '12:00' }] } });
    expect(isOpen(c, london('2026-12-26T10:00'))).toBe(true); // Boxing Day, Saturday
    expect(isOpen(c, london('2026-12-28T10:00'))).toBe(false); // its substitute
  });

  it('is closed during an exceptional closure (still core hours) and reopens when it ends', () => {
    const c = practiceConfig({ exceptionalClosures: [{ from: '2026-11-25T10:00', until: '2026-11-25T14:00', reason: 'Power cut' }] });
    expect(isOpen(c, london('2026-11-25T09:59'))).toBe(true);
    expect(iso(closesAt(c, london('2026-11-25T09:00')))).toBe('2026-11-25T10:00:00.000Z');
    expect(isOpen(c, london('2026-11-25T10:00'))).toBe(false);
    expect(isCoreHours(c, london('2026-11-25T10:00'))).toBe(true);
    expect(iso(closureAt(c, london('2026-11-25T13:59'))?.until ?? null)).toBe('2026-11-25T14:00:00.000Z');
    expect(iso(nextOpening(c, london('2026-11-25T10:00')))).toBe('2026-11-25T14:00:00.000Z');
    expect(isOpen(c, london('2026-11-25T14:00'))).toBe(true);
  });

  it('a closure over several days skips them, and touching closures run on as one', () => {
    const c = practiceConfig({
      exceptionalClosures: [
        { from: '2026-11-25T08:00', until: '2026-11-26T12:00', reason: 'Flood' },
        { from: '2026-11-26T12:00', until: '2026-11-26T18:30', reason: 'Clean-up' },
      ],
    });
    expect(isWorkingDay(c, DateTime.fromISO('2026-11-25', { zone: 'Europe/London' }))).toBe(false);
    expect(isWorkingDay(c, DateTime.fromISO('2026-11-26', { zone: 'Europe/London' }))).toBe(false);
    expect(iso(closureAt(c, london('2026-11-25T09:00'))?.until ?? null)).toBe('2026-11-26T18:30:00.000Z');
    expect(iso(nextOpening(c, london('2026-11-24T18:30')))).toBe('2026-11-27T08:00:00.000Z');
  });

  it('spring clock change: from Saturday 28 March evening, Monday 08:00 BST = 07:00Z', () => {
    const next = nextOpening(standard, new Date('2026-03-28T19:00:00Z'));
    expect(iso(next)).toBe('2026-03-30T07:00:00.000Z');
    expect(isOpen(standard, new Date('2026-03-30T06:59:00Z'))).toBe(false);
    expect(isOpen(standard, new Date('2026-03-30T07:00:00Z'))).toBe(true);
    expect(isOpen(standard, new Date('2026-03-30T17:29:00Z'))).toBe(true);
    expect(isOpen(standard, new Date('2026-03-30T17:30:00Z'))).toBe(false);
    expect(isCoreHours(standard, new Date('2026-03-30T07:00:00Z'))).toBe(true);
  });

  it('autumn clock change: from Saturday 24 October, Monday 26 October 08:00 GMT = 08:00Z', () => {
    const next = nextOpening(standard, new Date('2026-10-24T17:00:00Z'));
    expect(iso(next)).toBe('2026-10-26T08:00:00.000Z');
    // Friday before is still BST: closes at 17:30Z.
    expect(iso(closesAt(standard, new Date('2026-10-23T12:00:00Z')))).toBe('2026-10-23T17:30:00.000Z');
  });

  it('day bounds follow the local day, 23 and 25 hours long on clock-change days', () => {
    expect(dayBounds(standard, new Date('2026-03-29T12:00:00Z'))).toEqual({
      start: new Date('2026-03-29T00:00:00Z'),
      end: new Date('2026-03-29T23:00:00Z'),
    });
    expect(dayBounds(standard, new Date('2026-10-25T12:00:00Z'))).toEqual({
      start: new Date('2026-10-24T23:00:00Z'),
      end: new Date('2026-10-26T00:00:00Z'),
    });
    // 23:30Z on a summer evening is already the next local day.
    expect(dayBounds(standard, new Date('2026-06-01T23:30:00Z')).start).toEqual(new Date('2026-06-01T23:00:00Z'));
  });

  it('added hours: a split Saturday, and a weekday evening that runs on from core hours as one period', () => {
    const c = practiceConfig({
      openingHours: {
        saturday: [{ open: '09:00', close: '12:00' }, { open: '13:00', close: '16:00' }],
        wednesday: [{ open: '08:00', close: '18:30' }, { open: '18:30', close: '20:00' }],
      },
    });
    expect(isOpen(c, london('2026-11-28T12:30'))).toBe(false);
    expect(iso(nextOpening(c, london('2026-11-28T12:30')))).toBe('2026-11-28T13:00:00.000Z');
    expect(iso(closesAt(c, london('2026-11-28T10:00')))).toBe('2026-11-28T12:00:00.000Z');
    expect(isOpen(c, london('2026-11-25T19:00'))).toBe(true);
    expect(isCoreHours(c, london('2026-11-25T19:00'))).toBe(false);
    expect(iso(closesAt(c, london('2026-11-25T10:00')))).toBe('2026-11-25T20:00:00.000Z');
  });
});

describe('24-hour configuration', () => {
  const allDay = [{ open: '00:00', close: '24:00' }];
  const c = practiceConfig({
    openingHours: { monday: allDay, tuesday: allDay, wednesday: allDay, thursday: allDay, friday: allDay, saturday: allDay, sunday: allDay },
    bankHolidays: { region: 'ENG', observe: false },
  });

  it('is open at any hour, including across midnight and clock changes', () => {
    for (const t of ['2026-11-24T00:00:00Z', '2026-11-24T23:59:59Z', '2026-03-29T01:30:00Z', '2026-10-25T01:30:00Z', '2026-12-25T03:00:00Z']) {
      expect(isOpen(c, new Date(t))).toBe(true);
    }
  });

  it('never "opens again" and never closes', () => {
    expect(nextOpening(c, london('2026-11-24T12:00'))).toBeNull();
    expect(closesAt(c, london('2026-11-24T12:00'))).toBeNull();
  });

  it('weekday-only 24 hours opens at Monday midnight', () => {
    const weekdays = practiceConfig({ openingHours: { monday: allDay, tuesday: allDay, wednesday: allDay, thursday: allDay, friday: allDay } });
    expect(isOpen(weekdays, london('2026-11-24T03:00'))).toBe(true);
    expect(iso(nextOpening(weekdays, london('2026-11-28T12:00')))).toBe('2026-11-30T00:00:00.000Z');
    expect(iso(closesAt(weekdays, london('2026-11-24T03:00')))).toBe('2026-11-28T00:00:00.000Z');
  });
});

describe('Scotland', () => {
  const sct = practiceConfig({ bankHolidays: { region: 'SCT', observe: true } });

  it('closes on 2 January and St Andrew’s Day but not the English summer bank holiday', () => {
    expect(isOpen(sct, london('2026-01-02T10:00'))).toBe(false);
    expect(isOpen(sct, london('2026-11-30T10:00'))).toBe(false);
    expect(isOpen(sct, london('2026-08-31T10:00'))).toBe(true);
    expect(isOpen(sct, london('2026-08-03T10:00'))).toBe(false);
    expect(isOpen(standard, london('2026-08-31T10:00'))).toBe(false);
    expect(isOpen(standard, london('2026-11-30T10:00'))).toBe(true);
  });
});

describe('openAtOrAfter', () => {
  it('is the instant itself when open, otherwise the next opening', () => {
    expect(iso(openAtOrAfter(standard, london('2026-11-24T10:00')))).toBe('2026-11-24T10:00:00.000Z');
    expect(iso(openAtOrAfter(standard, london('2026-11-24T00:00')))).toBe('2026-11-24T08:00:00.000Z');
  });
});
