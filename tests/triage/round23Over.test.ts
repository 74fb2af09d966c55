/**
 * Round 23 (s23-over, hazard H93): fewer needless 999s. NHS.uk When to call 999 sends someone who is unconscious or
 * cannot be woken to 999. Two kinds of words read as that person and were not:
 * - a service or a professional who does not answer or respond ("the midwife is not answering", "son équipe diabète
 *   ne répond pas", "moașa nu răspunde la telefon"): cx.ff16.unresp_thing, a clause exclusion of rf.unconscious and
 *   rf.child.serious_signs, now lists them in all 20 languages (a relative who does not answer stays as it was);
 * - unconsciousness denied with the negator after the word ("بے ہوش نہیں ہوا تھا", "ਬੇਹੋਸ਼ ਵੀ ਨਹੀਂ", "অজ্ঞান হয়নি",
 *   "بیهوش نشد", "nu și-a pierdut cunoștința"): cx.o23.not_unconscious, a clause exclusion of rf.unconscious and
 *   rf.cant_wake, matched word for word so the negator is never dropped.
 * - a blister told as caused by shoes, walking or rubbing ("big blister on her heel from new shoes") read as a large burn
 *   (rf.burn.severe, A&E): cx.o23.friction_blister cancels it in its clause (NHS.uk Blisters: a pharmacist).
 * Phrasings written for this test from how people write in each language, not copied from any evaluation set.
 */
import { conversation } from '../support/dialog.js';
import { decideText } from '../support/triage.js';

const emergencyRules = (text: string, lang: string): string[] => {
  const d = decideText(text, lang);
  return d.tier === 'emergency' ? d.ruleIds : [];
};

/** A service or a professional who does not answer: the person who is ill is not said to be unresponsive. */
const SERVICE_NOT_ANSWERING: Record<string, string[]> = {
  eng: ['The diabetes team isn\'t responding to my calls.', 'My GP is not responding to my messages.', 'The midwife is not responding.'],
  cym: ['Dydy\'r fydwraig ddim yn ateb y ffôn.', 'Dydy\'r meddyg teulu ddim yn ymateb.'],
  fra: ['Son équipe diabète ne répond pas.', 'La sage-femme ne répond pas au téléphone.', 'Mon médecin traitant ne répond plus.'],
  spa: ['La matrona no responde al teléfono.', 'El equipo de diabetes no responde.', 'Mi médico de cabecera no contesta.'],
  por: ['A parteira não responde ao telefone.', 'O médico de família não atende.'],
  ita: ['L\'ostetrica non risponde al telefono.', 'Il medico di base non risponde.'],
  ron: ['Moașa nu răspunde la telefon.', 'Medicul de familie nu răspunde.'],
  pol: ['Położna nie odbiera telefonu.', 'Lekarz rodzinny nie odpowiada.'],
  lit: ['Akušerė neatsako į skambučius.', 'Gydytoja neatsiliepia.'],
  ukr: ['Акушерка не відповідає на дзвінки.', 'Сімейний лікар не бере трубку.'],
  tur: ['Ebe telefonu açmıyor.', 'Doktor cevap vermiyor.'],
  arb: ['القابلة لا ترد على الهاتف.', 'العيادة لا ترد.'],
  pes: ['ماما به تلفن جواب نمیده.', 'دکتر جواب نمیده.'],
  som: ['Umulisadu taleefanka ma qabanayso.', 'Dhakhtarka ma jawaabayo.'],
  pan: ['ਦਾਈ ਫ਼ੋਨ ਨਹੀਂ ਚੁੱਕ ਰਹੀ।', 'ਡਾਕਟਰ ਜਵਾਬ ਨਹੀਂ ਦੇ ਰਿਹਾ।'],
  urd: ['مڈوائف فون نہیں اٹھا رہی۔', 'ڈاکٹر جواب نہیں دے رہا۔'],
  ben: ['ধাত্রী ফোন ধরছেন না।', 'ডাক্তার সাড়া দিচ্ছেন না।'],
  guj: ['મિડવાઇફ ફોન નથી ઉપાડતી.', 'ડૉક્ટર જવાબ નથી આપતા.'],
  tam: ['மருத்துவச்சி போன் எடுக்கல.', 'டாக்டர் பதில் சொல்லல.'],
  cmn: ['助产士不接电话。', '糖尿病团队没有回复。'],
};

