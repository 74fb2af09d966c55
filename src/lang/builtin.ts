/**
 * The registry shipped in locales/languages.json, validated when first imported, for code that
 * needs the supported set without a file path (detection defaults, tests, bench).
 * The running bot should still call loadLanguages(path) from its composition root.
 */
import raw from '../../locales/languages.json' with { type: 'json' };
import { codes, parseLanguages, type Language } from './registry.js';
import type { LangCode } from '../domain/types.js';

export const BUILTIN_LANGUAGES: readonly Language[] = parseLanguages(raw, 'locales/languages.json');
export const BUILTIN_CODES: readonly LangCode[] = Object.freeze(codes(BUILTIN_LANGUAGES));
