import { replyByAt } from '../../src/practice/replyBy.js';
import { london, practiceConfig } from './fixtures.js';

const standard = practiceConfig();
const at = (local: string) => replyByAt(standard, london(local));

describe('reply-by times from the practice calendar (GP contract 2026/27)', () => {
  describe('urgent: same working day before the cut-off (16:00) in core hours, otherwise the next working morning (12:00)', () => {
    it.each([
      // Tuesday 8 December 2026, GMT.
      ['2026-12-08T07:59', '2026-12-08T12:00:00.000Z', false], // before core hours: this morning
      ['2026-12-08T08:00', '2026-12-08T18:30:00.000Z', true],
      ['2026-12-08T15:59', '2026-12-08T18:30:00.000Z', true],
      ['2026-12-08T16:00', '2026-12-09T12:00:00.000Z', false], // the cut-off itself is too late
      ['2026-12-08T18:29', '2026-12-09T12:00:00.000Z', false],
      ['2026-12-08T18:30', '2026-12-09T12:00:00.000Z', false],
      ['2026-12-08T23:59', '2026-12-09T12:00:00.000Z', false],
    ])('received %s → by %s (same day: %s)', (local, urgent, sameDay) => {
      expect(at(local)).toMatchObject({ urgent, urgentSameDay: sameDay });
    });

    it('follows a configured cut-off and morning time', () => {
      const c = practiceConfig({ replyBy: { urgentCutOff: '18:30', urgentNextDayBy: '10:00' } });
      expect(replyByAt(c, london('2026-12-08T18:29'))).toMatchObject({ urgent: '2026-12-08T18:30:00.000Z', urgentSameDay: true });
      expect(replyByAt(c, london('2026-12-08T18:30'))).toMatchObject({ urgent: '2026-12-09T10:00:00.000Z', urgentSameDay: false });
    });

    it('across a weekend: Friday evening and Saturday → Monday morning', () => {
      expect(at('2026-12-11T17:00')).toMatchObject({ urgent: '2026-12-14T12:00:00.000Z', urgentSameDay: false });
      expect(at('2026-12-12T10:00')).toMatchObject({ urgent: '2026-12-14T12:00:00.000Z', urgentSameDay: false });
    });

    it('over Christmas: Christmas Eve after the cut-off → Tuesday 29 December (25th, weekend, 28th substitute)', () => {
      expect(at('2026-12-24T17:00')).toMatchObject({ urgent: '2026-12-29T12:00:00.000Z', urgentSameDay: false });
      expect(at('2026-12-28T09:00')).toMatchObject({ urgent: '2026-12-29T12:00:00.000Z', urgentSameDay: false });
    });
  });

  describe('routine and self-care: by the end of the next working day (18:30)', () => {
    it.each([
      ['a weekday morning', '2026-12-08T07:59', '2026-12-09T18:30:00.000Z'],
      ['a weekday in core hours', '2026-12-08T10:00', '2026-12-09T18:30:00.000Z'],
      ['a weekday evening', '2026-12-08T18:30', '2026-12-09T18:30:00.000Z'],
      ['Friday → Monday, across the weekend', '2026-12-11T10:00', '2026-12-14T18:30:00.000Z'],
      ['Saturday → Monday', '2026-12-12T10:00', '2026-12-14T18:30:00.000Z'],
      ['Sunday → Monday', '2026-12-13T22:00', '2026-12-14T18:30:00.000Z'],
      ['Friday before the August bank holiday Monday → Tuesday (BST)', '2026-08-28T10:00', '2026-09-01T17:30:00.000Z'],
      ['Thursday before Easter → the Tuesday after Easter Monday', '2026-04-02T10:00', '2026-04-07T17:30:00.000Z'],
      ['Christmas Eve → Tuesday 29 December (Boxing Day substitute on the 28th)', '2026-12-24T10:00', '2026-12-29T18:30:00.000Z'],
      ['Christmas Day → Tuesday 29 December', '2026-12-25T03:00', '2026-12-29T18:30:00.000Z'],
      ['the substitute day itself → Tuesday 29 December', '2026-12-28T10:00', '2026-12-29T18:30:00.000Z'],
      ['New Year’s Eve → Monday 4 January', '2026-12-31T10:00', '2027-01-04T18:30:00.000Z'],
      ['New Year’s Day → Monday 4 January', '2027-01-01T12:00', '2027-01-04T18:30:00.000Z'],
    ])('%s: received %s → by %s', (_name, local, routine) => {
      expect(at(local).routine).toBe(routine);
    });
  });

  describe('clock changes', () => {
    it('spring (Sunday 29 March 2026): Friday evening and Saturday → Monday 18:30 BST and 12:00 BST', () => {
      expect(replyByAt(standard, new Date('2026-03-27T17:00:00Z'))).toEqual({
        urgent: '2026-03-30T11:00:00.000Z',
        urgentSameDay: false,
        routine: '2026-03-30T17:30:00.000Z',
      });
      // 01:30 GMT on the day itself, just before the clocks go forward.
      expect(replyByAt(standard, new Date('2026-03-29T00:59:00Z')).routine).toBe('2026-03-30T17:30:00.000Z');
    });

    it('autumn (Sunday 25 October 2026): both 01:30s give Monday 18:30 GMT', () => {
      const first = replyByAt(standard, new Date('2026-10-25T00:30:00Z')); // 01:30 BST
      const second = replyByAt(standard, new Date('2026-10-25T01:30:00Z')); // 01:30 GMT
      expect(first).toEqual(second);
      expect(first).toEqual({ urgent: '2026-10-26T12:00:00.000Z', urgentSameDay: false, routine: '2026-10-26T18:30:00.000Z' });
      // The Friday before is still BST: same day by 18:30 BST = 17:30Z.
      expect(replyByAt(standard, new Date('2026-10-23T09:00:00Z')).urgent).toBe('2026-10-23T17:30:00.000Z');
    });
  });

  describe('exceptional closures', () => {
    const closed = practiceConfig({
      exceptionalClosures: [
        { from: '2026-12-08T10:00', until: '2026-12-08T14:00', reason: 'Power cut' },
        { from: '2026-12-09T08:00', until: '2026-12-09T18:30', reason: 'Flood' },
      ],
    });

    it('an urgent request during a closure is not promised for the same day', () => {
      expect(replyByAt(closed, london('2026-12-08T11:00'))).toMatchObject({ urgentSameDay: false, urgent: '2026-12-10T12:00:00.000Z' });
      expect(replyByAt(closed, london('2026-12-08T14:00'))).toMatchObject({ urgentSameDay: true, urgent: '2026-12-08T18:30:00.000Z' });
    });

    it('a day closed for all of its core hours is not a working day', () => {
      expect(replyByAt(closed, london('2026-12-08T15:00')).routine).toBe('2026-12-10T18:30:00.000Z');
    });

    it('a next-morning time inside a closure moves to when the closure ends', () => {
      const morning = practiceConfig({ exceptionalClosures: [{ from: '2026-12-09T11:00', until: '2026-12-09T13:00', reason: 'IT outage' }] });
      expect(replyByAt(morning, london('2026-12-08T17:00')).urgent).toBe('2026-12-09T13:00:00.000Z');
    });
  });

  it('never gives a time in the past, minute by minute across Christmas, New Year and both clock changes (a clock moving back gets a later-than-now answer too)', () => {
    const spans: [string, string][] = [
      ['2026-03-26T00:00:00Z', '2026-04-08T00:00:00Z'],
      ['2026-10-22T00:00:00Z', '2026-10-28T00:00:00Z'],
      ['2026-12-22T00:00:00Z', '2027-01-06T00:00:00Z'],
    ];
    for (const [from, to] of spans) {
      let previous: ReturnType<typeof replyByAt> | undefined;
      // Walk backwards: each step is a clock that moved back by 7 minutes.
      for (let t = Date.parse(to); t >= Date.parse(from); t -= 7 * 60_000) {
        const r = replyByAt(standard, new Date(t));
        expect([new Date(t).toISOString(), Date.parse(r.urgent) > t, Date.parse(r.routine) > t]).toEqual([new Date(t).toISOString(), true, true]);
        // Moving back never moves a reply-by later.
        if (previous) expect(Date.parse(r.routine)).toBeLessThanOrEqual(Date.parse(previous.routine));
        previous = r;
      }
    }
  });
});
