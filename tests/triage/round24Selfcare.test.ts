/**
 * Round 24 self-care (s24-selfcare, hazard H103), through the public surfaces (the dialog driver's whole
 * conversations with the answering patient, and the engine's decide):
 *  - the self-care check (H89) is asked beside a generic routine context (a rash or itch, tummy pain, back pain:
 *    dialogs/safety/tierPolicy.json selfcareCheckOver), after the area's questions and the urgent check, and a yes
 *    sets that context aside; every other routine rule, weeks at "How long?", the check's limits and anything
 *    urgent or above still win;
 *  - a Polish medicines question ("lek", a medicine) and a Turkish "worried" are no mental health problem;
 *  - an eyelid that twitches is self-care (pf.eyelid_twitch, NHS.uk Twitches) in all 20 languages, routine with
 *    the page's "see a GP if" signs.
 * Sentences written from the NHS.uk pages, never from a test set's cases.
 */
import { createDialogDriver } from '../../bench/triageDialog.js';
import type { Vignette } from '../../bench/triageSim.js';
import { createTriageEngine, loadTriageContent } from '../../src/triage/index.js';
import { decideText } from '../support/triage.js';

const driver = createDialogDriver();
const CHECKS = ['q.selfcare.check', 'q.selfcare.check_child'];

const patient = (extra: Partial<Vignette>): Vignette => ({
  id: 'round24-test', text: 'withheld', need: 'need.new', gold: 'selfcare', answers: {}, source: 'test', tags: [],
  who: 'self', ageYears: 34, recognises999Sign: null, yesTo: ['still_happening', 'started_last_week'], ...extra,
});

type Row = readonly [lang: string, area: string, sign: string, text: string];

/** A rash or itch (cx.rash), tummy pain (cx.abdo) or back pain (cx.back_pain), told with nothing else. */
const contexts: Row[] = [
  ['eng', 'skin', 'minor_skin', 'I have an itchy rash on the inside of my elbow'],
  ['spa', 'skin', 'minor_skin', 'Tengo un sarpullido que me pica en el brazo'],
  ['fra', 'skin', 'minor_skin', "J'ai des boutons qui grattent sur le bras"],
  ['eng', 'tummy', 'minor_tummy', 'I have had tummy ache since yesterday'],
  ['ita', 'tummy', 'minor_tummy', 'Ho mal di pancia da ieri'],
  ['eng', 'other', 'minor_aches', 'I hurt my lower back lifting boxes at the weekend'],
];

