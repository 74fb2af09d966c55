/**
 * Round 23 self-care (s23-selfcare, hazard H95): common conditions that their NHS.uk pages say a pharmacist can
 * help with, or that you can usually treat yourself (dandruff, mouth ulcers, heat rash, scabies, corns and
 * calluses, ringworm, slapped cheek syndrome, blepharitis, cradle cap), recognised by their everyday names in all
 * 20 languages (dialogs/redflags/selfcare_round23.json); each page's "see a GP if" signs keep the problem routine
 * (rt.selfcare23.limits); what must not go to the pharmacy still wins; words that look like a condition's name
 * but mean something else are not read as it. Engine only, sentences written from the NHS.uk pages, never from
 * a test set's cases.
 */
import type { Tier } from '../../src/domain/types.js';
import { decideText } from '../support/triage.js';

type Row = readonly [lang: string, ageYears: number | null, rule: string, text: string];

describe('named in the patient words, in every language: self-care with the condition rule', () => {
  const rows: Row[] = [
    ['eng', 30, 'pf.dandruff', "I've got dandruff and my scalp itches"],
    ['spa', 30, 'pf.dandruff', 'Tengo caspa y me pica la cabeza'],
    ['ukr', 30, 'pf.dandruff', 'У мене лупа і свербить голова'],
    ['ron', 30, 'pf.dandruff', 'Am mătreață și mă mănâncă scalpul'],
    ['pes', 30, 'pf.dandruff', 'سرم شوره زده و خارش داره'],
    ['ben', 30, 'pf.dandruff', 'আমার মাথায় খুশকি হয়েছে'],
    ['eng', 30, 'pf.mouth_ulcer', 'I have a mouth ulcer on the inside of my cheek'],
    ['fra', 30, 'pf.mouth_ulcer', "J'ai des aphtes dans la bouche depuis trois jours"],
    ['lit', 30, 'pf.mouth_ulcer', 'Turiu aftą, skauda valgant'],
    ['cym', 30, 'pf.mouth_ulcer', "Mae gen i wlser ceg ers tridiau"],
    ['tam', 30, 'pf.mouth_ulcer', 'எனக்கு வாய்ப்புண் வந்திருக்கு'],
    ['cmn', 30, 'pf.mouth_ulcer', '我嘴里长了口腔溃疡'],
    ['eng', 6, 'pf.heat_rash', 'My son has prickly heat on his back after the holiday'],
    ['pol', 30, 'pf.heat_rash', 'Mam potówki na plecach'],
    ['som', 30, 'pf.heat_rash', 'Waxaan qabaa finanka kulaylka dhabarka'],
    ['guj', 30, 'pf.heat_rash', 'મને પીઠ પર અળાઈ થઈ છે'],
    ['eng', 30, 'pf.scabies', 'I think we all have scabies, itchy at night'],
    ['pol', 30, 'pf.scabies', 'Mam świerzb, swędzi w nocy'],
    ['arb', 8, 'pf.scabies', 'أظن أن ابني مصاب بالجرب، يحك في الليل'],
    ['ita', 30, 'pf.corn', 'Ho un callo sul piede che fa male'],
    ['tur', 30, 'pf.corn', 'Ayağımda nasır var, ayakkabı giyince acıyor'],
    ['urd', 30, 'pf.corn', 'مجھے پاؤں میں گٹا ہے درد ہوتا ہے'],
    ['cmn', 30, 'pf.corn', '我脚上长了鸡眼'],
    ['eng', 8, 'pf.ringworm', 'I think my daughter has ringworm on her arm'],
    ['ben', 30, 'pf.ringworm', 'আমার হাতে দাদ হয়েছে, চুলকায়'],
    ['pan', 30, 'pf.ringworm', 'ਮੇਰੇ ਹੱਥ ਤੇ ਦੱਦ ਹੋ ਗਈ ਹੈ'],
    ['por', 30, 'pf.ringworm', 'Acho que tenho uma micose na pele do braço'],
    ['eng', 6, 'pf.slapped_cheek', 'My daughter has slapped cheek, she is fine otherwise'],
    ['spa', 6, 'pf.slapped_cheek', 'Mi hijo tiene la quinta enfermedad, está bien'],
    ['ukr', 6, 'pf.slapped_cheek', "У дитини п'ята хвороба, щоки червоні"],
    ['pes', 40, 'pf.blepharitis', 'من بلفاریت دارم و پلکم خارش داره'],
    ['fra', 40, 'pf.blepharitis', "J'ai une blépharite, les paupières qui grattent"],
    ['eng', 0.5, 'pf.cradle_cap', 'My baby has cradle cap, yellow greasy scales on his head'],
    ['fra', 0.4, 'pf.cradle_cap', 'Mon bébé a des croûtes de lait sur la tête'],
    ['pol', 0.3, 'pf.cradle_cap', 'Synek ma ciemieniuchę'],
    ['tur', 0.3, 'pf.cradle_cap', 'Bebeğimin başında konak var'],
  ];
  it.each(rows)('%s (age %s): %s: %s', (lang, age, rule, text) => {
    const d = decideText(text, lang, age ?? undefined);
    expect(d.tier).toBe('selfcare');
    expect(d.ruleIds).toContain(rule);
  });
});

