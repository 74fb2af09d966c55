import type { CodeableConcept, Reference, ServiceRequest } from 'fhir/r4.js';
import type { NeedCode, Tier } from '../../domain/types.js';
import { CATEGORY_SYSTEM, DISPOSITION_SYSTEM, EXT_TIER, REFERENCE_SYSTEM, REQUEST_ID_SYSTEM, RULE_SYSTEM, TIER_SYSTEM } from '../codes.js';
import type { BuildContext } from './context.js';
import { ownCoding, practiceReference, snomedCoding } from './context.js';

/**
 * FHIR request-priority is ordered routine < urgent < asap < stat. Our 'urgent' tier means "a
 * clinician should look today" (same-day call-back), which is FHIR 'urgent'; 'asap' would rank it
 * just under an emergency and compress the queue. 'stat' is reserved for emergencies.
 */
export const PRIORITY_BY_TIER: Readonly<Record<Tier, NonNullable<ServiceRequest['priority']>>> = {
  emergency: 'stat',
  urgent: 'urgent',
  routine: 'routine',
  selfcare: 'routine',
};

/** Admin requests (fit notes, letters, registrations) go to admin staff, not the clinical queue. */
export const categoryOf = (need: NeedCode): 'clinical' | 'admin' => (need === 'need.admin' ? 'admin' : 'clinical');

export const DIVERSION_NOTICE =
  'EMERGENCY DIVERSION - FOR AWARENESS ONLY. The patient was told to get emergency help at once ' +
  '(disposition: %s). No action by the practice is expected or relied on; this record exists for audit and continuity.';

/** SNOMED codes used as reasons: findings/situations only, so a disorder code never reads as a diagnosis. */
function reasonCodes(ctx: BuildContext): CodeableConcept[] {
  const ids = new Set<string>([...ctx.request.triage.ruleIds, ...ctx.request.redFlags.filter((f) => f.present).map((f) => f.ruleId)]);
  const out: CodeableConcept[] = [];
  for (const id of ids) {
    const e = ctx.snomed.get(id);
    const coding = [{ system: RULE_SYSTEM, code: id }];
    if (e?.fsn && /\((finding|situation)\)$/.test(e.fsn)) out.push({ coding: [snomedCoding(e), ...coding], text: e.term });
    else out.push({ coding, text: `Triage rule ${id}` });
  }
  return out;
}

export function buildServiceRequest(ctx: BuildContext, flagRefs: Reference[]): ServiceRequest {
  const r = ctx.request;
  const t = r.triage;
  const category = categoryOf(r.need);
  const needSnomed = ctx.snomed.get(r.need);
  const ruleText = t.ruleIds.length
    ? t.rules.map((x) => `${x.id} v${x.version}`).join(', ') || t.ruleIds.join(', ')
    : 'none (default tier)';
  const notes = [
    { time: r.submittedAt, text: `Urgency tier: ${t.tier}; disposition: ${t.disposition}; set by rules: ${ruleText}; ruleset ${t.rulesetVersion}.` },
  ];
  if (ctx.diversion) notes.unshift({ time: r.submittedAt, text: DIVERSION_NOTICE.replace('%s', t.disposition) });
  if (r.queuedUntil) notes.push({ time: r.submittedAt, text: `Queued while the practice was closed, until ${r.queuedUntil}.` });
  const performer = practiceReference(ctx);

  return {
    resourceType: 'ServiceRequest',
    id: ctx.uuid('service-request'),
    extension: [{ url: EXT_TIER, valueCoding: { system: TIER_SYSTEM, code: t.tier } }],
    identifier: [
      { system: REQUEST_ID_SYSTEM, value: r.id },
      { system: REFERENCE_SYSTEM, value: r.reference },
    ],
    // A diversion has nothing left for the practice to do, so it is never 'active' work.
    status: ctx.diversion || r.status === 'closed' ? 'completed' : 'active',
    // 'proposal': the patient asks; the practice decides whether and how to act. 'order' would
    // claim an authorised requester placing an order, which a patient is not.
    intent: 'proposal',
    category: [{ coding: [{ system: CATEGORY_SYSTEM, code: category, display: category === 'admin' ? 'Administrative request' : 'Clinical request' }] }],
    priority: PRIORITY_BY_TIER[t.tier],
    code: {
      coding: [ownCoding(ctx, r.need), ...(needSnomed ? [snomedCoding(needSnomed)] : [])],
      text: ctx.english(`choice.${r.need}`) ?? r.need,
    },
    orderDetail: [{ coding: [{ system: DISPOSITION_SYSTEM, code: t.disposition }], text: `Disposition given to the patient: ${t.disposition}` }],
    subject: ctx.ref('patient'),
    encounter: ctx.ref('encounter'),
    authoredOn: r.submittedAt,
    // The reply-by time is the end of the period in which the practice is to act on the request
    // (occurrencePeriod: "when the service should happen"); no extension is needed for it.
    ...(r.respondBy && !ctx.diversion ? { occurrencePeriod: { start: r.submittedAt, end: r.respondBy } } : {}),
    requester: r.subject.who === 'for.other' ? ctx.ref('related-person') : ctx.ref('patient'),
    ...(performer ? { performer: [performer] } : {}),
    reasonCode: reasonCodes(ctx),
    supportingInfo: [ctx.ref('questionnaire-response'), ...flagRefs],
    note: notes,
  };
}
