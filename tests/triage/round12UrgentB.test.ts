import { readFileSync } from 'node:fs';
import { createDialogDriver } from '../../bench/triageDialog.js';
import type { Vignette } from '../../bench/triageSim.js';
import { content } from '../support/dialog.js';
import { decideText, tierOf } from '../support/triage.js';

/**
 * Round 12 (helper "s12-urgent-b", hazard H58): urgent signs from NHS.uk pages that no rule or
 * question knew. A hot, red or swollen joint with a high temperature or shivers (NHS.uk Gout,
 * Septic arthritis); UTI symptoms in a man (NHS.uk UTIs); a red or sore eye in a contact lens
 * wearer, or something still felt in the eye after washing it (NHS.uk Red eye, Eye injuries);
 * mental health help needed today (NHS.uk Where to get urgent help for mental health). The
 * vignettes below are written from the NHS pages, not copied from the opened sets.
 */
const engine = content.triage;
const driver = createDialogDriver();

// Engine language code -> locales folder.
const LOCALE: Record<string, string> = {
  eng: 'en', cym: 'cy', arb: 'ar', ben: 'bn', spa: 'es', pes: 'fa', fra: 'fr', guj: 'gu', ita: 'it', lit: 'lt',
  pan: 'pa-Guru', pol: 'pl', por: 'pt', ron: 'ro', som: 'so', tam: 'ta', tur: 'tr', ukr: 'uk', urd: 'ur', cmn: 'zh-Hans',
};

interface RuleFile { rules: { id: string; triggers?: Record<string, string[]> }[] }
const rulesOf = (file: string): RuleFile['rules'] => (JSON.parse(readFileSync(`dialogs/redflags/${file}`, 'utf8')) as RuleFile).rules;
const wordsOf = (file: string, id: string, lang: string): string[] => rulesOf(file).find((r) => r.id === id)?.triggers?.[lang] ?? [];

const caseOf = (extra: Partial<Vignette>): Vignette => ({
  id: 'round12-urgent-b', text: '', need: 'need.new', gold: 'urgent', answers: {}, source: 'test', tags: [],
  who: 'self', ageYears: 45, recognises999Sign: null, ...extra,
});
const hasRule = (text: string, lang: string, id: string): boolean => decideText(text, lang).ruleIds.includes(id);

describe('round 12: a hot swollen joint with a temperature (H58, NHS.uk Gout)', () => {
  it('is urgent with a temperature told in words or as a reading, and routine without one', () => {
    expect(tierOf('my knee has gone hot and swollen and I feel shivery')).toBe('urgent');
    expect(tierOf('woke up with my big toe swollen and red, temperature 38.4')).toBe('urgent');
    expect(tierOf('my big toe is swollen and red since last night, I cannot bear the sheet on it')).toBe('routine');
  });

  it('does not read a hot, burning joint as a minor burn (pf.burn.minor)', () => {
    expect(hasRule('大脚趾红肿，烫得厉害', 'cmn', 'pf.burn.minor')).toBe(false);
    expect(hasRule('I burnt my finger on the oven, it is red', 'eng', 'pf.burn.minor')).toBe(true);
  });

  it.each(Object.keys(LOCALE))('%s: a joint word beside a swollen word, with a fever word, is urgent (rf.joint.fever)', (lang) => {
    const joint = wordsOf('urgent_round12.json', 'cx.word.joint', lang)[0];
    const swollen = wordsOf('paired.json', 'cx.word.swollen', lang)[0];
    const fever = wordsOf('primary_care.json', 'cx.fever_words', lang)[0] ?? wordsOf('infection.json', 'cx.fever', lang)[0];
    expect(joint && swollen).toBeTruthy();
    const text = `${joint} ${swollen}.`;
    const plain = decideText(text, lang);
    expect(plain.ruleIds).not.toContain('rf.joint.fever');
    if (fever) expect(decideText(`${text} ${fever}.`, lang).ruleIds).toContain('rf.joint.fever');
    expect(engine.decide({ need: 'need.new', texts: [{ text, lang }], answers: { 'q.joint.fever': 'yes' }, presentRuleIds: [], deniedRuleIds: [] } as never).tier).toBe('urgent');
  });

  it('the answering patient under "Something else": asked about a temperature, a yes is urgent and a no stays routine', () => {
    const text = 'Since last night my big toe is red and swollen and it throbs, I could not sleep';
    const hot = driver.run(caseOf({ text, area: 'other', yesTo: ['still_happening', 'started_last_week', 'fever'] }), { answering: true });
    expect(hot.error).toBeUndefined();
    expect(hot.asked).toContain('q.joint.fever');
    expect(hot.tier).toBe('urgent');
    const cool = driver.run(caseOf({ text, area: 'other', gold: 'routine', yesTo: ['still_happening', 'started_last_week'] }), { answering: true });
    expect(cool.asked).toContain('q.joint.fever');
    expect(cool.tier).toBe('routine');
  });
});

