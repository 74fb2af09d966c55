import { fixedClock } from '../../src/clock.js';
import type { Tier } from '../../src/domain/types.js';
import type { RequestStore } from '../../src/store/types.js';
import { getPracticeStatus } from '../../src/practice/status.js';
import { london, practiceConfig } from './fixtures.js';

/**
 * A tiny in-memory countSubmitted with the RequestStore contract ([from, to), given tiers).
 * src/store/index.ts did not export the lowdb store yet when this was written.
 */
function memoryRequests(): Pick<RequestStore, 'countSubmitted'> & { submit(at: Date, tier: Tier): void; calls: { from: Date; to: Date }[] } {
  const submitted: { at: number; tier: Tier }[] = [];
  const calls: { from: Date; to: Date }[] = [];
  return {
    calls,
    submit: (at, tier) => submitted.push({ at: at.getTime(), tier }),
    countSubmitted: async (from, to, tiers) => {
      calls.push({ from, to });
      return submitted.filter((r) => r.at >= from.getTime() && r.at < to.getTime() && tiers.includes(r.tier)).length;
    },
  };
}

describe('getPracticeStatus', () => {
  const config = practiceConfig({ routineDailyCapacity: 3, outOfHoursRoutine: 'come-back' });

  it('reports open with the closing time during hours', async () => {
    const s = await getPracticeStatus(config, fixedClock(london('2026-11-24T10:00')), memoryRequests());
    expect(s).toEqual({
      name: 'Test Surgery',
      phone: '0113 496 0000',
      timeZone: 'Europe/London',
      open: true,
      closesAt: '2026-11-24T18:00:00.000Z',
      routineFull: false,
      outOfHoursRoutine: 'come-back',
    });
  });

  it('works at 03:00 on Christmas Day: closed, next opening Tuesday 29 December', async () => {
    const s = await getPracticeStatus(config, fixedClock(london('2026-12-25T03:00')), memoryRequests());
    expect(s.open).toBe(false);
    expect(s.nextOpenAt).toBe('2026-12-29T08:30:00.000Z');
    expect(s.routineFull).toBe(false);
  });

  it('reaches capacity at exactly the configured count of routine and self-care requests', async () => {
    const requests = memoryRequests();
    const clock = fixedClock(london('2026-11-24T11:00'));
    requests.submit(london('2026-11-24T08:31'), 'routine');
    requests.submit(london('2026-11-24T09:00'), 'selfcare');
    // Urgent, emergency and yesterday's requests never count.
    requests.submit(london('2026-11-24T09:30'), 'urgent');
    requests.submit(london('2026-11-24T09:40'), 'emergency');
    requests.submit(london('2026-11-23T17:59'), 'routine');
    expect((await getPracticeStatus(config, clock, requests)).routineFull).toBe(false);

    requests.submit(london('2026-11-24T10:59'), 'routine'); // the third: capacity 3 reached
    const full = await getPracticeStatus(config, clock, requests);
    expect(full.routineFull).toBe(true);
    expect(full.routineReopensAt).toBe('2026-11-25T08:30:00.000Z');
  });

  it('counts per practice-local day, so a new day starts empty without any reset', async () => {
    const requests = memoryRequests();
    const clock = fixedClock(london('2026-11-24T17:00'));
    for (let i = 0; i < 3; i++) requests.submit(london('2026-11-24T09:00'), 'routine');
    expect((await getPracticeStatus(config, clock, requests)).routineFull).toBe(true);
    clock.set(london('2026-11-25T08:30'));
    expect((await getPracticeStatus(config, clock, requests)).routineFull).toBe(false);
  });

  it('counts the local day on a clock-change day (23 hours on 29 March)', async () => {
    const requests = memoryRequests();
    await getPracticeStatus(config, fixedClock(new Date('2026-03-29T12:00:00Z')), requests);
    expect(requests.calls[0]).toEqual({ from: new Date('2026-03-29T00:00:00Z'), to: new Date('2026-03-29T23:00:00Z') });
  });

  it('a full Friday reopens for routine requests on Monday', async () => {
    const requests = memoryRequests();
    for (let i = 0; i < 3; i++) requests.submit(london('2026-11-27T09:00'), 'routine');
    const s = await getPracticeStatus(config, fixedClock(london('2026-11-27T12:00')), requests);
    expect(s.routineReopensAt).toBe('2026-11-30T08:30:00.000Z');
  });

  it('does not ask the store when capacity is unlimited', async () => {
    const requests = memoryRequests();
    const s = await getPracticeStatus(practiceConfig(), fixedClock(london('2026-11-24T10:00')), requests);
    expect(s.routineFull).toBe(false);
    expect(requests.calls).toHaveLength(0);
  });

  it('capacity 0 means routine requests are never taken online', async () => {
    const s = await getPracticeStatus(practiceConfig({ routineDailyCapacity: 0 }), fixedClock(london('2026-11-24T10:00')), memoryRequests());
    expect(s.routineFull).toBe(true);
  });
});
