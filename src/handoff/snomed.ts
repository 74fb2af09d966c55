import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The curated SNOMED CT table (dialogs/snomed.json). Each entry maps one of our keys (a triage rule
 * id, a need code, or a fixed key such as 'encounter.online') to a SNOMED CT concept, with the
 * published terms and the public page where a person checked the code. Codes nobody could check
 * are left out: an uncoded flag with a clear text is safer than a wrong code.
 */
export const SnomedEntrySchema = z
  .object({
    key: z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/, 'key must be a dotted lower-case id'),
    code: z.string().regex(/^[1-9][0-9]{5,17}$/, 'SNOMED CT concept ids are 6-18 digits'),
    /** Preferred term (UK English where it differs), used as Coding.display. */
    term: z.string().min(1),
    /**
     * Fully specified name with its semantic tag, e.g. 'Chest pain (finding)'. Optional: recorded only
     * when the checked source showed the tag. Only (finding)/(situation) codes are used as reasons.
     */
    fsn: z.string().regex(/\((finding|disorder|procedure|situation|regime\/therapy|event|observable entity)\)$/).optional(),
    checked: z.object({ url: z.string().url(), on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), note: z.string().optional() }),
  })
  .strict();

export const SnomedTableSchema = z
  .object({
    $comment: z.string().optional(),
    system: z.literal('http://snomed.info/sct'),
    entries: z.array(SnomedEntrySchema).min(1),
  })
  .strict()
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.entries.forEach((e, i) => {
      if (seen.has(e.key)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'key'], message: `duplicate key ${e.key}` });
      seen.add(e.key);
    });
  });

export type SnomedEntry = z.infer<typeof SnomedEntrySchema>;
export type SnomedTable = z.infer<typeof SnomedTableSchema>;

export interface SnomedLookup {
  get(key: string): SnomedEntry | undefined;
}

export function snomedLookup(table: SnomedTable): SnomedLookup {
  const byKey = new Map(table.entries.map((e) => [e.key, e]));
  return { get: (key) => byKey.get(key) };
}

/** Parse and validate; throws an error naming the file and the failing field. */
export function loadSnomedTable(path: string = defaultSnomedPath()): SnomedTable {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const parsed = SnomedTableSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`${path}: invalid SNOMED table at ${first?.path.join('.') ?? '?'}: ${first?.message ?? 'unknown'}`);
  }
  return parsed.data;
}

/**
 * Finds dialogs/snomed.json by walking up from this file, so the same code works from src/ (tsx,
 * jest) and from dist/src/ (built) without depending on the working directory.
 */
export function defaultSnomedPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'dialogs', 'snomed.json');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error('dialogs/snomed.json not found above ' + fileURLToPath(import.meta.url));
}
