import { createDialogDriver } from '../../bench/triageDialog.js';
import { loadPatientSigns } from '../../bench/answeringPatient.js';
import { vagueVignette, type Vignette } from '../../bench/triageSim.js';
import type { Picture } from '../../src/triage/types.js';
import { content, projectRoot } from '../support/dialog.js';
import { askedFor, decideText, raisedBy } from '../support/triage.js';

/**
 * Round 24 (helper s24-urgent, hazard H104).
 * A. "Do you feel unwell, with skin that blisters or peels, or sores in the mouth, eyes or private parts?" is asked as
 *    q.s20.blisters (yes: A&E, NHS.uk Stevens-Johnson syndrome) only when the story names no common cause of
 *    blisters; when it names chickenpox, shingles, a cold sore, sunburn or nappy rash (cx.s24.blister_cause in 20
 *    languages, or the older markers), the same words are asked as q.s24.blisters_named, whose yes is urgent, the
 *    same day (rf.s24.blisters_named; NHS.uk Chickenpox, Shingles, Sunburn, Cold sores, Nappy rash).
 * C. A coil (IUD or IUS) told beside a pregnancy or a positive pregnancy test is urgent, the same day (rf.s24.coil_pregnant;
 *    NHS.uk IUD: a pregnancy with a coil in may be ectopic).
 * B. A child whose parent picks the child area and names peeing or the end of a boy's penis is asked the waterworks
 *    question "Are you a man or a boy, with pain, burning or stinging when you pee?" (q.s20.male, urgent).
 */
const engine = content.triage;
const BLISTER_Q = 'q.s20.blisters';
const NAMED_Q = 'q.s24.blisters_named';

const picture = (area: string, text: string, lang: string, p: Partial<Picture> = {}): Picture => ({
  need: 'need.new',
  texts: [{ text, lang }],
  answers: { 'q.area': `safety.area.${area}` },
  presentRuleIds: [`cx.area.${area}`],
  deniedRuleIds: [],
  ...p,
});
/** The engine's decision after answering `answer` to `id` and no to every other question it asks. */
const decideWith = (p: Picture, id: string, answer: string) => {
  const { answers } = askedFor(p, { [id]: answer });
  return engine.decide({ ...p, answers, presentRuleIds: [...p.presentRuleIds, ...raisedBy(answers)] });
};

// Our own words for each named cause, one per language (not from any held-out or opened case).
const NAMED: [string, string][] = [
  ['eng', 'I caught chickenpox from my nephew and feel rough'],
  ['cym', 'Mae brech yr ieir arna i ers dydd Llun'],
  ['fra', "J'ai un zona sur le côté depuis lundi"],
  ['spa', 'Tengo varicela desde el lunes y me encuentro mal'],
  ['por', 'Apanhei catapora do meu sobrinho'],
  ['ita', 'Ho preso la varicella da mio nipote'],
  ['ron', 'Am varicelă de luni și mă simt rău'],
  ['pol', 'Mam ospę wietrzną od poniedziałku'],
  ['lit', 'Užsikrėčiau vėjaraupiais nuo sūnėno'],
  ['ukr', 'У мене вітрянка з понеділка'],
  ['tur', 'Pazartesiden beri su çiçeği var'],
  ['arb', 'عندي جدري الماء منذ يوم الاثنين'],
  ['pes', 'از دوشنبه آبله مرغان گرفتم'],
  ['som', 'Busbus ayaa i haya tan iyo Isniinta'],
  ['pan', 'ਮੈਨੂੰ ਸੋਮਵਾਰ ਤੋਂ ਛੋਟੀ ਮਾਤਾ ਹੈ'],
  ['urd', 'مجھے پیر سے چکن پاکس ہے'],
  ['ben', 'সোমবার থেকে আমার জলবসন্ত হয়েছে'],
  ['guj', 'મને સોમવારથી અછબડા થયા છે'],
  ['tam', 'திங்கள் முதல் எனக்கு சின்னம்மை'],
  ['cmn', '我从星期一开始出水痘'],
];

