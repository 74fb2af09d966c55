/**
 * Round 15 clean-ups (s15-clean, H68): false 999s by class, each with the emergency it must keep.
 * Own phrases in patients' voices (self, a relative, text-speak, formal), written from the NHS.uk pages
 * the rules cite (Heart attack, Stroke, Burns and scalds, Stomach ache, Mental health: get urgent help,
 * Shingles), not the opened sets' wording.
 */
import { createTriageEngine, loadTriageContent } from '../../src/triage/index.js';
import { decideText, tierOf } from '../support/triage.js';

const setting = (text: string, lang: string): string[] => decideText(text, lang).ruleIds;
const engine = createTriageEngine(loadTriageContent('dialogs'));
/** How the engine read each occurrence of `ruleId` in the text (present, negated, past…). */
const readings = (text: string, lang: string, ruleId: string): string[] =>
  engine.explain(text, lang).filter((o) => o.ruleId === ruleId && o.lang === lang).map((o) => o.status);

describe('1. a denial after a list joined by "or" denies the first item too (post-position negation)', () => {
  it.each([
    ['urd', 'سینے میں دباؤ یا بازو میں درد نہیں ہے، بس کھانا کھانے کے بعد جلن ہوتی ہے'],
    ['urd', 'امی کو سینے میں دباؤ یا بازو میں درد نہیں ہے'],
    ['pan', 'ਛਾਤੀ ਵਿੱਚ ਦਬਾਅ ਜਾਂ ਬਾਂਹ ਵਿੱਚ ਦਰਦ ਨਹੀਂ ਹੈ'],
    ['ben', 'বুকে চাপ বা হাতে ব্যথা নেই'],
    ['guj', 'છાતીમાં દબાણ અથવા હાથમાં દુખાવો નથી'],
  ] as const)('%s: %s', (lang, text) => {
    expect(setting(text, lang)).not.toContain('rf.chest_pain.cardiac');
    expect(tierOf(text, lang)).not.toBe('emergency');
  });
  it.each([
    ['tur', 'göğüs ağrısı veya kolda uyuşma yok', 'cx.chest_pain'],
    ['tam', 'நெஞ்சு வலி அல்லது மூச்சு திணறல் இல்லை', 'cx.chest_pain'],
    ['pes', 'درد قفسه سینه یا تنگی نفس ندارم', 'cx.chest_pain'],
  ] as const)('%s: %s (%s denied)', (lang, text, id) => {
    expect(readings(text, lang, id).every((s) => s === 'negated')).toBe(true);
  });
  it.each([
    // The "and" is a breaker, and a longer phrase that only skipped the pressure denies nothing of it.
    ['urd', 'سینے میں دباؤ ہے اور بازو میں درد نہیں ہے'],
    ['urd', 'سینے میں دباؤ ہے'],
    ['pan', 'ਛਾਤੀ ਵਿੱਚ ਦਬਾਅ ਹੈ'],
    ['ben', 'বুকে চাপ লাগছে, ঘাম হচ্ছে'],
  ] as const)('%s: %s stays 999', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
});

describe('2. Lithuanian "nei" after a comparative is "than", not a denial', () => {
  it.each([
    ['lit', 'apsiplikė verdančiu vandeniu, nudegimas didesnis nei delnas'],
    ['lit', 'sūnui nudegimas, didesnis nei jo delnas'],
    ['lit', 'nusiplikiau koją, nudegusi vieta didesnė nei delnas'],
  ] as const)('%s: %s', (lang, text) => {
    expect(readings(text, lang, 'cx.word.burn_place')).toContain('present');
    expect(tierOf(text, lang)).toBe('emergency');
  });
  it('lit: "nei skausmo, nei dusulio" (neither pain nor breathlessness) is still a denial', () => {
    expect(readings('nei skausmo krūtinėje, nei dusulio', 'lit', 'cx.chest_pain').every((s) => s === 'negated')).toBe(true);
  });
});

describe('3. English "back in": past only with a month, a season or a time of life', () => {
  it('a band of burning pain round the back with blisters (shingles) is urgent', () => {
    expect(tierOf('burning pain round my back in a band on one side, now blisters', 'eng')).toBe('urgent');
    expect(tierOf('my mum has a rash like a belt on her back in a strip, really burning', 'eng')).not.toBe('routine');
  });
  it.each([
    'I had a stroke back in March, all fine now, it is just for my review',
    'back in the summer I took an overdose, I am well now and want to talk about my tablets',
  ])('%s is not 999', (text) => {
    expect(tierOf(text, 'eng')).not.toBe('emergency');
  });
  it('a stroke now, with "back in" as the body part, stays 999', () => {
    expect(tierOf('sudden pain in my back in the last hour, face drooping and slurred speech', 'eng')).toBe('emergency');
  });
});

describe('4. "bigger than my hand" alone is not a large burn', () => {
  it.each(['a graze bigger than my hand on my knee', 'my arm is red and sore, bigger than my hand', 'the eczema patch is bigger than my palm'])(
    '%s is not 999',
    (text) => {
      expect(tierOf(text, 'eng')).not.toBe('emergency');
    },
  );
  it.each([
    'burnt my arm on the oven, the burn is bigger than my hand',
    'scalded with the kettle, the area is bigger than her hand',
    'spilt boiling water on his leg, red patch bigger than his hand',
    'burned with hot oil, larger than the palm',
  ])('%s stays 999', (text) => {
    expect(tierOf(text, 'eng')).toBe('emergency');
  });
});

describe("5. a relative's heart attack or stroke dated by the age it happened at is history", () => {
  it.each([
    ['eng', "my dad had a heart attack at the age of 52 so I'd like a cholesterol check"],
    ['eng', 'Mum had a stroke aged 70, can I get my blood pressure checked'],
    ['cym', 'cafodd fy nhad drawiad ar y galon yn 55 oed, hoffwn brawf colesterol'],
    ['fra', 'mon père a eu un infarctus à 58 ans, je voudrais faire un bilan'],
    ['fra', 'Ma mère a fait un AVC à 65 ans, je veux vérifier ma tension'],
    ['spa', 'mi padre tuvo un infarto a los 50 años, quiero un análisis de colesterol'],
    ['por', 'o meu pai teve um enfarte aos 55 anos, quero medir o colesterol'],
    ['ita', 'mio padre ha avuto un infarto a 60 anni, vorrei fare gli esami'],
    ['ron', 'tata a făcut infarct la 58 de ani, vreau analize'],
    ['pol', 'tata miał zawał w wieku 55 lat, chciałbym zbadać cholesterol'],
    ['pol', 'mama miała udar mając 60 lat, proszę o badanie ciśnienia'],
    ['lit', 'tėtis patyrė infarktą būdamas 55 metų, noriu pasitikrinti cholesterolį'],
    ['ukr', 'тато переніс інфаркт у 60 років, хочу перевірити холестерин'],
    ['tur', 'babam 55 yaşında kalp krizi geçirdi, kolesterol testi istiyorum'],
    ['arb', 'أبي أصيب بجلطة قلبية في سن 55، أريد فحص الكوليسترول'],
    ['pes', 'پدرم در ۵۵ سالگی سکته قلبی کرد، می‌خوام کلسترولم رو چک کنم'],
    ['som', 'aabahay wuxuu qabay wadne qabad markuu 55 jir ahaa, waxaan rabaa baaritaan'],
    ['urd', 'میرے والد کو 55 سال کی عمر میں دل کا دورہ پڑا تھا، کولیسٹرول چیک کروانا ہے'],
    ['pan', 'ਮੇਰੇ ਪਿਤਾ ਨੂੰ 55 ਸਾਲ ਦੀ ਉਮਰ ਵਿੱਚ ਦਿਲ ਦਾ ਦੌਰਾ ਪਿਆ ਸੀ, ਕੋਲੈਸਟ੍ਰੋਲ ਚੈੱਕ ਕਰਵਾਉਣਾ'],
    ['ben', 'বাবার ৫৫ বছর বয়সে হার্ট অ্যাটাক হয়েছিল, কোলেস্টেরল পরীক্ষা করতে চাই'],
    ['guj', 'મારા પપ્પાને 55 વર્ષની ઉંમરે હાર્ટ એટેક આવ્યો હતો, કોલેસ્ટ્રોલ ચેક કરાવવું છે'],
    ['tam', 'அப்பாவுக்கு 55 வயசுல மாரடைப்பு வந்துச்சு, கொலஸ்ட்ரால் டெஸ்ட் வேணும்'],
    ['cmn', '我爸爸55岁时心梗，我想查一下胆固醇'],
  ] as const)('%s: %s', (lang, text) => {
    expect(tierOf(text, lang)).not.toBe('emergency');
  });
  it.each([
    ['eng', 'my dad is having a heart attack, crushing chest pain, he is 70'],
    ['eng', 'dad had a heart attack at home just now, he is grey and sweaty'],
    ['eng', 'I had a heart attack at age 50 and now I have crushing chest pain again'],
    ['eng', 'my dad had a stroke aged 70 and now his face has dropped again'],
    ['fra', 'mon père fait un infarctus, il a mal à la poitrine'],
    ['pol', 'mój tata ma zawał, boli go w klatce'],
    ['spa', 'mi padre está teniendo un infarto ahora'],
    ['lit', 'tėtis dabar turi infarktą, skauda krūtinę'],
    ['tur', 'babam 60 yaşında, şu an kalp krizi geçiriyor'],
    ['eng', 'my son aged 3 is having a fit and will not wake up'],
    ['pol', 'syn w wieku 3 lat ma drgawki'],
  ] as const)('%s: %s stays 999', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
});

describe('6. "I cannot bear it any more" said of feelings is not a severe tummy pain', () => {
  it.each([
    ['pes', 'چند وقته افسردگی دارم و دیگه نمی تونم تحمل کنم'],
    ['fra', 'je suis très angoissée, je fais des crises de panique, je ne supporte plus'],
    ['spa', 'estoy muy deprimida y ya no lo aguanto'],
    ['eng', "I'm so anxious and low, I can't take it any more"],
  ] as const)('%s: %s', (lang, text) => {
    expect(setting(text, lang)).not.toContain('rf.abdo.severe');
  });
  it.each([
    ['pes', 'دلم خیلی درد می کنه، نمی تونم تحمل کنم'],
    ['fra', "j'ai mal au ventre, je ne supporte plus"],
    ['spa', 'me duele la barriga, no lo aguanto'],
  ] as const)('%s: %s stays 999', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
  it.each([
    ['pes', 'افسردگی دارم و امروز به کمک نیاز دارم'],
    ['pes', 'حملات اضطراب دارم، امروز کمک میخوام'],
  ] as const)('%s: %s is urgent mental health help', (lang, text) => {
    expect(setting(text, lang)).toContain('rf.mh.urgent_help');
  });
});

describe('7. Lithuanian everyday verbs are not read as hanging oneself', () => {
  it.each([
    ['lit', 'apgamas padidėjo ir kraštai pasidarė nelygūs'],
    ['lit', 'oda pasidaro raudona'],
    ['lit', 'noriu pasitarti dėl vaistų'],
  ] as const)('%s: %s', (lang, text) => {
    expect(setting(text, lang)).not.toContain('rf.mh.imminent');
  });
  it.each([
    ['lit', 'jis sako, kad pasikars'],
    ['lit', 'pasikarsiu šiąnakt'],
    ['lit', 'noriu pasikarti'],
  ] as const)('%s: %s stays 999', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
});

describe('8. a clock time is not a count of tablets', () => {
  it.each([
    ['ron', 'am luat 2 paracetamol la 8 si inca 2 pe la 10, din greseala', 'cx.took_meds'],
    ['eng', 'took 2 paracetamol at 8 then another 2 at 10, by mistake', 'cx.word.count3'],
    ['cmn', '早上8点吃了两片，10点又吃了两片', 'cx.word.count3'],
    ['urd', 'صبح 8 بجے دو گولیاں لیں', 'cx.word.count3'],
    ['ukr', 'випила 2 таблетки о 8', 'cx.word.count3'],
  ] as const)('%s: %s (no %s)', (lang, text, id) => {
    expect(setting(text, lang)).not.toContain(id);
  });
  it.each([
    ['eng', 'I took 16 paracetamol at 9 this morning'],
    ['ron', 'am luat 20 de pastile la 9'],
    ['pol', 'połknąłem 20 tabletek o 8'],
    ['cmn', '吃了20片扑热息痛'],
    ['eng', "I'm pregnant at 20 weeks and bleeding heavily with pain"],
  ] as const)('%s: %s stays 999', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
});

describe('9. Turkish: taking one Parol is not an overdose; a child swallowing pills still is', () => {
  it.each([
    ['tur', 'başım ağrıyor, 1 parol içtim geçmedi'],
    ['tur', 'dün akşam iki hap içtim ama ateşim düşmedi'],
    ['tur', 'kızım ateşlendi, ona şurup içirdim, ben de bir parol içtim'],
  ] as const)('%s: %s', (lang, text) => {
    expect(tierOf(text, lang)).not.toBe('emergency');
  });
  it.each([
    ['tur', 'çocuk annemin haplarını yuttu'],
    ['tur', '3 yaşındaki oğlum hap yuttu'],
    ['tur', 'bebeğim babaannesinin ilaçlarını yutmuş'],
    ['tur', 'uyuyamadım, 12 uyku hapı yuttum'],
    ['tur', '20 ağrı kesici içtim'],
    ['tur', 'bir avuç hap yuttum'],
  ] as const)('%s: %s stays 999', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
});

describe('10. a denial inside the words of a sign denies it ("no fit since")', () => {
  it.each([
    ['urd', 'دو سال پہلے دورہ پڑا تھا، اس کے بعد کوئی دورہ نہیں پڑا، دوا کا نسخہ چاہیے'],
    ['pan', 'ਦੋ ਸਾਲ ਪਹਿਲਾਂ ਦੌਰਾ ਪਿਆ ਸੀ, ਉਸ ਤੋਂ ਬਾਅਦ ਕੋਈ ਦੌਰਾ ਨਹੀਂ ਪਿਆ'],
  ] as const)('%s: %s', (lang, text) => {
    expect(tierOf(text, lang)).not.toBe('emergency');
  });
  it.each([
    ['urd', 'اسے ابھی دورہ پڑا ہے'],
    ['urd', 'سانس نہیں آ رہی'],
    ['por', 'tenho pain no jaw e no braço esquerdo há uma hora, sweating muito'],
    ['por', 'acordou com uma pain horrível no testicle esquerdo, vomitou'],
  ] as const)('%s: %s stays 999', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
});

describe('11. Turkish first-person meningitis signs with a fever', () => {
  it.each([
    ['tur', 'ateşim 39, başım çatlıyor, ışığa bakamıyorum, boynumu eğince çok acıyor'],
    ['tur', 'boynumu eğemiyorum, ateşim var'],
  ] as const)('%s: %s is 999', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
});
