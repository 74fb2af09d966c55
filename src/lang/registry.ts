/**
 * The language registry: which patient languages the bot supports, and how each is named,
 * tagged and written. Data lives in locales/languages.json so adding a language is a data change.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { LangCode } from '../domain/types.js';

export const LanguageSchema = z
  .object({
    /** franc-all 7.2.0 / ISO 639-3 code; the bot's internal language id. */
    code: z.string().regex(/^[a-z]{3}$/),
    /** BCP 47 tag for i18next, Intl and the HTML lang attribute. */
    bcp47: z.string().regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/),
    endonym: z.string().min(1),
    englishName: z.string().min(1),
    dir: z.enum(['ltr', 'rtl']),
    /** ISO 15924 script code, e.g. Latn, Arab, Guru, Hans. */
    script: z.string().regex(/^[A-Z][a-z]{3}$/),
    /** Shown to practices: false until a fluent speaker has reviewed this language's texts. */
    reviewedByFluentSpeaker: z.boolean(),
    /** Extra names a patient may type to choose this language (see parseLanguageChoice). */
    aliases: z.array(z.string().min(1)).default([]),
  })
  .strict();

export type Language = z.infer<typeof LanguageSchema>;

const RegistrySchema = z
  .object({
    $comment: z.string().optional(),
    languages: z.array(LanguageSchema).min(1),
  })
  .strict()
  .superRefine((reg, ctx) => {
    // Duplicates would make byCode/byBcp47 silently pick the first entry.
    for (const key of ['code', 'bcp47'] as const) {
      const seen = new Set<string>();
      for (const lang of reg.languages) {
        if (seen.has(lang[key])) ctx.addIssue({ code: 'custom', message: `duplicate ${key} ${lang[key]}` });
        seen.add(lang[key]);
      }
    }
  });

export class LanguageRegistryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LanguageRegistryError';
  }
}

/** Reads and validates the registry; throws LanguageRegistryError naming the file and the problem. */
export function loadLanguages(path: string): readonly Language[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new LanguageRegistryError(`cannot read language registry ${path}`, { cause });
  }
  return parseLanguages(raw, path);
}

export function parseLanguages(raw: unknown, source = 'language registry'): readonly Language[] {
  const parsed = RegistrySchema.safeParse(raw);
  if (!parsed.success) {
    throw new LanguageRegistryError(`invalid ${source}: ${z.prettifyError(parsed.error)}`, { cause: parsed.error });
  }
  return Object.freeze(parsed.data.languages.map((l) => Object.freeze(l)));
}

export function byCode(languages: readonly Language[], code: LangCode): Language | undefined {
  return languages.find((l) => l.code === code);
}

/** Case-insensitive exact match on the BCP 47 tag ('pa-guru' finds pa-Guru). */
export function byBcp47(languages: readonly Language[], tag: string): Language | undefined {
  const wanted = tag.toLowerCase();
  return languages.find((l) => l.bcp47.toLowerCase() === wanted);
}

export function isRtl(languages: readonly Language[], code: LangCode): boolean {
  return byCode(languages, code)?.dir === 'rtl';
}

export function codes(languages: readonly Language[]): LangCode[] {
  return languages.map((l) => l.code);
}
