import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../src/clock.js';
import type { IntakeRequest, Tier } from '../../src/domain/types.js';
import { openLowdbStore } from '../../src/store/index.js';
import type { ConversationRecord, Store } from '../../src/store/types.js';

export const T0 = '2026-03-02T09:00:00.000Z';

export async function tempDir(): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'store-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function open(dir: string, retentionDays = 30): Promise<Store> {
  return openLowdbStore({ dataDir: dir, retentionDays, clock: fixedClock(T0) });
}

export function conversation(id: string, updatedAt = T0, step = 'q1'): ConversationRecord {
  return { id, machineVersion: '1', snapshot: { value: step, context: { answers: [] } }, createdAt: T0, updatedAt };
}

export function request(
  id: string,
  options: { tier?: Tier; submittedAt?: string; kind?: IntakeRequest['kind']; status?: IntakeRequest['status'] } = {},
): IntakeRequest {
  const submittedAt = options.submittedAt ?? T0;
  return {
    id,
    reference: `REF-${id}`,
    kind: options.kind ?? 'request',
    conversationId: `conv-${id}`,
    createdAt: submittedAt,
    submittedAt,
    subject: { who: 'for.self' },
    patient: { name: 'Test Patient', dateOfBirth: '1980-01-01' },
    need: 'need.new',
    language: 'eng',
    interpreterMayBeNeeded: false,
    texts: [{ step: 'describe', text: 'a cough', lang: 'eng', at: submittedAt }],
    answers: [],
    redFlags: [],
    triage: { tier: options.tier ?? 'routine', disposition: 'gp_routine', ruleIds: [], rules: [], rulesetVersion: '1' },
    status: options.status ?? 'new',
    statusHistory: [],
  };
}
