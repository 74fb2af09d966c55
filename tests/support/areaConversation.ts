/**
 * A conversation driven to an area's questions through the real statechart, for tests of the area questions
 * typed in any language (rounds 18 and 20): the opening text is withheld (bench/triageDialog.ts WITHHELD_TEXT),
 * so only the check, the area and its questions decide.
 */
import { WITHHELD_TEXT } from '../../bench/triageDialog.js';
import type { LangCode } from '../../src/domain/types.js';
import type { Effect } from '../../src/dialog/machine/types.js';
import { lookup } from '../../src/i18n/resources.js';
import { CHECK_ANSWERS, areaCode } from '../../src/triage/safetySchema.js';
import type { TriageEngine } from '../../src/triage/types.js';
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

/** A vague opening in each language that names no symptom any rule reads ("I have felt unwell since yesterday"). */
export const VAGUE_OPENINGS: Record<LangCode, string> = {
  eng: 'I have felt unwell since yesterday and I do not know why',
  cym: "Dw i wedi teimlo'n sâl ers ddoe a dw i ddim yn gwybod pam",
  fra: 'Depuis hier je me sens bizarre et pas bien',
  spa: 'Desde ayer me siento muy raro y mal',
  por: 'Desde ontem sinto-me mal e não sei porquê',
  ita: 'Da ieri mi sento strano e non so perché',
  ron: 'De ieri mă simt rău și nu știu de ce',
  pol: 'Od wczoraj czuję się bardzo dziwnie i źle',
  lit: 'Nuo vakar jaučiuosi blogai ir nežinau kodėl',
  ukr: 'З учора я почуваюся погано і не знаю чому',
  tur: 'Dünden beri kendimi çok garip ve kötü hissediyorum',
  arb: 'أشعر بتعب غريب منذ أمس ولا أعرف السبب',
  pes: 'از دیروز حالم خوب نیست و نمی‌دانم چرا',
  som: 'Shalay ilaa waxaan dareemayaa xanuun mana garanayo sababta',
  pan: 'ਕੱਲ੍ਹ ਤੋਂ ਮੈਂ ਠੀਕ ਮਹਿਸੂਸ ਨਹੀਂ ਕਰ ਰਿਹਾ ਅਤੇ ਪਤਾ ਨਹੀਂ ਕਿਉਂ',
  urd: 'کل سے میری طبیعت ٹھیک نہیں ہے اور پتا نہیں کیوں',
  ben: 'গতকাল থেকে আমার শরীর খারাপ লাগছে, কেন জানি না',
  guj: 'ગઈકાલથી મને સારું નથી લાગતું અને ખબર નથી કેમ',
  tam: 'நேற்றிலிருந்து எனக்கு உடம்பு சரியில்லை, ஏன் என்று தெரியவில்லை',
  cmn: '从昨天开始我感觉很不舒服，说不清楚',
};

/** Hello, a new problem, the vague opening, "no" to the emergency check, "Something else", then "no" to each question until the urgent check (round 20, H85); over `triage` (content built in memory) when given. */
export function toUrgentCheck(lang: LangCode, id: string, triage?: TriageEngine): Conversation {
  const c = conversation({ id, lang, ...(triage ? { triage } : {}) });
  c.say('hello');
  c.tap('need.new');
  c.say(VAGUE_OPENINGS[lang] as string);
  c.tap(CHECK_ANSWERS.no);
  c.tap(areaCode('other'));
  for (let i = 0; i < 8 && questionIdOf(c) !== 'q.urgent.check'; i++) c.tap('no');
  expect([lang, questionIdOf(c)]).toEqual([lang, 'q.urgent.check']);
  return c;
}

/** Answers every step after the triage questions for an adult patient (details, review, consent); returns the last reply and the request the store was asked to keep. */
export function finishIntake(c: Conversation, from: Reply): { reply: Reply; stored: Effect | undefined } {
  const answers: Record<string, string> = {
    languageOffer: 'lang.eng', pharmacyOffer: 'yes', duration: 'duration.days', trend: 'trend.same', impact: 'impact.some', wants: 'wants.appointment', urgentClosed: 'yes', who: 'for.self', name: 'Alex Taylor',
    dob: '01/02/1980', nhs: 'skip', postcode: 'LS1 4AP', phone: '07700 900123', contactMethod: 'contact.either', contactTimes: 'when.any', review: 'review.send', consent: 'yes',
  };
  let reply = from;
  let stored: Effect | undefined;
  for (let i = 0; i < 20 && !reply.result.done; i++) {
    const step = reply.result.state;
    const a = answers[step];
    if (a === undefined) throw new Error(`no answer for ${step}`);
    reply = ['name', 'dob', 'postcode', 'phone'].includes(step) ? c.say(a) : c.tap(a);
    stored = reply.result.effects.find((e) => e.type === 'request.store') ?? stored;
  }
  return { reply, stored };
}

/** As toUrgentCheck, then "no" to the urgent check: the conversation waits on the self-care check (round 22, H89). */
export function toSelfcareCheck(lang: LangCode, id: string): Conversation {
  const c = toUrgentCheck(lang, id);
  c.tap('no');
  expect([lang, questionIdOf(c)]).toEqual([lang, 'q.selfcare.check']);
  return c;
}

/** The first typed word a language lists for yes, no or not sure (understand.words.*), as a patient would type it. */
export function firstAnswerWord(code: LangCode, kind: 'yes' | 'no' | 'unsure'): string {
  const lang = content.languages.find((l) => l.code === code);
  const list = lookup(content.resources[lang?.bcp47 ?? ''], `understand.words.${kind}`) as unknown as string[];
  return list[0] as string;
}
