import { freshContext } from './machine/context.js';
import type { IntakeContext } from './machine/types.js';
import type { TurnResult } from './turn.js';

/**
 * Data minimisation (UK GDPR Art. 5(1)(c) and (e)): a conversation that ended with nothing sent or
 * recorded (the patient said no at consent, stopped, or was told to come back another time) has no
 * purpose left for what it gathered. Its stored snapshot is reduced at once to what the ended state
 * needs to answer the next message: where it is, the language, the session number. Names, dates of
 * birth, NHS and phone numbers, postcodes, the patient's own words and the answers all go.
 *
 * A conversation that produced a record keeps it: a consented request, and an emergency diversion
 * (its red flags, the advice given and the words that raised them are the safety and audit trail,
 * kept for the retention period with the diversion record).
 */

/** True when the turn ended the conversation without a request or an emergency diversion. */
export function endedWithNothingKept(result: Pick<TurnResult, 'done' | 'requestId' | 'effects' | 'urgency'>): boolean {
  return result.done && result.requestId === undefined && result.effects.length === 0 && result.urgency !== 'emergency';
}

function isContext(value: unknown): value is IntakeContext {
  return typeof value === 'object' && value !== null && 'conversationId' in value && 'session' in value && 'lang' in value && 'practice' in value;
}

/**
 * The persisted snapshot with a fresh context (nothing the patient said), in the same state, language
 * and session. A snapshot of an unexpected shape is returned as undefined: store nothing rather than
 * something that may still hold details.
 */
export function withoutPersonalData(persisted: unknown): unknown {
  if (typeof persisted !== 'object' || persisted === null || !('context' in persisted) || !isContext(persisted.context)) return undefined;
  const ctx = persisted.context;
  const fresh = freshContext({ conversationId: ctx.conversationId, lang: ctx.lang, at: ctx.now, practice: ctx.practice }, ctx.session);
  return { ...persisted, context: { ...fresh, step: ctx.step, flow: { ...fresh.flow, declinedLangs: ctx.flow.declinedLangs } } };
}

/** True when `persisted` already holds nothing personal (a fixed point of withoutPersonalData). */
export function holdsNoPersonalData(persisted: unknown): boolean {
  const reduced = withoutPersonalData(persisted);
  return reduced !== undefined && JSON.stringify(reduced) === JSON.stringify(persisted);
}
