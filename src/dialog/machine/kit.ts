import type { Tier, TriageOutcome } from '../../domain/types.js';
import type { StepId } from '../content.js';
import { pictureOf } from './context.js';
import type { IntakeDeps } from './deps.js';
import { createPerception } from './perceive.js';
import type { ConfirmTarget, IntakeContext, IntakeEvent, OutMessage } from './types.js';

/** What a guard or an action is given (XState passes more; this is all ours use). */
export interface TurnArgs {
  context: IntakeContext;
  event: IntakeEvent;
}
/** What an action changes in the context. */
export type Patch = Partial<IntakeContext>;

/**
 * The helpers every guard and action shares: perception of the event, the triage decision and the
 * next triage question, each computed once per context or event object.
 */
export function createKit(deps: IntakeDeps) {
  const { triage, content } = deps;
  const see = createPerception(deps);
  // Several guards ask about one context in one step (assess asks up to six times); contexts are
  // immutable in XState, so the decision is computed once per context object.
  const decisions = new WeakMap<IntakeContext, TriageOutcome>();
  const decide = (ctx: IntakeContext): TriageOutcome => {
    let outcome = decisions.get(ctx);
    if (!outcome) decisions.set(ctx, (outcome = triage.decide(pictureOf(ctx))));
    return outcome;
  };
  const nextQuestions = new WeakMap<IntakeContext, ReturnType<typeof triage.nextQuestion>>();
  const nextQuestion = (ctx: IntakeContext) => {
    if (!nextQuestions.has(ctx)) nextQuestions.set(ctx, triage.nextQuestion(pictureOf(ctx)));
    return nextQuestions.get(ctx) ?? null;
  };

  /** The emergency outcome for a clear hit; if the engine's decision disagrees, the hit still wins. */
  const emergencyOutcome = (ctx: IntakeContext, event: object): TriageOutcome => {
    const decided = decide(ctx);
    if (decided.tier === 'emergency') return decided;
    const hit = see.screening(event, ctx).hits.find((h) => h.tier === 'emergency' && h.certainty === 'clear');
    return { ...decided, tier: 'emergency', disposition: hit?.disposition ?? 'call_999', ruleIds: hit ? [hit.ruleId] : decided.ruleIds };
  };

  const unaskedConfirms = (ctx: IntakeContext, event: object, tiers: readonly Tier[]): ConfirmTarget[] =>
    see
      .screening(event, ctx)
      .hits.filter(
        (h) =>
          h.certainty === 'uncertain' &&
          h.confirmQuestionId !== undefined &&
          tiers.includes(h.tier) &&
          !ctx.triage.askedQuestionIds.includes(h.confirmQuestionId) &&
          !ctx.triage.presentRuleIds.includes(h.ruleId) &&
          !ctx.triage.deniedRuleIds.includes(h.ruleId) &&
          !ctx.triage.pendingConfirms.some((p) => p.ruleId === h.ruleId),
      )
      .map((h) => ({ questionId: h.confirmQuestionId as string, ruleId: h.ruleId }));

  /** This turn's messages so far, then these. */
  const say = (ctx: IntakeContext, ...messages: OutMessage[]): OutMessage[] => [...ctx.say, ...messages];
  const stepOf = (id: string) => (content.steps as Record<string, (typeof content.steps)[StepId] | undefined>)[id];

  return { deps, see, decide, nextQuestion, emergencyOutcome, unaskedConfirms, say, stepOf };
}

export type Kit = ReturnType<typeof createKit>;
