import type { SnapshotFrom } from 'xstate';
import type { LangCode } from '../../src/domain/types.js';
import type { IntakeMachine } from '../../src/dialog/machine/intakeMachine.js';
import { runTurn, type StoredConversation, type TurnResult } from '../../src/dialog/turn.js';
import { toFhirBundle } from '../../src/handoff/fhir/index.js';
import { lookup } from '../../src/i18n/resources.js';
import { requestPage } from '../../src/inbox/views/request.js';
import { createTriageEngine, loadTriageContent } from '../../src/triage/index.js';
import type { Picture } from '../../src/triage/types.js';
import { createDialogDriver } from '../../bench/triageDialog.js';
import { answerQuestion, loadPatientSigns } from '../../bench/answeringPatient.js';
import { vagueVignette, type Vignette } from '../../bench/triageSim.js';
import { finishIntake, toUrgentCheck } from '../support/areaConversation.js';
import { buildMachine, content, openPractice, type Reply } from '../support/dialog.js';

/**
 * Round 21 (helper s21-which, hazard H88): after "yes" to the round 20 urgent check (q.urgent.check, a child's
 * q.urgent.check_child), "Which one is it? If more than one, choose the first." (q.urgent.which,
 * q.urgent.which_child): one button per line and "None of these, or not sure". Each line raises its own urgent rule
 * (rf.urgent.infected, ...; same tier as rf.urgent.check), so the request names the sign; "none" raises nothing new.
 * The tier is already urgent, so the question is asked because it records (`records: true`), never when the tier is
 * an emergency, never after "no" or "not sure".
 */
type Snap = SnapshotFrom<IntakeMachine>;
const engine = content.triage;
const driver = createDialogDriver();
const ctxOf = (r: Reply | { result: TurnResult }) => (r.result.snapshot as Snap).context;
const questionOf = (r: Reply | { result: TurnResult }) => ctxOf(r).triage.currentQuestionId;

/** Sign (bench/patientSigns.json) -> the button and the rule, in the order the list shows them. */
const ADULT: [string, string, string][] = [
  ['looks_infected', 'today.infected', 'rf.urgent.infected'],
  ['after_procedure', 'today.after_treatment', 'rf.urgent.after_treatment'],
  ['bite_or_needle', 'today.bite_needle', 'rf.urgent.bite_needle'],
  ['object_stuck', 'today.stuck', 'rf.urgent.stuck'],
  ['pain_not_easing', 'today.pain', 'rf.urgent.pain'],
  ['weak_immune', 'today.immune', 'rf.urgent.immune'],
  ['new_medicine_problem', 'today.new_medicine', 'rf.urgent.new_medicine'],
];
const CHILD: [string, string, string][] = [
  ['baby_yellow', 'today.yellow', 'rf.urgent.yellow'],
  ['looks_infected', 'today.infected', 'rf.urgent.infected'],
  ['bite_or_needle', 'today.bite_needle', 'rf.urgent.bite_needle'],
  ['object_stuck', 'today.stuck', 'rf.urgent.stuck'],
  ['pain_not_easing', 'today.pain', 'rf.urgent.pain'],
  ['weak_immune', 'today.immune', 'rf.urgent.immune'],
  ['after_procedure', 'today.child_after_treatment', 'rf.urgent.after_treatment'],
];
const NONE = 'today.none';
const WHICH = ['q.urgent.which', 'q.urgent.which_child'];

const vague = (extra: Partial<Vignette>): Vignette => vagueVignette('round21-which', { gold: 'urgent', ageYears: 45, ...extra });
const run = (extra: Partial<Vignette>, withholdText = false) => {
  const r = driver.run(vague(extra), { answering: true, withholdText });
  expect(r.error).toBeUndefined();
  return r;
};