describe('A. the blisters question: A&E with no named cause, urgent with one', () => {
  it('no named cause (an adult picks the skin area): q.s20.blisters is asked; yes is A&E (rf.s20.blisters, unchanged)', () => {
    const p = picture('skin', 'I have a rash and my skin is peeling and I feel awful', 'eng', { ageYears: 40 });
    const { asked } = askedFor(p);
    expect(asked).toContain(BLISTER_Q);
    expect(asked).not.toContain(NAMED_Q);
    const d = decideWith(p, BLISTER_Q, 'yes');
    expect([d.tier, d.ruleIds]).toEqual(['emergency', expect.arrayContaining(['rf.s20.blisters'])]);
  });

  it.each(NAMED)('%s: a named cause ("%s") asks the same words as q.s24.blisters_named; yes is urgent, not A&E', (lang, text) => {
    const p = picture('skin', text, lang, { ageYears: 40 });
    const { asked } = askedFor(p);
    expect(asked).not.toContain(BLISTER_Q);
    // Asked unless the words already made it urgent (French "zona" is rf.shingles): an urgent yes could not raise it.
    if (engine.decide(p).tier !== 'urgent') expect(asked).toContain(NAMED_Q);
    const d = decideWith(p, NAMED_Q, 'yes');
    expect(d.tier).toBe('urgent');
  });

  it.each([
    ['eng', 'I fell asleep on a sun lounger, I am badly sunburnt'],
    ['eng', 'shingles round my ribs on the left'],
    ['eng', 'a cold sore on my lip that is spreading'],
    ['spa', 'me he quemado por el sol en la playa'],
    ['tur', 'bebeğimde bez pişiği var'],
  ])('%s: "%s" names a cause too', (lang, text) => {
    const p = picture('skin', text, lang, { ageYears: 40 });
    const { asked } = askedFor(p);
    expect(asked).not.toContain(BLISTER_Q);
    expect(decideWith(p, NAMED_Q, 'yes').tier).toBe('urgent');
  });

  it('a cause told as long past ("had chickenpox as a child") is no named cause: the A&E question is asked', () => {
    const { asked } = askedFor(picture('skin', 'I had chickenpox years ago as a child', 'eng', { ageYears: 40 }));
    expect(asked).toContain(BLISTER_Q);
  });

  it('both questions use the same words and not sure resolves upward', () => {
    expect(engine.question(NAMED_Q).promptKey).toBe(engine.question(BLISTER_Q).promptKey);
    expect(engine.answerEffect(NAMED_Q, 'unsure').raise).toEqual(['rf.s24.blisters_named']);
    expect(engine.answerEffect(BLISTER_Q, 'yes').raise).toEqual(['rf.s20.blisters']);
  });

  it('the rules: A&E stays A&E; the named-cause rule is urgent, same day, and cites NHS.uk', () => {
    expect(engine.rule('rf.s20.blisters')?.tier).toBe('emergency');
    const r = engine.rule('rf.s24.blisters_named');
    expect([r?.tier, r?.disposition, r?.source.url]).toEqual(['urgent', 'gp_same_day', 'https://www.nhs.uk/conditions/chickenpox/']);
  });

  it('the answering patient answers both questions from the same sign (bench/patientSigns.json)', () => {
    const signs = loadPatientSigns(projectRoot);
    expect(signs.questions[NAMED_Q]).toEqual(signs.questions[BLISTER_Q]);
  });
});

describe('B. a child\'s pee words in the child area ask the painful-pee question', () => {
  it.each([
    ['eng', 'the end of his willy is sore and swollen'],
    ['eng', 'my little boy keeps crying when he needs a wee'],
  ])('%s: "%s" is asked q.s20.male; yes is urgent', (lang, text) => {
    const p = picture('child', text, lang, { ageYears: 4 });
    expect(askedFor(p).asked).toContain('q.s20.male');
    const d = decideWith(p, 'q.s20.male', 'yes');
    expect([d.tier, d.ruleIds]).toEqual(['urgent', expect.arrayContaining(['rf.s20.male_uti'])]);
  });

  it('without pee words the child area does not ask it', () => {
    expect(askedFor(picture('child', 'my 4 year old has had a runny nose for two days', 'eng', { ageYears: 4 })).asked).not.toContain('q.s20.male');
  });
});

describe('C. whole conversations through the dialog driver (the answering patient)', () => {
  const driver = createDialogDriver();
  const blisters = (id: string, text: string, extra: Partial<Vignette> = {}): Vignette =>
    vagueVignette(id, { text, ageYears: 35, area: 'skin', yesTo: ['still_happening', 'started_last_week', 'skin_blisters_peeling'], ...extra });

  it('chickenpox in an adult with blisters and feeling unwell ends urgent, not at 999', () => {
    const run = driver.run(blisters('r24-t1', 'I caught chickenpox at work, the spots have become blisters and I feel rotten'), { answering: true });
    expect(run.finalState).not.toBe('emergency');
    expect(run.tier).toBe('urgent');
    expect(run.asked).toContain(NAMED_Q);
  });

  it('the same yes with no named cause still diverts (A&E)', () => {
    const run = driver.run(blisters('r24-t2', 'Since starting new tablets my skin is peeling off in sheets'), { answering: true });
    expect(run.tier).toBe('emergency');
  });

  it('a boy with pain when he wees, child area, ends urgent', () => {
    const run = driver.run(
      vagueVignette('r24-t3', { text: 'my 3 year old son cries when he has a wee and the end of his willy is swollen', ageYears: 3, who: 'other', area: 'child', yesTo: ['still_happening', 'male_pee_pain'] }),
      { answering: true },
    );
    expect(run.tier).toBe('urgent');
    expect(run.asked).toContain('q.s20.male');
  });
});

describe('D. a coil beside a pregnancy is urgent (rf.s24.coil_pregnant)', () => {
  it.each([
    ['eng', 'I have the copper coil but my pregnancy test came back positive'],
    ['fra', "J'ai un stérilet et je suis enceinte"],
    ['spa', 'Llevo un DIU y estoy embarazada'],
    ['pol', 'Mam spiralę, a test ciążowy wyszedł pozytywny'],
    ['cmn', '我上了节育环，但是怀孕了'],
  ])('%s: "%s" is urgent, same day', (lang, text) => {
    const d = decideText(text, lang);
    expect([d.tier, d.ruleIds]).toEqual(['urgent', expect.arrayContaining(['rf.s24.coil_pregnant'])]);
  });

  it.each([
    ['eng', 'I want to have my coil changed, it is due'],
    ['eng', 'I am pregnant and have a cold'],
  ])('%s: "%s" is not read as a pregnancy with a coil', (lang, text) => {
    expect(decideText(text, lang).ruleIds).not.toContain('rf.s24.coil_pregnant');
  });

  it('a pregnancy with a coil and one-sided pain and fainting still diverts (the ectopic 999 rules win)', () => {
    expect(decideText('I have a coil and I am pregnant, sharp pain low on one side and I fainted', 'eng').tier).toBe('emergency');
  });
});
