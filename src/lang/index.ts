/** Public surface of the language module. */
export { loadLanguages, parseLanguages, byCode, byBcp47, isRtl, codes, LanguageRegistryError, type Language } from './registry.js';
export { detectLanguage, type Detection, type DetectOptions, type DetectReason } from './detect.js';
export { chooseLanguage, answerOffer, initialLanguageState, type LanguageState, type LanguageMessage, type LanguageDecision } from './policy.js';
export { parseLanguageChoice } from './choice.js';
export { localeToLang } from './locale.js';
export { BUILTIN_LANGUAGES, BUILTIN_CODES } from './builtin.js';
