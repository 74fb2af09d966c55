import { readFileSync, readdirSync } from 'node:fs';
import type { SnapshotFrom } from 'xstate';
import type { LangCode } from '../../src/domain/types.js';
import type { IntakeMachine } from '../../src/dialog/machine/intakeMachine.js';
import { pictureOf } from '../../src/dialog/machine/context.js';
import { toFhirBundle } from '../../src/handoff/fhir/index.js';
import { lookup } from '../../src/i18n/resources.js';
import { CHECK_ANSWERS } from '../../src/triage/safetySchema.js';
import type { Picture } from '../../src/triage/types.js';
import { createDialogDriver } from '../../bench/triageDialog.js';
import { loadPatientSigns } from '../../bench/answeringPatient.js';
import { vagueVignette, type Vignette } from '../../bench/triageSim.js';
import { finishIntake, firstAnswerWord, toUrgentCheck } from '../support/areaConversation.js';
import { content, conversation, type Reply } from '../support/dialog.js';

/**
 * Round 20 (helper s20-urgent, hazard H85): a structured "urgent" check, one tier below the emergency check. Every
 * patient with a health problem whose tier is still below urgent is asked, LAST (after the area's own questions),
 * one list of signs from NHS.uk "ask for an urgent GP appointment or get help from NHS 111" lists
 * (dialogs/complaints/urgent_check.json): an adult's (q.urgent.check) or a child's (q.urgent.check_child, with a
 * baby's yellow skin or pale poo), never both. Yes or not sure raises rf.urgent.check (urgent, same day); no raises
 * nothing. Nothing is asked once the tier is urgent or higher, nor of an emergency.
 * Made-up cases through the statechart with the answering patient (its yes comes only from the case's `yesTo` signs).
 */
type Snap = SnapshotFrom<IntakeMachine>;
const engine = content.triage;
const driver = createDialogDriver();
const ctxOf = (r: Reply) => (r.result.snapshot as Snap).context;
const questionOf = (r: Reply) => ctxOf(r).triage.currentQuestionId;
const URGENT_QS = ['q.urgent.check', 'q.urgent.check_child'];
const SELFCARE_QS = ['q.selfcare.check', 'q.selfcare.check_child'];
const ADULT_SIGNS = ['looks_infected', 'after_procedure', 'bite_or_needle', 'object_stuck', 'pain_not_easing', 'weak_immune', 'new_medicine_problem'];
const CHILD_SIGNS = ['baby_yellow', 'looks_infected', 'bite_or_needle', 'object_stuck', 'pain_not_easing', 'weak_immune', 'after_procedure'];
const AREAS = ['chest', 'breathing', 'head', 'tummy', 'pregnancy', 'mental', 'skin', 'injury', 'eye', 'waterworks', 'child', 'other'];

/** A vague patient (no symptom words) whose problem is not an emergency (bench/triageSim.ts vagueVignette). */
const vague = (extra: Partial<Vignette>): Vignette => vagueVignette('round20-urgent', { gold: 'routine', ageYears: 45, ...extra });
const run = (extra: Partial<Vignette>, withholdText = false) => {
  const r = driver.run(vague(extra), { answering: true, withholdText });
  expect(r.error).toBeUndefined();
  return r;
};
const urgentAsked = (asked: string[]) => asked.filter((q) => URGENT_QS.includes(q));

