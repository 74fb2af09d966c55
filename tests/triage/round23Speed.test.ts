import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLexicons } from '../../src/dialog/interpret/lexicon.js';
import { tokenise } from '../../src/dialog/interpret/tokens.js';
import { readYesNoTokens, readYesNoTokensUncached, unheld } from '../../src/dialog/interpret/yesNo.js';
import { createWordbook } from '../../src/i18n/wordbook.js';
import { loadContent } from '../../src/server/content.js';
import { gatherEvidence } from '../../src/triage/evidence.js';
import { loadTriageContent } from '../../src/triage/index.js';
import { buildQuestionIndex, effectOf } from '../../src/triage/questions.js';
import { readCombinationsPlainly } from '../support/combinations.js';
import type { RuleDef } from '../../src/triage/contentSchema.js';
import type { Picture, Screening } from '../../src/triage/types.js';

/**
 * Round 23 (hazard H97): the same readings, less CPU. gatherEvidence reads the answers' effects in
 * place and the combination rules from a copy compiled once per list (src/triage/evidence.ts); here
 * both are compared with the plain reading (effectOf, then the rules' `when` entries read as written).
 */
const content = loadTriageContent('dialogs');
const combinations = content.rules.filter((r) => r.when !== undefined);
const questions = buildQuestionIndex(content);
const noText = (): Screening => ({ hits: [], suppressed: [] });

