import { z } from 'zod';

/**
 * Schemas for dialogs/safety/: the structured emergency check and the area picker (issue 15).
 * Both are data: which NHS "call 999" signs are listed, in which version, and which rule each
 * raises; which complaint sets each body area activates.
 */

const RuleIdSchema = z.string().regex(/^(rf|cx|pf|rt)\.[a-z0-9_.]+$/, 'rule ids look like rf.chest_pain.now');
const CodeSchema = z.string().regex(/^[a-z0-9_]+$/, 'codes are lower case letters, digits and _');
/** The kinds of sign a patient recognises in the check (the evaluation sets' recognises999Sign). */
export const SIGN_KINDS = [
  'chest_heart', 'stroke', 'breathing', 'unconscious_fit', 'bleeding', 'allergy', 'sepsis_very_unwell',
  'self_harm_overdose', 'severe_injury_burn', 'pregnancy', 'child_baby',
] as const;
export type SignKind = (typeof SIGN_KINDS)[number];
export const CHECK_VERSIONS = ['adult', 'pregnancy', 'child'] as const;
export type CheckVersion = (typeof CHECK_VERSIONS)[number];
/** The most lines one version may list (issue 15: at most 8, reading age 9). */
export const MAX_CHECK_LINES = 8;

const LineSchema = z
  .object({
    ruleId: RuleIdSchema,
    covers: z.array(z.enum(SIGN_KINDS)).min(1),
    /** Advice said when the patient picks this line; default dialog.emergency.<disposition of the rule>. */
    adviceKey: z.string().regex(/^(safety|dialog)\.[a-zA-Z0-9_.]+$/).optional(),
    /** Age-bound line ("a baby under 8 weeks"): left out once the known age is this many years or more. */
    hideFromAgeYears: z.number().positive().optional(),
    /**
     * One confirming question asked when the patient picks this line although their own description
     * already said something milder (the pregnancy line after "a little spotting"). Asked only when
     * some `askWhenAny` rule is live and none of `unlessAny`; "yes" or "not sure" raise the line's rule
     * (999, as without it), "no" raises `noRuleId`, which must be urgent or an emergency.
     */
    confirm: z
      .object({
        promptKey: z.string().regex(/^safety\.[a-zA-Z0-9_.]+$/),
        askWhenAny: z.array(RuleIdSchema).min(1),
        unlessAny: z.array(RuleIdSchema).default([]),
        noRuleId: RuleIdSchema,
      })
      .strict()
      .optional(),
  })
  .strict();

export const EmergencyCheckSchema = z
  .object({
    $comment: z.string().optional(),
    version: z.number().int().positive(),
    /** Below this age (when known) the child version is asked. */
    childUnderYears: z.number().positive(),
    lines: z.record(CodeSchema, LineSchema),
    versions: z.object(Object.fromEntries(CHECK_VERSIONS.map((v) => [v, z.array(CodeSchema).min(1).max(MAX_CHECK_LINES)])) as Record<CheckVersion, z.ZodArray<z.ZodString>>).strict(),
    /** Raised when the patient said "yes" but could not say which sign. */
    yesButUnsureWhichRuleId: RuleIdSchema,
    /** Raised when the patient was not sure and could not say which sign (never below urgent). */
    notSureRuleId: RuleIdSchema,
    /** Marker rules that say the patient is pregnant / a child (from text or the area picker). */
    pregnancyMarkers: z.array(RuleIdSchema),
    childMarkers: z.array(RuleIdSchema),
    /**
     * A marker rule the engine holds live while the child version of the check applies (age under
     * childUnderYears, or a child's words while the age is unknown), so that complaint sets can list
     * it in `activatedBy` (the child questions for every child, whatever area was tapped).
     */
    childVersionMarker: RuleIdSchema,
  })
  .strict();

export const AreasSchema = z
  .object({
    $comment: z.string().optional(),
    version: z.number().int().positive(),
    areas: z.array(z.object({ code: CodeSchema, raise: z.array(RuleIdSchema) }).strict()).min(2),
  })
  .strict();

export type EmergencyCheckDef = z.infer<typeof EmergencyCheckSchema>;
export type AreasDef = z.infer<typeof AreasSchema>;

/** Answer codes of the check (language-neutral; titles are choice.<code> in locales/<lang>/safety.json). */
export const CHECK_ANSWERS = { yes: 'safety.yes', no: 'safety.no', unsure: 'safety.unsure' } as const;
/** "None of these / I cannot say which" in the which-one question. */
export const CHECK_NONE = 'safety.none';
export const lineCode = (line: string): string => `safety.line.${line}`;
export const areaCode = (area: string): string => `safety.area.${area}`;
/** Question ids the engine answers for: the check, which sign (after yes / after not sure), the area. */
export const checkQuestionId = (v: CheckVersion): string => `q.check.${v}`;
export const whichQuestionId = (v: CheckVersion, after: 'yes' | 'unsure'): string => `q.check.${after === 'yes' ? 'which' : 'which_unsure'}.${v}`;
export const AREA_QUESTION_ID = 'q.area';
/** The confirming question of a line (its `confirm`), per version: q.check.confirm.<line>.<version>. */
export const confirmQuestionId = (line: string, v: CheckVersion): string => `q.check.confirm.${line}.${v}`;
export const CONFIRM_PREFIX = 'q.check.confirm.';

/** The lines of a check version that fit the known age (all of them while the age is unknown). */
export function linesForAge(check: EmergencyCheckDef, version: CheckVersion, ageYears: number | undefined): string[] {
  return check.versions[version].filter((line) => {
    const from = check.lines[line]?.hideFromAgeYears;
    return from === undefined || ageYears === undefined || ageYears < from;
  });
}
