/**
 * Red flags in every supported language: emergencies written as patients write them (first and third
 * person) reach the emergency tier, and everyday requests, negated and past symptoms do not. Written
 * by a non-native engineer from the English vignettes; a fluent speaker should review every line.
 * Each language's third non-emergency sentence is "no chest pain, just a cough": it must not raise
 * any chest-pain rule (negation before the symptom, or after it where the language puts it there).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LangCode } from '../../src/domain/types.js';
import { createTriageEngine, loadTriageContent } from '../../src/triage/index.js';
import { conversation, projectRoot } from '../support/dialog.js';
import { tierOf } from '../support/triage.js';

const engine = createTriageEngine(loadTriageContent(join(projectRoot, 'dialogs')));
const languages = (JSON.parse(readFileSync(join(projectRoot, 'locales', 'languages.json'), 'utf8')) as {
  languages: { code: LangCode; bcp47: string }[];
}).languages;

const CASES: Record<string, { emergency: string[]; notEmergency: string[] }> = {
  cym: {
    emergency: ["dydy fy nhad ddim yn anadlu", "alla i ddim anadlu", "poen gwasgu yn fy mrest yn mynd i lawr fy mraich", "mae ei hwyneb wedi disgyn a dydy hi ddim yn gallu codi ei braich", "dw i wedi cymryd fy holl dabledi", "dw i eisiau lladd fy hun heno", "mae fy mabi yn llipa ac yn las", "mae e wedi llewygu a dydy e ddim yn deffro"],
    notEmergency: ["dw i angen nodyn ffitrwydd", "dolur gwddf ers 3 diwrnod", "dim poen yn y frest, dim ond peswch", "ces i strôc 5 mlynedd yn ôl a dw i angen fy nhabledi"],
  },
  pol: {
    emergency: ["mój tata nie oddycha", "nie mogę oddychać", "miażdżący ból w klatce piersiowej promieniuje do ręki", "opadła jej twarz i nie może podnieść ręki", "połknęłam wszystkie tabletki", "chcę się dziś zabić", "moje dziecko jest wiotkie i sine", "zemdlał i nie można go obudzić"],
    notEmergency: ["potrzebuję zwolnienia lekarskiego", "ból gardła od 3 dni", "nie mam bólu w klatce piersiowej, tylko kaszel", "miałem udar 5 lat temu i potrzebuję leków"],
  },
  ron: {
    emergency: ["tatăl meu nu respiră", "nu pot să respir", "durere puternică în piept care se duce în braț", "i-a căzut fața și nu poate ridica brațul", "am luat toate pastilele", "vreau să mă omor în seara asta", "bebelușul meu este moale și vânăt", "a leșinat și nu se trezește"],
    notEmergency: ["am nevoie de o adeverință medicală", "mă doare gâtul de 3 zile", "nu am durere în piept, doar tuse", "am avut un accident vascular acum 5 ani și am nevoie de pastile"],
  },
  pan: {
    emergency: ["ਮੇਰੇ ਪਿਤਾ ਜੀ ਸਾਹ ਨਹੀਂ ਲੈ ਰਹੇ", "ਮੈਨੂੰ ਸਾਹ ਨਹੀਂ ਆ ਰਿਹਾ", "ਛਾਤੀ ਵਿੱਚ ਬਹੁਤ ਦਬਾਅ ਵਾਲਾ ਦਰਦ ਬਾਂਹ ਤੱਕ ਜਾ ਰਿਹਾ ਹੈ", "ਉਸਦਾ ਮੂੰਹ ਟੇਢਾ ਹੋ ਗਿਆ ਹੈ ਅਤੇ ਉਹ ਬਾਂਹ ਨਹੀਂ ਚੁੱਕ ਸਕਦੀ", "ਮੈਂ ਸਾਰੀਆਂ ਗੋਲੀਆਂ ਖਾ ਲਈਆਂ", "ਮੈਂ ਅੱਜ ਰਾਤ ਆਪਣੇ ਆਪ ਨੂੰ ਮਾਰਨਾ ਚਾਹੁੰਦਾ ਹਾਂ", "ਮੇਰਾ ਬੱਚਾ ਢਿੱਲਾ ਪੈ ਗਿਆ ਹੈ ਅਤੇ ਨੀਲਾ ਹੈ", "ਉਹ ਡਿੱਗ ਪਿਆ ਅਤੇ ਉੱਠ ਨਹੀਂ ਰਿਹਾ"],
    notEmergency: ["ਮੈਨੂੰ ਫਿੱਟ ਨੋਟ ਚਾਹੀਦਾ ਹੈ", "3 ਦਿਨਾਂ ਤੋਂ ਗਲਾ ਖਰਾਬ ਹੈ", "ਛਾਤੀ ਵਿੱਚ ਦਰਦ ਨਹੀਂ ਹੈ, ਬੱਸ ਖੰਘ ਹੈ", "ਮੈਨੂੰ 5 ਸਾਲ ਪਹਿਲਾਂ ਸਟ੍ਰੋਕ ਹੋਇਆ ਸੀ ਅਤੇ ਮੈਨੂੰ ਆਪਣੀਆਂ ਦਵਾਈਆਂ ਚਾਹੀਦੀਆਂ ਹਨ"],
  },
  urd: {
    emergency: ["میرے والد سانس نہیں لے رہے", "مجھے سانس نہیں آ رہی", "سینے میں شدید دباؤ والا درد بازو تک جا رہا ہے", "اس کا چہرہ ٹیڑھا ہو گیا ہے اور وہ بازو نہیں اٹھا سکتی", "میں نے ساری گولیاں کھا لیں", "میں آج رات خودکشی کرنا چاہتا ہوں", "میرا بچہ ڈھیلا ہے اور نیلا پڑ گیا ہے", "وہ گر گیا اور ہوش میں نہیں آ رہا"],
    notEmergency: ["مجھے فٹ نوٹ چاہیے", "3 دن سے گلے میں خراش ہے", "سینے میں درد نہیں ہے، بس کھانسی ہے", "مجھے 5 سال پہلے فالج ہوا تھا اور مجھے اپنی دوائیاں چاہئیں"],
  },
  por: {
    emergency: ["o meu pai não está a respirar", "não consigo respirar", "dor no peito esmagadora que vai para o braço", "a cara dela descaiu e ela não consegue levantar o braço", "tomei todos os comprimidos", "quero matar-me esta noite", "o meu bebé está mole e azul", "ele desmaiou e não acorda"],
    notEmergency: ["preciso de um atestado médico", "dor de garganta há 3 dias", "não tenho dor no peito, só tosse", "tive um AVC há 5 anos e preciso dos meus comprimidos"],
  },
  spa: {
    emergency: ["mi padre no respira", "no puedo respirar", "dolor opresivo en el pecho que se extiende al brazo", "se le ha caído la cara y no puede levantar el brazo", "me he tomado todas las pastillas", "quiero matarme esta noche", "mi bebé está flácido y azul", "se desmayó y no se despierta"],
    notEmergency: ["necesito una baja médica", "me duele la garganta desde hace 3 días", "no tengo dolor de pecho, solo tos", "tuve un ictus hace 5 años y necesito mis pastillas"],
  },
  arb: {
    emergency: ["أبي لا يتنفس", "لا أستطيع التنفس", "ألم ضاغط في صدري ينتشر إلى ذراعي", "وجهها مائل ولا تستطيع رفع ذراعها", "أخذت كل حبوبي", "أريد أن أقتل نفسي الليلة", "طفلي رخو ولونه أزرق", "سقط مغمى عليه ولا يستيقظ"],
    notEmergency: ["أحتاج إلى شهادة مرضية", "التهاب في الحلق منذ 3 أيام", "لا يوجد ألم في الصدر، فقط سعال", "أصبت بجلطة دماغية قبل 5 سنوات وأحتاج أدويتي"],
  },
  ben: {
    emergency: ["আমার বাবা শ্বাস নিচ্ছেন না", "আমি শ্বাস নিতে পারছি না", "বুকে চাপ দেওয়া ব্যথা হাতে ছড়িয়ে যাচ্ছে", "ওর মুখ বেঁকে গেছে আর ও হাত তুলতে পারছে না", "আমি সব ওষুধ খেয়ে ফেলেছি", "আমি আজ রাতে আত্মহত্যা করতে চাই", "আমার বাচ্চা নেতিয়ে পড়েছে আর নীল হয়ে গেছে", "সে অজ্ঞান হয়ে পড়ে গেছে আর জাগছে না"],
    notEmergency: ["আমার একটা ফিট নোট দরকার", "৩ দিন ধরে গলা ব্যথা", "বুকে ব্যথা নেই, শুধু কাশি", "৫ বছর আগে আমার স্ট্রোক হয়েছিল, আমার ওষুধ দরকার"],
  },
  guj: {
    emergency: ["મારા પપ્પા શ્વાસ નથી લેતા", "મને શ્વાસ નથી આવતો", "છાતીમાં દબાણ જેવો દુખાવો હાથ સુધી જાય છે", "તેનું મોઢું વાંકું થઈ ગયું છે અને તે હાથ ઉપાડી શકતી નથી", "મેં બધી ગોળીઓ ખાઈ લીધી", "મારે આજે રાત્રે આત્મહત્યા કરવી છે", "મારું બાળક ઢીલું પડી ગયું છે અને ભૂરું થઈ ગયું છે", "તે બેભાન થઈ ગયો અને જાગતો નથી"],
    notEmergency: ["મને ફિટ નોટ જોઈએ છે", "3 દિવસથી ગળામાં દુખાવો", "છાતીમાં દુખાવો નથી, ફક્ત ઉધરસ છે", "મને 5 વર્ષ પહેલાં સ્ટ્રોક આવ્યો હતો અને મારી દવા જોઈએ છે"],
  },
  ita: {
    emergency: ["mio padre non respira", "non riesco a respirare", "dolore al petto schiacciante che va al braccio", "le si è abbassata la faccia e non riesce ad alzare il braccio", "ho preso tutte le pastiglie", "voglio uccidermi stanotte", "il mio bambino è floscio e blu", "è svenuto e non si sveglia"],
    notEmergency: ["mi serve un certificato di malattia", "mal di gola da 3 giorni", "niente dolore al petto, solo tosse", "ho avuto un ictus 5 anni fa e mi servono le pastiglie"],
  },
  cmn: {
    emergency: ["我爸爸没有呼吸了", "我现在喘不上气了", "胸口压着很重的痛，一直痛到左手臂", "她的脸歪了，手抬不起来", "我把所有的药都吃了", "我今晚想自杀", "我的宝宝软绵绵的，嘴唇发紫", "他晕倒了，叫不醒"],
    notEmergency: ["我需要开病假条", "喉咙痛三天了", "没有胸痛，只是咳嗽", "我五年前中风过，需要开药"],
  },
  fra: {
    emergency: ["mon père ne respire plus", "je n'arrive pas à respirer", "douleur écrasante dans la poitrine qui descend dans le bras", "son visage s'est affaissé et elle ne peut pas lever le bras", "j'ai pris tous mes médicaments", "je veux me tuer ce soir", "mon bébé est mou et tout bleu", "il s'est effondré et ne se réveille pas"],
    notEmergency: ["j'ai besoin d'un arrêt de travail", "mal à la gorge depuis 3 jours", "pas de douleur thoracique, juste de la toux", "j'ai fait un AVC il y a 5 ans et j'ai besoin de mes médicaments"],
  },
  lit: {
    emergency: ["mano tėtis nekvėpuoja", "negaliu kvėpuoti", "spaudžiantis skausmas krūtinėje plinta į ranką", "jai nusviro veidas ir ji negali pakelti rankos", "išgėriau visas tabletes", "noriu šiąnakt nusižudyti", "mano kūdikis suglebęs ir mėlynas", "jis nualpo ir nepabunda"],
    notEmergency: ["man reikia nedarbingumo pažymos", "skauda gerklę 3 dienas", "krūtinės neskauda, tik kosulys", "prieš 5 metus turėjau insultą ir man reikia vaistų"],
  },
  tam: {
    emergency: ["என் அப்பா மூச்சு விடவில்லை", "எனக்கு மூச்சு விட முடியவில்லை", "நெஞ்சில் அழுத்தும் வலி கைக்கு பரவுகிறது", "அவள் முகம் ஒரு பக்கம் கோணிவிட்டது, கையை தூக்க முடியவில்லை", "நான் எல்லா மாத்திரைகளையும் சாப்பிட்டுவிட்டேன்", "இன்று இரவு தற்கொலை செய்ய விரும்புகிறேன்", "என் குழந்தை துவண்டு நீலமாக இருக்கிறது", "அவர் மயங்கி விழுந்தார், எழுந்திருக்கவில்லை"],
    notEmergency: ["எனக்கு ஃபிட் நோட் வேண்டும்", "3 நாட்களாக தொண்டை வலி", "நெஞ்சு வலி இல்லை, இருமல் மட்டும்", "5 வருடங்களுக்கு முன் பக்கவாதம் வந்தது, என் மாத்திரைகள் வேண்டும்"],
  },
  tur: {
    emergency: ["babam nefes almıyor", "nefes alamıyorum", "göğsümde ezici bir ağrı var, koluma yayılıyor", "yüzü kaydı ve kolunu kaldıramıyor", "bütün ilaçlarımı içtim", "bu gece kendimi öldürmek istiyorum", "bebeğim gevşek ve morarmış", "bayıldı ve uyanmıyor"],
    notEmergency: ["rapor almam lazım", "3 gündür boğazım ağrıyor", "göğüs ağrım yok, sadece öksürük", "5 yıl önce felç geçirdim, ilaçlarım lazım"],
  },
  som: {
    emergency: ["aabahay ma neefsanayo", "ma neefsan karo", "xabadka xanuun culus oo gacanta ii fidaya", "wajigeeda ayaa dhacay mana qaadi karto gacanteeda", "waxaan qaatay dhammaan kiniinadayda", "waxaan doonayaa inaan caawa is dilo", "ilmahaygu wuu jilicsan yahay oo wuu buluug yahay", "wuu dhacay mana soo toosayo"],
    notEmergency: ["waxaan u baahanahay warqadda fasaxa shaqada", "cunaha ayaa i xanuunaya 3 maalmood", "xabad xanuun ma qabo, qufac uun", "istaroog ayaa i helay 5 sano ka hor waxaanan u baahanahay kiniinadayda"],
  },
  ukr: {
    emergency: ["мій тато не дихає", "я не можу дихати", "сильний тиснучий біль у грудях віддає в руку", "в неї перекосило обличчя і вона не може підняти руку", "я випила всі таблетки", "я хочу вбити себе сьогодні вночі", "моя дитина млява і синя", "він знепритомнів і не приходить до тями"],
    notEmergency: ["мені потрібна довідка про непрацездатність", "болить горло 3 дні", "болю в грудях немає, тільки кашель", "у мене був інсульт 5 років тому і мені потрібні мої ліки"],
  },
  pes: {
    emergency: ["پدرم نفس نمی‌کشد", "نمی‌توانم نفس بکشم", "درد فشارنده در قفسه سینه که به دستم می‌زند", "صورتش کج شده و نمی‌تواند دستش را بالا بیاورد", "همه قرص‌هایم را خوردم", "می‌خواهم امشب خودم را بکشم", "بچه‌ام شل شده و کبود است", "او از حال رفت و بیدار نمی‌شود"],
    notEmergency: ["گواهی استعلاجی لازم دارم", "سه روز است گلودرد دارم", "درد قفسه سینه ندارم، فقط سرفه", "پنج سال پیش سکته مغزی کردم و داروهایم را لازم دارم"],
  },
};

/** Index of the emergency sentence sent as a first message in the dialog test (a clear, not uncertain, hit). */
const DIALOG_SENTENCE = 1;


