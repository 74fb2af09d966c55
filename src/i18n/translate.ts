import type { i18n } from 'i18next';

export type TranslateParams = Readonly<Record<string, string | number>>;
export type Translate = (key: string, lng: string, params?: TranslateParams) => string;

/** A resolved string as i18next stores it, sorted by what filling it in takes. */
type Template =
  | { kind: 'plain'; text: string }
  | { kind: 'simple'; parts: readonly string[] } // text, name, text, name, …, text
  | { kind: 'i18next' };

/** Option names i18next reads from t()'s second argument: a parameter so named changes the lookup. */
const RESERVED = new Set([
  'lng', 'lngs', 'ns', 'count', 'context', 'ordinal', 'defaultValue', 'fallbackLng', 'keyPrefix', 'replace',
  'interpolation', 'skipInterpolation', 'nest', 'postProcess', 'returnObjects', 'returnDetails', 'joinArrays',
  'keySeparator', 'nsSeparator', 'missingInterpolationHandler', 'appendNamespaceToMissingKey',
]);
const MARKUP = /\{\{|\$t\(/;
const NAMED = /\{\{(\w+)\}\}/;

function templateOf(raw: string): Template {
  if (!MARKUP.test(raw)) return { kind: 'plain', text: raw };
  const parts = raw.split(NAMED);
  // Formats, nesting, spaces or the unescaped prefix: leave those to i18next.
  if (parts.some((p, i) => i % 2 === 0 && MARKUP.test(p))) return { kind: 'i18next' };
  return { kind: 'simple', parts };
}

/**
 * i18next's t() costs several µs a call, mostly finding the key; a turn makes a few calls and the
 * review summary dozens. Each (language, key) is resolved once (resources do not change after
 * start-up). Only what i18next itself would produce is returned: a string without placeholders as
 * it is, and `{{name}}` placeholders filled with the parameter given, as i18next does with
 * escapeValue off and skipOnVariables on (filled values are never interpolated or nested again).
 * Anything else (plurals, formats, nesting, a missing parameter) goes to i18next. Only templates are
 * kept, never filled-in text, so no patient data is cached.
 */
export function createTranslate(i18n: i18n): Translate {
  const templates = new Map<string, Template>();
  const fallback = (key: string, lng: string, params?: TranslateParams) => i18n.t(key, { lng, ...params });

  return function translate(key, lng, params) {
    if (params) for (const name in params) if (RESERVED.has(name)) return fallback(key, lng, params);
    const id = `${lng}\u0000${key}`;
    let template = templates.get(id);
    if (!template) {
      const raw: unknown = i18n.t(key, { lng, skipInterpolation: true });
      template = typeof raw === 'string' ? templateOf(raw) : { kind: 'i18next' };
      templates.set(id, template);
    }
    if (template.kind === 'plain') return template.text;
    if (template.kind === 'i18next' || !params) return fallback(key, lng, params);
    let out = '';
    for (let i = 0; i < template.parts.length; i++) {
      const part = template.parts[i] as string;
      if (i % 2 === 0) {
        out += part;
        continue;
      }
      const value = params[part];
      if (typeof value !== 'string' && typeof value !== 'number') return fallback(key, lng, params);
      out += String(value);
    }
    return out;
  };
}