describe('the self-care check is asked beside a generic routine context, and a yes is self-care (H103)', () => {
  it.each(contexts)('%s (%s): %s', (lang, area, sign, text) => {
    const run = driver.run(patient({ lang, area, text, yesTo: ['still_happening', 'started_last_week', sign] }), { answering: true });
    expect(run.error).toBeUndefined();
    expect(run.asked).toContain('q.selfcare.check');
    expect([run.tier, run.ruleIds]).toEqual(['selfcare', ['rf.selfcare.check']]);
  });

  it.each(contexts)('%s (%s): no to the check stays routine: %s', (lang, area, _sign, text) => {
    const run = driver.run(patient({ lang, area, text }), { answering: true });
    expect(run.asked).toContain('q.selfcare.check');
    expect(run.tier).toBe('routine');
  });

  it.each(contexts)('%s (%s): weeks at "How long?" stay routine: %s', (lang, area, sign, text) => {
    const run = driver.run(patient({ lang, area, text, yesTo: ['still_happening', 'lasting_weeks', sign] }), { answering: true });
    expect(run.tier).toBe('routine');
  });

  it('a child of 14 with tummy pain at her first periods: the child version, and a yes is self-care', () => {
    const run = driver.run(
      patient({ lang: 'spa', who: 'other', ageYears: 14, area: 'other', text: 'A mi hija de 14 años le acaba de venir la regla y le duele mucho la barriga', yesTo: ['still_happening', 'started_last_week', 'minor_aches'] }),
      { answering: true },
    );
    expect(run.asked).toContain('q.selfcare.check_child');
    expect(run.tier).toBe('selfcare');
  });

  it('a rash that spreads (urgent) or a non-fading rash with a stiff neck (999) is never lowered', () => {
    const spreading = driver.run(patient({ area: 'skin', text: 'I have a red itchy rash on my leg', yesTo: ['still_happening', 'started_last_week', 'minor_skin', 'spreading_redness'] }), { answering: true });
    expect(spreading.tier).toBe('urgent');
    expect(spreading.asked.filter((q) => CHECKS.includes(q))).toEqual([]);
    const meningitis = driver.run(patient({ area: 'skin', text: 'I have a rash that does not fade under a glass and a stiff neck', yesTo: ['minor_skin'] }), { answering: true });
    expect(meningitis.tier).toBe('emergency');
  });

  it('another routine rule beside the context still stops the check: a rash told as lasting for weeks', () => {
    const run = driver.run(patient({ area: 'skin', text: 'I have had an itchy rash on my arm for 3 weeks', yesTo: ['still_happening', 'minor_skin'] }), { answering: true });
    expect(run.tier).toBe('routine');
  });

  it('a yes beside a routine rule that is not a listed context leaves the outcome routine (engine decide)', () => {
    const base = { need: 'need.new' as const, answers: { 'q.selfcare.check': 'yes' }, presentRuleIds: [], deniedRuleIds: [], ageYears: 34 };
    const engine = driver.engine;
    const withRash = engine.decide({ ...base, texts: [{ text: 'itchy rash on my arm', lang: 'eng' }] });
    expect(withRash.tier).toBe('selfcare');
    const withSickHeadache = engine.decide({ ...base, texts: [{ text: 'itchy rash on my arm and a headache with being sick', lang: 'eng' }] });
    expect(withSickHeadache.tier).toBe('routine');
    const pregnant = engine.decide({ ...base, texts: [{ text: 'I am pregnant and have an itchy rash on my arm', lang: 'eng' }] });
    expect(pregnant.tier).not.toBe('selfcare');
  });

  it('start-up check: only routine context rules read from words may be set aside, and the check rule must be self-care', () => {
    const raw = loadTriageContent('dialogs');
    const policy = raw.tierPolicy;
    if (!policy?.selfcareCheckOver) throw new Error('tierPolicy.selfcareCheckOver missing');
    const over = policy.selfcareCheckOver;
    const bad = (patch: Partial<typeof over>) => () => createTriageEngine({ ...raw, tierPolicy: { ...policy, selfcareCheckOver: { ...over, ...patch } } });
    expect(bad({})).not.toThrow();
    expect(bad({ contexts: ['rt.headache.sick'] })).toThrow(/routine context rule/);
    expect(bad({ contexts: ['cx.mental_health'] })).toThrow(/routine context rule/);
    expect(bad({ contexts: ['cx.sc.eyelid'] })).toThrow(/routine context rule/);
    expect(bad({ ruleId: 'rt.selfcare.check.limits' })).toThrow(/self-care rule/);
    expect(bad({ contexts: ['cx.nope'] })).toThrow(/unknown rule/);
  });
});

describe('a Polish medicines question and a Turkish "worried" are no mental health problem (cx.mental_health v6)', () => {
  it.each([
    ['pol', 'Jaki lek na katar mogę kupić w aptece?'],
    ['pol', 'Czy ten lek jest bezpieczny przy karmieniu piersią?'],
    ['tur', 'Annem çok endişeli, ciddi bir şey olmasından korkuyor'],
  ])('%s: %s', (lang, text) => {
    expect(decideText(text, lang).ruleIds).not.toContain('cx.mental_health');
    expect(driver.engine.screen(text, lang).hits.map((h) => h.ruleId)).not.toContain('cx.mental_health');
  });

  it.each([
    ['pol', 'Mam stany lękowe i nie mogę spać'],
    ['pol', 'Odczuwam lęk cały dzień'],
    ['pol', 'Mam ataki paniki'],
    ['tur', 'Sürekli endişeliyim, hiçbir şeyden zevk almıyorum'],
    ['tur', 'Çok kaygılıyım'],
    ['tur', 'Depresyondayım'],
  ])('%s: anxiety and low mood still read: %s', (lang, text) => {
    expect(driver.engine.screen(text, lang).hits.map((h) => h.ruleId)).toContain('cx.mental_health');
  });
});

