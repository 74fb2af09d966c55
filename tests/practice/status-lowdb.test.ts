import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../src/clock.js';
import type { IntakeRequest, Tier } from '../../src/domain/types.js';
import { getPracticeStatus } from '../../src/practice/status.js';
import { openLowdbStore, type Store } from '../../src/store/index.js';
import { london, practiceConfig } from './fixtures.js';

/** Capacity against the real embedded store, so the [from, to) window and tier filter are the store's. */

function request(n: number, at: Date, tier: Tier, kind: IntakeRequest['kind'] = 'request'): IntakeRequest {
  const iso = at.toISOString();
  return {
    id: `req-${n}`,
    reference: `REF-${n}`,
    kind,
    conversationId: `conv-${n}`,
    createdAt: iso,
    submittedAt: iso,
    subject: { who: 'for.self' },
    patient: {},
    need: 'need.new',
    language: 'eng',
    interpreterMayBeNeeded: false,
    texts: [],
    answers: [],
    redFlags: [],
    triage: { tier, disposition: tier === 'selfcare' ? 'pharmacy' : 'gp_routine', ruleIds: [], rules: [], rulesetVersion: 'test' },
    status: 'new',
    statusHistory: [{ status: 'new', by: 'bot', at: iso }],
  };
}

describe('getPracticeStatus with the lowdb store', () => {
  let dir: string;
  let store: Store;
  const clock = fixedClock(london('2026-11-24T12:00'));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'practice-capacity-'));
    store = await openLowdbStore({ dataDir: dir, retentionDays: 90, clock });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is full at exactly the configured count, counting only today’s routine and self-care requests', async () => {
    const config = practiceConfig({ routineDailyCapacity: 2 });
    await store.requests.put(request(1, london('2026-11-24T08:30'), 'routine'));
    await store.requests.put(request(2, london('2026-11-24T09:00'), 'urgent'));
    await store.requests.put(request(3, london('2026-11-23T23:59'), 'routine'));
    await store.requests.put(request(4, london('2026-11-24T09:10'), 'emergency', 'emergency-diversion'));
    expect((await getPracticeStatus(config, clock, store.requests)).routineFull).toBe(false);

    await store.requests.put(request(5, london('2026-11-24T11:59'), 'selfcare'));
    const status = await getPracticeStatus(config, clock, store.requests);
    expect(status.routineFull).toBe(true);
    expect(status.routineReopensAt).toBe('2026-11-25T08:30:00.000Z');
  });
});
