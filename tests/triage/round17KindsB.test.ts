import { firedWithPrefix, itHasWordsInEveryLanguage, itRaisesEachCombination, itReadsEachPhrase, loadRules, type Combination, type PhraseCase } from '../support/markerRules.js';

/**
 * Round 17 (helper "s17-kinds-b", hazard H78): emergency kinds told in words no rule read, fixed by class
 * from NHS.uk pages (dialogs/redflags/kinds_round17b.json): a neck or spine injury with limb signs, an eyelid
 * swollen shut with a temperature, necrotising fasciitis, toxic shock syndrome, testicular torsion told
 * without the word, heavy bleeding from the bottom, clear fluid or a bruise behind the ear after a head
 * injury, chemical burns, a temperature or shivering during chemotherapy, a drink of weedkiller or
 * antifreeze, a mains electric shock with a burn or palpitations, sudden confusion since this morning.
 * Phrases written here in patients' voices, not taken from any test set; the mild or denied versions
 * must not raise these rules.
 */
const rules = loadRules('kinds_round17b.json');
const k17 = firedWithPrefix('rf.k17b.');

describe('round 17b: every marker has words in all 20 languages and every rule cites NHS.uk (H78)', () => {
  itHasWordsInEveryLanguage(rules.filter((r) => r.triggers));
  it('every rule has an NHS.uk source', () => {
    for (const r of rules) expect(r.source?.url).toMatch(/^https:\/\/www\.nhs\.uk\//);
  });
});

describe('round 17b: the first words of each pair raise the rule in every language (H78)', () => {
  const pairs: Combination[] = [
    { rule: 'rf.k17b.spine', markers: ['cx.k17b.dive', 'cx.k17b.limbs'] },
    { rule: 'rf.k17b.orbital', markers: ['cx.k17b.lidshut', 'cx.k17b.eyemove'] },
    { rule: 'rf.k17b.necfasc', markers: ['cx.k17b.wound_small', 'cx.k17b.out_of_prop'] },
    { rule: 'rf.k17b.tss', markers: ['cx.k17b.tampon', 'cx.k17b.sunburn_rash'] },
    { rule: 'rf.k17b.rectal', markers: ['cx.k17b.bottom_blood_lots', 'cx.k17b.dizzy'] },
    { rule: 'rf.k17b.csf', markers: ['cx.k17b.clear_fluid', 'cx.k17b.head_hit'] },
    { rule: 'rf.k17b.chemburn', markers: ['cx.k17b.caustic', 'cx.k17b.skin_raw'] },
    { rule: 'rf.k17b.chemo', markers: ['cx.k17b.chemo', 'cx.k17b.shiver'] },
    { rule: 'rf.k17b.poison', markers: ['cx.k17b.toxic_liquid', 'cx.k17b.drank'] },
    { rule: 'rf.k17b.shock', markers: ['cx.k17b.electric', 'cx.k17b.heart_odd'] },
    { rule: 'rf.k17b.confusion', markers: ['cx.k17b.since_morning', 'cx.k17b.disoriented'] },
    { rule: 'rf.k17b.torsion', markers: ['cx.k17b.scrotum', 'cx.k17b.swollen_dark'], age: 2 },
    { rule: 'rf.k17b.confusion', markers: ['cx.k17b.since_morning', 'cx.k17b.disoriented'] },
  ];
  itRaisesEachCombination(pairs, k17, { joiner: ' ' });
});

/** [language, rule expected (or '' for none of this file's rules), age or 0, patient's own words]. */
const CASES: PhraseCase[] = [
  // Spine: mechanism + limb signs; a stiff neck from sleeping is not.
  ['eng', 'rf.k17b.spine', 19, 'my lad dived into shallow water at the quarry, hit his head on the bottom, now says both hands are tingling'],
  ['spa', 'rf.k17b.spine', 30, 'se tiró de cabeza en la piscina y ahora tiene hormigueo en los brazos y le duele el cuello'],
  ['tur', 'rf.k17b.spine', 25, 'sığ suya atladım, boynum ağrıyor ve kollarımda karıncalanma var'],
  ['cmn', 'rf.k17b.spine', 40, '他跳进浅水里头撞到池底，现在脖子疼，双手发麻'],
  ['eng', '', 40, 'woke up with a stiff neck, think I slept funny, no tingling or weakness'],
  ['pol', '', 35, 'sztywny kark od rana, chyba źle spałem'],
  // Orbital cellulitis; a sticky eye without swelling is not.
  ['eng', 'rf.k17b.orbital', 5, 'her eye is swollen shut and red and she has a temperature of 38.7'],
  ['fra', 'rf.k17b.orbital', 6, "sa paupière est très gonflée, rouge, il a de la fièvre et il ne peut plus ouvrir l'œil"],
  ['arb', 'rf.k17b.orbital', 4, 'جفنه منتفخ وما يقدر يفتح عينه وعنده حرارة'],
  ['eng', '', 4, 'sticky eye with yellow crust this morning, no swelling, no fever'],
  ['spa', '', 3, 'tiene legañas en un ojo, no está hinchado y no tiene fiebre'],
  // Necrotising fasciitis; a cut that hurts as expected is not.
  ['eng', 'rf.k17b.necfasc', 50, 'tiny cut on my leg from a rose bush, pain is far worse than it should be and the skin has gone dark purple'],
  ['ita', 'rf.k17b.necfasc', 60, 'piccolo taglio sulla mano ieri, adesso dolore insopportabile e vesciche intorno alla ferita'],
  ['eng', '', 30, 'small cut on my finger from a knife, a bit sore, stopped bleeding'],
  // Toxic shock syndrome; a tampon alone, or real sunburn, is not.
  ['eng', 'rf.k17b.tss', 17, 'on my period using tampons and now temp 39 and been sick twice, feel awful'],
  ['pol', 'rf.k17b.tss', 16, 'córka używa tamponów, ma wysypkę jak oparzenie słoneczne na całym ciele'],
  ['eng', '', 20, 'question about tampons, can I swim on my period?'],
  ['eng', '', 25, 'got sunburnt at the beach yesterday, red and sore shoulders'],
  // Torsion told without the word; an adult's old swelling is not.
  ['eng', 'rf.k17b.torsion', 1, 'toddler screaming for an hour, one side of his scrotum is swollen and dark'],
  ['pes', 'rf.k17b.torsion', 1, 'بچه‌ام یک ساله است، یک طرف بیضه‌اش ورم کرده و کبود است'],
  ['eng', 'rf.k17b.torsion', 12, 'my son has a sudden pain in his groin since rugby and threw up'],
  // Heavy rectal bleeding; mild piles bleeding is not.
  ['eng', 'rf.k17b.rectal', 60, 'toilet full of blood after going, clots too, and I feel dizzy standing'],
  ['tur', 'rf.k17b.rectal', 55, 'makattan çok kan geldi, pıhtılı kan, başım dönüyor'],
  ['eng', '', 40, 'a bit of bright red blood on the toilet paper, I have piles, no dizziness'],
  // Head injury with clear fluid or a bruise behind the ear; a cold is not.
  ['eng', 'rf.k17b.csf', 30, 'banged my head on the car door yesterday and now clear fluid dripping from my nose'],
  ['ukr', 'rf.k17b.csf', 40, 'чоловік вдарився головою, тепер синець за вухом'],
  ['eng', '', 30, 'runny nose and sneezing for two days, clear snot'],
  // Chemical burns; a mild sting from washing up is not.
  ['eng', 'rf.k17b.chemburn', 45, 'knelt in wet concrete all afternoon, now my knees are red raw'],
  ['por', 'rf.k17b.chemburn', 35, 'salpicou ácido na mão e agora tem bolhas'],
  ['eng', '', 30, 'hands a bit dry from washing up liquid'],
  // Chemo with a temperature or shivering; chemo years ago or no temperature is not.
  ['eng', 'rf.k17b.chemo', 60, 'my wife is on chemo and she is shivering and has a temperature of 38.4'],
  ['som', 'rf.k17b.chemo', 55, 'aabahay wuxuu qaataa kemotaraabi, xalay qandho iyo gariir ayuu lahaa'],
  ['eng', '', 60, 'I had chemo five years ago, all clear, want a blood pressure check'],
  // Weedkiller or antifreeze drunk; spraying weedkiller is not.
  ['eng', 'rf.k17b.poison', 45, 'my husband drank some antifreeze by mistake from an old juice bottle'],
  ['urd', 'rf.k17b.poison', 30, 'بھائی نے غلطی سے گھاس مار دوا پی لی'],
  ['eng', '', 50, 'I sprayed weedkiller in the garden, need a repeat prescription for my inhaler'],
  // Electric shock with a burn or palpitations; a static shock is not.
  ['eng', 'rf.k17b.shock', 35, 'got an electric shock rewiring a plug and my heart has been racing since'],
  ['pol', 'rf.k17b.shock', 40, 'poraził mnie prąd przy gniazdku, mam ślad oparzenia na palcu'],
  ['eng', '', 30, 'small static shock from the car door, felt fine after'],
  // PE after a flight told by its hours; a flight with a cold and no breathing sign is not.
  ['eng', 'rf.k17b.pe', 45, 'got off a 14 hour flight on Sunday, now a stabbing pain in my side when I breathe in'],
  ['spa', 'rf.k17b.pe', 38, 'volví ayer de un vuelo de 10 horas y de repente me falta el aire'],
  ['eng', '', 30, 'back from a flight yesterday with a blocked nose and sore throat'],
  // Sudden confusion since this morning; slow forgetfulness over months is not.
  ['eng', 'rf.k17b.confusion', 82, 'dad was fine last night, since this morning he doesnt know where he is'],
  ['ita', 'rf.k17b.confusion', 80, 'mia madre da stamattina non sa dove si trova, ieri sera stava bene'],
  ['eng', '', 78, 'mum has been getting more forgetful over the last year, losing her keys'],
  ['eng', '', 40, 'I am confused about my prescription since this morning, which tablets do I take'],
];

describe('round 17b: own phrases in patients\' voices (H78)', () => {
  itReadsEachPhrase(CASES, k17);
});