describe('A. after yes, "Which one is it?" names the sign: its own rule beside rf.urgent.check', () => {
  it.each(ADULT)('adult, %s: picks %s, the decision names %s', (sign, code, rule) => {
    const r = run({ area: 'other', yesTo: [sign, 'still_happening'] }, true);
    expect([r.finalState, r.tier]).toEqual(['submitted', 'urgent']);
    expect(r.ruleIds).toEqual(['rf.urgent.check', rule].sort());
    expect(r.asked.slice(-2)).toEqual(['q.urgent.check', 'q.urgent.which']);
    expect(engine.answerEffect('q.urgent.which', code).raise).toEqual([rule]);
  });

  it.each(CHILD)('child (3 years old), %s: picks %s, the decision names %s', (sign, code, rule) => {
    const r = run({ area: 'child', who: 'other', ageYears: 3, text: 'my daughter has a problem I would like to ask about', yesTo: [sign, 'still_happening'] });
    expect([r.finalState, r.tier]).toEqual(['submitted', 'urgent']);
    expect(r.ruleIds).toEqual(['rf.urgent.check', rule].sort());
    expect(r.asked.slice(-2)).toEqual(['q.urgent.check_child', 'q.urgent.which_child']);
    expect(r.asked).not.toContain('q.urgent.which');
    expect(engine.answerEffect('q.urgent.which_child', code).raise).toEqual([rule]);
  });

  it('two signs: the first in the list is picked (the prompt says "choose the first")', () => {
    const r = run({ area: 'skin', yesTo: ['weak_immune', 'looks_infected'] }, true);
    expect(r.ruleIds).toEqual(['rf.urgent.check', 'rf.urgent.infected']);
  });

  it('every rule is urgent, same day, like rf.urgent.check: the tier never changes; each cites its own NHS.uk page', () => {
    const check = engine.rule('rf.urgent.check');
    const rules = [...new Set([...ADULT, ...CHILD].map(([, , rule]) => rule))];
    expect(rules).toHaveLength(8);
    const urls = new Set<string>();
    for (const id of rules) {
      const rule = engine.rule(id);
      expect([id, rule?.tier, rule?.disposition]).toEqual([id, check?.tier, check?.disposition]);
      expect(rule?.source.url).toMatch(/^https:\/\/www\.nhs\.uk\//);
      urls.add(rule?.source.url ?? '');
    }
    expect(urls.size).toBe(rules.length);
  });

  it('"None of these, or not sure" raises nothing new: rf.urgent.check stays, urgent', () => {
    for (const id of WHICH) expect(engine.answerEffect(id, NONE)).toEqual({ raise: [], deny: [] });
    const picture: Picture = {
      need: 'need.new', texts: [], answers: { 'q.area': 'safety.area.skin', 'q.urgent.check': 'yes', 'q.urgent.which': NONE }, presentRuleIds: ['cx.area.skin', 'rf.urgent.check'], deniedRuleIds: [],
    };
    expect(engine.decide(picture)).toMatchObject({ tier: 'urgent', ruleIds: ['rf.urgent.check'] });
  });

  it('the buttons are the list\'s lines in its order, then "none"', () => {
    expect(engine.question('q.urgent.which').choices).toEqual([...ADULT.map(([, code]) => code), NONE]);
    expect(engine.question('q.urgent.which_child').choices).toEqual([...CHILD.map(([, code]) => code), NONE]);
    for (const id of WHICH) expect(engine.question(id).promptKey).toBe('safety.which.ask');
  });
});

describe('B. only after yes: never after no or not sure', () => {
  it('no sign (the answering patient says no): not asked', () => {
    const r = run({ area: 'head', yesTo: ['still_happening'], gold: 'routine' }, true);
    // Since H89 (round 22) the self-care check follows "no" to the urgent check (tests/triage/round22Selfcare.test.ts).
    expect(r.asked.slice(-2)).toEqual(['q.urgent.check', 'q.selfcare.check']);
    for (const id of WHICH) expect(r.asked).not.toContain(id);
  });

  it('a child with no sign: not asked', () => {
    const r = run({ area: 'child', who: 'other', ageYears: 6, text: 'my son has a problem I would like to ask about', yesTo: ['still_happening'], gold: 'routine' });
    for (const id of WHICH) expect(r.asked).not.toContain(id);
  });

  // After "no", since H89 (round 22), the self-care check (asked only while no rule is present); never "Which one is it?".
  it.each([['yes', 'q.urgent.which'], ['unsure', null], ['no', 'q.selfcare.check']] as const)('engine: after "%s" to the adult check the next question is %s', (answer, next) => {
    const picture: Picture = {
      need: 'need.new', texts: [], answers: { 'q.area': 'safety.area.skin' }, presentRuleIds: ['cx.area.skin'], deniedRuleIds: [], ageYears: 40,
    };
    const answers: Record<string, string> = { ...picture.answers };
    let present = [...picture.presentRuleIds];
    for (let i = 0; i < 30; i++) {
      const q = engine.nextQuestion({ ...picture, answers, presentRuleIds: present });
      if (!q || q.id === 'q.urgent.check') break;
      answers[q.id] = 'no';
    }
    answers['q.urgent.check'] = answer;
    present = [...present, ...engine.answerEffect('q.urgent.check', answer).raise];
    expect(engine.nextQuestion({ ...picture, answers, presentRuleIds: present })?.id ?? null).toBe(next);
  });

  it('statechart: typed "not sure" at the check goes on to "How long?", no follow-up', () => {
    const c = toCheck('eng');
    const reply = c.tap('unsure');
    expect(ctxOf(reply).triage.presentRuleIds).toContain('rf.urgent.check');
    expect(reply.result.state).toBe('duration');
    expect(ctxOf(reply).triage.askedQuestionIds).not.toContain('q.urgent.which');
  });
});

describe('C. it never delays a 999', () => {
  it('engine: not asked once the tier is an emergency, even after yes', () => {
    const picture: Picture = {
      need: 'need.new', texts: [], answers: { 'q.area': 'safety.area.skin', 'q.urgent.check': 'yes' }, presentRuleIds: ['cx.area.skin', 'rf.urgent.check', 'rf.check.sepsis'], deniedRuleIds: [],
    };
    expect(engine.decide(picture).tier).toBe('emergency');
    expect(engine.nextQuestion(picture)).toBeNull();
    // Without the emergency, the same picture reaches the follow-up once the skin questions are answered.
    const answers: Record<string, string> = { ...picture.answers };
    const calm = { ...picture, presentRuleIds: ['cx.area.skin', 'rf.urgent.check'] };
    let q = engine.nextQuestion({ ...calm, answers });
    for (let i = 0; i < 30 && q && q.id !== 'q.urgent.which'; i++) {
      answers[q.id] = 'no';
      q = engine.nextQuestion({ ...calm, answers });
    }
    expect(q?.id).toBe('q.urgent.which');
    expect(engine.nextQuestion({ ...picture, answers })).toBeNull();
  });

  it('engine: a pending confirm ("I had chest pain": is it happening now?) comes first', () => {
    const picture: Picture = {
      need: 'need.new', texts: [{ text: 'I had chest pain', lang: 'eng' }], answers: { 'q.area': 'safety.area.skin', 'q.urgent.check': 'yes' }, presentRuleIds: ['cx.area.skin', 'rf.urgent.check'], deniedRuleIds: [],
    };
    const first = engine.nextQuestion(picture);
    expect(first?.id).not.toBe('q.urgent.which');
    const pending = engine.screen('I had chest pain', 'eng').hits.find((h) => h.confirmQuestionId);
    expect(pending?.confirmQuestionId).toBe('q.chest_pain.now');
    expect(first?.id).toBe(pending?.confirmQuestionId);
  });

  it.each([
    ['the emergency check ticked', { recognises999Sign: 'chest_heart', area: 'chest' }],
    ['an area question (something else: face or arm gone weak)', { area: 'other', yesTo: ['arm_leg_weak', 'still_happening', 'looks_infected'] }],
    ['a child\'s fit', { area: 'child', who: 'other' as const, ageYears: 4, text: 'my son has a problem I would like to ask about', yesTo: ['fit', 'baby_yellow'] }],
  ])('statechart: an emergency (%s) is diverted, never asked the check nor the follow-up', (_label, extra) => {
    const r = run({ ...extra, gold: 'emergency' });
    expect(r.finalState).toBe('emergency');
    for (const id of ['q.urgent.check', 'q.urgent.check_child', ...WHICH]) expect(r.asked).not.toContain(id);
  });

  it('a 999 sign typed at the follow-up still diverts at once', () => {
    const c = toCheck('eng');
    expect(questionOf(c.tap('yes'))).toBe('q.urgent.which');
    const reply = c.say('now he has collapsed and is not breathing');
    expect(reply.result.state).toBe('emergency');
  });

  it('content check: a question that records may not raise above what its askIf answer raised, and must name askIf.answers', () => {
    const raw = loadTriageContent('dialogs');
    const bad = (patch: object) => {
      const complaints = structuredClone(raw.complaints);
      const which = complaints.find((c) => c.id === 'urgent_check')?.questions.find((q) => q.id === 'q.urgent.which');
      Object.assign(which as object, patch);
      return () => createTriageEngine({ ...raw, complaints });
    };
    expect(bad({})).not.toThrow();
    expect(bad({ effects: { [NONE]: { raise: ['rf.check.sepsis'], deny: [] } } })).toThrow(/above the tier/);
    expect(bad({ askIf: undefined })).toThrow(/must name askIf.answers/);
    expect(bad({ effects: { [NONE]: { raise: [], deny: ['rf.urgent.check'] } } })).toThrow(/denies nothing/);
  });
});

let n = 0;
const toCheck = (lang: LangCode) => toUrgentCheck(lang, `test:r21w-${++n}`);

describe('D. typed answers in all 20 languages reach each line', () => {
  const machine = buildMachine();
  const langs = content.languages.map((l) => l.code);
  const bcp47 = (code: LangCode) => content.languages.find((l) => l.code === code)?.bcp47 ?? '';
  /** The conversation at "Which one is it?" after a typed yes, kept so each typed answer is one turn from it. */
  const atWhich = (lang: LangCode) => {
    const c = toCheck(lang);
    const yes = (lookup(content.resources[bcp47(lang)], 'understand.words.yes') as unknown as string[])[0] as string;
    const reply = c.say(yes);
    expect([lang, questionOf(reply)]).toEqual([lang, 'q.urgent.which']);
    const last = c.last;
    const stored: StoredConversation = { machineVersion: last.machineVersion, snapshot: JSON.parse(JSON.stringify(last.snapshot)), updatedAt: '2026-03-04T10:00:00Z' };
    return (text: string) =>
      runTurn(machine, `test:r21w-${lang}`, stored, { kind: 'message', at: new Date('2026-03-04T10:01:00Z'), practice: openPractice, lang, text, tapped: false, attachments: 0 }, { idleMs: 30 * 60_000 });
  };
  const adultCodes = [...ADULT.map(([, code]) => code), NONE];

  it('has 20 languages', () => expect(langs).toHaveLength(20));

  it.each(langs)('%s: each button\'s title and each synonym, typed, is that line; its rule is raised', (lang) => {
    const answer = atWhich(lang);
    const tree = content.resources[bcp47(lang)];
    const wrong: string[] = [];
    for (const code of adultCodes) {
      const title = lookup(tree, `choice.${code}`) as string;
      const synonyms = lookup(tree, `choiceSyn.${code}`) as unknown as string[];
      expect([lang, code, typeof title, synonyms.length > 0]).toEqual([lang, code, 'string', true]);
      if (bcp47(lang) !== 'en') expect([lang, code, title === lookup(content.resources['en'], `choice.${code}`)]).toEqual([lang, code, false]);
      for (const typed of [title, ...synonyms]) {
        const result = answer(typed);
        const ctx = (result.snapshot as Snap).context;
        const rule = ADULT.find(([, c]) => c === code)?.[2];
        const got = [ctx.triage.answers['q.urgent.which'] ?? result.state, rule ? ctx.triage.presentRuleIds.includes(rule) : true, result.state];
        if (got.join() !== [code, true, 'duration'].join()) wrong.push(`${code} <- "${typed}": ${got.join(' ')}`);
      }
    }
    expect([lang, wrong]).toEqual([lang, []]);
  });

  it.each(langs)('%s: the child buttons have titles and synonyms too', (lang) => {
    const tree = content.resources[bcp47(lang)];
    for (const code of engine.question('q.urgent.which_child').choices) {
      expect([lang, code, typeof lookup(tree, `choice.${code}`), Array.isArray(lookup(tree, `choiceSyn.${code}`))]).toEqual([lang, code, 'string', true]);
    }
  });

  it('a number picks the line ("3" is the bite or needle); an unreadable answer, after the last try, is "none" (rf.urgent.check stays)', () => {
    const answer = atWhich('eng');
    expect((answer('3').snapshot as Snap).context.triage.answers['q.urgent.which']).toBe('today.bite_needle');
    const c = toCheck('eng');
    c.tap('yes');
    let reply: Reply = c.say('banana');
    for (let i = 0; i < 5 && reply.result.state === 'triageQuestion'; i++) reply = c.say('banana');
    expect(ctxOf(reply).triage.answers['q.urgent.which']).toBe(NONE);
    expect(ctxOf(reply).triage.presentRuleIds).toContain('rf.urgent.check');
  });
});

describe('E. staff read which sign: the request, the FHIR hand-off and the inbox name the rule and the sign', () => {
  it('yes, then "Looks infected", through to consent', () => {
    const c = toCheck('eng');
    expect(questionOf(c.tap('yes'))).toBe('q.urgent.which');
    const { stored } = finishIntake(c, c.tap('today.infected'));
    const request = stored?.request;
    expect(request?.triage.tier).toBe('urgent');
    expect(request?.triage.ruleIds).toEqual(['rf.urgent.check', 'rf.urgent.infected']);
    expect(request?.redFlags.filter((f) => f.ruleId === 'rf.urgent.infected')).toEqual([{ ruleId: 'rf.urgent.infected', ruleVersion: 1, via: 'question', answer: 'yes', present: true }]);
    const en = content.resources['en'];
    const english = (k: string) => (lookup(en, k) as string | undefined) ?? k;
    const text = JSON.stringify(toFhirBundle(request!, { englishText: english }));
    expect(text).toContain('set by rules: rf.urgent.check v1, rf.urgent.infected v1');
    expect(text).toContain('Red flag: rule rf.urgent.infected');
    expect(text).toContain('Which one is it? If more than one, choose the first.');
    expect(text).toContain('"display":"Looks infected"');
    const page = requestPage(request!, { id: 's', csrf: 'x', lastSeenMs: 0, user: { username: 'gp', name: 'GP', role: 'clinician' } }, {
      practiceName: 'Test Surgery', timeZone: 'Europe/London', now: new Date('2026-03-04T10:05:00Z'), english, staffNames: [],
    }).toString();
    expect(page).toContain('because: rf.urgent.check, rf.urgent.infected');
    expect(page).toMatch(/Which one is it\? If more than one, choose the first\.<\/dt><dd>Looks infected/);
  });
});

describe('F. the answering patient (bench) picks the first line whose sign is true', () => {
  const signs = loadPatientSigns('.');
  const q = engine.question('q.urgent.which');
  const v = (yesTo: string[]): Vignette => vagueVignette('r21', { gold: 'urgent', yesTo });

  it('maps each button to exactly the sign its line names, and the question to them all', () => {
    expect(signs.questions['q.urgent.which']).toEqual([ADULT.map(([s]) => s)]);
    expect(signs.questions['q.urgent.which_child']).toEqual([CHILD.map(([s]) => s)]);
    expect(signs.choices?.['q.urgent.which']).toEqual(Object.fromEntries(ADULT.map(([s, code]) => [code, [s]])));
    expect(signs.choices?.['q.urgent.which_child']).toEqual(Object.fromEntries(CHILD.map(([s, code]) => [code, [s]])));
  });

  it('first true sign in the list order; none true (or the silent patient): "none"', () => {
    expect(answerQuestion(engine, signs, v(['new_medicine_problem', 'bite_or_needle']), q)).toBe('today.bite_needle');
    expect(answerQuestion(engine, signs, v(['still_happening']), q)).toBe(NONE);
    expect(answerQuestion(engine, undefined, v(['looks_infected']), q)).toBe(NONE);
  });
});
