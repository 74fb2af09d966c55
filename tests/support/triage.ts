import type { Tier } from '../../src/domain/types.js';
import { createLanguagePolicy } from '../../src/dialog/languagePolicy.js';
import { allLanguages, content } from './dialog.js';

type Picture = Parameters<typeof content.triage.decide>[0];

/** The engine's decision on one message alone, read in the language it was written in (English is read too). */
export const decideText = (text: string, lang = 'eng', ageYears?: number) =>
  content.triage.decide({
    need: 'need.new',
    texts: [{ text, lang }],
    answers: {},
    presentRuleIds: [],
    deniedRuleIds: [],
    ...(ageYears === undefined ? {} : { ageYears }),
  } as Picture);

/** The tier of that decision. */
export const tierOf = (text: string, lang = 'eng', ageYears?: number): Tier => decideText(text, lang, ageYears).tier;

const policy = createLanguagePolicy(content.languages, allLanguages);

/** The tier of one message alone, read as the dialog reads it: in every language the policy screens it in. */
export const screenedTierOf = (text: string, lang: string): Tier => {
  const langs = policy.screeningLanguages(text, lang);
  return content.triage.decide({ need: 'need.new', texts: langs.map((l) => ({ text, lang: l })), answers: {}, presentRuleIds: [], deniedRuleIds: [] } as Picture).tier;
};

/** The rules the answers raise (the area answer aside: it is a picture marker, not an answer effect). */
export const raisedBy = (answers: Record<string, string>): string[] =>
  Object.entries(answers).flatMap(([q, a]) => (q === 'q.area' ? [] : content.triage.answerEffect(q, a).raise));

/** Every question the engine asks for this picture, answering `no` (or the answer given) to each. */
export const askedFor = (p: Picture, given: Record<string, string> = {}): { asked: string[]; answers: Record<string, string> } => {
  const asked: string[] = [];
  const answers: Record<string, string> = { ...p.answers };
  for (let i = 0; i < 100; i++) {
    const q = content.triage.nextQuestion({ ...p, answers, presentRuleIds: [...p.presentRuleIds, ...raisedBy(answers)] });
    if (!q) break;
    asked.push(q.id);
    answers[q.id] = given[q.id] ?? 'no';
  }
  return { asked, answers };
};
