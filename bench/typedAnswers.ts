/**
 * Typed answers read one question at a time through the dialog's own reader (the one the
 * statechart uses), from a phrasing table: the tuning table (tests/dialog/typed/tuning.json) and,
 * for `npm run bench:typed`, the frozen held-out table. Shared by tests/dialog/typedAnswers.test.ts
 * and the bench, so the figures and the assertions come from the same code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LangCode } from '../src/domain/types.js';
import { createLexicons } from '../src/dialog/interpret/lexicon.js';
import { sharedRecognisers } from '../src/dialog/interpret/recognizersText.js';
import { createAnswerReader, type AnswerPlace, type Parsed } from '../src/dialog/interpret/stepAnswer.js';
import { createLanguagePolicy } from '../src/dialog/languagePolicy.js';
import { createWordbook } from '../src/i18n/wordbook.js';
import { CHECK_ANSWERS } from '../src/triage/safetySchema.js';
import { loadContent } from '../src/server/content.js';

export const projectRoot = join(import.meta.dirname, '..');

/** One typed answer and what it should be read as. */
export interface TypedCase {
  lang: LangCode;
  /** A step id ("duration", "who"...), "yesNo" for a red-flag question, "safetyCheck" for the emergency check, "opening" or "smallTalk". */
  kind: string;
  text: string;
  /** The code it should be read as; for an opening, its need; for an ambiguous answer, both codes joined by "|". */
  expect: string;
}

export interface TuningTable {
  languages: Record<
    string,
    {
      openings: { text: string; need: string }[];
      smallTalk: string[];
      answers: Record<string, Record<string, string[]>>;
      ambiguous: { step: string; text: string; codes: string[] }[];
    }
  >;
}

export function loadTuningTable(): TuningTable {
  return JSON.parse(readFileSync(join(projectRoot, 'tests/dialog/typed/tuning.json'), 'utf8')) as TuningTable;
}

/** The table as cases, one per typed answer. */
export function tuningCases(table: TuningTable = loadTuningTable()): TypedCase[] {
  const cases: TypedCase[] = [];
  for (const [lang, t] of Object.entries(table.languages)) {
    for (const o of t.openings) cases.push({ lang, kind: 'opening', text: o.text, expect: o.need });
    for (const s of t.smallTalk) cases.push({ lang, kind: 'smallTalk', text: s, expect: 'smallTalk' });
    for (const [kind, byCode] of Object.entries(t.answers)) {
      for (const [code, texts] of Object.entries(byCode)) for (const text of texts) cases.push({ lang, kind, text, expect: code });
    }
    for (const a of t.ambiguous) cases.push({ lang, kind: a.step, text: a.text, expect: a.codes.join('|') });
  }
  return cases;
}

/** Fixed "now" (a Wednesday), so "since Monday" is two days. */
export const NOW = new Date('2026-03-04T10:00:00Z');

export function createTypedReader() {
  const content = loadContent(projectRoot);
  const words = createWordbook(content.resources, content.languages);
  const language = createLanguagePolicy(content.languages, content.languages.map((l) => l.code));
  const reader = createAnswerReader({
    content: content.intake,
    words,
    lexicon: createLexicons(words, (l) => words.bcp47(l)),
    recognisers: sharedRecognisers(),
    parseLanguage: (text, offered) => language.parseChoice(text, offered),
    bcp47Of: (l) => words.bcp47(l),
    otherLanguages: content.languages.map((l) => l.code),
  });
  /** `tapped`: the text is a button's code, tapped (the table's answers are typed). */
  const read = (c: Omit<TypedCase, 'expect'> & { tapped?: boolean }): Parsed => {
    const place: AnswerPlace = { step: c.kind, lang: c.lang, now: NOW, timeZone: 'Europe/London', ...(c.tapped ? { tapped: true } : {}) };
    if (c.kind === 'opening' || c.kind === 'smallTalk' || c.kind === 'need') return reader.readOpening(c.text, { ...place, step: 'need' });
    if (c.kind === 'yesNo') return reader.readChoice(c.text, ['yes', 'no', 'unsure'], { ...place, step: 'triageQuestion' }, 'understand.reprompt.yesNo');
    // The emergency check: a yes/no question whose answers are its own codes.
    if (c.kind === 'safetyCheck') return reader.readChoice(c.text, [CHECK_ANSWERS.yes, CHECK_ANSWERS.no, CHECK_ANSWERS.unsure], { ...place, step: 'safetyCheck' }, 'understand.reprompt.yesNo');
    const step = (content.intake.steps as Record<string, (typeof content.intake.steps)['need'] | undefined>)[c.kind];
    if (!step) throw new Error(`no step ${c.kind}`);
    return reader.readStep(c.text, step, place, { languages: content.languages.map((l) => l.code) });
  };
  /** What the reader made of it, in the table's terms: a code, "smallTalk", "a|b" for a question naming both, or "?". */
  const outcome = (c: Omit<TypedCase, 'expect'> & { tapped?: boolean }): string => {
    const parsed = read(c);
    if (parsed.ok) return c.kind === 'opening' && !parsed.describes ? `choice:${parsed.code}` : parsed.code;
    if (parsed.smallTalk) return 'smallTalk';
    if (parsed.either) return parsed.either.join('|');
    return '?';
  };
  return { read, outcome, content };
}
