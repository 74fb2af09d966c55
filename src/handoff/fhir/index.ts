export { toFhirBundle, type ToFhirOptions } from './bundle.js';
export { PRIORITY_BY_TIER, categoryOf } from './serviceRequest.js';
export { stableUuid } from './ids.js';
export { toBcp47 } from './language.js';