describe('an eyelid that twitches is self-care in every language (pf.eyelid_twitch, NHS.uk Twitches)', () => {
  const rows: (readonly [string, string])[] = [
    ['eng', 'my eyelid has been twitching for two days'],
    ['cym', 'mae fy amrant wedi bod yn plycio ers ddoe'],
    ['fra', 'ma paupière saute depuis hier'],
    ['spa', 'me tiembla el párpado desde ayer'],
    ['por', 'a pálpebra está a tremer desde ontem'],
    ['ita', 'mi trema la palpebra da due giorni'],
    ['ron', 'îmi zvâcnește pleoapa de ieri'],
    ['pol', 'drga mi powieka od dwóch dni'],
    ['lit', 'nuo vakar trūkčioja vokas'],
    ['ukr', 'у мене сіпається повіка з учора'],
    ['tur', 'dünden beri göz kapağım seğiriyor'],
    ['arb', 'جفن عيني يرف منذ أمس'],
    ['pes', 'از دیروز پلکم می‌پرد'],
    ['som', 'baalka isha ayaa gariiraya tan iyo shalay'],
    ['pan', 'ਕੱਲ੍ਹ ਤੋਂ ਮੇਰੀ ਪਲਕ ਫੜਕ ਰਹੀ ਹੈ'],
    ['urd', 'کل سے میری پلک پھڑک رہی ہے'],
    ['ben', 'গতকাল থেকে চোখের পাতা কাঁপছে'],
    ['guj', 'કાલથી મારું પોપચું ફરકે છે'],
    ['tam', 'நேற்றிலிருந்து கண் இமை துடிக்கிறது'],
    ['cmn', '从昨天开始眼皮一直跳'],
  ];
  it.each(rows)('%s: %s', (lang, text) => {
    const d = decideText(text, lang, 30);
    expect([d.tier, d.ruleIds]).toEqual(['selfcare', ['pf.eyelid_twitch']]);
  });

  it('a whole conversation (English, Italian, Tamil): self-care with the eyelid rule, the check not needed', () => {
    for (const [lang, text] of rows.filter(([l]) => ['eng', 'ita', 'tam'].includes(l))) {
      const run = driver.run(patient({ lang, area: 'eye', text }), { answering: true });
      expect(run.error).toBeUndefined();
      expect([run.tier, run.ruleIds]).toEqual(['selfcare', ['pf.eyelid_twitch']]);
    }
  });

  it.each([
    ['eng', 'my eyelid has been twitching for 3 weeks', 30],
    ['spa', 'me tiembla el párpado desde hace un mes', 30],
    ['eng', 'my eyelid keeps twitching and my cheek feels weak', 30],
    ['eng', 'my eyelid keeps twitching, it keeps coming back every month', 30],
    ['eng', "my baby's eyelid keeps twitching", 0.5],
  ])('%s: the page\'s see-a-GP signs keep it routine: %s', (lang, text, age) => {
    expect(decideText(text, lang, age).tier).toBe('routine');
  });

  it('a twitch without an eyelid raises nothing of it, and higher rules win', () => {
    expect(decideText('my leg muscles are twitching', 'eng', 30).ruleIds).not.toContain('pf.eyelid_twitch');
    expect(decideText('my eyelid is twitching and my face has dropped on one side and my speech is slurred', 'eng', 60).tier).toBe('emergency');
  });
});