describe("the pages' 'see a GP if' signs keep it routine (rt.selfcare23.limits)", () => {
  const rows: (readonly [string, number | null, string])[] = [
    ['eng', 30, "I've had a mouth ulcer for 4 weeks and it won't heal"],
    ['eng', 30, "I'm pregnant and I think I have scabies"],
    ['eng', 30, 'I have diabetes and a corn on my foot'],
    ['eng', 30, 'The cream for my ringworm has not worked'],
    ['eng', 30, "I'm 12 weeks pregnant and my son's class has slapped cheek, I have a rash"],
    ['eng', 1, 'I think my little one has scabies'],
  ];
  it.each(rows)('%s (age %s): %s', (lang, age, text) => {
    const d = decideText(text, lang, age ?? undefined);
    expect(d.tier).toBe('routine');
    expect(d.ruleIds).toContain('rt.selfcare23.limits');
  });
});

describe('what must not go to the pharmacy still wins', () => {
  const rows: (readonly [string, number | null, Tier, string])[] = [
    // NHS.uk Meningitis: call 999 for a stiff neck with a rash that does not fade.
    ['eng', 30, 'emergency', 'I have dandruff, a stiff neck, a high temperature and a rash that does not fade'],
    // NHS.uk Blepharitis: an urgent eye service or A&E for a very painful eye or changed sight.
    ['eng', 40, 'urgent', 'My eye is very painful and my vision is blurry and my eyelids are crusty'],
    // NHS.uk Fever in children: a baby under 3 months with a temperature of 38C or more.
    ['eng', 0.1, 'urgent', 'My baby is 3 weeks old and has heat rash and a temperature of 38'],
  ];
  it.each(rows)('%s (age %s): %s: %s', (lang, age, tier, text) => {
    expect(decideText(text, lang, age ?? undefined).tier).toBe(tier);
  });
});

describe('words that look like a condition name but mean something else are not read as it', () => {
  const rows: (readonly [string, string])[] = [
    ['arb', 'جرب باراسيتامول ولم ينفع، عندي صداع'], // Arabic 'try', not scabies
    ['por', 'Eu tinha febre ontem e hoje tenho dor de cabeça'], // Portuguese 'had', not ringworm
    ['ben', 'আমার দাদা অসুস্থ, মাথা ব্যথা করছে'], // Bengali elder brother, not ringworm
    ['guj', 'મારા દાદા ને ઉધરસ છે'], // Gujarati grandfather, not ringworm
    ['tur', 'Konak tarafında oturuyorum, başım ağrıyor'], // a place, not cradle cap
    ['tam', 'வேர்க்குது, ராத்திரி தூக்கம் வரல'], // Tamil 'I am sweating', one letter from heat rash
  ];
  const ours = ['pf.scabies', 'pf.ringworm', 'pf.cradle_cap', 'pf.heat_rash'];
  it.each(rows)('%s: %s', (lang, text) => {
    const d = decideText(text, lang, 30);
    for (const id of ours) expect(d.ruleIds).not.toContain(id);
  });
});
