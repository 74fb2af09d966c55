/** Public entry points of the triage engine. */
export { createTriageEngine, type ExplainingTriageEngine } from './engine.js';
export { loadTriageContent } from './loadContent.js';
export type { TriageContent } from './contentSchema.js';
export type { Occurrence, OccurrenceStatus } from './screen.js';
