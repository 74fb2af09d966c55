import { createTranslate, type TranslateParams } from '../../src/i18n/translate.js';
import type { LocaleTree } from '../../src/i18n/resources.js';
import { content } from '../support/dialog.js';

/** The renderer's translate must say exactly what i18next's t() says, for every string we have. */
const { i18n, resources } = content;

function keysOf(tree: LocaleTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    return typeof v === 'string' ? [key] : Array.isArray(v) ? [] : keysOf(v, key);
  });
}

const english = keysOf(resources.en ?? {});
const names = (key: string, lng: string) =>
  [...String(i18n.t(key, { lng, skipInterpolation: true })).matchAll(/\{\{-?\s*([\w.]+)/g)].map((m) => m[1] as string);

/** Values that would change the output if they were interpolated or nested again. */
const TRICKY = ['Anna', '$& $1', '{{practice}}', '$t(dialog.help)', '{{- phone}}'];

describe('translate', () => {
  const translate = createTranslate(i18n);

  it.each(Object.keys(resources))('says what i18next says for every key in %s', (lng) => {
    const mismatches: string[] = [];
    const keys = [...new Set([...english, ...keysOf(resources[lng] ?? {})])];
    for (const key of keys) {
      const placeholders = names(key, lng);
      const variants: (TranslateParams | undefined)[] = [undefined, {}, { practice: 'Test Surgery', count: 3 }];
      for (const value of TRICKY) variants.push(Object.fromEntries(placeholders.map((n) => [n, value])));
      variants.push(Object.fromEntries(placeholders.map((n, i) => [n, i])));
      // One parameter missing: i18next decides what that looks like.
      if (placeholders.length > 0) variants.push(Object.fromEntries(placeholders.slice(1).map((n) => [n, 'x'])));
      for (const params of variants) {
        const ours = translate(key, lng, params);
        const theirs = i18n.t(key, { lng, ...params });
        if (ours !== theirs) mismatches.push(`${key} ${JSON.stringify(params)}: ${ours} != ${theirs}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('says what i18next says for a key that does not exist', () => {
    expect(translate('dialog.noSuchKey', 'en', { practice: 'x' })).toBe(i18n.t('dialog.noSuchKey', { lng: 'en', practice: 'x' }));
  });
});
