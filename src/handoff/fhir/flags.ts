import type { Flag } from 'fhir/r4.js';
import type { RedFlagRecord } from '../../domain/types.js';
import { RULE_SYSTEM } from '../codes.js';
import type { BuildContext } from './context.js';
import { snomedCoding } from './context.js';

const FLAG_CATEGORY = 'http://terminology.hl7.org/CodeSystem/flag-category';

function describe(f: RedFlagRecord): string {
  const how = f.via === 'text' ? 'found in the patient\'s own words' : f.via === 'confirm' ? 'confirmed when asked' : 'answered to a symptom question';
  return `${how}${f.answer ? ` (answer: ${f.answer})` : ''}`;
}

/** One Flag per red flag that is present. Denied flags are in the QuestionnaireResponse, not here. */
export function buildFlags(ctx: BuildContext): { role: string; flag: Flag }[] {
  const seen = new Set<string>();
  return ctx.request.redFlags
    .filter((f) => f.present && !seen.has(f.ruleId) && seen.add(f.ruleId))
    .map((f) => {
      const e = ctx.snomed.get(f.ruleId);
      const role = `flag.${f.ruleId}`;
      const prefix = ctx.diversion ? 'Emergency diversion (for awareness): ' : 'Red flag: ';
      const flag: Flag = {
        resourceType: 'Flag',
        id: ctx.uuid(role),
        status: 'active',
        category: [{ coding: [{ system: FLAG_CATEGORY, code: 'clinical', display: 'Clinical' }] }],
        code: {
          coding: [...(e ? [snomedCoding(e)] : []), { system: RULE_SYSTEM, code: f.ruleId, version: String(f.ruleVersion) }],
          text: `${prefix}${e ? e.term : `rule ${f.ruleId}`} (rule ${f.ruleId} v${f.ruleVersion}, ${describe(f)})`,
        },
        subject: ctx.ref('patient'),
        period: { start: ctx.request.submittedAt },
        encounter: ctx.ref('encounter'),
      };
      return { role, flag };
    });
}
