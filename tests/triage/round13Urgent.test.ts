import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createDialogDriver } from '../../bench/triageDialog.js';
import type { Vignette } from '../../bench/triageSim.js';
import { content } from '../support/dialog.js';
import { LANGS } from '../support/markerRules.js';
import { decideText, tierOf } from '../support/triage.js';

/**
 * Round 13 (helper "s13-urgent", hazard H64, issue 15 item 3: rules widened from the sources, not
 * from test cases). Urgent signs from the NHS.uk "ask for an urgent GP appointment or get help from
 * 111" lists, in every language: giant cell arteritis told of someone else (NHS.uk Giant cell
 * arteritis), bloody diarrhoea (NHS.uk Diarrhoea and vomiting, Bleeding from the bottom),
 * palpitations that last a long time (NHS.uk Heart palpitations), a reliever needed several times a
 * day (NHS.uk Asthma), a baby of 3 to 6 months told as hot with 39C or more (NICE NG143), brown
 * drops in early pregnancy (NHS.uk Vaginal bleeding in pregnancy), and the child's words in their
 * inflected forms. The sentences below are written from the NHS pages, not copied from the opened sets.
 */
const engine = content.triage;
const driver = createDialogDriver();

interface RuleFile { rules: { id: string; triggers?: Record<string, string[]> }[] }
const ruleFiles = readdirSync('dialogs/redflags').filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(`dialogs/redflags/${f}`, 'utf8')) as RuleFile);
const triggerFile = (lang: string): Record<string, string[]> => {
  const path = `dialogs/redflags/triggers/${lang}.json`;
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { triggers: Record<string, string[]> }).triggers : {};
};
/** A rule's trigger words in one language, inline or in dialogs/redflags/triggers/<lang>.json. */
const wordsOf = (id: string, lang: string): string[] => {
  for (const file of ruleFiles) {
    const words = file.rules.find((r) => r.id === id)?.triggers?.[lang];
    if (words) return words;
  }
  return triggerFile(lang)[id] ?? [];
};
const last = (id: string, lang: string): string => {
  const words = wordsOf(id, lang);
  expect(words.length).toBeGreaterThan(0);
  return words[words.length - 1] as string;
};
const first = (id: string, lang: string): string => {
  const words = wordsOf(id, lang);
  expect(words.length).toBeGreaterThan(0);
  return words[0] as string;
};
const rulesOf = (text: string, lang: string, age?: number): string[] => decideText(text, lang, age).ruleIds;
const screened = (text: string, lang: string): string[] => engine.screen(text, lang as never).hits.map((h) => h.ruleId);
/** The emergency check's version for one message: 'child' once the words mark a child (cx.child). */
const checkOf = (text: string, lang: string): string =>
  engine.checkVersion({ need: 'need.new', texts: [{ text, lang }], answers: {}, presentRuleIds: [], deniedRuleIds: [] } as never);

const caseOf = (extra: Partial<Vignette>): Vignette => ({
  id: 'round13-urgent', text: '', need: 'need.new', gold: 'urgent', answers: {}, source: 'test', tags: [],
  who: 'self', ageYears: 45, recognises999Sign: null, ...extra,
});

describe('round 13: giant cell arteritis told of someone else (H64, NHS.uk Giant cell arteritis)', () => {
  it('reads her scalp, her jaw and chewing in English and Persian at 50 or over, not under 50', () => {
    const eng = 'my mum has a sore scalp when brushing her hair and her jaw aches when she eats';
    expect(rulesOf(eng, 'eng', 74)).toContain('rf.gca');
    expect(rulesOf(eng, 'eng', 40)).not.toContain('rf.gca');
    const pes = 'پدرم ۷۰ سالشه، پوست سرش درد میکنه و موقع جویدن فکش درد میگیره';
    expect(decideText(pes, 'pes', 70).tier).toBe('urgent');
    expect(rulesOf(pes, 'pes', 45)).not.toContain('rf.gca');
  });

  it.each(LANGS)('%s: the newest scalp, jaw and chewing words make rf.gca at 72', (lang) => {
    const text = `${last('cx.gca.scalp', lang)}. ${last('cx.word.jaw', lang)} ${last('cx.word.chew', lang)}.`;
    expect(rulesOf(text, lang, 72)).toContain('rf.gca');
    expect(rulesOf(text, lang, 35)).not.toContain('rf.gca');
  });
});