describe('A. an adult below urgent: asked last, once; one of the signs makes it urgent and names the rule', () => {
  it.each(ADULT_SIGNS.map((s, i) => [s, AREAS.filter((a) => a !== 'child' && a !== 'pregnancy')[i % 10] as string]))(
    '%s (area %s): urgent, rf.urgent.check, the check asked last and once',
    (sign, area) => {
      const r = run({ area, yesTo: [sign, 'still_happening'], gold: 'urgent' }, true);
      // Since H88 (round 21) a yes is followed by "Which one is it?", whose rule joins rf.urgent.check (tests/triage/round21Which.test.ts).
      expect([r.finalState, r.tier, r.ruleIds.includes('rf.urgent.check'), r.ruleIds.length]).toEqual(['submitted', 'urgent', true, 2]);
      expect(urgentAsked(r.asked)).toEqual(['q.urgent.check']);
      expect(r.asked.slice(-2)).toEqual(['q.urgent.check', 'q.urgent.which']);
    },
  );

  it.each(AREAS.filter((a) => a !== 'child'))('area %s without any of the signs: not raised, the check asked once, after every area question', (area) => {
    const r = run({ area, yesTo: ['still_happening', 'started_last_week'] }, true);
    expect(r.finalState).toBe('submitted');
    expect(['routine', 'selfcare']).toContain(r.tier);
    expect(r.ruleIds).not.toContain('rf.urgent.check');
    expect(urgentAsked(r.asked)).toEqual(['q.urgent.check']);
    // Since H89 (round 22) only the self-care check may follow it (tests/triage/round22Selfcare.test.ts).
    expect(r.asked.filter((q) => !SELFCARE_QS.includes(q)).at(-1)).toBe('q.urgent.check');
    expect(r.check?.answers).toEqual([CHECK_ANSWERS.no]);
  });

  it('a new medicine is an adult line only: a child with only that sign is not raised by the child list', () => {
    const r = run({ area: 'child', who: 'other', ageYears: 7, text: 'my son has a problem I would like to ask about', yesTo: ['new_medicine_problem'] });
    expect(urgentAsked(r.asked)).toEqual(['q.urgent.check_child']);
    expect(r.ruleIds).not.toContain('rf.urgent.check');
  });

  it('signs the list does not name (a cough for 3 weeks, getting worse) do not raise it', () => {
    const r = run({ area: 'breathing', yesTo: ['cough_3_weeks', 'getting_worse', 'still_happening'] }, true);
    expect(urgentAsked(r.asked)).toEqual(['q.urgent.check']);
    expect(r.ruleIds).not.toContain('rf.urgent.check');
  });
});

describe('B. a child: the child version, never both', () => {
  it.each(CHILD_SIGNS.map((s) => [s]))('%s (area "A child", 3 years old): urgent, rf.urgent.check, only the child list asked', (sign) => {
    const r = run({ area: 'child', who: 'other', ageYears: 3, text: 'my daughter has a problem I would like to ask about', yesTo: [sign, 'still_happening'], gold: 'urgent' });
    expect([r.finalState, r.tier, r.ruleIds.includes('rf.urgent.check'), r.ruleIds.length]).toEqual(['submitted', 'urgent', true, 2]);
    expect(urgentAsked(r.asked)).toEqual(['q.urgent.check_child']);
    expect(r.asked.slice(-2)).toEqual(['q.urgent.check_child', 'q.urgent.which_child']);
  });

  it('a 5-week-old baby who looks yellow (area "A child"): urgent through the child list', () => {
    const r = run({ area: 'child', who: 'other', ageYears: 5 / 52, text: 'my 5 week old baby has a problem I would like to ask about', yesTo: ['baby_yellow'], gold: 'urgent' });
    expect([r.tier, r.ruleIds, urgentAsked(r.asked)]).toEqual(['urgent', ['rf.urgent.check', 'rf.urgent.yellow'], ['q.urgent.check_child']]);
  });

  it('a child without the signs stays below urgent and is asked the child list once', () => {
    const r = run({ area: 'child', who: 'other', ageYears: 6, text: 'my son has a problem I would like to ask about', yesTo: ['still_happening'] });
    expect(['routine', 'selfcare']).toContain(r.tier);
    expect(urgentAsked(r.asked)).toEqual(['q.urgent.check_child']);
  });

  it('a child told without a child word, another area: the age is known only from the date of birth, after the questions, so the adult list is asked once and the child list never after it', () => {
    const r = run({ area: 'skin', who: 'other', ageYears: 6, text: 'there is a sore on the arm that will not heal', yesTo: ['object_stuck'], gold: 'urgent' });
    expect(urgentAsked(r.asked)).toEqual(['q.urgent.check']);
    expect(r.check?.version).toBe('child');
    expect([r.tier, r.ruleIds]).toEqual(['urgent', ['rf.urgent.check', 'rf.urgent.stuck']]);
  });

  it('engine: the date of birth decides the version; with a child\'s words and no age, the child list; never both in one picture', () => {
    const base = (p: Partial<Picture>): Picture => ({ need: 'need.new', texts: [], answers: { 'q.area': 'safety.area.skin' }, presentRuleIds: ['cx.area.skin'], deniedRuleIds: [], ...p });
    const lastOf = (picture: Picture): string[] => {
      const asked: string[] = [];
      const answers: Record<string, string> = { ...picture.answers };
      for (let i = 0; i < 30; i++) {
        const q = engine.nextQuestion({ ...picture, answers });
        if (!q) break;
        asked.push(q.id);
        answers[q.id] = 'no';
      }
      return urgentAsked(asked);
    };
    expect(lastOf(base({ ageYears: 40 }))).toEqual(['q.urgent.check']);
    expect(lastOf(base({ ageYears: 10 }))).toEqual(['q.urgent.check_child']);
    expect(lastOf(base({ ageYears: 16 }))).toEqual(['q.urgent.check']);
    expect(lastOf(base({ presentRuleIds: ['cx.area.skin', 'cx.child'] }))).toEqual(['q.urgent.check_child']);
    expect(lastOf(base({}))).toEqual(['q.urgent.check']);
    expect(lastOf(base({ ageYears: 30, presentRuleIds: ['cx.area.skin', 'cx.pregnant'] }))).toEqual(['q.urgent.check']);
  });
});

