import type { LangCode } from '../../src/domain/types.js';
import { pictureOf } from '../../src/dialog/machine/context.js';
import type { IntakeContext } from '../../src/dialog/machine/types.js';
import type { Picture } from '../../src/triage/types.js';
import { loadPatientSigns } from '../../bench/answeringPatient.js';
import { firstAnswerWord, promptIn, questionIdOf, toArea } from '../support/areaConversation.js';
import { content, conversation, projectRoot } from '../support/dialog.js';
import { askedFor, decideText, raisedBy } from '../support/triage.js';

/**
 * Round 23 (helper s23-urgent, hazard H94): an adult who picks the skin, tummy or breathing area is asked one more
 * question before the urgent check, "Do you have a high temperature, or feel hot and shivery?" (dialogs/complaints/
 * area23_fever.json). Yes or not sure is urgent, the same day (rf.u23.skin_fever, rf.u23.tummy_fever,
 * rf.u23.breathing_fever; NHS.uk Boils and carbuncles, Cellulitis, Diverticulitis, Pneumonia). Never for a child (the
 * child and fever questions read a child's temperature), never in the other areas, and not in the tummy area when the
 * words tell of a tummy bug (a tummy bug with a temperature is self-care).
 */
const engine = content.triage;
const FEVER_Q: Record<string, string> = { skin: 'q.u23.skin.fever', tummy: 'q.u23.tummy.fever', breathing: 'q.u23.breathing.fever' };
const FEVER_RULE: Record<string, string> = { skin: 'rf.u23.skin_fever', tummy: 'rf.u23.tummy_fever', breathing: 'rf.u23.breathing_fever' };
const ALL_FEVER_QS = Object.values(FEVER_Q);

const picture = (area: string, p: Partial<Picture> = {}): Picture => ({
  need: 'need.new', texts: [], answers: { 'q.area': `safety.area.${area}` }, presentRuleIds: [`cx.area.${area}`], deniedRuleIds: [], ...p,
});
// "No" to these raises a rule (cannot keep fluids down; not a woman), so they are answered "yes" as a benign patient would.
const benign: Record<string, string> = { 'q.gastro.fluids': 'yes', 'q.urinary.woman': 'yes' };
/** Types no to each question until `id` is asked (yes where no would raise: "can you keep fluids down?"), checks its prompt, then types `answer`. */
function answerAt(c: ReturnType<typeof conversation>, lang: LangCode, id: string, answer: string): void {
  const no = firstAnswerWord(lang, 'no');
  const yes = firstAnswerWord(lang, 'yes');
  let asked = c.last;
  let text = '';
  for (let i = 0; i < 25 && c.last.state === 'triageQuestion' && questionIdOf(c) !== id; i++) {
    const reply = c.say(questionIdOf(c) !== undefined && benign[questionIdOf(c) as string] === 'yes' ? yes : no);
    asked = reply.result;
    text = reply.text;
  }
  expect([asked.state, questionIdOf(c)]).toEqual(['triageQuestion', id]);
  expect(text).toContain(promptIn(lang, id));
  c.say(answer);
}
const decided = (c: ReturnType<typeof conversation>) => engine.decide(pictureOf((c.last.snapshot as { context: IntakeContext }).context));

describe('A. which patients are asked about a temperature', () => {
  it.each(['skin', 'tummy', 'breathing'])('an adult who picks %s is asked once, before the urgent check', (area) => {
    const { asked } = askedFor(picture(area, { ageYears: 40 }), benign);
    expect(asked.filter((q) => ALL_FEVER_QS.includes(q))).toEqual([FEVER_Q[area]]);
    expect(asked.indexOf(FEVER_Q[area] as string)).toBeLessThan(asked.indexOf('q.urgent.check'));
  });

  it.each(['skin', 'tummy', 'breathing'])('in pregnancy (%s) it is asked too', (area) => {
    const { asked } = askedFor(picture(area, { presentRuleIds: [`cx.area.${area}`, 'cx.pregnant'] }), benign);
    expect(asked).toContain(FEVER_Q[area]);
  });

  it.each(['chest', 'head', 'injury', 'eye', 'waterworks', 'mental', 'other'])('an adult who picks %s is not asked', (area) => {
    const { asked } = askedFor(picture(area, { ageYears: 40 }), benign);
    expect(asked.filter((q) => ALL_FEVER_QS.includes(q))).toEqual([]);
  });

  it.each(['skin', 'tummy', 'breathing'])('a child (%s, age 6 by date of birth) is not asked: the child questions read a child\'s temperature', (area) => {
    const { asked } = askedFor(picture(area, { ageYears: 6 }), benign);
    expect(asked.filter((q) => ALL_FEVER_QS.includes(q))).toEqual([]);
    expect(asked).toContain('q.urgent.check_child');
  });

  it('the tummy area is not asked when the words tell of a tummy bug (diarrhoea or being sick: self-care with a temperature)', () => {
    const { asked } = askedFor(picture('tummy', { ageYears: 40, presentRuleIds: ['cx.area.tummy', 'cx.gastro'] }), benign);
    expect(asked).not.toContain('q.u23.tummy.fever');
  });

  it('not asked once another rule has made it urgent (an answer could not raise the tier)', () => {
    const { asked } = askedFor(picture('skin', { ageYears: 40, presentRuleIds: ['cx.area.skin', 'rf.urgent.check'] }), benign);
    expect(asked).not.toContain('q.u23.skin.fever');
  });
});

