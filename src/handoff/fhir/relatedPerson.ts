import type { Coding, RelatedPerson } from 'fhir/r4.js';
import type { BuildContext } from './context.js';
import { ownCoding } from './context.js';

const V3_ROLE = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';

/**
 * Our relationship codes say who the PATIENT is to the writer ("for my child" = rel.child).
 * RelatedPerson.relationship says who the WRITER is to the patient, hence the inversion.
 * Only unambiguous inversions are mapped; anything else keeps our own code only.
 */
const WRITER_ROLE: Readonly<Record<string, Coding>> = {
  'rel.child': { system: V3_ROLE, code: 'PRN', display: 'parent' },
  'rel.parent': { system: V3_ROLE, code: 'CHILD', display: 'child' },
  'rel.spouse': { system: V3_ROLE, code: 'SPS', display: 'spouse' },
  'rel.partner': { system: V3_ROLE, code: 'SIGOTHR', display: 'significant other' },
  'rel.friend': { system: V3_ROLE, code: 'FRND', display: 'unrelated friend' },
};

export function buildRelatedPerson(ctx: BuildContext): RelatedPerson | undefined {
  const s = ctx.request.subject;
  if (s.who !== 'for.other') return undefined;
  const coding: Coding[] = [];
  if (s.relationship) {
    coding.push(ownCoding(ctx, s.relationship));
    const v3 = WRITER_ROLE[s.relationship];
    if (v3) coding.push(v3);
  }
  const patientIs = s.relationship ? ctx.english(`choice.${s.relationship}`) ?? s.relationship : 'someone else';
  return {
    resourceType: 'RelatedPerson',
    id: ctx.uuid('related-person'),
    patient: ctx.ref('patient'),
    relationship: [{ ...(coding.length ? { coding } : {}), text: `Request written on the patient's behalf (patient is: ${patientIs})` }],
  };
}
