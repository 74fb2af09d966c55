import type { SnapshotFrom } from 'xstate';
import { TIER_RANK, type LangCode } from '../../src/domain/types.js';
import type { IntakeMachine } from '../../src/dialog/machine/intakeMachine.js';
import { pictureOf } from '../../src/dialog/machine/context.js';
import { wordsOf } from '../../src/dialog/machine/safety.js';
import { CHECK_ANSWERS } from '../../src/triage/safetySchema.js';
import { lookup } from '../../src/i18n/resources.js';
import { content, conversation, type Reply } from '../support/dialog.js';

/**
 * Hazard H52, the structured net for requests and for "Something else":
 *   A. a medicines or admin request told as a story (storyBeyondRequest.minWords words or more besides
 *      the request's own phrases) gets the emergency check and the area picker even when no rule knows
 *      its words; a short pure request does not;
 *   B. "Something else" asks one question listing hidden emergencies (heart attack without chest pain,
 *      a twisted testicle, cauda equina, stroke or TIA; since round 18, H80, chest pain now, swelling lips,
 *      tongue or throat or not swallowing, sudden confusion); "yes" or "not sure" asks the question of each,
 *      so the decision names the rule, and is never below urgent; the tummy area asks an adult about a
 *      heart attack felt as indigestion.
 */
type Snap = SnapshotFrom<IntakeMachine>;
const engine = content.triage;
const ctxOf = (r: Reply) => (r.result.snapshot as Snap).context;
const questionOf = (r: Reply) => ctxOf(r).triage.currentQuestionId;
const tierOf = (r: Reply) => engine.decide(pictureOf(ctxOf(r)));

let n = 0;
function opened(need: string, text: string, lang: LangCode = 'eng') {
  const c = conversation({ id: `test:story-${++n}`, lang });
  c.say('hello');
  c.tap(need);
  return { c, reply: c.say(text) };
}

describe('A. a request told as a story gets the emergency check and the area picker', () => {
  const { minWords, requestRules } = content.intake.storyBeyondRequest;

  it('keeps the length in content: a number of words, and request rules that exist', () => {
    expect(minWords).toBeGreaterThanOrEqual(3);
    for (const id of requestRules) expect([id, engine.rule(id)?.tier]).toEqual([id, 'routine']);
  });

  it('counts each Chinese character as a word, and words elsewhere', () => {
    expect(wordsOf('我需要开病假条')).toHaveLength(7);
    expect(wordsOf('I need a fit note, please. It is for work.')).toHaveLength(10);
    expect(wordsOf('Мені потрібен рецепт')).toHaveLength(3);
  });

  // Stories whose words name no symptom any rule knows: only their length brings the check.
  const STORIES: [LangCode, string, string][] = [
    ['eng', 'need.admin', 'I need a fit note for work please. Since Saturday things have not been right with me and my husband told me to write to you today.'],
    ['eng', 'need.medicines', 'Can I have my repeat prescription please. I have put all of them in a drawer for the weekend when I am alone at home and I have written letters to my children.'],
    ['pol', 'need.admin', 'Potrzebuję zwolnienia do pracy. Od soboty coś jest ze mną nie tak, nie wiem co robić, a mąż powiedział, żebym do was napisała.'],
    ['ukr', 'need.medicines', 'Мені потрібен рецепт на мої ліки. З суботи зі мною щось не так, я не знаю що робити, і чоловік сказав написати вам сьогодні.'],
    ['cmn', 'need.admin', '我需要开一张病假条。从周六开始我就觉得不对劲，不知道该怎么办，我丈夫让我给你们写信。'],
  ];
  it.each(STORIES)('%s %s: a long story gets the check, then the area picker', (lang, need, text) => {
    const { c, reply } = opened(need, text, lang);
    expect(engine.mentionsSymptom(pictureOf(ctxOf(reply)))).toBe(false);
    expect([reply.result.state, questionOf(reply)?.startsWith('q.check.')]).toEqual(['safetyCheck', true]);
    expect(c.tap(CHECK_ANSWERS.no).result.state).toBe('areaPick');
  });

  const SHORT: [LangCode, string, string][] = [
    ['eng', 'need.medicines', 'repeat prescription please'],
    ['eng', 'need.admin', 'need my blood test results'],
    ['eng', 'need.admin', 'fit note for work'],
    ['eng', 'need.medicines', 'Please can I have my repeat prescription sent to the chemist'],
    ['pol', 'need.medicines', 'Poproszę o nową receptę'],
    ['ukr', 'need.medicines', 'Мені потрібен рецепт на мої ліки'],
    ['cmn', 'need.admin', '我需要开病假条'],
  ];
  it.each(SHORT)('%s %s: a short pure request is not asked the check nor the area ("%s")', (lang, need, text) => {
    const { reply } = opened(need, text, lang);
    expect(engine.mentionsSymptom(pictureOf(ctxOf(reply)))).toBe(false);
    expect(reply.result.state).toBe('wants');
    expect(ctxOf(reply).triage.askedQuestionIds).toEqual([]);
  });

  it('finds an emergency told in unknown words inside a request through the area picker (cauda equina, "Something else")', () => {
    const { c } = opened('need.admin', STORIES[0]![2]);
    c.tap(CHECK_ANSWERS.no);
    const q = c.tap('safety.area.other');
    expect(questionOf(q)).toBe('q.general.hidden');
    expect(questionOf(c.tap('yes'))).toBe('q.other.arm_jaw');
    expect(questionOf(c.tap('no'))).toBe('q.other.testicle');
    expect(questionOf(c.tap('no'))).toBe('q.other.numb');
    const end = c.tap('yes');
    expect(end.result.state).toBe('emergency');
    expect(tierOf(end).ruleIds).toContain('rf.cauda_equina');
  });
});

