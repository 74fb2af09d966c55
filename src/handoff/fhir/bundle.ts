import type { Bundle, BundleEntry, FhirResource, Reference } from 'fhir/r4.js';
import type { IntakeRequest } from '../../domain/types.js';
import { REQUEST_ID_SYSTEM, TAG_SYSTEM } from '../codes.js';
import { loadSnomedTable, snomedLookup, type SnomedLookup, type SnomedTable } from '../snomed.js';
import { createContext } from './context.js';
import { buildEncounter } from './encounter.js';
import { buildFlags } from './flags.js';
import { urn } from './ids.js';
import { buildPatient } from './patient.js';
import { buildProvenance } from './provenance.js';
import { buildQuestionnaireResponse } from './questionnaireResponse.js';
import { buildRelatedPerson } from './relatedPerson.js';
import { buildServiceRequest } from './serviceRequest.js';

export interface ToFhirOptions {
  /** ODS code of the receiving practice; falls back to request.practiceOds. */
  practiceOds?: string;
  /** English text for a message key (i18next `t` bound to 'en'); a missing key may return the key. */
  englishText: (key: string) => string;
  /** Curated SNOMED table; defaults to dialogs/snomed.json (loaded once). */
  snomed?: SnomedTable;
}

let defaultLookup: SnomedLookup | undefined;

/**
 * One IntakeRequest -> one FHIR R4 Bundle of type 'collection'.
 *
 * Why 'collection' and not 'transaction': the receiver is a webhook, not necessarily a FHIR server;
 * a transaction would instruct it to create resources (with request entries and method/url) and
 * would fail as a whole on the first rejected resource. A collection is a self-contained record the
 * receiver may store, file, or map into its own system. All references are urn:uuid fullUrls inside
 * the bundle, and the uuids are stable per request, so a redelivery is byte-for-byte the same record.
 * (BaRS uses a 'message' bundle with a MessageHeader; that is the route to national messaging later.)
 */
export function toFhirBundle(request: IntakeRequest, opts: ToFhirOptions): Bundle {
  const snomed = opts.snomed ? snomedLookup(opts.snomed) : (defaultLookup ??= snomedLookup(loadSnomedTable()));
  const ctx = createContext(request, { practiceOds: opts.practiceOds, englishText: opts.englishText, snomed });

  const resources: { role: string; resource: FhirResource }[] = [];
  const flags = buildFlags(ctx);
  const relatedPerson = buildRelatedPerson(ctx);
  resources.push({ role: 'service-request', resource: buildServiceRequest(ctx, flags.map((f) => ctx.ref(f.role))) });
  resources.push({ role: 'patient', resource: buildPatient(ctx) });
  if (relatedPerson) resources.push({ role: 'related-person', resource: relatedPerson });
  resources.push({ role: 'encounter', resource: buildEncounter(ctx) });
  resources.push({ role: 'questionnaire-response', resource: buildQuestionnaireResponse(ctx) });
  for (const f of flags) resources.push({ role: f.role, resource: f.flag });
  const targets: Reference[] = resources.map((r) => ctx.ref(r.role));
  resources.push({ role: 'provenance', resource: buildProvenance(ctx, targets) });

  const entry: BundleEntry[] = resources.map((r) => ({ fullUrl: urn(ctx.uuid(r.role)), resource: r.resource }));
  const tag = ctx.diversion
    ? { system: TAG_SYSTEM, code: 'emergency-diversion', display: 'Emergency diversion: for awareness only, no action expected from the practice' }
    : { system: TAG_SYSTEM, code: 'intake-request', display: 'Online consultation request for the practice' };

  return {
    resourceType: 'Bundle',
    id: ctx.uuid('bundle'),
    meta: { tag: [tag] },
    identifier: { system: REQUEST_ID_SYSTEM, value: request.id },
    type: 'collection',
    timestamp: request.submittedAt,
    entry,
  };
}
