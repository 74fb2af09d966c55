/**
 * A conversation driven to an area's questions through the real statechart, for tests of the area questions
 * typed in any language (rounds 18 and 20): the opening text is withheld (bench/triageDialog.ts WITHHELD_TEXT),
 * so only the check, the area and its questions decide.
 */
import { WITHHELD_TEXT } from '../../bench/triageDialog.js';
import type { LangCode } from '../../src/domain/types.js';
import { lookup } from '../../src/i18n/resources.js';
import { CHECK_ANSWERS, areaCode } from '../../src/triage/safetySchema.js';
import { content, conversation, type Reply } from './dialog.js';

export type Conversation = ReturnType<typeof conversation>;

/** Greets, picks a new problem, tells the withheld opening (typing `age` when asked), answers "no" at the check and picks the area. */
export function toArea(lang: LangCode, area: string, age: string, id: string): { c: Conversation; reply: Reply } {
  const c = conversation({ lang, id });
  c.say('hello');
  c.tap('need.new');
  c.say(WITHHELD_TEXT);
  for (let i = 0; i < 4 && c.last.state !== 'safetyCheck'; i++) c.say(age);
  expect(c.last.state).toBe('safetyCheck');
  c.tap(CHECK_ANSWERS.no);
  return { c, reply: c.tap(areaCode(area)) };
}

/** The triage question the conversation is waiting on. */
export const questionIdOf = (c: Conversation): string | undefined =>
  (c.last.snapshot as { context: { triage: { currentQuestionId?: string } } }).context.triage.currentQuestionId;

/** A question's prompt in a language, as the patient sees it. */
export const promptIn = (lang: string, id: string): string =>
  lookup(content.resources[content.languages.find((l) => l.code === lang)?.bcp47 ?? 'en'], content.triage.question(id).promptKey) as string;

/** Types `no` until the question `id` is asked (its prompt shown in the patient's language), then types `answer`. */
export function answerUntil(c: Conversation, lang: string, first: Reply, id: string, no: string, answer: string): Reply {
  let asked = first;
  for (let i = 0; i < 20 && c.last.state === 'triageQuestion' && questionIdOf(c) !== id; i++) asked = c.say(no);
  expect(questionIdOf(c)).toBe(id);
  expect(asked.text).toContain(promptIn(lang, id));
  return c.say(answer);
}
