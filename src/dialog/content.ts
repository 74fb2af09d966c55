import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { NEEDS } from '../domain/types.js';

const StepSchema = z.object({
  prompt: z.string().min(1),
  input: z.enum(['choice', 'text', 'name', 'date', 'nhs', 'postcode', 'phone', 'language']),
  choices: z.array(z.string().min(1)).optional(),
  /**
   * A safety question (red flags, the emergency check): never skipped. After the last failed try
   * the answer is taken as "unsure" (or "yes" when "unsure" is not offered), which counts upward.
   */
  safety: z.boolean().optional(),
  /** The answer recorded after the last failed try at a question that is not safety-related (default: "notAnswered"). */
  ifNotAnswered: z.string().min(1).optional(),
});

export const STEP_IDS = [
  'need', 'describe', 'duration', 'trend', 'impact', 'wants', 'who', 'relationship', 'name', 'dob', 'nhs',
  'postcode', 'phone', 'contactMethod', 'contactTimes', 'review', 'reviewPick', 'consent', 'pharmacyOffer',
  'urgentClosed', 'languageMenu', 'languageOffer',
] as const;
export type StepId = (typeof STEP_IDS)[number];

const IntakeContentSchema = z
  .object({
    version: z.number().int().positive(),
    steps: z.record(z.enum(STEP_IDS), StepSchema),
    clinicalNeeds: z.array(z.enum(NEEDS)),
    /**
     * Hazard H52: a request (any need) whose description has at least `minWords` words besides the
     * words of the recognised request phrases (the triggers of `requestRules`) is asked the emergency
     * check and the area picker, as a health problem is. A Han or kana character counts as a word.
     */
    storyBeyondRequest: z
      .object({ requestRules: z.array(z.string().regex(/^[a-z][a-z0-9_.]*$/)).min(1), minWords: z.number().int().min(3).max(60) })
      .strip(),
    maxFailuresBeforeCallOffer: z.number().int().min(1),
    /** Tries at one question: after this many failed answers it is recorded as not answered (or, if safety, as unsure) and the dialog moves on. */
    maxTries: z.number().int().min(2).max(5).default(3),
    /** "How long" answers typed in words or numbers go to the first band whose `underDays` they are under. */
    durationBands: z.array(z.object({ code: z.string().min(1), underDays: z.number().positive().optional() })).default([]),
    maxTextChars: z.number().int().min(100),
    /** Said to patients: routine requests are answered within this many working days. */
    routineResponseWorkingDays: z.number().int().min(1).max(30),
  })
  .superRefine((c, ctx) => {
    for (const b of c.durationBands) {
      if (!c.steps.duration?.choices?.includes(b.code)) ctx.addIssue({ code: 'custom', path: ['durationBands'], message: `${b.code} is not a duration choice` });
    }
    for (const id of STEP_IDS) {
      const step = c.steps[id];
      if (!step) ctx.addIssue({ code: 'custom', path: ['steps', id], message: 'step is missing' });
      else if (step.input === 'choice' && !step.choices?.length)
        ctx.addIssue({ code: 'custom', path: ['steps', id, 'choices'], message: 'a choice step needs choices' });
      else if (step.ifNotAnswered && step.choices && !step.choices.includes(step.ifNotAnswered))
        ctx.addIssue({ code: 'custom', path: ['steps', id, 'ifNotAnswered'], message: 'must be one of the choices' });
    }
  });

export type IntakeStep = z.infer<typeof StepSchema>;
export type IntakeContent = Omit<z.infer<typeof IntakeContentSchema>, 'steps'> & { steps: Record<StepId, IntakeStep> };

/** Parse and check intake content; throws naming the file and the field. */
export function parseIntakeContent(data: unknown, file: string): IntakeContent {
  const result = IntakeContentSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data as IntakeContent;
}

export function loadIntakeContent(file: string): IntakeContent {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: cannot read or parse JSON (${(err as Error).message})`, { cause: err });
  }
  return parseIntakeContent(data, file);
}
