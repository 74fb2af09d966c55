import type { ContactPoint, Extension, Patient } from 'fhir/r4.js';
import {
  BCP47_SYSTEM,
  NHS_NUMBER_SYSTEM,
  UKCORE_NHS_COMMUNICATION,
  UKCORE_NHS_NUMBER_VERIFICATION,
  UKCORE_NHS_NUMBER_VERIFICATION_CS,
} from '../codes.js';
import type { BuildContext } from './context.js';
import { languageName, toBcp47 } from './language.js';

/**
 * Patient as the patient (or the person writing for them) told us. Nothing here is traced against
 * PDS, so the NHS number carries UK Core verification status 02 "Number present but not traced".
 */
export function buildPatient(ctx: BuildContext): Patient {
  const p = ctx.request.patient;
  const lang = toBcp47(ctx.request.language);
  const langConcept = { coding: [{ system: BCP47_SYSTEM, code: lang, display: languageName(lang) }], text: languageName(lang) };
  const telecom: ContactPoint[] = [];
  if (p.phone) telecom.push({ system: p.contactMethod === 'contact.sms' ? 'sms' : 'phone', value: p.phone });

  const nhsCommunication: Extension = {
    url: UKCORE_NHS_COMMUNICATION,
    extension: [
      { url: 'language', valueCodeableConcept: langConcept },
      { url: 'preferred', valueBoolean: true },
      { url: 'interpreterRequired', valueBoolean: ctx.request.interpreterMayBeNeeded },
    ],
  };

  return {
    resourceType: 'Patient',
    id: ctx.uuid('patient'),
    extension: [nhsCommunication],
    ...(p.nhsNumber
      ? {
          identifier: [
            {
              extension: [
                {
                  url: UKCORE_NHS_NUMBER_VERIFICATION,
                  valueCodeableConcept: {
                    coding: [{ system: UKCORE_NHS_NUMBER_VERIFICATION_CS, code: '02', display: 'Number present but not traced' }],
                  },
                },
              ],
              system: NHS_NUMBER_SYSTEM,
              value: p.nhsNumber,
            },
          ],
        }
      : {}),
    // The bot collects the name as one free-text answer; splitting it into given/family would guess.
    ...(p.name ? { name: [{ use: 'usual', text: p.name }] } : {}),
    ...(telecom.length ? { telecom } : {}),
    ...(p.dateOfBirth ? { birthDate: p.dateOfBirth } : {}),
    ...(p.postcode ? { address: [{ use: 'home', postalCode: p.postcode }] } : {}),
    communication: [{ language: langConcept, preferred: true }],
  };
}