describe('B. what the answer decides', () => {
  it.each(['skin', 'tummy', 'breathing'])('%s: yes is urgent with its own rule; no leaves the tier where it was', (area) => {
    const yes = askedFor(picture(area, { ageYears: 40 }), { ...benign, [FEVER_Q[area] as string]: 'yes' });
    const decidedYes = engine.decide({ ...picture(area, { ageYears: 40 }), answers: yes.answers, presentRuleIds: [`cx.area.${area}`, ...raisedBy(yes.answers)] });
    expect(decidedYes.tier).toBe('urgent');
    expect(decidedYes.ruleIds).toContain(FEVER_RULE[area]);
    const no = askedFor(picture(area, { ageYears: 40 }), benign);
    const decidedNo = engine.decide({ ...picture(area, { ageYears: 40 }), answers: no.answers, presentRuleIds: [`cx.area.${area}`, ...raisedBy(no.answers)] });
    expect(decidedNo.ruleIds).not.toContain(FEVER_RULE[area]);
    expect(decidedNo.tier).not.toBe('urgent');
  });

  it('not sure resolves upward (urgent)', () => {
    expect(engine.answerEffect('q.u23.breathing.fever', 'unsure').raise).toEqual(['rf.u23.breathing_fever']);
  });

  it('each rule is urgent, same day, and cites NHS.uk', () => {
    for (const id of Object.values(FEVER_RULE)) {
      const rule = engine.rule(id);
      expect([id, rule?.tier, rule?.disposition]).toEqual([id, 'urgent', 'gp_same_day']);
      expect(rule?.source.url).toMatch(/^https:\/\/www\.nhs\.uk\/conditions\//);
    }
  });

  it('the answering patient says yes only with the fever sign (bench/patientSigns.json)', () => {
    const signs = loadPatientSigns(projectRoot);
    for (const q of ALL_FEVER_QS) expect(signs.questions[q]).toEqual([['fever']]);
  });
});

describe('C. whole conversations, typed in the patient\'s language', () => {
  it.each([
    ['eng', 'skin'],
    ['spa', 'tummy'],
    ['pol', 'breathing'],
    ['urd', 'skin'],
    ['cmn', 'breathing'],
    ['som', 'tummy'],
    ['cym', 'skin'],
    ['arb', 'breathing'],
  ] as const)('%s, %s: a typed yes to the temperature question ends urgent with its rule', (lang, area) => {
    const { c } = toArea(lang as LangCode, area, '40', `test:r23-${lang}-${area}-yes`);
    const no = firstAnswerWord(lang as LangCode, 'no');
    answerAt(c, lang as LangCode, FEVER_Q[area] as string, firstAnswerWord(lang as LangCode, 'yes'));
    for (let i = 0; i < 20 && ['triageQuestion', 'confirm'].includes(c.last.state); i++) c.say(no);
    expect(c.last.state).not.toBe('emergency');
    expect(decided(c).tier).toBe('urgent');
    expect(decided(c).ruleIds).toContain(FEVER_RULE[area]);
  });

  it.each([
    ['eng', 'skin'],
    ['fra', 'skin'],
    ['tur', 'breathing'],
    ['ita', 'tummy'],
  ] as const)('%s, %s: a typed no to it raises nothing of its own', (lang, area) => {
    const { c } = toArea(lang as LangCode, area, '40', `test:r23-${lang}-${area}-no`);
    const no = firstAnswerWord(lang as LangCode, 'no');
    answerAt(c, lang as LangCode, FEVER_Q[area] as string, no);
    for (let i = 0; i < 20 && ['triageQuestion', 'confirm'].includes(c.last.state); i++) c.say(no);
    expect(decided(c).ruleIds).not.toContain(FEVER_RULE[area]);
  });
});

describe('D. a bite by an animal or a person is urgent (NHS.uk Animal and human bites; rf.u23.animal_bite)', () => {
  it.each([
    ['eng', 'My neighbour\'s cat bit my hand this afternoon'],
    ['spa', 'Ayer me mordió un perro en el brazo'],
    ['pol', 'Wczoraj pies mnie ugryzł w nogę'],
    ['cmn', '今天早上我被狗咬了'],
    ['tur', 'Bu sabah köpek ısırdı'],
  ])('%s: "%s" is urgent, same day', (lang, text) => {
    const d = decideText(text, lang);
    expect([d.tier, d.ruleIds]).toEqual(['urgent', expect.arrayContaining(['rf.u23.animal_bite'])]);
  });

  it.each([
    ['eng', 'I bit my tongue eating my dinner'],
    ['eng', 'A mosquito bit me and it is itchy'],
    // Lead fix after the merge: 'bit' is a filler word ('a bit'); without keepFiller on cx.sc.animal, 'dog bit' was read as 'dog'.
    ['eng', 'Our dog was barking at the postman all morning'],
    ['eng', 'I have a rash since we got a dog'],
    ['spa', 'Tengo tos desde que tenemos un perro'],
  ])('%s: "%s" is not an animal bite', (lang, text) => {
    expect(decideText(text, lang).ruleIds).not.toContain('rf.u23.animal_bite');
  });

  it('the rule cites NHS.uk and is urgent, same day', () => {
    const rule = engine.rule('rf.u23.animal_bite');
    expect([rule?.tier, rule?.disposition, rule?.source.url]).toEqual(['urgent', 'gp_same_day', 'https://www.nhs.uk/conditions/animal-and-human-bites/']);
  });
});
