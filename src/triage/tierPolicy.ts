import { z } from 'zod';
import { NEEDS, type NeedCode } from '../domain/types.js';
import { SourceSchema } from './contentSchema.js';

const RuleIdSchema = z.string().regex(/^(rf|cx|pf|rt)\.[a-z0-9_.]+$/, 'rule ids look like rf.chest_pain.now (prefix rf, cx, pf or rt)');

/**
 * dialogs/safety/tierPolicy.json (hazard H56): the floors a need or an intake answer puts under the
 * tier, and the one way out of the medicines floor (a condition a pharmacist treats).
 */
export const TierPolicySchema = z
  .object({
    $comment: z.string().optional(),
    version: z.number().int().positive(),
    /** A request with one of these needs is at least routine (the practice's own work). */
    atLeastRoutine: z.array(z.enum(NEEDS)),
    /**
     * A request with one of these needs whose highest rule is self-care ends at self-care (the pharmacy
     * offer) when one of the live self-care rules is one of `rules`: a named condition a pharmacist treats.
     */
    pharmacyForMedicines: z
      .object({
        needs: z.array(z.enum(NEEDS)).min(1),
        rules: z.array(RuleIdSchema).min(1),
        source: SourceSchema,
      })
      .strict(),
    /** An answer to an intake step ('How long?') that raises a rule (weeks or months: at least routine). */
    longStanding: z
      .object({
        step: z.literal('duration'),
        answers: z.array(z.string().regex(/^duration\.[a-z_]+$/)).min(1),
        ruleId: RuleIdSchema,
      })
      .strict()
      .optional(),
    /**
     * Hazard H103: generic routine context rules (a rash, tummy pain, back pain, named in any words) that a yes to
     * the self-care check (`ruleId`) may settle. The check is then still asked beside them (only them: any other
     * rule at routine or above still stops it), and a yes sets them aside; every other rule, the 'How long?' floor
     * and the check's own limits still count.
     */
    selfcareCheckOver: z
      .object({
        ruleId: RuleIdSchema,
        contexts: z.array(RuleIdSchema).min(1),
        source: SourceSchema,
      })
      .strict()
      .optional(),
  })
  .strict();

export type TierPolicyDef = z.infer<typeof TierPolicySchema>;

/** Without a policy file (content built in memory): admin and medicines requests are at least routine, nothing else. */
export const DEFAULT_TIER_POLICY: { atLeastRoutine: readonly NeedCode[] } & Partial<TierPolicyDef> = {
  atLeastRoutine: ['need.admin', 'need.medicines'],
};
