import { join } from 'node:path';
import { loadResources, type LocaleTree } from '../../src/i18n/resources.js';
import { loadLanguages } from '../../src/lang/registry.js';

/**
 * Every language has every English string, with the same placeholders, and the plural forms its
 * own plural rules need. A missing key would make i18next fall back to English mid-conversation.
 */
const root = join(import.meta.dirname, '..', '..');
const resources = loadResources(join(root, 'locales'));
const languages = loadLanguages(join(root, 'locales', 'languages.json'));
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: LocaleTree, prefix = ''): Map<string, string | string[]> {
  const out = new Map<string, string | string[]>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string' || Array.isArray(v)) out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();
const english = flatten(resources.en ?? {});

/** English keys grouped: plain keys and plural bases. Arrays (typed synonyms) are optional per language. */
const plain = [...english].filter(([k, v]) => typeof v === 'string' && !PLURAL.test(k)).map(([k]) => k);
const pluralBases = [...new Set([...english.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')))];

describe.each(languages.filter((l) => l.bcp47 !== 'en').map((l) => [l.bcp47, l] as const))('locale %s', (tag) => {
  const tree = resources[tag];
  const own = flatten(tree ?? {});

  it('has a folder of texts', () => {
    expect(tree).toBeDefined();
  });

  it('has every English string with the same placeholders', () => {
    const problems: string[] = [];
    for (const key of plain) {
      const value = own.get(key);
      if (typeof value !== 'string' || value.trim() === '') problems.push(`missing ${key}`);
      else if (placeholders(value).join() !== placeholders(english.get(key) as string).join()) problems.push(`placeholders differ in ${key}`);
    }
    expect(problems).toEqual([]);
  });

  it('has the plural forms its language needs', () => {
    const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
    const problems: string[] = [];
    for (const base of pluralBases) {
      const englishVars = placeholders((english.get(`${base}_other`) as string) ?? '');
      for (const cat of categories) {
        const value = own.get(`${base}_${cat}`);
        if (typeof value !== 'string') problems.push(`missing ${base}_${cat}`);
        else if (placeholders(value).filter((p) => p !== 'count').join() !== englishVars.filter((p) => p !== 'count').join())
          problems.push(`placeholders differ in ${base}_${cat}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('leaves no English sentence untranslated (a copied placeholder)', () => {
    const copied = plain.filter((key) => {
      const en = english.get(key) as string;
      return en.split(/\s+/).length >= 4 && own.get(key) === en;
    });
    expect(copied).toEqual([]);
  });

  it('has typed words for every command', () => {
    const missing = [...english.keys()].filter((k) => k.startsWith('command.') && !Array.isArray(own.get(k)));
    expect(missing).toEqual([]);
  });

  it('has no keys that English does not have', () => {
    const extra = [...own.keys()].filter((k) => !english.has(k) && !(PLURAL.test(k) && pluralBases.includes(k.replace(PLURAL, ''))) && !k.startsWith('choiceSyn.'));
    expect(extra).toEqual([]);
  });
});

describe('language registry', () => {
  it('records for each language whether a fluent speaker has reviewed it', () => {
    for (const l of languages) expect(typeof l.reviewedByFluentSpeaker).toBe('boolean');
  });
});
