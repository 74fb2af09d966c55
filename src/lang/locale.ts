/** Maps a channel's activity.locale (a BCP 47 tag such as 'pl-PL') to a supported language code. */
import type { LangCode } from '../domain/types.js';
import type { Language } from './registry.js';

/**
 * Tags whose primary subtag matches a supported language but whose written form the patient
 * probably cannot read: Punjabi in Shahmukhi (Pakistan) is not our Gurmukhi Punjabi.
 */
const NOT_READABLE = [/^pa-(arab|pk)\b/];

export function localeToLang(locale: string | undefined | null, languages: readonly Language[]): LangCode | null {
  if (!locale) return null;
  const tag = locale.trim().replace(/_/g, '-').toLowerCase();
  if (tag === '' || NOT_READABLE.some((re) => re.test(tag))) return null;
  const exact = languages.find((l) => l.bcp47.toLowerCase() === tag);
  if (exact) return exact.code;
  const primary = tag.split('-')[0];
  // zh-TW / zh-Hant readers get Simplified Chinese: better than English, and the menu offers no Traditional.
  const match = languages.find((l) => l.bcp47.toLowerCase().split('-')[0] === primary);
  return match ? match.code : null;
}