describe('C. never for an urgent or emergency picture; never lowers a tier, never skips the emergency check', () => {
  it('an urgent picture (chest pain now, no heart-attack signs) is never asked it', () => {
    const r = run({ area: 'chest', text: 'I have a pain in my chest', yesTo: ['chest_pain_now', 'still_happening', ...ADULT_SIGNS], gold: 'urgent' });
    expect(r.tier).toBe('urgent');
    expect(urgentAsked(r.asked)).toEqual([]);
  });

  it('a red flag made urgent from the words (a wound with pus and redness) is never asked it', () => {
    const r = run({ area: 'skin', text: 'my cut has pus coming out and the skin around it is red and swollen', yesTo: ADULT_SIGNS, gold: 'urgent' });
    expect(r.tier).toBe('urgent');
    expect(urgentAsked(r.asked)).toEqual([]);
  });

  it.each([
    ['the emergency check ticked', { recognises999Sign: 'chest_heart', area: 'chest' }],
    ['an area question (something else: face or arm gone weak)', { area: 'other', yesTo: ['arm_leg_weak', 'still_happening', ...ADULT_SIGNS] }],
    ['a child\'s fit', { area: 'child', who: 'other' as const, ageYears: 4, text: 'my son has a problem I would like to ask about', yesTo: ['fit', ...CHILD_SIGNS] }],
  ])('an emergency (%s) is diverted and never asked it', (_label, extra) => {
    const r = run({ ...extra, gold: 'emergency' });
    expect(r.finalState).toBe('emergency');
    expect(urgentAsked(r.asked)).toEqual([]);
  });

  it('engine: no question once the tier is urgent; "no" raises and denies nothing, so the tier is as it was', () => {
    const answers: Record<string, string> = { 'q.area': 'safety.area.other' };
    for (let i = 0; i < 30; i++) {
      const q = engine.nextQuestion({ need: 'need.new', texts: [], answers, presentRuleIds: ['cx.area.other', 'rf.other.hidden'], deniedRuleIds: [] });
      if (!q) break;
      expect(URGENT_QS).not.toContain(q.id);
      answers[q.id] = 'no';
    }
    for (const id of URGENT_QS) {
      expect(engine.answerEffect(id, 'no')).toEqual({ raise: [], deny: [] });
      expect(engine.answerEffect(id, 'yes').raise).toEqual(['rf.urgent.check']);
      expect(engine.answerEffect(id, 'unsure').raise).toEqual(['rf.urgent.check']);
    }
    const picture: Picture = { need: 'need.new', texts: [], answers: { 'q.area': 'safety.area.skin' }, presentRuleIds: ['cx.area.skin', 'cx.rash'], deniedRuleIds: [] };
    const before = engine.decide(picture);
    expect(engine.decide({ ...picture, answers: { ...picture.answers, 'q.urgent.check': 'no' } })).toEqual(before);
    expect(engine.decide({ ...picture, answers: { ...picture.answers, 'q.urgent.check': 'yes' }, presentRuleIds: [...picture.presentRuleIds, 'rf.urgent.check'] }).tier).toBe('urgent');
  });

  it('the check is the last question: every area question and the emergency check come first', () => {
    const urgentCheck = engine.complaintsFor({ need: 'need.new', texts: [], answers: {}, presentRuleIds: ['cx.area.head'], deniedRuleIds: [] });
    expect(urgentCheck.slice(-2)).toEqual(['urgent_check', 'selfcare_check']);
    const r = run({ area: 'head', yesTo: ['still_happening'] }, true);
    expect(r.check?.answers).toEqual([CHECK_ANSWERS.no]);
    expect(r.asked.length).toBeGreaterThan(1);
    // Since H89 (round 22) the self-care check alone comes after it, for a new problem no rule has placed.
    expect(r.asked.slice(-2)).toEqual(['q.urgent.check', 'q.selfcare.check']);
  });
});

