import { createDialogDriver, type DialogRun } from '../../bench/triageDialog.js';
import type { Vignette } from '../../bench/triageSim.js';
import {
  LANGS, combinationsOf, firedWithPrefix, firstPhrase, itHasWordsInEveryLanguage, itRaisesEachCombination,
  itRaisesNothingFromOneMarker, loadRules,
} from '../support/markerRules.js';

/**
 * Round 24 (helper s24-emerg, hazard H105): emergencies the words alone missed on the opened nineteenth set,
 * fixed by kind from the NHS.uk pages, in all 20 languages: a road accident with tummy pain or red pee, a gun
 * (air rifle, pellet) or stab wound, a sharp thing swallowed, memory lost suddenly, an overactive thyroid with a
 * racing heart and a temperature or being sick, a strong chemical on the skin with pain that gets worse, tablets got
 * ready with words that there is no future after tonight. Every conversation below is a whole one through the dialog
 * (bench/triageDialog.ts): the silent patient, who answers "No, none of these" at the emergency check and
 * reassuringly to every question, so only the words can find the emergency. The sentences are written for this
 * test from the NHS pages, not taken from a test case.
 */
const driver = createDialogDriver();
const rules = loadRules('emerg_round24.json');
const fired = firedWithPrefix('rf.e24.');

const caseOf = (text: string, lang: string, ageYears: number, who: 'self' | 'other' = 'self'): Vignette => ({
  id: 'round24-emerg', text, lang, need: 'need.new', gold: 'emergency', answers: {}, source: 'test', tags: [],
  who, ageYears, recognises999Sign: null,
});
const talk = (text: string, lang: string, ageYears = 40, who: 'self' | 'other' = 'self'): DialogRun => driver.run(caseOf(text, lang, ageYears, who));

/** [language, patient's words, age, whose story]: each must end at the emergency disposition. */
const EMERGENCIES: [string, string, number, 'self' | 'other'][] = [
  ['eng', 'a van clipped me on my bike yesterday, I felt ok but now my tummy hurts more and more', 35, 'self'],
  ['fra', 'hier une voiture m\'a renversé à vélo, ce matin j\'ai mal au ventre', 29, 'self'],
  ['lit', 'vakar mane partrenkė mašina, dabar skauda pilvą', 40, 'self'],
  ['arb', 'تعرضت لحادث سيارة امس والآن عندي ألم في البطن', 31, 'self'],
  ['eng', 'my boy was shot with a bb gun in the tummy, it looks like a tiny hole', 9, 'other'],
  ['ukr', 'сина поранили з пневматичної гвинтівки, там маленька ранка', 10, 'other'],
  ['tur', 'arkadaşım bıçaklandı, sadece bir çizik diyor ama solgun', 25, 'other'],
  ['cym', 'mae fy ffrind wedi cael ei drywanu yn ei ochr', 21, 'other'],
  ['eng', 'my daughter swallowed an open safety pin, she is drooling and will not eat', 1, 'other'],
  ['pol', 'synek połknął agrafkę, płacze i się ślini', 2, 'other'],
  ['cmn', '孩子吞了一个别针，一直流口水', 2, 'other'],
  ['ita', 'mio marito non ricorda le ultime ore e fa sempre le stesse domande', 65, 'other'],
  ['tur', 'babam birden hafızasını kaybetti, aynı soruları soruyor', 68, 'other'],
  ['spa', 'tengo hipertiroidismo y dejé las pastillas, tengo fiebre y palpitaciones', 38, 'self'],
  ['eng', 'I got drain cleaner on my hand an hour ago, the skin looks fine but the pain is getting worse', 45, 'self'],
  ['ron', 'mi-a sărit soluție de rugină pe degete, durere insuportabilă', 50, 'self'],
  ['fra', 'annulez tous mes rendez-vous, après ce soir je ne serai plus là. J\'ai préparé mes cachets.', 34, 'self'],
  ['pol', 'odwołajcie wszystkie moje wizyty, po dzisiejszej nocy nie będą mi potrzebne, przygotowałam tabletki', 29, 'self'],
];

/** Near misses that must not be sent to 999 by these rules (each would be a needless 999). */
const NOT_EMERGENCY: [string, string][] = [
  ['eng', 'I had a car accident two years ago and my neck still aches sometimes'],
  ['eng', 'I get car sick on long trips and my tummy aches for weeks now'],
  ['eng', 'my dad has dementia and keeps asking the same questions, it has been getting worse for months'],
  ['eng', 'my throat is so sore it feels like swallowing glass'],
  ['eng', 'I need a repeat prescription for my overactive thyroid'],
  ['eng', 'I chewed my nails and now the side of the finger is red'],
  ['pes', 'چند هفته است بعد از غذا دلم پیچ میزنه'],
  ['por', 'há semanas que como uma bala ao almoço e fico com dor de barriga'],
  ['tur', 'geçen ay iğne oldum, birkaç haftadır midem bulanıyor'],
  ['spa', 'como con palillos y desde hace semanas me duele un poco el estómago'],
  ['ita', 'ho una maglia a pallini e da settimane mal di pancia'],
  ['eng', 'I have acid reflux and the pain is getting worse after meals'],
  ['ben', 'আমার অ্যাসিডিটি আছে, বুকে জ্বালা আর ব্যথা বাড়ছে'],
  ['fra', 'annulez tous mes rendez-vous, nous déménageons à Lyon la semaine prochaine'],
  ['spa', '¿están listas mis pastillas? cancelen todas mis citas, me mudo'],
];

