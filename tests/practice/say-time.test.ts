import { sayClock, sayDay, sayWhen, weekdayNames } from '../../src/practice/say-time.js';

const zone = 'Europe/London';
// Saturday 28 March 2026, 19:00 GMT; the clocks go forward overnight.
const saturdayEvening = new Date('2026-03-28T19:00:00Z');

describe('sayWhen (English)', () => {
  it.each([
    ['2026-03-28T14:00:00Z', 'today at 2pm'],
    ['2026-03-29T07:30:00Z', 'tomorrow at 8:30am'],
    ['2026-03-30T07:30:00Z', 'Monday at 8:30am'],
    ['2026-04-03T11:00:00Z', 'Friday at 12pm'],
    ['2026-04-02T23:30:00Z', 'Friday at 12:30am'],
    ['2026-04-07T07:30:00Z', 'Tuesday 7 April at 8:30am'],
  ])('%s is said "%s"', (iso, said) => {
    expect(sayWhen(iso, zone, 'en-GB', saturdayEvening)).toBe(said);
  });

  it('treats the franc code "eng" as British English', () => {
    expect(sayWhen('2026-03-30T07:30:00Z', zone, 'eng', saturdayEvening)).toBe('Monday at 8:30am');
  });

  it('says the local time after the autumn change (08:30Z is 8:30am GMT)', () => {
    expect(sayWhen('2026-10-26T08:30:00Z', zone, 'en-GB', new Date('2026-10-24T17:00:00Z'))).toBe('Monday at 8:30am');
  });

  it('"tomorrow" follows the local date, not UTC', () => {
    // 23:30Z on 1 June is already 2 June in London.
    expect(sayWhen('2026-06-03T07:30:00Z', zone, 'en-GB', new Date('2026-06-01T23:30:00Z'))).toBe('tomorrow at 8:30am');
  });

  it('includes the year when it differs', () => {
    expect(sayWhen('2027-01-04T08:30:00Z', zone, 'en-GB', new Date('2026-12-24T18:30:00Z'))).toBe('Monday 4 January 2027 at 8:30am');
  });
});

describe('sayWhen (other languages come from Intl)', () => {
  it('uses the locale’s own words for tomorrow', () => {
    expect(sayWhen('2026-03-29T07:30:00Z', zone, 'cy', saturdayEvening)).toMatch(/^yfory /);
    expect(sayWhen('2026-03-29T07:30:00Z', zone, 'pol', saturdayEvening)).toMatch(/^jutro /);
  });

  it('rejects a string that is not an ISO date-time', () => {
    expect(() => sayWhen('Monday', zone, 'en-GB', saturdayEvening)).toThrow('not an ISO date-time');
  });
});

describe('sayDay (the reply-by day, "by the end of …")', () => {
  const tuesday = new Date('2026-12-08T10:00:00Z');
  it.each([
    ['en', 'Wednesday 9 December'],
    ['pl', 'środa, 9 grudnia'],
    ['cy', 'Dydd Mercher, 9 Rhagfyr'],
    ['ar', 'الأربعاء، 9 ديسمبر'],
  ])('in %s: %s', (locale, said) => {
    expect(sayDay('2026-12-09T18:30:00.000Z', zone, locale, tuesday)).toBe(said);
  });

  it('says the year when it is not this year (New Year)', () => {
    expect(sayDay('2027-01-04T18:30:00.000Z', zone, 'en', new Date('2026-12-31T10:00:00Z'))).toBe('Monday 4 January 2027');
  });

  it('takes the date in the practice zone: 00:30 BST on 1 June is still 1 June, not 31 May', () => {
    expect(sayDay('2026-05-31T23:30:00.000Z', zone, 'en', new Date('2026-05-30T10:00:00Z'))).toBe('Monday 1 June');
  });
});

describe('sayClock and weekdayNames (published hours)', () => {
  it('says wall-clock times in the locale', () => {
    expect(['08:00', '18:30', '12:00', '24:00'].map((t) => sayClock(t, 'en'))).toEqual(['8am', '6:30pm', '12pm', '12am']);
    expect(sayClock('18:30', 'pl')).toBe('18:30');
  });

  it('names the days Monday first', () => {
    expect(weekdayNames('en')).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
  });
});
