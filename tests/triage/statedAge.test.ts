import { createDialogDriver } from '../../bench/triageDialog.js';
import type { Vignette } from '../../bench/triageSim.js';
import type { LangCode } from '../../src/domain/types.js';
import { createTriageEngine, loadTriageContent } from '../../src/triage/index.js';
import type { Picture } from '../../src/triage/types.js';

/**
 * The age the patient writes (s9-age, hazard H45): "my 2 year old", "mi hijo de 2 años", "我儿子2岁"
 * choose the check's version before the date of birth is asked, and (where statedAge.json
 * hidesCheckLines allows it) an age in years of 2 or more hides the baby line; weeks and months never
 * hide it; durations and pregnancy weeks are no age.
 * Whole conversations through the statechart (the bench's driver, runTurn), and the engine's seam.
 */
const driver = createDialogDriver();
const { engine } = driver;
/** The same content with statedAge.json hidesCheckLines on (off in the shipped content, hazard H45). */
const content = loadTriageContent('dialogs');
const hiding = createTriageEngine({ ...content, statedAge: { ...(content.statedAge as NonNullable<typeof content.statedAge>), hidesCheckLines: true } });

/** A parent (or an adult) whose simulated patient would pick the baby line if the check showed it. */
const vignette = (id: string, lang: LangCode, text: string, ageYears: number, extra: Partial<Vignette> = {}): Vignette => ({
  id,
  text,
  need: 'need.new',
  gold: 'urgent',
  answers: {},
  source: 'stated-age',
  tags: [],
  lang,
  who: 'other',
  ageYears,
  recognises999Sign: 'child_baby',
  area: 'other',
  ...extra,
});
const picture = (text: string, lang: LangCode = 'eng', ageYears?: number): Picture => ({
  need: 'need.new', texts: [{ text, lang }], answers: {}, presentRuleIds: [], deniedRuleIds: [], ...(ageYears !== undefined ? { ageYears } : {}),
});

