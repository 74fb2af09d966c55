import i18next, { type i18n } from 'i18next';
import type { Resources } from './resources.js';

/**
 * One i18next instance for the whole process. Output is plain text (Bot Framework activities,
 * rendered with textContent in the web chat), so i18next's HTML escaping is off here and every
 * surface that builds HTML escapes for itself.
 */
export function createI18n(resources: Resources): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources: Object.fromEntries(Object.entries(resources).map(([tag, tree]) => [tag, { translation: tree }])),
    lng: 'en',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
