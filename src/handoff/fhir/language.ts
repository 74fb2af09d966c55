import type { LangCode } from '../../domain/types.js';

/**
 * franc (ISO 639-3) -> BCP-47. BCP-47 requires the ISO 639-1 two-letter code where one exists,
 * so the common ones are mapped; a 639-3 code with no 639-1 equivalent is itself valid BCP-47.
 */
const TO_BCP47: Readonly<Record<string, string>> = {
  eng: 'en', cym: 'cy', gla: 'gd', gle: 'ga', pol: 'pl', ron: 'ro', lit: 'lt', lav: 'lv', por: 'pt',
  spa: 'es', fra: 'fr', ita: 'it', deu: 'de', nld: 'nl', tur: 'tr', rus: 'ru', ukr: 'uk', bul: 'bg',
  slk: 'sk', ces: 'cs', hun: 'hu', ell: 'el', alb: 'sq', sqi: 'sq', arb: 'ar', ara: 'ar', urd: 'ur',
  pan: 'pa', ben: 'bn', guj: 'gu', tam: 'ta', hin: 'hi', mar: 'mr', tel: 'te', mal: 'ml', cmn: 'zh',
  zho: 'zh', yue: 'yue', fas: 'fa', pes: 'fa', prs: 'prs', pus: 'ps', pbu: 'ps', kur: 'ku', ckb: 'ckb',
  som: 'so', amh: 'am', tir: 'ti', swh: 'sw', swa: 'sw', yor: 'yo', ibo: 'ig', hau: 'ha', vie: 'vi',
  tha: 'th', tgl: 'tl', heb: 'he', und: 'und',
};

export function toBcp47(lang: LangCode): string {
  const key = lang.trim().toLowerCase();
  if (TO_BCP47[key]) return TO_BCP47[key];
  // Already a 2-letter (or region-tagged) BCP-47 tag, or a 639-3 code without a 639-1 form.
  return /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang.trim()) ? lang.trim() : 'und';
}

const ENGLISH_NAMES: Readonly<Record<string, string>> = {
  en: 'English', cy: 'Welsh', pl: 'Polish', ro: 'Romanian', lt: 'Lithuanian', pt: 'Portuguese', es: 'Spanish',
  fr: 'French', it: 'Italian', de: 'German', tr: 'Turkish', ru: 'Russian', uk: 'Ukrainian', bg: 'Bulgarian',
  ar: 'Arabic', ur: 'Urdu', pa: 'Punjabi', bn: 'Bengali', gu: 'Gujarati', ta: 'Tamil', hi: 'Hindi',
  zh: 'Chinese', fa: 'Persian', ps: 'Pashto', ku: 'Kurdish', so: 'Somali', am: 'Amharic', ti: 'Tigrinya',
  und: 'Undetermined',
};

/** English name for display in item text; falls back to the tag itself. */
export function languageName(bcp47: string): string {
  return ENGLISH_NAMES[bcp47] ?? bcp47;
}
