import { createTriageEngine, loadTriageContent } from '../../src/triage/index.js';
import { loadVignettes, simulate } from '../../bench/triageSim.js';

/**
 * Round 10 (helper "s10-urgent"): NHS.uk "ask for an urgent GP appointment or get help from NHS 111" signs
 * that ended at self-care or routine because only a generic context fired (H46): croup, giant cell
 * arteritis (over 50), appendicitis, a red, hot, swollen joint or skin with a temperature, cellulitis,
 * something in the eye and still red after washing, blood in phlegm. The phrases
 * (tests/triage/vignettes/round10-urgent.json) were written from the NHS pages, one per sign per language
 * at least, never copied from the held-out or opened sets. Each must land on urgent; the near-misses
 * below must not raise the new rules.
 */
const engine = createTriageEngine(loadTriageContent('dialogs'));
const cases = loadVignettes('tests/triage/vignettes').filter((v) => v.id.startsWith('r10-urgent-'));
// Source keys of tests/triage/vignettes/sources.json: a hot joint with a temperature is 'gout', an eye still red after
// something got in it 'eyeinj', blood in phlegm 'coughblood'.
const SIGNS = ['croup', 'gca', 'appendicitis', 'gout', 'cellulitis', 'eyeinj', 'coughblood'];
const picture = (text: string, lang: string) => ({ need: 'need.new' as const, texts: [{ text, lang: lang as never }], answers: {}, presentRuleIds: [], deniedRuleIds: [] });

describe('round 10 urgent signs', () => {
  it.each(SIGNS)('has the sign %s in each of the 20 languages', (sign) => {
    const langs = new Set(cases.filter((v) => v.source === sign).map((v) => v.lang ?? 'eng'));
    expect(langs.size).toBe(20);
  });

  it.each(cases.map((v) => [v.id, v.lang ?? 'eng', v] as const))('lands on its gold tier: %s (%s)', (_id, _lang, v) => {
    expect(simulate(engine, v).outcome.tier).toBe(v.gold);
  });

  it('asks the skin area whether a hot, swollen patch is spreading, and yes raises cellulitis (urgent)', () => {
    expect(engine.answerEffect('q.rash.spreading', 'yes').raise).toEqual(['rf.skin.cellulitis']);
    expect(engine.rule('rf.skin.cellulitis')?.tier).toBe('urgent');
    const skin = { ...picture('I have a problem with my skin', 'eng'), presentRuleIds: ['cx.area.skin'] };
    const asked: string[] = [];
    const answers: Record<string, string> = {};
    for (let q = engine.nextQuestion(skin); q && asked.length < 10; q = engine.nextQuestion({ ...skin, answers })) {
      asked.push(q.id);
      answers[q.id] = 'no';
    }
    expect(asked).toContain('q.rash.spreading');
  });

  it('needs an age of 50 or more for the giant cell arteritis combination', () => {
    const text = 'my temple aches and my jaw hurts when I chew';
    expect(engine.decide({ ...picture(text, 'eng'), ageYears: 72 }).ruleIds).toContain('rf.gca');
    expect(engine.decide({ ...picture(text, 'eng'), ageYears: 35 }).ruleIds).not.toContain('rf.gca');
    expect(engine.decide(picture(text, 'eng')).ruleIds).not.toContain('rf.gca');
  });

  it.each([
    ['eng', 'the dog next door keeps barking all night and I cannot sleep', 'rf.croup'],
    ['eng', 'I am 30 and I get headaches at my temples when I am stressed', 'rf.gca'],
    ['eng', 'my jaw clicks when I chew', 'rf.gca'],
    ['eng', 'my big toe is red hot and swollen', 'rf.skin.cellulitis'],
    ['eng', 'sunburn, my shoulders are red, hot and swollen', 'rf.skin.cellulitis'],
    ['spa', 'tengo la garganta roja e hinchada y tengo calor', 'rf.skin.cellulitis'],
    ['ita', 'ho la gola rossa e gonfia', 'rf.skin.cellulitis'],
    ['eng', 'I have a lower right tooth that aches', 'rf.abdo.appendix'],
    ['pan', 'ਗੋਡਾ ਥੋੜ੍ਹਾ ਸੁੱਜਿਆ ਹੈ ਪਰ ਲਾਲ ਜਾਂ ਗਰਮ ਨਹੀਂ', 'rf.skin.cellulitis'],
    ['cmn', '邻居家的狗一直叫', 'rf.croup'],
  ] as const)('%s: "%s" does not raise %s', (lang, text, ruleId) => {
    const ids = [...engine.screen(text, lang).hits.map((h) => h.ruleId), ...engine.decide(picture(text, lang)).ruleIds];
    expect(ids).not.toContain(ruleId);
  });

  it.each([
    ['eng', 'my throat is red and swollen and I feel hot', 'selfcare'],
    ['eng', 'I got shampoo in my eye, rinsed it and it is fine now', 'selfcare'],
  ] as const)('%s: "%s" stays %s', (lang, text, tier) => {
    expect(engine.decide(picture(text, lang)).tier).toBe(tier);
  });
});
