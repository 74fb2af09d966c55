/**
 * Round 14 clean-ups (s14-clean2, H66): false 999s from a word read as another sign, each with the
 * emergency it must keep. Own phrases written from the NHS.uk pages the rules cite (Pre-eclampsia,
 * Anaphylaxis / When to call 999, Epilepsy, Confusion, Meningitis, Cuts and grazes), by class, not the
 * opened sets' wording.
 */
import { decideText, tierOf } from '../support/triage.js';

const setting = (text: string, lang: string): string[] => decideText(text, lang).ruleIds;

describe('1. the face swelling with the hands or feet (pre-eclampsia) is not anaphylaxis', () => {
  it.each([
    ["eng", "I'm 34 weeks and my face and hands have puffed up"],
    ["eng", "my hands and face are swelling up, 36 weeks"],
    ["eng", "face swelling up and my feet too"],
    ["cym", "mae fy wyneb a dwylo wedi chwyddo'n fawr"],
    ["fra", "mon visage et mes mains ont gonflé"],
    ["spa", "tengo la cara y las manos hinchadas"],
    ["por", "as mãos e a cara incharam"],
    ["ita", "mi si gonfia la faccia e le mani"],
    ["ron", "mi s-a umflat fața și mâinile"],
    ["pol", "spuchła mi twarz i ręce"],
    ["lit", "tinsta veidas ir rankos"],
    ["ukr", "обличчя і руки набрякає"],
    ["tur", "yüzüm ve ellerim şişti"],
    ["arb", "وجهي ويدي منفوخ"],
    ["pes", "صورت و دستام ورم کرده"],
    ["som", "wejiga iyo gacmaha ayaa bararay"],
    ["pan", "ਚਿਹਰਾ ਤੇ ਹੱਥ ਸੁੱਜ ਗਏ"],
    ["urd", "چہرہ اور ہاتھ سوج گئے"],
    ["ben", "মুখ আর হাত ফুলে গেছে"],
    ["guj", "ચહેરો અને હાથ સૂજી ગયા"],
    ["tam", "முகம் மற்றும் கைகள் வீங்கிடுச்சு"],
    ["cmn", "脸和手都肿了"],
  ] as const)('%s: %s', (lang, text) => {
    expect(setting(text, lang)).not.toContain('rf.anaphylaxis');
  });
  it.each([
    ["eng", "face and hands swelling up and my lips are swelling"],
    ["spa", "tengo la cara y las manos hinchadas y los labios hinchados"],
    ["eng", "my face and hands swelled up after eating peanuts, I have a nut allergy"],
    ["eng", "my face is swelling up after a wasp sting"],
  ] as const)('%s: %s stays 999', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
});

describe('2. a fit or attack OF coughing, shivering or panic is not a seizure', () => {
  it.each([
    ["eng", "she had a fit of coughing"],
    ["eng", "he had a bad shivering fit with his temperature"],
    ["eng", "coughing fit that woke me up"],
    ["tur", "bu gece titreme nöbeti geçirdim"],
    ["tur", "öksürük nöbeti geçirdi"],
    ["tur", "dün titreme nöbetleri geçirdi"],
    ["por", "teve uma crise de tremores de frio"],
    ["por", "tive uma crise de tosse"],
    ["pan", "ਖੰਘ ਦਾ ਦੌਰਾ ਪਿਆ"],
    ["urd", "کھانسی کا دورہ پڑا"],
    ["urd", "کپکپی کا دورہ پڑا"],
    ["fra", "j'ai eu une quinte de toux"],
    ["spa", "tuve un ataque de tos"],
    ["ita", "ho avuto un attacco di tosse"],
    ["ron", "am avut o criză de tuse"],
    ["pol", "miałem atak kaszlu"],
    ["lit", "turėjau kosulio priepuolį"],
    ["ukr", "у мене був напад кашлю"],
    ["arb", "جاتني نوبة سعال"],
    ["pes", "حمله سرفه داشتم"],
    ["cmn", "昨晚咳嗽发作"],
    ["ben", "কাশির দমক উঠেছিল"],
    ["guj", "ખાંસીનો હુમલો આવ્યો"],
    ["cym", "cefais bwl o beswch neithiwr"],
  ] as const)('%s: %s', (lang, text) => {
    const ids = setting(text, lang);
    expect(ids).not.toContain('rf.seizure');
    expect(ids).not.toContain('rf.seizure.first');
    expect(ids).not.toContain('rf.child.serious_signs');
  });
  it.each([
    ["eng", "he had a fit and was shaking all over"],
    ["tur", "oğlum nöbet geçirdi, titriyordu"],
    ["urd", "اسے دورہ پڑا ہے"],
    ["pan", "ਉਸਨੂੰ ਦੌਰਾ ਪਿਆ"],
    ["por", "teve uma convulsão"],
  ] as const)('%s: %s stays 999', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
});

describe('3. French "perdu" (lost) of the waters, weight or blood is not new confusion', () => {
  it.each([
    ["fra", "je suis enceinte de 35 semaines et j'ai perdu les eaux"],
    ["fra", "j'ai perdu du poids ces derniers mois"],
    ["fra", "elle a perdu l'appétit depuis une semaine"],
  ] as const)('%s: %s', (lang, text) => {
    expect(setting(text, lang)).not.toContain('rf.confusion.new');
  });
  it.each([
    ["fra", "mon père est perdu, il ne sait plus où il est depuis ce matin"],
    ["fra", "elle est soudainement confuse"],
  ] as const)('%s: %s stays 999', (lang, text) => {
    expect(setting(text, lang)).toContain('rf.confusion.new');
  });
});

describe('4. a rash that fades under a glass is not the meningitis rash (NHS.uk Meningitis)', () => {
  it.each([
    ["eng", "I did the glass test and the spots fade under the glass"],
    ["eng", "the rash goes pale under the glass"],
    ["ben", "গ্লাস দিয়ে চাপলে দাগ মিলিয়ে যায়"],
    ["spa", "hice la prueba del vaso y se blanquean"],
    ["fra", "les taches pâlissent sous le verre"],
  ] as const)('%s: %s', (lang, text) => {
    expect(setting(text, lang)).not.toContain('rf.meningitis');
  });
  it.each([
    ["eng", "the rash does not fade under a glass"],
    ["fra", "les taches ne s'effacent pas sous le verre"],
    ["spa", "manchas que no se van al apretar un vaso"],
    ["pol", "wysypka nie znika pod szklanką"],
    ["ben", "র‍্যাশ গ্লাসে চাপলেও যায় না"],
  ] as const)('%s: %s stays 999', (lang, text) => {
    expect(setting(text, lang)).toContain('rf.meningitis');
  });
});

describe('5. a bleed heavy at first and stopped (after pressure) is not heavy bleeding now', () => {
  it.each([
    ["eng", "I cut my hand, it bled a lot at first but it has stopped now"],
    ["eng", "grazed my knee falling off my bike, bled loads at first, fine now"],
    ["eng", "caught my hand on a nail, lots of blood at first, ok now"],
    ["tur", "elimi kestim, başta çok kanadı ama şimdi durdu"],
  ] as const)('%s: %s', (lang, text) => {
    expect(tierOf(text, lang)).not.toBe('emergency');
  });
  it.each([
    ["eng", "I cut my arm and it is bleeding heavily and won't stop"],
    ["eng", "cut my leg, bleeding heavily, it has not stopped after pressing"],
    ["spa", "me corté y no para de sangrar"],
  ] as const)('%s: %s stays 999', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
});

describe('6. a denial placed after the sign (Turkish "yok") or before it (Ukrainian "ніякого")', () => {
  it.each([
    ["tur", "baldırım şiş ve ağrıyor. Nefes darlığım yok."],
    ["tur", "nefes darlığı yok, sadece öksürük var"],
    ["tur", "göğsüm yanıyor ama nefes sıkıntım yok"],
  ] as const)('%s: %s', (lang, text) => {
    expect(setting(text, lang)).not.toContain('rf.breathing.severe');
  });
  it.each([
    ["ukr", "печія після їжі, ніякого болю в руці немає"],
    ["ukr", "пече в грудях після їжі, ніякої задишки"],
  ] as const)('%s: %s', (lang, text) => {
    expect(setting(text, lang)).not.toContain('rf.chest_pain.combo');
  });
  it.each([
    ["tur", "nefes alamıyor, dudakları morardı"],
    ["ukr", "сильний біль у грудях, віддає в руку, пітнію"],
  ] as const)('%s: %s stays 999', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
});
