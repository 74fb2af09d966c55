import { createHash } from 'node:crypto';
import type { IntakeRequest, LangCode, NeedCode, TriageOutcome } from '../../domain/types.js';
import type { IntakeContext } from './types.js';

const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789'; // no 0/O, 1/I/L, U: easy to read out on the phone

/**
 * Request ids are derived, not random: the same conversation session always yields the same id,
 * so storing it again after a crash or a retried turn is idempotent.
 */
export function requestIdentity(conversationId: string, session: number, kind: IntakeRequest['kind']): { id: string; reference: string } {
  const hash = createHash('sha256').update(`${conversationId}\u0000${session}\u0000${kind}`).digest();
  const hex = hash.toString('hex');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  let reference = '';
  for (let i = 0; i < 6; i++) reference += REFERENCE_ALPHABET[(hash[i + 16] ?? 0) % REFERENCE_ALPHABET.length];
  return { id, reference: `${reference.slice(0, 3)}-${reference.slice(3)}` };
}

/** The language the patient wrote in most (by characters); English when they wrote nothing. */
function mainLanguage(ctx: IntakeContext): LangCode {
  const weight = new Map<LangCode, number>();
  for (const t of ctx.intake.texts) weight.set(t.lang, (weight.get(t.lang) ?? 0) + t.text.length);
  let best: LangCode = ctx.lang;
  let max = -1;
  for (const [lang, w] of weight) if (w > max) [best, max] = [lang, w];
  return best;
}

/** The reply-by time for this request's tier, as the patient is told it (see speech.ts replyByMessage). */
function respondBy(ctx: IntakeContext, kind: IntakeRequest['kind'], outcome: TriageOutcome): { respondBy: string } | null {
  const by = ctx.practice.replyBy;
  if (!by || kind !== 'request' || outcome.tier === 'emergency') return null;
  return { respondBy: outcome.tier === 'urgent' ? by.urgent : by.routine };
}

export function buildRequest(ctx: IntakeContext, kind: IntakeRequest['kind'], outcome: TriageOutcome): IntakeRequest {
  const identity = requestIdentity(ctx.conversationId, ctx.session, kind);
  const language = mainLanguage(ctx);
  const { intake } = ctx;
  return {
    id: identity.id,
    reference: identity.reference,
    kind,
    conversationId: ctx.conversationId,
    createdAt: ctx.startedAt,
    submittedAt: ctx.now,
    subject: intake.subject ?? { who: 'for.self' },
    patient: { ...intake.patient },
    need: intake.need ?? ('need.other' as NeedCode),
    language,
    interpreterMayBeNeeded: language !== 'eng' || ctx.lang !== 'eng',
    texts: [...intake.texts],
    answers: Object.values(intake.answers),
    redFlags: [...ctx.triage.redFlags],
    triage: outcome,
    ...(ctx.queuedUntil ? { queuedUntil: ctx.queuedUntil } : {}),
    ...(respondBy(ctx, kind, outcome) ?? {}),
    status: 'new',
    statusHistory: [{ status: 'new', by: 'bot', at: ctx.now }],
  };
}
