import type { SnapshotFrom } from 'xstate';
import type { IntakeMachine } from '../../src/dialog/machine/intakeMachine.js';
import { pictureOf } from '../../src/dialog/machine/context.js';
import { CHECK_ANSWERS, confirmQuestionId, lineCode } from '../../src/triage/safetySchema.js';
import { lookup } from '../../src/i18n/resources.js';
import { loadTuningTable } from '../../bench/typedAnswers.js';
import { content, conversation } from '../support/dialog.js';

/**
 * Issue 15, round 5: the pregnancy line of the emergency check, picked by a patient whose own words
 * said only light spotting, asks one confirming question (dialogs/safety/emergencyCheck.json
 * lines.pregnancy.confirm) before it diverts. Yes or not sure: 999 with the pregnancy advice, as
 * without it; no: urgent (rf.check.pregnancy_light, NHS.uk Vaginal bleeding in pregnancy). Anyone
 * else who picks the line is diverted at once.
 */
type Snap = SnapshotFrom<IntakeMachine>;
const engine = content.triage;
const typed = loadTuningTable();
const CONFIRM_KEY = 'safety.q.preg_light_confirm';
const snap = (c: ReturnType<typeof conversation>) => c.stored?.snapshot as Snap;
const tier = (c: ReturnType<typeof conversation>) => engine.decide(pictureOf(snap(c).context)).tier;

/** A pregnancy with light spotting, in each language (the patient's words name the light bleeding). */
const SPOTTING: Record<string, string> = {
  eng: "I'm 7 weeks pregnant and I've had some light spotting since yesterday, no pain",
  cym: "Rwy'n feichiog 9 wythnos ac mae gwaedu ysgafn",
  pol: 'Jestem w 7 tygodniu ciąży i mam lekkie plamienie',
  ron: 'Sunt însărcinată în 8 săptămâni și am o sângerare ușoară',
  pan: 'ਮੈਂ 8 ਹਫ਼ਤਿਆਂ ਦੀ ਗਰਭਵਤੀ ਹਾਂ, ਖ਼ੂਨ ਦੇ ਧੱਬੇ ਹਨ',
  urd: 'میں حاملہ ہوں اور خون کے دھبے ہیں',
  por: 'Estou grávida de 9 semanas e tenho um pequeno sangramento',
  spa: 'Estoy embarazada de 8 semanas y tengo sangre al limpiarme',
  arb: 'أنا حامل في الأسبوع الثامن وعندي نزيف خفيف',
  ben: 'আমি ৮ সপ্তাহের গর্ভবতী, সামান্য রক্ত দেখছি',
  guj: 'હું 8 અઠવાડિયાની ગર્ભવતી છું, લોહીના ડાઘ દેખાય છે',
  ita: 'Sono incinta di 8 settimane e ho delle piccole perdite di sangue',
  cmn: '我怀孕八周，有少量出血',
  fra: "Je suis enceinte de 9 semaines et j'ai des petits saignements",
  lit: 'Esu nėščia 8 savaitės, tepimas krauju',
  tam: 'நான் 8 வார கர்ப்பம், சிறிது இரத்தம் வருகிறது',
  tur: '8 haftalık hamileyim, hafif kanama var',
  som: 'Uur ayaan leeyahay, dhibco dhiig ayaan arkay',
  ukr: 'Я вагітна, 7 тижнів, невелика кровотеча',
  pes: 'من ۸ هفته باردارم و لکه بینی دارم',
};

/** Hello, a new problem, the description, then "yes" to the check: at the which-sign question. */
function atWhich(lang: string, description: string, id: string) {
  const c = conversation({ lang, id });
  c.say('hello');
  c.tap('need.new');
  const check = c.say(description);
  expect([lang, check.result.state]).toEqual([lang, 'safetyCheck']);
  expect(c.tap(CHECK_ANSWERS.yes).result.state).toBe('safetyWhich');
  return c;
}