describe('an age stated in the description', () => {
  // Written for this test (not copied from any evaluation set): a toddler with a cough, in five languages.
  const toddlers: [LangCode, string][] = [
    ['eng', 'my 2 year old has had a cough and a runny nose since Monday'],
    ['spa', 'mi hija de 3 años tiene tos y mocos desde el lunes'],
    ['pol', 'mój 4-letni syn ma kaszel i katar od poniedziałku'],
    ['cmn', '我女儿3岁，从星期一开始咳嗽流鼻涕'],
    ['ben', 'আমার ৩ বছরের মেয়ের সোমবার থেকে কাশি আর সর্দি'],
    ['tur', '3 yaşındaki kızım pazartesiden beri öksürüyor'],
  ];
  it.each(toddlers)('a toddler (%s) gets the child check, without the baby line only where hidesCheckLines allows it', (lang, text) => {
    const p = picture(text, lang);
    expect(engine.checkVersion(p)).toBe('child');
    expect(hiding.checkVersion(p)).toBe('child');
    expect(hiding.checkLines(p, 'child')).not.toContain('child_baby');
    // Shipped content: only the date of birth hides the line (the check is shown before it).
    expect(engine.checkLines(p, 'child')).toContain('child_baby');
    const run = driver.run(vignette(`toddler-${lang}`, lang, text, 3));
    expect(run.error).toBeUndefined();
    expect(run.check?.version).toBe('child');
  });

  const babies: [LangCode, string][] = [
    ['eng', 'my 3 week old is very sleepy and not feeding well'],
    ['fra', 'mon bébé de 3 semaines dort beaucoup et boit mal'],
    ['tam', 'என் 3 வார குழந்தை சரியாக பால் குடிக்கவில்லை'],
    ['pes', 'نوزادم ۲۰ روزشه و خوب شیر نمیخوره'],
  ];
  it.each(babies)('a baby in weeks or days (%s) is shown the baby line', (lang, text) => {
    const run = driver.run(vignette(`baby-${lang}`, lang, text, 3 / 52, { gold: 'emergency' }));
    expect(run.check?.version).toBe('child');
    expect(run.check?.answers).toContain('safety.line.child_baby');
    expect(run.tier).toBe('emergency');
  });

  it('weeks and months never hide the baby line, nor does an age under 2 in years', () => {
    for (const text of ['my 18 month old has a cough', 'my 10 week old has a cough', 'my 1 year old has a cough', 'mi bebé de 14 meses tiene tos']) {
      const p = picture(text, text.startsWith('mi ') ? 'spa' : 'eng');
      expect(engine.checkVersion(p)).toBe('child');
      expect(engine.checkLines(p, 'child')).toContain('child_baby');
      expect(hiding.checkLines(p, 'child')).toContain('child_baby');
    }
  });

  it.each([
    ['eng', 'my son (34) has had diarrhoea since yesterday'],
    ['eng', 'my son is 34 and has had diarrhoea since yesterday'],
    ['urd', 'میرا بیٹا 34 سال کا ہے، کل سے دست لگے ہوئے ہیں'],
  ] as [LangCode, string][])('an adult son (%s: "%s") gets the adult check and no child questions', (lang, text) => {
    const run = driver.run(vignette(`son-${lang}`, lang, text, 34, { gold: 'routine', recognises999Sign: null, area: 'tummy' }));
    expect(run.error).toBeUndefined();
    expect(run.check?.version).toBe('adult');
    expect(run.asked.filter((id) => id.startsWith('q.child.'))).toEqual([]);
  });

  it.each([
    ['eng', "my son has had a cough for 2 years"],
    ['eng', "I'm 32 weeks pregnant and have a cough"],
    ['eng', 'I took 2 paracetamol 3 weeks ago and my temperature was 38.5'],
    ['spa', 'mi hijo tiene tos desde hace más de 2 años'],
    ['fra', 'mon fils tousse depuis 2 ans'],
    ['ita', 'mio figlio ha la tosse da 2 anni'],
    ['pol', 'mój syn kaszle od 2 lat'],
    ['tur', 'oğlumun 3 günlük öksürüğü var'],
    ['cmn', '我怀孕32周了，咳嗽'],
    ['pes', 'پسرم ۲ ساله که سرفه می کنه'],
  ] as [LangCode, string][])('reads no age from durations, pregnancy weeks, doses and temperatures (%s: "%s")', (lang, text) => {
    const p = picture(text, lang);
    // As with no age at all: the child version only from a child's words, and every line shown.
    expect(hiding.checkLines(p, 'child')).toContain('child_baby');
    const withoutAge = picture(text.replace(/\d+|[۰-۹]+/g, ''), lang);
    expect(engine.checkVersion(p)).toBe(engine.checkVersion(withoutAge));
  });

  it("a writer's own adult age never turns a child's story into an adult's", () => {
    for (const [lang, text] of [
      ['eng', "I'm 26 and my newborn is not feeding"],
      ['eng', 'I am 34 years old, my son has had diarrhoea since yesterday'],
      ['spa', 'tengo 30 años y mi bebé no come'],
      ['pes', 'نوزادم شیر نمیخوره، من ۲۶ سالمه'],
    ] as [LangCode, string][]) {
      const p = picture(text, lang);
      expect(engine.checkVersion(p)).toBe('child');
      expect(hiding.checkLines(p, 'child')).toContain('child_baby');
      expect(engine.complaintsFor(p)).toContain('child_unwell');
    }
    // Said of the son, the age counts.
    expect(engine.checkVersion(picture("my son (34) has had diarrhoea since yesterday, I'm 60"))).toBe('adult');
  });

  it('the date of birth wins once given', () => {
    const p = picture('my son (34) has had diarrhoea since yesterday', 'eng', 3);
    expect(engine.checkVersion(p)).toBe('child');
    expect(engine.checkVersion(picture('my 2 year old has a cough', 'eng', 30))).toBe('adult');
    // An age in weeks from the text never outlives a date of birth of a 3-year-old: the line hides by the date of birth.
    expect(engine.checkLines(picture('my 3 week old has a cough', 'eng', 3), 'child')).not.toContain('child_baby');
    expect(hiding.checkLines(picture('my 2 year old has a cough', 'eng', 0.05), 'child')).toContain('child_baby');
  });

  it('a stated baby age feeds the babies\' fever rule; a stated age in years skips the baby fever question', () => {
    const baby = picture('my 6 week old has a temperature of 38', 'eng');
    expect(engine.decide(baby).tier).not.toBe('routine');
    expect(engine.decide(baby).ruleIds.some((id) => id.startsWith('rf.fever.'))).toBe(true);
    const toddler = picture('my 2 year old has a temperature', 'eng');
    const asked: string[] = [];
    const answers: Record<string, string> = {};
    for (let i = 0; i < 30; i++) {
      const q = engine.nextQuestion({ ...toddler, answers });
      if (!q) break;
      asked.push(q.id);
      answers[q.id] = 'no';
    }
    expect(asked).not.toContain('q.fever.baby');
    // In months it is still asked (a misread unit must not skip a baby's question).
    const months = picture('my 5 month old has a temperature', 'eng');
    const askedMonths: string[] = [];
    const a2: Record<string, string> = {};
    for (let i = 0; i < 30; i++) {
      const q = engine.nextQuestion({ ...months, answers: a2 });
      if (!q) break;
      askedMonths.push(q.id);
      a2[q.id] = 'no';
    }
    expect(askedMonths).toContain('q.fever.baby');
  });
});
