import type { Encounter } from 'fhir/r4.js';
import type { BuildContext } from './context.js';
import { practiceReference, snomedCoding } from './context.js';

/** The online consultation itself: class VR (virtual), typed with the eConsultation code when known. */
export function buildEncounter(ctx: BuildContext): Encounter {
  const online = ctx.snomed.get('encounter.online');
  const provider = practiceReference(ctx);
  return {
    resourceType: 'Encounter',
    id: ctx.uuid('encounter'),
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'VR', display: 'virtual' },
    ...(online ? { type: [{ coding: [snomedCoding(online)], text: online.term }] } : {}),
    subject: ctx.ref('patient'),
    period: { start: ctx.request.createdAt, end: ctx.request.submittedAt },
    ...(provider ? { serviceProvider: provider } : {}),
  };
}
