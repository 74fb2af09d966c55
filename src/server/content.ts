import { join } from 'node:path';
import { loadIntakeContent, type IntakeContent } from '../dialog/content.js';
import { createI18n } from '../i18n/i18n.js';
import { loadResources, type Resources } from '../i18n/resources.js';
import { loadLanguages, type Language } from '../lang/registry.js';
import { createTriageEngine, loadTriageContent, type ExplainingTriageEngine } from '../triage/index.js';

export interface Content {
  intake: IntakeContent;
  triage: ExplainingTriageEngine;
  languages: readonly Language[];
  resources: Resources;
  i18n: ReturnType<typeof createI18n>;
}

/**
 * Loads and validates all content (dialogs/ and locales/) once at start-up. Any problem throws an
 * Error naming the file and field, and the process does not start.
 */
export function loadContent(root: string): Content {
  const languages = loadLanguages(join(root, 'locales', 'languages.json'));
  const resources = loadResources(join(root, 'locales'));
  if (!resources.en) throw new Error(`${join(root, 'locales', 'en')}: English texts are missing`);
  const intake = loadIntakeContent(join(root, 'dialogs', 'intake.json'));
  const triage = loadTriageContent(join(root, 'dialogs'));
  // The tier policy reads answers of an intake step (hazard H56): each must be one of that step's choices.
  const long = triage.tierPolicy?.longStanding;
  for (const code of long?.answers ?? []) {
    const step = long?.step ?? 'duration';
    if (!intake.steps[step]?.choices?.includes(code)) {
      throw new Error(`triage content safety/tierPolicy.json: invalid\n  at longStanding.answers: ${code} is not a choice of the intake step ${step}`);
    }
  }
  return {
    intake,
    triage: createTriageEngine(triage),
    languages,
    resources,
    i18n: createI18n(resources),
  };
}
