/**
 * Over-triage held down (issue 15 item 4): a body part named on its own is not a problem yet, in any
 * language. The words are the area picker's own titles in every locale (head, tummy, eye, chest or
 * heart, skin, ...), so each language is checked with words a patient of that language would use.
 */
import { TIER_RANK } from '../../src/domain/types.js';
import { lookup } from '../../src/i18n/resources.js';
import { content } from '../support/dialog.js';

const engine = content.triage;
const AREAS = ['chest', 'breathing', 'head', 'tummy', 'skin', 'injury', 'eye', 'waterworks', 'pregnancy', 'mental'];
const BODY_WORDS = ['chest', 'head', 'heart', 'arm', 'jaw', 'eye', 'stomach', 'tummy', 'back', 'leg', 'throat', 'skin', 'ear', 'neck', 'testicle', 'foot', 'face', 'blood'];

const tierOf = (text: string, lang: string) =>
  engine.decide({ need: 'need.new', texts: [{ text, lang }], answers: {}, presentRuleIds: [], deniedRuleIds: [] }).tier;

describe('a body part on its own raises nothing above routine', () => {
  it.each(BODY_WORDS)('English: %s', (word) => {
    expect(TIER_RANK[tierOf(word, 'eng')]).toBeLessThanOrEqual(TIER_RANK.routine);
  });

  it.each(content.languages.map((l) => [l.code, l.bcp47] as const))('%s: the area names', (lang, bcp47) => {
    const raised = AREAS.map((a) => lookup(content.resources[bcp47], `choice.safety.area.${a}`) as string)
      .filter((title) => TIER_RANK[tierOf(title, lang)] > TIER_RANK.routine);
    expect(raised).toEqual([]);
  });
});

describe('an answer word on its own raises nothing above routine', () => {
  // "Je ne sais pas" once read as "sais pas [où je suis]" (sudden confusion, 999) once the filler
  // words were dropped: an answer to any question must never be a red flag by itself.
  it.each(content.languages.map((l) => [l.code, l.bcp47] as const))('%s: yes, no, not sure and their synonyms', (lang, bcp47) => {
    const words = ['yes', 'no', 'unsure'].flatMap((code) => {
      const title = lookup(content.resources[bcp47], `choice.${code}`);
      const synonyms = lookup(content.resources[bcp47], `choiceSyn.${code}`);
      const typed = lookup(content.resources[bcp47], `understand.words.${code}`);
      const list = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
      return [...(typeof title === 'string' ? [title] : []), ...list(synonyms), ...list(typed)];
    });
    expect(words.length).toBeGreaterThan(0);
    expect(words.filter((w) => TIER_RANK[tierOf(w, lang)] > TIER_RANK.routine)).toEqual([]);
  });
});

describe('taking your usual medicine is not an overdose', () => {
  // Once filler words were dropped, "got into the medicine" read as "medicine", "took all my tablets"
  // as "took my tablets", and French "pris trop de comprimés" as "pris comprimés": each sent an
  // ordinary medicines request to A&E.
  it.each([
    ['eng', 'I need my medicine, I have run out'],
    ['eng', 'I took my tablets this morning but forgot to order more'],
    ['eng', 'I take 6 tablets a day for my heart'],
    ['eng', 'took 2 paracetamol for a headache, will it wear off soon?'],
    ['eng', 'my new tablets make me drowsy, I am diabetic'],
    ['fra', "j'ai pris mes comprimés ce matin"],
    ['arb', 'أخذت باراسيتامول للصداع'],
    ['tur', 'ilaçlarımdan içtim'],
    ['pes', 'قرص‌هایم را خوردم'],
  ])('%s: %s', (lang, text) => {
    expect(tierOf(text, lang)).not.toBe('emergency');
  });
});

describe('a word that lost its intensifier is not an emergency', () => {
  // Filler words dropped: Ukrainian "сильно кровить" read as "кровить" (any bleeding, a nosebleed),
  // Turkish "kırık var" as "kırık" (a broken tooth), Portuguese "mole" (floppy) also soft stools,
  // Bengali "খুব কাঁপুনি" as any shivering (a flu), Tamil "உடைந்தது போல" as anything broken.
  it.each([
    ['ukr', 'у мене сильно кровить з носа'],
    ['tur', 'dişim kırık var'],
    ['por', 'o bebé tem cocó mole'],
    ['ben', 'জ্বর আর কাঁপুনি'],
    ['tam', 'என் கண்ணாடி உடைந்தது'],
  ])('%s: %s', (lang, text) => {
    expect(tierOf(text, lang)).not.toBe('emergency');
  });
});
