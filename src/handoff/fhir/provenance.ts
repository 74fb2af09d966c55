import type { Provenance, ProvenanceEntity, Reference } from 'fhir/r4.js';
import { EXT_RULESET_VERSION, RULE_SYSTEM } from '../codes.js';
import type { BuildContext } from './context.js';

const PARTICIPANT = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type';

/**
 * Which rules (id + version) and which ruleset produced this urgency, and which public sources they
 * rest on. A clinician reviewing an outcome months later can find the exact rule text.
 */
export function buildProvenance(ctx: BuildContext, targets: Reference[]): Provenance {
  const t = ctx.request.triage;
  const entities: ProvenanceEntity[] = [];
  const seen = new Set<string>();
  for (const rule of t.rules) {
    const key = `${rule.id}|${rule.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const section = rule.source.section ? `, ${rule.source.section}` : '';
    entities.push({ role: 'source', what: { identifier: { system: RULE_SYSTEM, value: key }, display: `${rule.source.title}${section}` } });
  }
  for (const f of ctx.request.redFlags) {
    const key = `${f.ruleId}|${f.ruleVersion}`;
    if (seen.has(key)) continue;
    seen.add(key);
    entities.push({ role: 'source', what: { identifier: { system: RULE_SYSTEM, value: key } } });
  }
  const policy = [...new Set(t.rules.map((r) => r.source.url))];
  const writer = ctx.request.subject.who === 'for.other' ? ctx.ref('related-person') : ctx.ref('patient');
  return {
    resourceType: 'Provenance',
    id: ctx.uuid('provenance'),
    extension: [{ url: EXT_RULESET_VERSION, valueString: t.rulesetVersion }],
    target: targets,
    recorded: ctx.request.submittedAt,
    ...(policy.length ? { policy } : {}),
    agent: [
      { type: { coding: [{ system: PARTICIPANT, code: 'author', display: 'Author' }] }, who: writer },
      {
        type: { coding: [{ system: PARTICIPANT, code: 'assembler', display: 'Assembler' }] },
        who: { display: `gp-intake-bot triage ruleset ${t.rulesetVersion}` },
      },
    ],
    ...(entities.length ? { entity: entities } : {}),
  };
}