describe('round 13: bloody diarrhoea is urgent (H64, NHS.uk Diarrhoea and vomiting)', () => {
  it('is urgent told as bloody diarrhoea or as diarrhoea with blood in the poo; a lot of blood or black poo stays 999', () => {
    expect(tierOf('I have had bloody diarrhoea since yesterday')).toBe('urgent');
    expect(tierOf('diarrhoea for two days. There is blood in the poo.')).toBe('urgent');
    expect(tierOf('diarrhoea for two days, drinking fine')).not.toBe('urgent');
    expect(tierOf('there was blood on the toilet paper when I wiped, I am a bit constipated')).toBe('routine');
    expect(tierOf('diarrhoea and my poo is black')).toBe('emergency');
  });

  it.each(LANGS)('%s: its own words, and a diarrhoea word with blood in the poo, are urgent; diarrhoea alone is not', (lang) => {
    expect(decideText(first('rf.diarrhoea.blood', lang), lang).tier).toBe('urgent');
    const diarrhoea = first('cx.diarrhoea', lang);
    expect(decideText(diarrhoea, lang).tier).not.toBe('urgent');
    expect(rulesOf(`${diarrhoea}. ${first('rt.poo.blood', lang)}.`, lang)).toContain('rf.diarrhoea.blood');
  });

  it('the gastro set asks about blood in the diarrhoea only when diarrhoea is told, and a yes is urgent', () => {
    const text = 'I have had diarrhoea for three days and tummy cramps';
    const bloody = driver.run(caseOf({ text, area: 'tummy', yesTo: ['still_happening', 'blood_in_poo'] }), { answering: true });
    expect(bloody.error).toBeUndefined();
    expect(bloody.asked).toContain('q.gastro.diarrhoea_blood');
    expect(bloody.tier).toBe('urgent');
    const sick = driver.run(caseOf({ text: 'I have been sick twice since last night', area: 'tummy', gold: 'selfcare', yesTo: ['still_happening'] }), { answering: true });
    expect(sick.asked).not.toContain('q.gastro.diarrhoea_blood');
  });

  it('has the question in every language', () => {
    for (const dir of readdirSync('locales').filter((d) => !d.endsWith('.json'))) {
      const t = JSON.parse(readFileSync(`locales/${dir}/triage.json`, 'utf8')) as { triage: { gastro: Record<string, string> } };
      expect(t.triage.gastro.diarrhoea_blood?.length ?? 0).toBeGreaterThan(10);
    }
  });
});

describe('round 13: palpitations that last a long time (H64, NHS.uk Heart palpitations)', () => {
  it('is urgent when they last an hour or hours, routine when brief, 999 with chest pain', () => {
    expect(tierOf('I keep getting palpitations, last night they went on for hours')).toBe('urgent');
    expect(tierOf('palpitations, they last a few seconds, a few times a week')).toBe('routine');
    expect(tierOf('palpitations for an hour and now chest pain')).toBe('emergency');
    expect(tierOf('serce mi wali od godziny, przez godzinę nie przestaje', 'pol')).toBe('urgent');
  });

  it.each(LANGS)('%s: a palpitations word with a long-duration word is urgent, alone it is not', (lang) => {
    const palp = first('cx.palpitations', lang);
    expect(decideText(palp, lang).tier).not.toBe('urgent');
    expect(rulesOf(`${palp}, ${first('cx.palp.long', lang)}.`, lang)).toContain('rf.palpitations.persistent');
  });

  it('the answering patient: a yes to the racing-heart question with an hour in the story is urgent', () => {
    const run = driver.run(caseOf({ text: 'Twice this week it went on for over an hour, it is calm now, no pain in my chest', area: 'chest', yesTo: ['started_last_week', 'heart_racing'] }), { answering: true });
    expect(run.error).toBeUndefined();
    expect(run.tier).toBe('urgent');
  });
});