/** Unconsciousness denied, in every language's own way of saying it. */
const NOT_UNCONSCIOUS: Record<string, string[]> = {
  eng: ['He didn\'t pass out and he wasn\'t unconscious.', 'She did not lose consciousness.'],
  cym: ['Doedd o ddim yn anymwybodol.'],
  fra: ['Il n\'a pas perdu connaissance.'],
  spa: ['No perdió el conocimiento.'],
  por: ['Não desmaiou nem perdeu os sentidos.'],
  ita: ['Non ha perso i sensi.'],
  ron: ['Nu și-a pierdut cunoștința.', 'N-a leșinat.'],
  pol: ['Nie stracił przytomności.'],
  lit: ['Sąmonės neprarado.'],
  ukr: ['Він не втрачав свідомість.'],
  tur: ['Bayılmadı.', 'Bilincini kaybetmedi.'],
  arb: ['لم يفقد الوعي.'],
  pes: ['بیهوش نشد.', 'از هوش نرفت.'],
  som: ['Miyir ma beelin.'],
  pan: ['ਬੇਹੋਸ਼ ਨਹੀਂ ਹੋਇਆ।', 'ਉਹ ਬੇਹੋਸ਼ ਵੀ ਨਹੀਂ ਹੋਏ।'],
  urd: ['بے ہوش نہیں ہوا تھا۔', 'سانس ٹھیک ہے اور بے ہوش بھی نہیں ہوئے۔', 'وہ بیہوش نہیں ہوئی۔'],
  ben: ['অজ্ঞান হয়নি।', 'সে অজ্ঞান হয়নি, কথা বলছে।'],
  guj: ['બેભાન નથી થયો.', 'એ બેભાન પણ નથી થઈ.'],
  tam: ['அவர் மயங்கி விழவில்லை.'],
  cmn: ['他没有昏迷。', '没有晕倒。'],
};

/** Near neighbours: the person who is ill does not respond, or is unconscious. Each must still reach 999. */
const STILL_999: [string, string, string][] = [
  ['eng', 'My husband is not responding.', 'rf.unconscious'],
  ['eng', 'My mum collapsed, the GP isn\'t responding and she is not responding either.', 'rf.unconscious'],
  ['eng', 'I rang the surgery, now my dad is not responding.', 'rf.unconscious'],
  ['eng', 'He was not unconscious before but now he is unresponsive.', 'rf.unconscious'],
  ['fra', 'Mon mari ne répond pas, il est par terre.', 'rf.unconscious'],
  ['fra', 'Ma mère ne répond plus, elle est inconsciente.', 'rf.unconscious'],
  ['ron', 'Soțul meu nu răspunde, e căzut pe jos.', 'rf.unconscious'],
  ['ron', 'Moașa a zis că bebelușul nu răspunde.', 'rf.unconscious'],
  ['spa', 'Mi padre no responde, está inconsciente.', 'rf.unconscious'],
  ['por', 'O meu pai não responde e não acorda.', 'rf.unconscious'],
  ['ita', 'Mio marito non risponde, è svenuto e non si sveglia.', 'rf.unconscious'],
  ['cym', 'Dydy dad ddim yn ymateb.', 'rf.unconscious'],
  ['urd', 'وہ ہوش میں نہیں ہے۔', 'rf.unconscious'],
  ['urd', 'وہ بے ہوش ہے، ہوش نہیں آ رہا۔', 'rf.unconscious'],
  ['urd', 'ابو بے ہوش ہو گئے ہیں اور جاگ نہیں رہے۔', 'rf.cant_wake'],
  ['pan', 'ਉਹ ਬੇਹੋਸ਼ ਹੈ, ਹੋਸ਼ ਨਹੀਂ ਆ ਰਿਹਾ।', 'rf.unconscious'],
  ['ben', 'বাবা অজ্ঞান হয়ে গেছেন, সাড়া দিচ্ছেন না।', 'rf.unconscious'],
  ['guj', 'પપ્પા બેભાન થઈ ગયા છે.', 'rf.unconscious'],
  ['pes', 'مادرم بیهوش شده و بیدار نمیشه.', 'rf.unconscious'],
  ['tur', 'Babam bayıldı, uyanmıyor.', 'rf.unconscious'],
  ['arb', 'أبي فاقد الوعي ولا يستجيب.', 'rf.unconscious'],
  ['cmn', '我爸昏迷了，叫不醒。', 'rf.unconscious'],
  ['som', 'Aabahay miyir beelay, ma toosayo.', 'rf.unconscious'],
  ['lit', 'Tėtis be sąmonės, nereaguoja.', 'rf.unconscious'],
  ['ukr', 'Тато непритомний, не реагує.', 'rf.unconscious'],
  ['pol', 'Tata jest nieprzytomny i nie reaguje.', 'rf.unconscious'],
];

