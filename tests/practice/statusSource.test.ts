import { pino } from 'pino';
import { fixedClock } from '../../src/clock.js';
import { loadPracticeConfig } from '../../src/practice/config.js';
import { getPracticeStatus } from '../../src/practice/status.js';
import { createPracticeStatusSource } from '../../src/practice/statusSource.js';
import { projectRoot } from '../support/dialog.js';

/** The cached source must give exactly what getPracticeStatus gives, at every minute of a week. */
describe('practice status source (cached hours, live capacity)', () => {
  const config = { ...loadPracticeConfig(`${projectRoot}/config/practice.demo.json`), routineDailyCapacity: 3 };
  let submitted = 0;
  const requests = { countSubmitted: async () => submitted };

  it('agrees with getPracticeStatus across a week that includes the autumn clock change', async () => {
    const source = createPracticeStatusSource(config, fixedClock('2026-10-22T00:00:00Z'), requests, pino({ level: 'silent' }));
    for (let t = Date.parse('2026-10-22T00:00:00Z'); t < Date.parse('2026-10-29T00:00:00Z'); t += 19 * 60_000) {
      const now = new Date(t);
      submitted = (t / 60_000) % 5;
      expect([now.toISOString(), await source(now)]).toEqual([now.toISOString(), await getPracticeStatus(config, { now: () => now }, requests)]);
    }
  });

  it('counts capacity live: full at exactly the configured count, within the same minute', async () => {
    const source = createPracticeStatusSource(config, fixedClock('2026-10-21T10:00:00Z'), requests, pino({ level: 'silent' }));
    submitted = 2;
    expect((await source(new Date('2026-10-21T10:00:00Z'))).routineFull).toBe(false);
    submitted = 3;
    expect((await source(new Date('2026-10-21T10:00:01Z'))).routineFull).toBe(true);
  });

  it('gives a status without capacity when counting fails, instead of throwing', async () => {
    const failing = { countSubmitted: async () => Promise.reject(new Error('disk gone')) };
    const source = createPracticeStatusSource(config, fixedClock('2026-10-21T10:00:00Z'), failing, pino({ level: 'silent' }));
    expect(await source(new Date('2026-10-21T10:00:00Z'))).toMatchObject({ open: true, routineFull: false });
  });
});
