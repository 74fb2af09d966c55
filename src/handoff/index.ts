export * from './fhir/index.js';
export * from './delivery/index.js';
export { loadSnomedTable, type SnomedTable } from './snomed.js';