const rows = (table: Record<string, string[]>) => Object.entries(table).flatMap(([lang, phrases]) => phrases.map((p) => [lang, p] as const));

describe('a service or a professional who does not answer is no unconscious person (H93)', () => {
  it('holds phrasings in all 20 languages', () => {
    expect(Object.keys(SERVICE_NOT_ANSWERING)).toHaveLength(20);
  });
  it.each(rows(SERVICE_NOT_ANSWERING))('%s: %s raises no emergency', (lang, text) => {
    expect(emergencyRules(text, lang)).toEqual([]);
  });
});

describe('unconsciousness denied is not unconsciousness (H93)', () => {
  it('holds phrasings in all 20 languages', () => {
    expect(Object.keys(NOT_UNCONSCIOUS)).toHaveLength(20);
  });
  it.each(rows(NOT_UNCONSCIOUS))('%s: %s raises no emergency', (lang, text) => {
    expect(emergencyRules(text, lang)).toEqual([]);
  });
});

describe('the person who is ill not responding, or unconscious, still reaches 999 (H93 near neighbours)', () => {
  it.each(STILL_999)('%s: %s fires %s', (lang, text, rule) => {
    expect(emergencyRules(text, lang)).toContain(rule);
  });
});

const FRICTION_BLISTER: [string, string][] = [
  ['eng', 'My daughter has a big blister on her heel from her new school shoes.'],
  ['eng', 'Huge blister on my foot from walking all day.'],
  ['spa', 'Tengo una ampolla enorme en el talón por los zapatos nuevos.'],
  ['pol', 'Mam ogromny pęcherz na pięcie od nowych butów.'],
  ['cmn', '新鞋磨出了一个很大的水泡。'],
  ['fra', 'Ma fille a une énorme ampoule au talon à cause de ses nouvelles chaussures.'],
];
const BURN_BLISTERS: [string, string][] = [
  ['eng', 'The kettle fell on his foot, huge blister, he can\'t wear shoes.'],
  ['eng', 'Boiling water spilt on her leg and there are big blisters.'],
  ['eng', 'Burnt my hand on the oven, huge blister.'],
  ['fra', 'L\'eau bouillante s\'est renversée sur son pied, grosses cloques.'],
  ['cmn', '开水烫到脚，起了很大的水泡。'],
];

describe('a blister from shoes, walking or rubbing is no large burn; a scald\'s blisters still are (H93)', () => {
  it.each(FRICTION_BLISTER)('%s: %s raises no emergency', (lang, text) => {
    expect(emergencyRules(text, lang)).toEqual([]);
  });
  it.each(BURN_BLISTERS)('%s: %s is rf.burn.severe', (lang, text) => {
    expect(emergencyRules(text, lang)).toContain('rf.burn.severe');
  });
});

describe('through the statechart', () => {
  const open = (lang: 'eng' | 'urd' | 'fra', text: string) => {
    const c = conversation({ lang });
    c.say('hello');
    c.say('need.new');
    return c.say(text).result;
  };
  it('a midwife not answering goes on to the emergency check, not to 999', () => {
    const result = open('fra', 'J\'ai accouché il y a 9 jours, j\'ai de la fièvre et la sage-femme ne répond pas au téléphone.');
    expect(result.state).not.toBe('emergency');
  });
  it('"not unconscious" in Urdu goes on, "unconscious, not coming round" diverts', () => {
    expect(open('urd', 'ناک پر چوٹ لگی، خون بند ہو گیا، بے ہوش نہیں ہوا تھا۔').state).not.toBe('emergency');
    const diverted = open('urd', 'میرے ابو بے ہوش ہیں، ہوش نہیں آ رہا۔');
    expect(diverted.state).toBe('emergency');
    expect(diverted.effects[0]?.request.triage.ruleIds).toContain('rf.unconscious');
  });
  it('a husband not responding diverts at once', () => {
    const result = open('eng', 'My husband is not responding and I cannot wake him.');
    expect(result.state).toBe('emergency');
  });
});