describe.each(content.languages.map((l) => [l.code, l.bcp47] as const))('the pregnancy line after light spotting, in %s', (lang, bcp47) => {
  const tree = content.resources[bcp47];
  const title = (code: string) => lookup(tree, `choice.${code}`) as string;
  const text = SPOTTING[lang] as string;

  it('has its own words for the confirming question', () => {
    expect(typeof lookup(tree, CONFIRM_KEY)).toBe('string');
  });

  it('asks one confirming question after the pregnancy line (a button), with yes, no and not sure', () => {
    const c = atWhich(lang, text, `test:confirm-ask-${lang}`);
    const reply = c.tap(lineCode('pregnancy'));
    expect(reply.result.state).toBe('safetyConfirm');
    const prompt = reply.result.say.at(-1);
    expect([prompt?.key, prompt?.choices]).toEqual([CONFIRM_KEY, ['yes', 'no', 'unsure']]);
    expect(snap(c).context.triage.currentQuestionId).toMatch(/^q\.check\.confirm\.pregnancy\./);
  });

  it('goes on at urgent, never lower, after "no" as people type it in this language', () => {
    const said = typed.languages[lang]?.answers['yesNo']?.['no'] ?? [];
    expect(said.length).toBeGreaterThan(0);
    for (const [i, no] of said.slice(0, 3).entries()) {
      const c = atWhich(lang, text, `test:confirm-no-${lang}-${i}`);
      c.tap(lineCode('pregnancy'));
      const reply = c.say(no);
      expect([no, reply.result.state === 'emergency' || reply.result.state === 'safetyConfirm']).toEqual([no, false]);
      expect([no, tier(c)]).toEqual([no, 'urgent']);
      expect(snap(c).context.triage.presentRuleIds).toContain('rf.check.pregnancy_light');
    }
  });

  it('diverts with the pregnancy advice after "yes" (typed) or "not sure" (a button)', () => {
    const yes = typed.languages[lang]?.answers['yesNo']?.['yes']?.[0] ?? title('yes');
    for (const [i, answer] of [yes, 'unsure'].entries()) {
      const c = atWhich(lang, text, `test:confirm-yes-${lang}-${i}`);
      c.tap(lineCode('pregnancy'));
      const reply = i === 0 ? c.say(answer) : c.tap(answer);
      expect([answer, reply.result.state]).toEqual([answer, 'emergency']);
      expect(reply.result.say[0]?.key).toBe('safety.advice.pregnancy');
      expect(reply.result.effects[0]?.request.triage.ruleIds).toEqual(['rf.check.pregnancy']);
    }
  });
});