describe('D. typed answers in every language reach the right effect', () => {
  const words = firstAnswerWord;
  let n = 0;
  const toCheck = (lang: LangCode) => toUrgentCheck(lang, `test:r20u-${++n}`);
  const langs = content.languages.map((l) => l.code);

  it('has 20 languages', () => expect(langs).toHaveLength(20));

  it.each(langs)('%s: typed yes raises rf.urgent.check (urgent), typed no raises nothing', (lang) => {
    const yes = ctxOf(toCheck(lang).say(words(lang, 'yes')));
    expect([lang, yes.triage.answers['q.urgent.check'], yes.triage.presentRuleIds.includes('rf.urgent.check')]).toEqual([lang, 'yes', true]);
    expect(engine.decide(pictureOf(yes)).tier).toBe('urgent');
    const noReply = toCheck(lang).say(words(lang, 'no'));
    const no = ctxOf(noReply);
    expect([lang, no.triage.answers['q.urgent.check'], no.triage.presentRuleIds.includes('rf.urgent.check')]).toEqual([lang, 'no', false]);
    // Since H89 (round 22) "no" leads to the self-care check, then "How long?" (tests/triage/round22Selfcare.test.ts).
    expect([lang, noReply.result.state, no.triage.currentQuestionId]).toEqual([lang, 'triageQuestion', 'q.selfcare.check']);
  });

  it.each(['eng', 'pol', 'arb', 'cmn'] as LangCode[])('%s: typed "not sure" resolves upward (urgent)', (lang) => {
    const ctx = ctxOf(toCheck(lang).say(words(lang, 'unsure')));
    expect([ctx.triage.answers['q.urgent.check'], ctx.triage.presentRuleIds.includes('rf.urgent.check')]).toEqual(['unsure', true]);
  });
});

describe('E. staff see why: the rule is in the request and the FHIR hand-off', () => {
  it('yes to the check, through to consent: the request names rf.urgent.check as the rule that set the tier, and as a red flag', () => {
    const c = conversation({ id: 'test:r20u-handoff' });
    c.say('hello');
    c.tap('need.new');
    c.say('I have had a sore on my leg for a few days');
    c.tap(CHECK_ANSWERS.no);
    let reply = c.tap('safety.area.skin');
    for (let i = 0; i < 10 && questionOf(reply) !== 'q.urgent.check'; i++) reply = c.tap('no');
    expect(questionOf(reply)).toBe('q.urgent.check');
    reply = c.tap('yes');
    // Since H88 (round 21): "Which one is it?"; here the patient cannot say (tests/triage/round21Which.test.ts names a line).
    expect(questionOf(reply)).toBe('q.urgent.which');
    reply = c.tap('today.none');
    const done = finishIntake(c, reply);
    const stored = done.stored;
    reply = done.reply;
    expect(reply.result.state).toBe('submitted');
    const request = stored?.request;
    expect(request?.triage.tier).toBe('urgent');
    expect(request?.triage.ruleIds).toEqual(['rf.urgent.check']);
    expect(request?.redFlags.filter((f) => f.ruleId === 'rf.urgent.check')).toEqual([{ ruleId: 'rf.urgent.check', ruleVersion: 1, via: 'question', answer: 'yes', present: true }]);
    const en = content.resources['en'];
    const bundle = toFhirBundle(request!, { englishText: (k) => (lookup(en, k) as string | undefined) ?? k });
    const text = JSON.stringify(bundle);
    expect(text).toContain('set by rules: rf.urgent.check v1');
    expect(text).toContain('Red flag: rule rf.urgent.check');
    expect(text).toContain('Is any of these true?');
  });
});