describe('round 12: UTI symptoms in a man (H58, NHS.uk UTIs)', () => {
  it('reads peeing often with a burning word as UTI symptoms (pf.uti.signs), self-care for a woman', () => {
    expect(hasRule('I keep needing to pee all the time and it burns', 'eng', 'pf.uti.signs')).toBe(true);
    expect(hasRule('I am peeing a lot and always thirsty', 'eng', 'pf.uti.signs')).toBe(false);
  });

  it('is urgent for a man, told in words, or from 65 years', () => {
    expect(tierOf('I am a man and I keep needing to pee all the time and it burns')).toBe('urgent');
    expect(tierOf('sık sık tuvalete gidiyorum, yanıyor, eczane erkeklere vermiyor', 'tur')).toBe('urgent');
    expect(decideText('I keep needing to pee all the time and it burns', 'eng', 70).tier).toBe('urgent');
    expect(decideText('I keep needing to pee all the time and it burns', 'eng', 30).tier).toBe('selfcare');
  });
});

describe('round 12: eyes (H58, NHS.uk Red eye, Eye injuries)', () => {
  it('a red or sore eye in someone who wears contact lenses is urgent; the red eye alone is not', () => {
    expect(tierOf('I wear contact lenses and my eye has gone red and sore')).toBe('urgent');
    expect(tierOf('我戴隐形眼镜，右眼红，有点疼', 'cmn')).toBe('urgent');
    expect(tierOf('my eye has gone red and sticky')).not.toBe('urgent');
  });

  it('something that went into the eye and still feels there after washing it is urgent', () => {
    expect(tierOf('something got in my eye at work, I rinsed it but I still feel something in it')).toBe('urgent');
    expect(tierOf('kažkas įkrito į akį, išploviau, bet vis dar jaučiu lyg smėlio', 'lit')).toBe('urgent');
  });

  it('the eye area asks about contact lenses after a red eye, and a yes is urgent, a no is not', () => {
    const red = caseOf({ text: 'my left eye has been red and watery since this morning', area: 'eye', yesTo: ['still_happening', 'started_last_week'] });
    const no = driver.run({ ...red, gold: 'routine' }, { answering: true });
    expect(no.error).toBeUndefined();
    expect(no.asked).toContain('q.eye.lenses');
    expect(no.tier).not.toBe('urgent');
    const yes = driver.run({ ...red, answers: { 'q.eye.lenses': 'yes' } }, { answering: true });
    expect(yes.tier).toBe('urgent');
    expect(yes.ruleIds).toContain('rf.eye.lens_red');
  });
});

describe('round 12: mental health help needed today (H58, NHS.uk urgent help for mental health)', () => {
  it('asking for help soon, with a mental health word, is urgent; wanting to talk with no time named stays routine', () => {
    expect(tierOf('my anxiety is much worse and I need help urgently')).toBe('urgent');
    expect(tierOf('I have felt depressed for months and would like to talk to someone')).toBe('routine');
  });

  it('asks q.mh.cope after the self-harm questions; yes is urgent and no keeps routine', () => {
    const low = caseOf({ text: 'I have been feeling very low and anxious', area: 'mental', gold: 'routine', yesTo: ['still_happening'] });
    const no = driver.run(low, { answering: true });
    expect(no.error).toBeUndefined();
    expect(no.asked.indexOf('q.mh.harm_today')).toBeLessThan(no.asked.indexOf('q.mh.cope'));
    expect(no.tier).toBe('routine');
    const yes = driver.run({ ...low, answers: { 'q.mh.cope': 'yes' } }, { answering: true });
    expect(yes.tier).toBe('urgent');
    expect(yes.ruleIds).toContain('rf.mh.urgent_help');
  });

  it('never lowers a suicide risk: thoughts of ending life with a yes to coping stays above urgent', () => {
    const risk = driver.run(caseOf({ text: 'I want to end my life and I cannot cope', area: 'mental', gold: 'emergency', yesTo: ['still_happening', 'suicidal_thoughts', 'plan_or_place'] }), { answering: true });
    expect(risk.tier).toBe('emergency');
  });
});

describe('round 12: the new questions in every language (H58)', () => {
  it.each(Object.entries(LOCALE))('%s: has each new question in its own words (locales/%s/triage.json)', (lang, dir) => {
    const read = (d: string) => (JSON.parse(readFileSync(`locales/${d}/triage.json`, 'utf8')) as { triage: Record<string, Record<string, string>> }).triage;
    const t = read(dir);
    const en = read('en');
    for (const [group, key] of [['joint', 'fever'], ['eye', 'lenses'], ['eye', 'still'], ['mh', 'cope']] as const) {
      const text = t[group]?.[key];
      expect(typeof text).toBe('string');
      expect(text!.trim()).toMatch(/[?？؟]$/u);
      if (lang !== 'eng') expect(text).not.toBe(en[group]?.[key]);
    }
  });
});
