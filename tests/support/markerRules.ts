/**
 * Checks shared by the tests of rule files built from single-concept markers (cx.*) and the combinations of
 * them that raise a rule (dialogs/redflags/kinds_round17b.json, kinds_round19a.json, ...): every marker has
 * words in all 20 languages, no marker alone raises a rule, each combination raises its rule in every language,
 * and the file's own patient phrases raise (or do not raise) its rules. Each helper registers `it` blocks inside
 * the caller's `describe`; the test file keeps only its own data.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { decideText } from './triage.js';

/** The 20 languages every marker must have words in (a fixed list, so that a language lost from content fails). */
export const LANGS = ['eng', 'cym', 'fra', 'spa', 'por', 'ita', 'ron', 'pol', 'lit', 'ukr', 'tur', 'arb', 'pes', 'som', 'pan', 'urd', 'ben', 'guj', 'tam', 'cmn'] as const;

/** A rule or marker as written in dialogs/redflags/*.json (the fields these tests read). */
export interface MarkerRule {
  id: string;
  marker?: boolean;
  tier?: string;
  triggers?: Record<string, string[]>;
  when?: { all: string[]; none?: string[] }[];
  source?: { url: string; section?: string };
}

const DIR = 'dialogs/redflags';
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** The rules of one file in dialogs/redflags. */
export const loadRules = (file: string): MarkerRule[] => readJson<{ rules: MarkerRule[] }>(`${DIR}/${file}`).rules;

/** Every rule's trigger words by language: inline in the rule files, else from dialogs/redflags/triggers/<lang>.json. */
const triggersByRule = (() => {
  const byRule = new Map<string, Record<string, string[]>>();
  for (const f of readdirSync(DIR).filter((n) => n.endsWith('.json'))) {
    for (const r of readJson<{ rules?: MarkerRule[] }>(`${DIR}/${f}`).rules ?? []) if (r.triggers) byRule.set(r.id, r.triggers);
  }
  const perLang = `${DIR}/triggers`;
  for (const f of existsSync(perLang) ? readdirSync(perLang).filter((n) => n.endsWith('.json')) : []) {
    const file = readJson<{ lang: string; triggers: Record<string, string[]> }>(`${perLang}/${f}`);
    for (const [id, list] of Object.entries(file.triggers)) {
      const t = byRule.get(id) ?? {};
      if (!t[file.lang]?.length) t[file.lang] = list;
      byRule.set(id, t);
    }
  }
  return byRule;
})();

/** The first trigger phrase of any rule or marker in one language. */
export const firstPhrase = (id: string, lang: string): string => triggersByRule.get(id)?.[lang]?.[0] as string;

/** What one message alone raises, in its own language, kept to the rules whose ids start with `prefix`. */
export type Fired = (text: string, lang: string, age?: number) => string[];
export const firedWithPrefix = (prefix: string): Fired => (text, lang, age) =>
  decideText(text, lang, age).ruleIds.filter((id) => id.startsWith(prefix));

/**
 * One test a rule: it has trigger words in each of the 20 languages (the language named when one is missing).
 * `also` adds the file's own checks on that rule.
 */
export const itHasWordsInEveryLanguage = (rules: readonly MarkerRule[], also?: (rule: MarkerRule) => void): void => {
  it.each(rules.map((r) => [r.id, r] as const))('%s', (_id, r) => {
    for (const lang of LANGS) expect([lang, r.triggers?.[lang]?.length]).toEqual([lang, expect.any(Number)]);
    for (const lang of LANGS) expect(r.triggers?.[lang]?.length).toBeGreaterThan(0);
    also?.(r);
  });
};

/** One test: the first words of each marker, alone, raise none of the rules `fired` keeps, in any language. */
export const itRaisesNothingFromOneMarker = (title: string, markers: readonly MarkerRule[], fired: Fired, age?: number): void => {
  it(title, () => {
    for (const r of markers) for (const lang of LANGS) expect([r.id, lang, fired(firstPhrase(r.id, lang), lang, age)]).toEqual([r.id, lang, []]);
  });
};

/** A rule and the markers whose first words, told together, must raise it (at an age, when the rule needs one). */
export interface Combination { rule: string; markers: readonly string[]; age?: number }

/** The combinations a rule file declares in its `when` lists. */
export const combinationsOf = (rules: readonly MarkerRule[]): Combination[] =>
  rules.flatMap((r) => (r.when ?? []).map((w) => ({ rule: r.id, markers: w.all })));

/**
 * One test a language: the first words of each combination's markers, joined by `joiner`, raise its rule, told at
 * the combination's age, else at `age` (else with no age).
 */
export const itRaisesEachCombination = (combos: readonly Combination[], fired: Fired, { joiner, age }: { joiner: string; age?: number }): void => {
  it.each(LANGS)('%s', (lang) => {
    for (const c of combos) {
      const text = c.markers.map((m) => firstPhrase(m, lang)).join(joiner);
      expect([c.rule, c.markers, text, fired(text, lang, c.age ?? age)]).toEqual([c.rule, c.markers, text, expect.arrayContaining([c.rule])]);
    }
  });
};

/** [language, rule expected (or '' for none of the rules `fired` keeps), age or 0, patient's own words]. */
export type PhraseCase = [string, string, number, string];

/** One test a phrase: it raises its rule, or (rule '') none of the rules `fired` keeps. */
export const itReadsEachPhrase = (cases: readonly PhraseCase[], fired: Fired): void => {
  it.each(cases)('%s %s (age %s): %s', (lang, rule, age, text) => {
    const got = fired(text, lang, age || undefined);
    if (rule) expect(got).toContain(rule);
    else expect(got).toEqual([]);
  });
};