describe('B. "Something else" asks about hidden emergencies in one question', () => {
  const toOther = (lang: LangCode = 'eng') => {
    const { c } = opened('need.new', 'I feel a bit funny and not myself', lang);
    c.tap(CHECK_ANSWERS.no);
    return { c, reply: c.tap('safety.area.other') };
  };
  const hidden = engine.question('q.general.hidden');

  // At most 5 lines until round 18 (H80) added chest pain, swelling or not swallowing, and sudden confusion: now at most 8.
  it('lists at most 8 lines, each a plain sentence in every language, before one yes / no / not sure question', () => {
    expect(hidden.lines?.length).toBeGreaterThanOrEqual(4);
    expect(hidden.lines!.length).toBeLessThanOrEqual(8);
    expect(hidden.choices).toEqual(['yes', 'no', 'unsure']);
    expect(content.languages).toHaveLength(20);
    for (const { code, bcp47 } of content.languages) {
      const tree = content.resources[bcp47];
      for (const key of [...hidden.lines!, hidden.promptKey, 'triage.general.pee_poo']) expect([code, key, typeof lookup(tree, key)]).toEqual([code, key, 'string']);
    }
    const { reply } = toOther();
    const keys = ctxOf(reply).say.map((m) => m.key);
    expect(keys.slice(-hidden.lines!.length - 1)).toEqual([...hidden.lines!, hidden.promptKey]);
  });

  it('ties each individual question to an emergency rule with an NHS source', () => {
    for (const id of ['q.other.arm_jaw', 'q.other.testicle', 'q.other.numb', 'q.other.legs', 'q.other.bladder', 'q.other.stroke', 'q.other.swelling', 'q.other.swallow', 'q.other.confused', 'q.area.tummy.arm_jaw']) {
      const raised = engine.answerEffect(id, 'yes').raise;
      const rules = raised.map((r) => engine.rule(r));
      expect([id, rules.map((r) => r?.tier)]).toEqual([id, ['emergency']]);
      expect(rules[0]?.source.url).toMatch(/^https:\/\/www\.nhs\.uk\//);
    }
  });

  it('"no" goes on in one turn to the other general questions', () => {
    const { c, reply } = toOther();
    expect(questionOf(reply)).toBe('q.general.hidden');
    const next = c.tap('no');
    expect(questionOf(next)).toBe('q.general.very_unwell');
    expect(ctxOf(next).triage.askedQuestionIds.filter((q) => q.startsWith('q.other.'))).toEqual([]);
  });

  it.each(['yes', 'unsure'])('"%s" asks each sign, and a yes names its rule (a twisted testicle: A&E)', (first) => {
    const { c } = toOther();
    expect(questionOf(c.tap(first))).toBe('q.other.arm_jaw');
    expect(questionOf(c.tap('no'))).toBe('q.other.testicle');
    const end = c.tap('yes');
    expect(end.result.state).toBe('emergency');
    expect(tierOf(end).ruleIds).toEqual(['rf.testicle.sudden']);
  });

  it('"yes" then no to every sign: never below urgent', () => {
    const { c } = toOther();
    let reply = c.tap('yes');
    const asked: string[] = [];
    for (let i = 0; i < 14 && questionOf(reply)?.startsWith('q.other.'); i++) {
      asked.push(questionOf(reply) ?? '');
      reply = c.tap('no');
    }
    // Round 18 (H80): chest pain now, swelling, not swallowing and sudden confusion follow the first six.
    expect(asked).toEqual([
      'q.other.arm_jaw', 'q.other.testicle', 'q.other.numb', 'q.other.legs', 'q.other.bladder', 'q.other.stroke',
      'q.other.chest', 'q.other.swelling', 'q.other.swallow', 'q.other.confused',
    ]);
    expect(tierOf(reply).tier).toBe('urgent');
    expect(tierOf(reply).ruleIds).toContain('rf.other.hidden');
  });

  it('asks the list even when the words already made it urgent (an answer that opens questions is asked)', () => {
    const picture = { need: 'need.new' as const, texts: [{ text: 'I have been coughing up blood', lang: 'eng' as LangCode }], answers: { 'q.area': 'safety.area.other' }, presentRuleIds: ['cx.area.other'], deniedRuleIds: [] };
    expect(TIER_RANK[engine.decide(picture).tier]).toBeGreaterThanOrEqual(TIER_RANK.urgent);
    const seen: string[] = [];
    let answers: Record<string, string> = { ...picture.answers };
    for (let i = 0; i < 10; i++) {
      const q = engine.nextQuestion({ ...picture, answers });
      if (!q) break;
      seen.push(q.id);
      answers = { ...answers, [q.id]: 'no' };
    }
    expect(seen).toContain('q.general.hidden');
  });

  it('asks an adult who taps "Tummy" about a heart attack felt as indigestion, and not a child', () => {
    const { c } = opened('need.new', 'I have indigestion and I feel awful');
    c.tap(CHECK_ANSWERS.no);
    let reply = c.tap('safety.area.tummy');
    const asked: string[] = [];
    for (let i = 0; i < 10 && reply.result.state === 'triageQuestion' && questionOf(reply) !== 'q.area.tummy.arm_jaw'; i++) {
      asked.push(questionOf(reply) ?? '');
      reply = c.tap('no');
    }
    expect(questionOf(reply)).toBe('q.area.tummy.arm_jaw');
    const end = c.tap('yes');
    expect(end.result.state).toBe('emergency');
    expect(tierOf(end).ruleIds).toEqual(['rf.heart_attack.no_chest']);

    const child = engine.nextQuestion({
      need: 'need.new', texts: [{ text: 'tummy ache', lang: 'eng' }], ageYears: 6, presentRuleIds: ['cx.area.tummy'], deniedRuleIds: [],
      answers: { 'q.area': 'safety.area.tummy', 'q.abdo.severe': 'no', 'q.abdo.blood': 'no', 'q.abdo.pregnant': 'no', 'q.abdo.testicle': 'no', 'q.abdo.diabetes': 'no' },
    });
    expect(child?.id).not.toBe('q.area.tummy.arm_jaw');
  });
});