describe('F. content: every string in 20 languages, at most 7 signs, honest sign mappings, an NHS.uk-sourced urgent rule', () => {
  const adult = engine.question('q.urgent.check');
  const child = engine.question('q.urgent.check_child');

  it('an intro and at most 7 sign lines each, then one short question; yes, no or not sure', () => {
    for (const q of [adult, child]) {
      expect(q.lines?.length).toBeLessThanOrEqual(8);
      expect(q.lines?.[0]).toMatch(/intro$/);
      expect(q.choices).toEqual(['yes', 'no', 'unsure']);
    }
    expect(adult.lines).toHaveLength(8);
    expect(child.lines).toHaveLength(8);
  });

  it('every line and prompt is a string in all 20 languages; none left in English', () => {
    const keys = [...new Set([adult, child].flatMap((q) => [...(q.lines ?? []), q.promptKey]))];
    expect(keys.length).toBe(17);
    const en = content.resources['en'];
    for (const { code, bcp47 } of content.languages) {
      for (const key of keys) {
        const text = lookup(content.resources[bcp47], key);
        expect([code, key, typeof text]).toEqual([code, key, 'string']);
        if (bcp47 !== 'en') expect([code, key, text === lookup(en, key)]).toEqual([code, key, false]);
        if (key !== adult.promptKey && key !== child.promptKey && !key.endsWith('intro')) expect([code, key, (text as string).startsWith('• ')]).toEqual([code, key, true]);
      }
    }
  });

  it('maps each question to one OR group of exactly the signs its lines name', () => {
    const signs = loadPatientSigns('.');
    expect(signs.questions['q.urgent.check']).toEqual([ADULT_SIGNS]);
    expect(signs.questions['q.urgent.check_child']).toEqual([CHILD_SIGNS]);
    for (const s of [...ADULT_SIGNS, ...CHILD_SIGNS]) expect(signs.signs[s]).toEqual(expect.any(String));
    expect(adult.lines!.length - 1).toBe(ADULT_SIGNS.length);
    expect(child.lines!.length - 1).toBe(CHILD_SIGNS.length);
  });

  it('rf.urgent.check is urgent (same day), never a marker, with an NHS source and every line\'s NHS.uk page in the set\'s source', () => {
    const rule = engine.rule('rf.urgent.check');
    expect([rule?.tier, rule?.disposition]).toEqual(['urgent', 'gp_same_day']);
    expect(rule?.source.url).toMatch(/^https:\/\/www\.nhs\.uk\//);
    const section = (JSON.parse(readFileSync('dialogs/complaints/urgent_check.json', 'utf8')) as { source: { section: string } }).source.section;
    for (const page of ['cuts-and-grazes', 'animal-and-human-bites', 'used-needle', 'earache', 'toothache', 'shingles', 'jaundice-newborn', 'sepsis']) expect(section).toContain(page);
  });

  it('is activated by every area marker and comes after every other complaint set but the self-care check (round 22, H89, after it)', () => {
    const set = JSON.parse(readFileSync('dialogs/complaints/urgent_check.json', 'utf8')) as { priority: number; activatedBy: string[] };
    expect([...set.activatedBy].sort()).toEqual(content.triage.areas.areas.flatMap((a) => a.raise.filter((r) => r.startsWith('cx.area.'))).sort());
    const priorityOf = (f: string) => (JSON.parse(readFileSync(`dialogs/complaints/${f}`, 'utf8')) as { priority: number }).priority;
    const others = readdirSync('dialogs/complaints').filter((f) => f !== 'urgent_check.json' && f !== 'selfcare_check.json').map(priorityOf);
    expect(Math.max(...others)).toBeLessThan(set.priority);
    expect(priorityOf('selfcare_check.json')).toBeGreaterThan(set.priority);
  });
});
