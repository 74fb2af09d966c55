import type { Coding, Reference } from 'fhir/r4.js';
import type { IntakeRequest } from '../../domain/types.js';
import { CODE_SYSTEM, ODS_SYSTEM, SNOMED_SYSTEM } from '../codes.js';
import type { SnomedEntry, SnomedLookup } from '../snomed.js';
import { stableUuid, urn } from './ids.js';

/** Everything the per-resource builders share. Built once per bundle. */
export interface BuildContext {
  request: IntakeRequest;
  snomed: SnomedLookup;
  practiceOds?: string;
  diversion: boolean;
  /** English text for a message key, or undefined when the key has no English text. */
  english(key: string): string | undefined;
  /** Stable uuid for a resource role ('patient', 'flag.rf.chest_pain', ...). */
  uuid(role: string): string;
  ref(role: string, display?: string): Reference;
}

export function createContext(
  request: IntakeRequest,
  opts: { practiceOds?: string; englishText: (key: string) => string; snomed: SnomedLookup },
): BuildContext {
  return {
    request,
    snomed: opts.snomed,
    practiceOds: opts.practiceOds ?? request.practiceOds,
    diversion: request.kind === 'emergency-diversion',
    // i18next returns the key itself for a missing key; treat that (and empty) as "no text".
    english: (key) => {
      const t = opts.englishText(key);
      return t && t !== key ? t : undefined;
    },
    uuid: (role) => stableUuid(request.id, role),
    ref: (role, display) => ({ reference: urn(stableUuid(request.id, role)), ...(display ? { display } : {}) }),
  };
}

export function snomedCoding(e: SnomedEntry): Coding {
  return { system: SNOMED_SYSTEM, code: e.code, display: e.term };
}

/** Our own coding for a language-neutral code, with English display when we have it. */
export function ownCoding(ctx: BuildContext, code: string, system = CODE_SYSTEM): Coding {
  const display = ctx.english(`choice.${code}`);
  return { system, code, ...(display ? { display } : {}) };
}

export function practiceReference(ctx: BuildContext): Reference | undefined {
  return ctx.practiceOds ? { identifier: { system: ODS_SYSTEM, value: ctx.practiceOds } } : undefined;
}