/** The reading before the change: effectOf for every answer, then the combinations twice over. */
function reference(answers: Record<string, string>, presentIds: readonly string[], deniedIds: readonly string[], age: number | undefined, rules: readonly RuleDef[]) {
  const present = new Set(presentIds);
  const denied = new Set(deniedIds);
  for (const [qid, answer] of Object.entries(answers)) {
    const eff = effectOf(questions.get(qid), answer);
    eff.raise.forEach((id) => present.add(id));
    eff.deny.forEach((id) => denied.add(id));
  }
  readCombinationsPlainly(present, denied, age, rules);
  return { present: [...present], denied: [...denied] };
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('round 23: evidence read with fewer allocations (H97)', () => {
  const next = random(20261223);
  const pick = <T,>(from: readonly T[]): T => from[Math.floor(next() * from.length)] as T;
  const questionIds = [...questions.keys(), 'q.unknown'];
  const codesOf = (qid: string): string[] => [...(questions.get(qid)?.question.choices ?? []), 'yes', 'no', 'unsure', 'constructor', 'other'];
  const ruleIds = content.rules.map((r) => r.id);
  const inWhen = [...new Set(combinations.flatMap((r) => (r.when ?? []).flatMap((w) => [...w.all, ...(w.none ?? [])])))];
  const ages = [undefined, Number.NaN, 0, 0.5, 1, 4, 5, 12, 16, 18, 45, 70];

  it('makes the same rules present and denied, in the same order, as effectOf and the plain combination reading', () => {
    let differ = 0;
    let raisedByAnswers = 0;
    let fired = 0;
    for (let i = 0; i < 4000; i++) {
      const answers: Record<string, string> = {};
      for (let a = Math.floor(next() * 6); a > 0; a--) {
        const qid = pick(questionIds);
        answers[qid] = pick(codesOf(qid));
      }
      const present = Array.from({ length: Math.floor(next() * 6) }, () => pick(next() < 0.7 ? inWhen : ruleIds));
      const denied = Array.from({ length: Math.floor(next() * 2) }, () => pick(ruleIds));
      const age = pick(ages);
      const picture: Picture = { need: undefined, texts: [], answers, presentRuleIds: present, deniedRuleIds: denied, ...(age !== undefined ? { ageYears: age } : {}) };
      const expected = reference(answers, present, denied, age, combinations);
      const got = gatherEvidence(picture, noText, questions, combinations);
      // Order too: the decision takes the first of equally ranked rules.
      if ([...got.present].join() !== expected.present.join() || [...got.denied].join() !== expected.denied.join()) differ += 1;
      if (expected.present.length > new Set([...present, ...reference({}, present, denied, age, []).present]).size) raisedByAnswers += 1;
      if (expected.present.length > reference(answers, present, denied, age, []).present.length) fired += 1;
    }
    expect(differ).toBe(0);
    // The cases exercise both parts: answers that raise rules, and combinations that fire.
    expect(raisedByAnswers).toBeGreaterThan(100);
    expect(fired).toBeGreaterThan(100);
  });

  it('reads a list of rules the same the first time and from its compiled copy after', () => {
    // A fresh list object is compiled on first use; the second and third readings use the copy.
    const list = [...combinations];
    const picture: Picture = { need: undefined, texts: [], answers: {}, presentRuleIds: combinations.flatMap((r) => r.when?.[0]?.all ?? []).slice(0, 12), deniedRuleIds: [], ageYears: 3 };
    const first = [...gatherEvidence(picture, noText, questions, list).present];
    expect([...gatherEvidence(picture, noText, questions, list).present]).toEqual(first);
    expect([...gatherEvidence(picture, noText, questions, combinations).present]).toEqual(first);
    expect(first).toEqual(reference({}, picture.presentRuleIds, [], 3, combinations).present);
  });
});

describe('round 23: short answers\' yes/no readings kept per lexicon (H97)', () => {
  const projectRoot = join(import.meta.dirname, '..', '..');
  const all = loadContent(projectRoot);
  const words = createWordbook(all.resources, all.languages);
  const lexicon = createLexicons(words, (l) => words.bcp47(l));
  const langs = all.languages.map((l) => l.code);
  // Every other tuning phrasing of every step in every language (yes, no, not sure, durations,
  // names...), and the first word of every fourth: short answers of every kind (all of them would take minutes).
  const typed = JSON.parse(readFileSync(join(projectRoot, 'tests', 'dialog', 'typed', 'tuning.json'), 'utf8')) as {
    languages: Record<string, { openings: { text: string }[]; answers: Record<string, Record<string, string[]>> }>;
  };
  const texts = new Set<string>();
  for (const t of Object.values(typed.languages)) {
    for (const o of t.openings) texts.add(o.text);
    for (const byCode of Object.values(t.answers)) for (const list of Object.values(byCode)) for (const text of list) texts.add(text);
  }
  const tokenLists = [...texts].flatMap((text, i) => {
    if (i % 2 === 1) return [];
    const tokens = tokenise(text);
    return i % 4 === 0 ? [tokens, tokens.slice(0, 1)] : [tokens];
  });

  it('reads every short answer in every language as the uncached reading does, the first time and from the kept reading', () => {
    let differ = 0;
    let read = 0;
    const counts = { yes: 0, no: 0, unsure: 0, both: 0, none: 0 };
    for (const lang of langs) {
      const lex = lexicon(lang);
      for (const raw of tokenLists) {
        const tokens = unheld(raw, lex);
        const expected = readYesNoTokensUncached(tokens, lex);
        const first = readYesNoTokens(tokens, lex);
        const again = readYesNoTokens([...tokens], lex);
        for (const got of [first, again]) if (got.reading !== expected.reading || got.whole !== expected.whole) differ += 1;
        counts[expected.reading] += 1;
        read += 1;
      }
    }
    expect(differ).toBe(0);
    expect(read).toBeGreaterThan(5_000);
    // The phrasings exercise every reading.
    for (const n of Object.values(counts)) expect(n).toBeGreaterThan(50);
  });

  it('keeps readings apart by lexicon and by token list', () => {
    const eng = lexicon('eng');
    const pol = lexicon('pol');
    // "nie" is a no in Polish, nothing in English; "no" alone a false friend in Polish.
    expect(readYesNoTokens(['nie'], pol).reading).toBe(readYesNoTokensUncached(['nie'], pol).reading);
    expect(readYesNoTokens(['nie'], eng).reading).toBe(readYesNoTokensUncached(['nie'], eng).reading);
    expect(readYesNoTokens(['nie'], pol).reading).not.toBe(readYesNoTokens(['nie'], eng).reading);
    // Tokens joined differently are different answers ("not sure" is not "notsure").
    expect(readYesNoTokens(['not', 'sure'], eng).reading).toBe('unsure');
    expect(readYesNoTokens(['notsure'], eng).reading).toBe(readYesNoTokensUncached(['notsure'], eng).reading);
  });
});
