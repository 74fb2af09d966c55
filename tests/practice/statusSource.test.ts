import { pino } from 'pino';
import { fixedClock } from '../../src/clock.js';
import { loadPracticeConfig } from '../../src/practice/config.js';
import { closesAt, isCoreHours, isOpen, nextOpening } from '../../src/practice/hours.js';
import { replyByAt } from '../../src/practice/replyBy.js';
import { createPracticeStatusSource } from '../../src/practice/statusSource.js';
import { projectRoot } from '../support/dialog.js';
import { london, practiceConfig } from './fixtures.js';

const silent = pino({ level: 'silent' });
const clock = fixedClock('2026-10-21T10:00:00Z');

describe('practice status source', () => {
  const config = loadPracticeConfig(`${projectRoot}/config/practice.demo.json`);
  let submitted = 0;
  const requests = { countSubmitted: async () => submitted };

  it('agrees with the calendar functions at every 19th minute of a week with the autumn clock change (cached hours stay exact)', async () => {
    const source = createPracticeStatusSource(config, clock, requests, silent);
    for (let t = Date.parse('2026-10-22T00:00:00Z'); t < Date.parse('2026-10-29T00:00:00Z'); t += 19 * 60_000) {
      const now = new Date(t);
      const open = isOpen(config, now);
      const s = await source(now);
      expect([now.toISOString(), s.open, s.coreHours, s.replyBy, s.closesAt, s.nextOpenAt]).toEqual([
        now.toISOString(),
        open,
        isCoreHours(config, now),
        replyByAt(config, now),
        open ? closesAt(config, now)?.toISOString() : undefined,
        open ? undefined : nextOpening(config, now)?.toISOString(),
      ]);
    }
  });

  it('a clock that moves back gets a fresh answer, never one cached from later', async () => {
    const source = createPracticeStatusSource(config, clock, requests, silent);
    const late = await source(london('2026-12-08T18:31'));
    expect(late.open).toBe(false);
    const earlier = await source(london('2026-12-08T18:29'));
    expect(earlier.open).toBe(true);
    expect(Date.parse(earlier.replyBy?.urgent ?? '')).toBeGreaterThan(london('2026-12-08T18:29').getTime());
  });

  it('capacity reached in core hours: the route stays open and nothing is "full"; only the busy notice shows', async () => {
    const source = createPracticeStatusSource(config, clock, requests, silent); // busyDayThreshold 40
    submitted = 39;
    expect(await source(london('2026-12-08T10:00'))).toMatchObject({ open: true, coreHours: true, busyToday: false });
    submitted = 500;
    expect(await source(london('2026-12-08T10:00'))).toMatchObject({ open: true, coreHours: true, busyToday: true, outOfHoursRoutine: 'queue' });
  });

  it('gives a status without the busy notice when counting fails, instead of throwing', async () => {
    const failing = { countSubmitted: async () => Promise.reject(new Error('disk gone')) };
    const source = createPracticeStatusSource(config, clock, failing, silent);
    expect(await source(new Date('2026-10-21T10:00:00Z'))).toMatchObject({ open: true, busyToday: false });
  });

  it('during an exceptional closure: closed, nothing queued, and the reopening time given', async () => {
    const closed = practiceConfig({ exceptionalClosures: [{ from: '2026-12-08T10:00', until: '2026-12-08T14:00', reason: 'Power cut' }] });
    const source = createPracticeStatusSource(closed, clock, requests, silent);
    expect(await source(london('2026-12-08T11:00'))).toMatchObject({
      open: false,
      coreHours: true,
      closure: { until: '2026-12-08T14:00:00.000Z' },
      nextOpenAt: '2026-12-08T14:00:00.000Z',
      outOfHoursRoutine: 'closed',
    });
    expect(await source(london('2026-12-08T14:00'))).toMatchObject({ open: true, outOfHoursRoutine: 'queue' });
    expect((await source(london('2026-12-08T14:00'))).closure).toBeUndefined();
  });

  it("outside core hours follows the practice's choice: queue, or closed with the hours shown", async () => {
    const queue = createPracticeStatusSource(practiceConfig(), clock, requests, silent);
    const closedChoice = createPracticeStatusSource(practiceConfig({ outOfHoursRoutine: 'closed' }), clock, requests, silent);
    expect(await queue(london('2026-12-08T19:00'))).toMatchObject({ open: false, coreHours: false, outOfHoursRoutine: 'queue' });
    expect(await closedChoice(london('2026-12-08T19:00'))).toMatchObject({ open: false, outOfHoursRoutine: 'closed' });
    // Inside core hours the choice does not matter: the route is open.
    expect(await closedChoice(london('2026-12-08T08:00'))).toMatchObject({ open: true, coreHours: true });
  });
});
