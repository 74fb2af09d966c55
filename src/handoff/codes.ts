/**
 * Our own code systems, identifier systems and extension URLs. They are stable public URLs of the
 * project so a receiving system can recognise where a code came from; change them only with a
 * version bump and a note in the README (practices may have mapped them).
 */
const BASE = 'https://github.com/gp-intake-bot';

/** Language-neutral answer codes ('yes', 'duration.days', 'need.admin', 'rel.child', ...). */
export const CODE_SYSTEM = `${BASE}/codes`;
/** Triage rule ids ('rf.chest_pain'); the version travels in Provenance and in notes. */
export const RULE_SYSTEM = `${BASE}/codes/rule`;
/** Our four urgency tiers (emergency/urgent/routine/selfcare). */
export const TIER_SYSTEM = `${BASE}/codes/tier`;
/** Dispositions (call_999, gp_same_day, ...). */
export const DISPOSITION_SYSTEM = `${BASE}/codes/disposition`;
/** clinical | admin. */
export const CATEGORY_SYSTEM = `${BASE}/codes/request-category`;
/** Bundle/resource tags (e.g. emergency-diversion). */
export const TAG_SYSTEM = `${BASE}/codes/tag`;

export const REQUEST_ID_SYSTEM = `${BASE}/id/request`;
export const REFERENCE_SYSTEM = `${BASE}/id/reference`;

export const EXT_TIER = `${BASE}/fhir/StructureDefinition/triage-tier`;
export const EXT_RULESET_VERSION = `${BASE}/fhir/StructureDefinition/ruleset-version`;
export const EXT_TEXT_LANGUAGE = `${BASE}/fhir/StructureDefinition/text-language`;

export const SNOMED_SYSTEM = 'http://snomed.info/sct';
export const BCP47_SYSTEM = 'urn:ietf:bcp:47';
export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
export const ODS_SYSTEM = 'https://fhir.nhs.uk/Id/ods-organization-code';
export const UKCORE_NHS_COMMUNICATION = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSCommunication';
export const UKCORE_NHS_NUMBER_VERIFICATION =
  'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus';
export const UKCORE_NHS_NUMBER_VERIFICATION_CS =
  'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland';