describe('round 24 (H105): every new rule has words in all 20 languages', () => {
  itHasWordsInEveryLanguage(rules.filter((r) => r.triggers !== undefined));
});

describe('round 24 (H105): the first words of each combination raise it, in every language', () => {
  const readable = combinationsOf(rules).filter((c) => c.markers.every((m) => LANGS.every((lang) => firstPhrase(m, lang))));
  it('leaves out only the combinations with a marker that has no words of its own in every language', () => {
    const kept = new Set(readable.map((c) => c.markers.join('+')));
    const left = combinationsOf(rules).map((c) => c.markers.join('+')).filter((k) => !kept.has(k));
    // rf.nhs.pee_red is read from other rules, cx.area.tummy from the area picker, rf.urgent.pain from the urgent
    // check, cx.pain.unbearable has no English or Chinese words.
    expect(left).toEqual(['cx.e24.vehicle+rf.nhs.pee_red', 'cx.e24.vehicle+cx.area.tummy', 'cx.e24.caustic+cx.pain.unbearable', 'cx.e24.caustic+rf.urgent.pain']);
  });
  itRaisesEachCombination(readable, fired, { joiner: '. ', age: 40 });
});

describe('round 24 (H105): one marker alone raises none of the new rules', () => {
  itRaisesNothingFromOneMarker('vehicle, thyroid, repeated questions, a known cause alone', rules.filter((r) => ['cx.e24.vehicle', 'cx.e24.thyroid', 'cx.e24.mem_repeat', 'cx.e24.mem_other', 'cx.e24.word.sharp', 'cx.e24.caustic', 'cx.e24.pain_bad', 'cx.e24.pills_ready', 'cx.e24.no_future'].includes(r.id)), fired, 40);
});

describe('round 24 (H105): whole conversations, the silent patient', () => {
  it.each(EMERGENCIES)('[%s] "%s" ends at the emergency disposition', (lang, text, age, who) => {
    const run = talk(text, lang, age, who);
    expect(run.error).toBeUndefined();
    expect([run.tier, run.ruleIds.filter((id) => id.startsWith('rf.e24.') || id.startsWith('rf.injury.'))]).toEqual(['emergency', expect.arrayContaining([expect.any(String)])]);
    expect(run.messagesToEmergency).toBeLessThanOrEqual(3);
  });

  it.each(LANGS)('%s: a gun or stab word, a swallowed sharp thing and a sudden memory loss each end at 999 or A&E', (lang) => {
    for (const id of ['rf.e24.penetrating', 'cx.e24.mem_recent']) {
      const text = firstPhrase(id, lang);
      expect([id, text, talk(text, lang, 40, 'other').tier]).toEqual([id, text, 'emergency']);
    }
    const swallowed = `${firstPhrase('cx.word.swallow', lang)} ${firstPhrase('cx.e24.word.sharp', lang)}`;
    expect([swallowed, talk(swallowed, lang, 3, 'other').tier]).toEqual([swallowed, 'emergency']);
  });

  it.each(NOT_EMERGENCY)('[%s] "%s" is not sent to 999 or A&E', (lang, text) => {
    const run = talk(text, lang);
    expect(run.error).toBeUndefined();
    expect(run.tier).not.toBe('emergency');
    expect(run.ruleIds.filter((id) => id.startsWith('rf.e24.'))).toEqual([]);
  });

  it('a road accident told by a patient who taps the tummy at the area picker ends at A&E (the answering patient)', () => {
    const v: Vignette = { ...caseOf('a car hit me on my bike this morning, I got up and walked home', 'eng', 30), area: 'tummy', yesTo: [] };
    const run = driver.run(v, { answering: true });
    expect([run.tier, run.ruleIds]).toEqual(['emergency', expect.arrayContaining(['rf.e24.vehicle_injury'])]);
    expect(talk('a car hit me on my bike this morning, I got up and walked home', 'eng', 30).tier).not.toBe('emergency');
  });

  it('a single body-part or vehicle word never raises a case', () => {
    for (const text of ['my tummy', 'car', 'my thyroid', 'a pin']) expect(talk(text, 'eng').ruleIds.filter((id) => id.startsWith('rf.e24.'))).toEqual([]);
  });
});
