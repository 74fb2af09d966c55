/**
 * Seeds a data directory with N stored requests in the store's on-disk format (see
 * src/store/lowdb/README.md): day files `requests/YYYY-MM-DD.jsonl`, one JSON request a line, and, so
 * the outbox stays small as it would in a practice whose webhook works, a delivered log line per request
 * in `outbox/delivered/YYYY-MM-DD.jsonl`. Written in bulk, straight to disk, before the server starts.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IntakeRequest, Tier } from '../../src/domain/types.js';
import { idempotencyKeyFor } from '../../src/store/lowdb/outbox.js';
import { dayOf, deliveredLogPath, requestDayPath } from '../../src/store/lowdb/paths.js';

const DAY = 86_400_000;
const TIERS: readonly Tier[] = ['urgent', 'routine', 'selfcare'];

/** ~2 KB, shaped like a real request. Synthetic details only. */
export function syntheticRequest(i: number, submittedMs: number): IntakeRequest {
  const at = new Date(submittedMs).toISOString();
  return {
    id: `seed-${i.toString(36)}-${submittedMs.toString(36)}`,
    reference: `S${(i % 46656).toString(36).toUpperCase().padStart(3, '0')}-${(i % 1296).toString(36).toUpperCase()}`,
    kind: 'request',
    conversationId: `seed-conv-${i}`,
    createdAt: at,
    submittedAt: at,
    subject: { who: 'for.self' },
    patient: { name: 'Synthetic Patient', dateOfBirth: '1970-01-01', postcode: 'AB1 2CD', phone: '01234 567890', contactMethod: 'contact.phone' },
    need: 'need.new',
    language: 'eng',
    interpreterMayBeNeeded: false,
    texts: [{ step: 'describe', text: 'Synthetic description of a problem that has lasted a few days and is slowly getting worse.', lang: 'eng', at }],
    answers: Array.from({ length: 12 }, (_, q) => ({ questionId: `q${q}`, questionKey: `dialog.ask_q${q}`, code: q % 2 ? 'yes' : 'duration.days', at })),
    redFlags: [{ ruleId: 'rf.chest_pain', ruleVersion: 1, via: 'confirm', answer: 'no', present: false }],
    triage: { tier: TIERS[i % TIERS.length] ?? 'routine', disposition: 'gp_routine', ruleIds: [], rules: [], rulesetVersion: 'seed' },
    status: i % 3 === 0 ? 'closed' : 'new',
    statusHistory: [],
  };
}

/** Requests spread over the 360 days before `nowMs` (none today, so today's day file starts empty for every size). */
export async function seedRequests(dataDir: string, count: number, nowMs: number): Promise<void> {
  const days = new Map<string, string[]>();
  const delivered = new Map<string, string[]>();
  for (let i = 0; i < count; i++) {
    const submittedMs = nowMs - 2 * DAY - Math.floor((i / count) * 360 * DAY);
    const r = syntheticRequest(i, submittedMs);
    const day = dayOf(submittedMs);
    let part = days.get(day);
    if (!part) days.set(day, (part = []));
    part.push(JSON.stringify(r));
    const entry = { requestId: r.id, idempotencyKey: idempotencyKeyFor(r.id), state: 'delivered', attempts: 1, nextAttemptAt: r.submittedAt, createdAt: r.submittedAt, deliveredAt: r.submittedAt };
    let lines = delivered.get(day);
    if (!lines) delivered.set(day, (lines = []));
    lines.push(JSON.stringify(entry));
  }
  await mkdir(join(dataDir, 'requests'), { recursive: true });
  await mkdir(join(dataDir, 'outbox', 'delivered'), { recursive: true });
  for (const [day, lines] of days) await writeFile(requestDayPath(dataDir, day), `${lines.join('\n')}\n`);
  for (const [day, lines] of delivered) await writeFile(deliveredLogPath(dataDir, day), `${lines.join('\n')}\n`);
}