describe('red flags in every supported language', () => {
  it('covers every non-English supported language', () => {
    expect(Object.keys(CASES).sort()).toEqual(languages.map((l) => l.code).filter((c) => c !== 'eng').sort());
  });

  const rows = Object.entries(CASES);
  describe.each(rows)('%s', (lang, cases) => {
    it.each(cases.emergency)('emergency: %s', (text) => {
      expect(engine.screen(text, [lang]).hits.length).toBeGreaterThan(0);
      expect(tierOf(text, lang)).toBe('emergency');
    });
    it.each(cases.notEmergency)('not an emergency: %s', (text) => {
      expect(tierOf(text, lang)).not.toBe('emergency');
    });
    it('a denied chest pain raises no chest-pain rule', () => {
      const text = cases.notEmergency[2] as string;
      expect(engine.screen(text, [lang]).hits.map((h) => h.ruleId).filter((id) => id.includes('chest_pain'))).toEqual([]);
    });
  });
});

describe('an emergency as the first message of a conversation started in English', () => {
  it.each(languages.filter((l) => l.code !== 'eng').map((l) => [l.code, l.bcp47] as const))(
    '%s: diverts at once and advises in that language (%s)',
    (lang, bcp47) => {
      const text = CASES[lang]?.emergency[DIALOG_SENTENCE] as string;
      const c = conversation({ lang: 'eng', id: `test:multilingual-${lang}` });
      const reply = c.say(text);
      expect(reply.result.state).toBe('emergency');
      expect(reply.activities[0]?.channelData.intake.locale).toBe(bcp47);
    },
  );
});