describe('who is asked the confirming question', () => {
  const pick = (description: string, id: string) => atWhich('eng', description, id).tap(lineCode('pregnancy')).result.state;

  it('diverts at once when the description did not say the bleeding was light', () => {
    expect(pick("I'm 14 weeks pregnant and bleeding", 'test:who-1')).toBe('emergency');
    // Words for a lot of blood beside the light ones cancel them (dialogs/redflags/pregnancy_spotting.json exclude).
    expect(pick("I'm 10 weeks pregnant, a little bleeding but heavier than a period", 'test:who-2')).toBe('emergency');
  });

  it('reads light bleeding told with filler words ("a little", "un poco", "biraz") word for word', () => {
    expect(pick("I'm pregnant and bleeding a little, no pain", 'test:who-little')).toBe('safetyConfirm');
    const c = atWhich('spa', 'Estoy embarazada y tengo un poco de sangre', 'test:who-little-spa');
    expect(c.tap(lineCode('pregnancy')).result.state).toBe('safetyConfirm');
    const d = atWhich('tur', 'Hamileyim, biraz kanama var', 'test:who-little-tur');
    expect(d.tap(lineCode('pregnancy')).result.state).toBe('safetyConfirm');
  });

  it('diverts at once when spotting comes with pain, cramps, dizziness or fainting (not denied)', () => {
    expect(pick("I'm 8 weeks pregnant, light spotting and tummy pain", 'test:who-3')).toBe('emergency');
    expect(pick("I'm 8 weeks pregnant, light spotting and I nearly fainted", 'test:who-4')).toBe('emergency');
    expect(pick("I'm 8 weeks pregnant, spotting and back pain", 'test:who-5')).toBe('emergency');
    expect(pick("I'm 8 weeks pregnant, a little bleeding and bad cramps", 'test:who-5b')).toBe('emergency');
    expect(pick("I'm 8 weeks pregnant, light spotting and I feel dizzy", 'test:who-5c')).toBe('emergency');
    expect(pick("I'm 8 weeks pregnant, light spotting, no pain", 'test:who-5d')).toBe('safetyConfirm');
  });

  it('diverts every other line at once, even after spotting', () => {
    const c = atWhich('eng', SPOTTING['eng'] as string, 'test:who-6');
    expect(c.tap(lineCode('breathing')).result.state).toBe('emergency');
  });

  it('asks it when the pregnancy sign is typed at the check, and counts that as "yes" to the check', () => {
    const c = conversation({ id: 'test:who-typed' });
    c.say('hello');
    c.tap('need.new');
    c.say(SPOTTING['eng'] as string);
    const reply = c.say('pregnancy');
    expect(reply.result.state).toBe('safetyConfirm');
    const ctx = snap(c).context;
    expect(ctx.triage.currentQuestionId).toBe(confirmQuestionId('pregnancy', 'pregnancy'));
    expect(ctx.triage.answers['q.check.pregnancy']).toBe(CHECK_ANSWERS.yes);
    expect(c.say('no').result.state).not.toBe('emergency');
    expect(tier(c)).toBe('urgent');
  });

  it('asks the confirming question in the adult version too (pregnancy not named in words the rules know)', () => {
    const c = atWhich('eng', 'about 8 weeks gone and theres blood when i wipe, brownish discharge', 'test:who-adult');
    expect(snap(c).context.triage.currentQuestionId).toBe('q.check.which.adult');
    c.tap(lineCode('pregnancy'));
    expect(snap(c).context.triage.currentQuestionId).toBe(confirmQuestionId('pregnancy', 'adult'));
  });
});

describe('the confirming question, like every safety question', () => {
  const tries = content.intake.maxTries;

  it('takes answers it cannot read as "not sure" on the last try: 999, and says why', () => {
    const c = atWhich('eng', SPOTTING['eng'] as string, 'test:confirm-banana');
    c.tap(lineCode('pregnancy'));
    let reply = c.say('banana');
    for (let i = 1; i < tries; i++) {
      expect(reply.result.state).toBe('safetyConfirm');
      reply = c.say('banana');
    }
    expect(reply.result.state).toBe('emergency');
    expect(reply.result.say.map((m) => m.key)).toContain('understand.safetyAssumed');
  });

  it('asks it again after the language menu', () => {
    const c = atWhich('eng', SPOTTING['eng'] as string, 'test:confirm-lang');
    c.tap(lineCode('pregnancy'));
    expect(c.say('language').result.state).toBe('languageMenu');
    const back = c.tap('lang.eng');
    expect(back.result.state).toBe('safetyConfirm');
    expect(back.result.say.at(-1)?.key).toBe(CONFIRM_KEY);
  });

  it('is done after "no": the check is not asked again, and the pregnancy questions follow', () => {
    const c = atWhich('eng', SPOTTING['eng'] as string, 'test:confirm-then');
    c.tap(lineCode('pregnancy'));
    // The area picker follows every check; then the pregnancy questions the words matched.
    expect(c.tap('no').result.state).toBe('areaPick');
    const next = c.tap('safety.area.pregnancy');
    expect(next.result.state).toBe('triageQuestion');
    expect(snap(c).context.triage.currentQuestionId).toMatch(/^q\.preg\./);
  });
});