describe('round 13: a reliever needed several times a day (H64, NHS.uk Asthma)', () => {
  it('is urgent with asthma or an inhaler anywhere in the story, not from the frequency alone', () => {
    expect(tierOf('my asthma has been bad since a cold. I am using the blue one 5 times a day')).toBe('urgent');
    expect(tierOf('I take my hay fever tablet several times a day')).not.toBe('urgent');
    expect(tierOf('I have asthma and need a repeat of my brown inhaler')).not.toBe('urgent');
    expect(tierOf('I have asthma and take my brown inhaler 2 times a day, can I have a repeat')).not.toBe('urgent');
  });

  it.each(LANGS)('%s: an asthma word with the reliever needed more often is urgent (rf.asthma.reliever_often)', (lang) => {
    const asthma = first('cx.word.asthma', lang);
    expect(rulesOf(asthma, lang)).not.toContain('rf.asthma.reliever_often');
    expect(rulesOf(`${asthma}. ${first('cx.asthma.often', lang)}.`, lang)).toContain('rf.asthma.reliever_often');
  });
});

describe('round 13: a baby of 3 to 6 months told as hot with 39C or more (H64, NICE NG143)', () => {
  it.each(LANGS)('%s: a hot word and 39.4 is urgent at 4 months, not at 1 year', (lang) => {
    const text = `${first('cx.word.hot', lang)} 39.4`;
    expect(rulesOf(text, lang, 0.33)).toContain('rf.fever.baby_3_6');
    expect(rulesOf(text, lang, 1)).not.toContain('rf.fever.baby_3_6');
  });

  it('reads Lithuanian temperature words as a temperature (cx.fever)', () => {
    expect(screened('vaikui aukšta temperatūra', 'lit')).toContain('cx.fever');
  });
});

describe('round 13: brown drops in early pregnancy (H64, NHS.uk Vaginal bleeding in pregnancy)', () => {
  it.each(LANGS)('%s: a pregnancy word with brown drops is urgent (rf.pregnancy.bleeding), not 999', (lang) => {
    const preg = first('cx.pregnant', lang);
    const drops = last('cx.vbleed_light', lang);
    const outcome = decideText(`${preg}. ${drops}.`, lang);
    expect(outcome.ruleIds).toContain('rf.pregnancy.bleeding');
    expect(outcome.tier).toBe('urgent');
  });
});

describe("round 13: the child's words in every language (H64)", () => {
  it.each(LANGS)('%s: every child word marks a child: the emergency check is the child one', (lang) => {
    const words = [...wordsOf('cx.child', lang), ...wordsOf('cx.child.kin', lang)];
    const missed = words.filter((w) => checkOf(w, lang) !== 'child');
    expect(missed).toEqual([]);
  });

  it('reads the inflected forms the brief names', () => {
    for (const [text, lang] of [['доньці погано', 'ukr'], ['синові болить вухо', 'ukr'], ['ابني عنده حرارة', 'arb'], ['ابنتي تسعل', 'arb'],
      ['میرے بیٹے کو بخار ہے', 'urd'], ['میری بیٹی کو کھانسی ہے', 'urd'], ['dukrai skauda ausį', 'lit'], ['oğluma ateş var', 'tur']] as const) {
      expect(checkOf(text, lang)).toBe('child');
    }
    expect(checkOf('my husband has a temperature', 'eng')).toBe('adult');
  });
});
