/**
 * Page texts from i18next. We read raw strings and do our own `{{name}}` substitution so the
 * result is the same whatever interpolation/escaping options the app's i18next instance has; the
 * page escapes everything itself. Missing keys fall back to English, then to the key.
 */
export type Lookup = (key: string, lng: string) => string | undefined;

/** The minimal part of an i18next instance we use (structural, so any i18next version fits). */
export interface I18nLike {
  getResource(lng: string, ns: string, key: string): unknown;
  options: { defaultNS?: unknown };
}

export function i18nextLookup(i18n: I18nLike): Lookup {
  const ns = typeof i18n.options.defaultNS === 'string' ? i18n.options.defaultNS : Array.isArray(i18n.options.defaultNS) && typeof i18n.options.defaultNS[0] === 'string' ? i18n.options.defaultNS[0] : 'translation';
  return (key, lng) => {
    const v = i18n.getResource(lng, ns, key);
    return typeof v === 'string' ? v : undefined;
  };
}

export const RTL_LANGUAGES = new Set(['ar', 'ur', 'fa', 'he', 'ps', 'sd', 'ckb', 'yi', 'dv']);
export const BCP47 = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;

export interface Texts {
  /** Language the page chrome is actually in (html lang). */
  lang: string;
  dir: 'ltr' | 'rtl';
  t(key: string, params?: Record<string, string | number>): string;
}

/** Chooses the chrome language: the requested tag, its primary subtag, or 'en' when we have no texts for it. */
export function textsFor(lookup: Lookup, requested: string, params: Record<string, string | number>): Texts {
  const candidates = [requested, requested.split('-')[0] ?? '', 'en'].filter((l) => l && BCP47.test(l));
  const lang = candidates.find((l) => lookup('webchat.emergency.heading', l) !== undefined) ?? 'en';
  return {
    lang,
    dir: RTL_LANGUAGES.has(lang.split('-')[0] ?? '') ? 'rtl' : 'ltr',
    t: (key, extra) => {
      const raw = lookup(`webchat.${key}`, lang) ?? lookup(`webchat.${key}`, 'en') ?? `webchat.${key}`;
      const all: Record<string, string | number> = { ...params, ...extra };
      return raw.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name: string) => (name in all ? String(all[name]) : m));
    },
  };
}
