import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { byBcp47, byCode, isRtl, loadLanguages, LanguageRegistryError } from '../../src/lang/registry.js';

const languages = loadLanguages('locales/languages.json');

describe('language registry', () => {
  test('holds the 20 supported languages, none yet reviewed by a fluent speaker', () => {
    expect(languages.map((l) => l.code).sort()).toEqual(
      ['arb', 'ben', 'cmn', 'cym', 'eng', 'fra', 'guj', 'ita', 'lit', 'pan', 'pes', 'pol', 'por', 'ron', 'som', 'spa', 'tam', 'tur', 'ukr', 'urd'],
    );
    expect(languages.every((l) => l.reviewedByFluentSpeaker === false)).toBe(true);
  });

  test('marks exactly Arabic, Urdu and Persian as right to left', () => {
    expect(languages.filter((l) => l.dir === 'rtl').map((l) => l.code).sort()).toEqual(['arb', 'pes', 'urd']);
    expect(isRtl(languages, 'urd')).toBe(true);
    expect(isRtl(languages, 'pol')).toBe(false);
    expect(isRtl(languages, 'xxx')).toBe(false);
  });

  test('every bcp47 tag is accepted by Intl', () => {
    for (const l of languages) expect(Intl.getCanonicalLocales(l.bcp47)).toEqual([l.bcp47]);
  });

  test('finds languages by code and by BCP 47 tag', () => {
    expect(byCode(languages, 'pan')?.bcp47).toBe('pa-Guru');
    expect(byBcp47(languages, 'zh-hans')?.code).toBe('cmn');
    expect(byBcp47(languages, 'de')).toBeUndefined();
  });

  test('rejects a registry with a duplicate code, naming the problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lang-'));
    const path = join(dir, 'languages.json');
    const entry = { code: 'eng', bcp47: 'en', endonym: 'English', englishName: 'English', dir: 'ltr', script: 'Latn', reviewedByFluentSpeaker: false };
    writeFileSync(path, JSON.stringify({ languages: [entry, { ...entry, bcp47: 'en-GB' }] }));
    expect(() => loadLanguages(path)).toThrow(LanguageRegistryError);
    expect(() => loadLanguages(path)).toThrow(/duplicate code eng/);
  });

  test('rejects a missing file with a typed error', () => {
    expect(() => loadLanguages('/nonexistent/languages.json')).toThrow(LanguageRegistryError);
  });
});
