/**
 * Round 14 (s14-emerg, H65): emergencies from the NHS.uk pages that the opened tenth set showed
 * missing, fixed by class in all 20 languages: a fever during chemotherapy (possible neutropenic
 * sepsis), a burn or scald bigger than the hand or palm, painkillers taken at 10 or more a day (a
 * staggered overdose, also as a range "10-12 a day"), and a fever with a stiff neck asked for
 * (meningitis) and a burn asked about whenever a hot thing or a burnt word is told. The phrases are
 * our own, not the opened sets' sentences; the near-misses beside them must stay below 999.
 */
import { createTriageEngine, loadTriageContent } from '../../src/triage/index.js';
import type { Picture } from '../../src/triage/types.js';
import { screenedTierOf as tierOf } from '../support/triage.js';

describe('a fever during chemotherapy is an emergency (NHS.uk Chemotherapy side effects), in every language', () => {
  it.each([
    ['eng', "I'm on chemo and my temperature is 38.3 tonight"],
    ['eng', 'had my chemotherapy last week, now shivering and feel hot'],
    ['eng', 'mum is having chemo, she has a fever and the shivers'],
    ['eng', 'on chemo, temp 38.5, can i wait for my clinic on monday'],
    ['cym', 'dw i ar gemotherapi ac mae gen i dymheredd 38.4'],
    ['fra', "je suis sous chimio et j'ai 38,5 de fièvre"],
    ['fra', 'chimiothérapie la semaine dernière, ce soir fièvre et frissons'],
    ['spa', 'estoy con quimioterapia y tengo fiebre de 38,6'],
    ['spa', 'mi madre recibe quimio y tiene fiebre'],
    ['por', 'estou a fazer quimioterapia e tenho febre de 38,2'],
    ['ita', 'sto facendo la chemio e ho la febbre a 38,5'],
    ['ron', 'fac chimioterapie și am febră 38,4'],
    ['pol', 'jestem w trakcie chemioterapii i mam gorączkę 38,5'],
    ['lit', 'man taikoma chemoterapija, karščiavimas 38,6'],
    ['ukr', 'я на хіміотерапії, температура 38,5'],
    ['tur', 'kemoterapi alıyorum, ateşim 38,5 çıktı'],
    ['arb', 'آخذ العلاج الكيماوي وعندي حرارة 38.5'],
    ['pes', 'شیمی درمانی می‌کنم و تب دارم ۳۸.۵'],
    ['som', 'waxaan qaataa kiimoteraabi, qandho 38.4 ayaan qabaa'],
    ['pan', 'ਮੇਰੀ ਕੀਮੋਥੈਰੇਪੀ ਚੱਲ ਰਹੀ ਹੈ ਅਤੇ ਬੁਖਾਰ 38.5 ਹੈ'],
    ['urd', 'میری کیموتھراپی چل رہی ہے اور بخار 38.5 ہے'],
    ['ben', 'আমার কেমোথেরাপি চলছে, জ্বর 38.5'],
    ['guj', 'મારી કીમોથેરાપી ચાલે છે અને તાવ 38.5 છે'],
    ['tam', 'எனக்கு கீமோதெரபி நடக்குது, காய்ச்சல் 38.5'],
    ['cmn', '我在做化疗，发烧38.5度'],
  ])('%s: %s', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
});

describe('a burn or scald bigger than the hand is an emergency (NHS.uk Burns and scalds), in every language', () => {
  it.each([
    ['eng', 'spilt boiling water on my tummy, the red patch is bigger than my hand'],
    ['eng', 'my son pulled the kettle over, the scald on his chest is larger than his hand'],
    ['eng', 'burnt my leg on the oven door, blistered area bigger than the palm'],
    ['eng', 'hot tea went over her thigh, blisters bigger than a hand'],
    ['cym', 'dŵr berwedig ar fy mol, mae\'r llosg yn fwy na fy llaw'],
    ['fra', "je me suis brûlé avec de l'eau bouillante, c'est plus grand que la main"],
    ['spa', 'me quemé con agua hirviendo, la zona es más grande que la palma'],
    ['por', 'queimei-me com água a ferver, é maior que a palma'],
    ['ita', "mi sono scottato con l'acqua bollente, più grande del palmo"],
    ['ron', 'm-am opărit cu apă fiartă, pata e mai mare decât palma'],
    ['pol', 'oparzyłam się wrzątkiem, czerwone miejsce większe niż dłoń'],
    ['lit', 'apsiplikiau verdančiu vandeniu, nudegimas didesnis už delną'],
    ['ukr', 'обпеклася окропом з чайника, опік більше за долоню'],
    ['tur', 'kaynar su döküldü, yanık avuçtan büyük'],
    ['arb', 'انكب علي ماء مغلي، الحرق أكبر من كف اليد'],
    ['pes', 'آب جوش ریخت روی پام، سوختگی بزرگتر از کف دست'],
    ['som', 'biyo kulul ayaa igu daatay, gubashadu way ka weyn tahay calaacasha'],
    ['pan', 'ਉਬਲਦਾ ਪਾਣੀ ਡਿੱਗ ਗਿਆ, ਜਲਣ ਹਥੇਲੀ ਤੋਂ ਵੱਡਾ'],
    ['urd', 'ابلتا پانی گر گیا، جلنے کا نشان ہتھیلی سے بڑا ہے'],
    ['ben', 'গরম পানিতে পুড়েছে, জায়গাটা হাতের তালুর চেয়ে বড়'],
    ['guj', 'ઉકળતું પાણી પડ્યું, દાઝેલો ભાગ હથેળી કરતાં મોટું'],
    ['tam', 'கொதிக்கும் தண்ணீர் கொட்டி சுட்டது, உள்ளங்கையை விட பெரியது'],
    ['cmn', '开水烫伤了肚子，烫伤的地方比手掌大'],
  ])('%s: %s', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
});

describe('painkillers at 10 or more a day are a staggered overdose (NHS.uk Paracetamol for adults), in every language', () => {
  it.each([
    ['eng', 'taking painkillers for my tooth, about 12 tablets a day'],
    ['eng', 'been on pain killers for two days, 10-12 tablets a day'],
    ['eng', 'pain tablets every two hours since yesterday'],
    ['cym', 'tabledi lladd poen, 12 tabled y dydd'],
    ['fra', 'je prends des antidouleurs, 10-12 comprimés par jour'],
    ['spa', 'tomo analgésicos, 12 pastillas al día'],
    ['por', 'tomo analgésicos, 12 comprimidos por dia'],
    ['ita', 'prendo antidolorifici, 12 compresse al giorno'],
    ['ron', 'iau analgezice, 12 pastile pe zi'],
    ['pol', 'biorę leki przeciwbólowe, 10-12 tabletek dziennie'],
    ['lit', 'geriu vaistus nuo skausmo, 12 tablečių per dieną'],
    ['ukr', "п'ю знеболювальні, 12 таблеток на день"],
    ['tur', 'ağrı kesici içiyorum, günde 10-12 tane'],
    ['arb', 'آخذ مسكنات، 12 حبة باليوم'],
    ['pes', 'قرص مسکن می‌خورم، روزی 12 تا قرص'],
    ['som', 'waxaan qaataa kaniinka xanuunka, maalintii 12 kiniin'],
    ['pan', 'ਦਰਦ ਦੀਆਂ ਗੋਲੀਆਂ ਖਾ ਰਹੀ ਹਾਂ, ਦਿਨ ਵਿੱਚ 12 ਗੋਲੀਆਂ'],
    ['urd', 'درد کی گولیاں لے رہا ہوں، دن میں 12 گولیاں'],
    ['ben', 'ব্যথার ওষুধ খাচ্ছি, দিনে 12 টা'],
    ['guj', 'દુખાવાની ગોળીઓ લઉં છું, દિવસમાં 12 ગોળી'],
    ['tam', 'வலி மாத்திரை சாப்பிடுறேன், ஒரு நாளைக்கு 12 மாத்திரை'],
    ['cmn', '我在吃止痛药，一天12片'],
  ])('%s: %s', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
});

describe('round 14 near-misses stay below 999', () => {
  it.each([
    ['eng', 'I take 10 tablets a day for my heart and need a repeat prescription'],
    ['tur', 'günde 10 tane hap alıyorum, reçetemi yenilemek istiyorum'],
    ['eng', 'I take 2 painkillers a day for my back'],
    ['eng', 'small burn from the iron, smaller than a coin'],
    ['eng', 'I had chemotherapy ten years ago, question about my flu jab'],
    ['spa', 'tengo una mancha de eczema más grande que la palma de la mano'],
  ])('%s: %s', (lang, text) => {
    expect(tierOf(text, lang)).not.toBe('emergency');
  });
});

const picture = (text: string, answers: Record<string, string> = {}, ageYears?: number): Picture => ({
  need: 'need.new', texts: [{ text, lang: 'eng' }], answers, presentRuleIds: [], deniedRuleIds: [], ...(ageYears !== undefined ? { ageYears } : {}),
});
const direct = createTriageEngine(loadTriageContent('dialogs'));
/** Every question the engine would ask, each answered "no". */
const allAsked = (p: Picture): string[] => {
  const answers: Record<string, string> = { ...p.answers };
  for (let i = 0; i < 40; i++) {
    const q = direct.nextQuestion({ ...p, answers });
    if (!q) break;
    answers[q.id] = 'no';
  }
  return Object.keys(answers).filter((id) => !(id in p.answers));
};

describe('the questions ask what the story leaves out', () => {
  it('a fever asks about a stiff neck, and yes is meningitis (NHS.uk Meningitis)', () => {
    const p = picture('my 4 year old has a high temperature and keeps being sick', {}, 4);
    expect(allAsked(p)).toContain('q.fever.neck');
    expect(direct.decide(picture('my 4 year old has a high temperature and keeps being sick', { 'q.fever.neck': 'yes' }, 4)).tier).toBe('emergency');
  });

  it('a hot thing or a scald word asks the burn questions, whatever area was tapped', () => {
    for (const text of ['spilt boiling water from the kettle on my tummy', 'I scalded myself with hot tea']) {
      const p = picture(text, { 'q.area': 'safety.area.skin' });
      expect(direct.complaintsFor(p)).toContain('burn');
      expect(allAsked(p)).toEqual(expect.arrayContaining(['q.burn.size']));
    }
  });
});

const urgentOrAbove = (tier: string): boolean => tier === 'urgent' || tier === 'emergency';

describe('gout with a fever is urgent (NHS.uk Gout), in every language', () => {
  it.each([
    ['eng', 'my gout has flared in my big toe and I have a temperature of 38.6'],
    ['eng', 'gout attack in my knee, feel hot and shivery'],
    ['eng', 'got gout again, this time with a fever'],
    ['cym', 'mae gen i gowt yn fy mys troed ac mae gen i dwymyn'],
    ['fra', "j'ai la goutte au pied et 38,7 de fièvre"],
    ['spa', 'tengo gota en el dedo gordo y fiebre de 38,5'],
    ['por', 'tenho gota no dedo do pé e febre de 38,5'],
    ['ita', 'ho la gotta al piede e la febbre a 38,5'],
    ['ron', 'am gută la deget și febră 38,5'],
    ['pol', 'mam atak dny moczanowej i gorączkę 38,5'],
    ['lit', 'podagros priepuolis ir karščiavimas 38,5'],
    ['ukr', 'напад подагри і температура 38,5'],
    ['tur', 'gut atağım var, ateşim 38,5'],
    ['arb', 'عندي نقرس بإصبع رجلي وحرارة 38.6'],
    ['pes', 'نقرس دارم و تب ۳۸.۵'],
    ['som', 'gout ayaa i haya, qandho 38.5 ah'],
    ['pan', 'ਗਾਊਟ ਦਾ ਦੌਰਾ ਪਿਆ ਅਤੇ ਬੁਖਾਰ 38.5'],
    ['urd', 'نقرس کا حملہ ہے اور بخار 38.5'],
    ['ben', 'গাউট হয়েছে, জ্বর 38.5'],
    ['guj', 'ગાઉટ થયો છે અને તાવ 38.5 છે'],
    ['tam', 'கவுட் வலி, காய்ச்சல் 38.5'],
    ['cmn', '痛风发作了，还发烧38.5度'],
  ])('%s: %s', (lang, text) => {
    expect(urgentOrAbove(tierOf(text, lang))).toBe(true);
  });
});

describe('a band or strip of blisters is shingles (NHS.uk Shingles), the Gujarati inflected forms', () => {
  it.each([
    ['guj', 'કમર પર એક પટ્ટામાં નાના ફોલ્લા થયા છે'],
    ['guj', 'પાંસળી પર પટ્ટીમાં ફોલ્લા નીકળ્યા છે, બળે છે'],
  ])('%s: %s', (lang, text) => {
    expect(urgentOrAbove(tierOf(text, lang))).toBe(true);
  });
});

describe('a drop of something is no gout', () => {
  it.each([
    ['spa', 'me cayó una gota de agua en el ojo'],
    ['fra', "une goutte de sang sur le mouchoir"],
  ])('%s: %s', (lang, text) => {
    expect(tierOf(text, lang)).not.toBe('urgent');
  });
});

describe('a low mood that needs someone to talk to today is urgent (NHS.uk Mental health: get help now), in every language', () => {
  it.each([
    ['eng', "I'm so low and anxious, I won't hurt myself but I want to talk to someone today"],
    ['eng', 'panic attacks every day, I need to speak to someone today'],
    ['cym', 'rwy\'n isel iawn ac yn bryderus, angen siarad â rhywun heddiw'],
    ['fra', "je suis très déprimée et anxieuse, j'ai besoin de parler à quelqu'un aujourd'hui"],
    ['spa', 'estoy muy deprimida y con ansiedad, necesito hablar con alguien hoy'],
    ['por', 'estou muito deprimida e ansiosa, preciso de falar com alguém hoje'],
    ['ita', 'sono molto depressa e ansiosa, devo parlare con qualcuno oggi'],
    ['ron', 'sunt foarte deprimată și anxioasă, vreau să vorbesc cu cineva azi'],
    ['pol', 'mam depresję i ataki paniki, muszę porozmawiać z kimś dzisiaj'],
    ['lit', 'depresija ir panikos priepuoliai, noriu pasikalbėti su kuo nors šiandien'],
    ['ukr', 'депресія і панічні атаки, хочу поговорити з кимось сьогодні'],
    ['tur', 'depresyondayım ve panik atak geçiriyorum, bugün biriyle konuşmam lazım'],
    ['arb', 'عندي اكتئاب ونوبات هلع، بدي أحكي مع حدا اليوم'],
    ['pes', 'افسردگی و حمله پانیک دارم، می‌خوام امروز با یکی حرف بزنم'],
    ['som', 'walwal iyo niyad jab ayaan qabaa, waxaan rabaa maanta qof la hadlo'],
    ['pan', 'ਡਿਪਰੈਸ਼ਨ ਤੇ ਘਬਰਾਹਟ ਆ, ਅੱਜ ਕਿਸੇ ਨਾਲ ਗੱਲ ਕਰਨੀ ਆ'],
    ['urd', 'ڈپریشن اور گھبراہٹ ہے، آج کسی سے بات کرنی ہے'],
    ['ben', 'ডিপ্রেশন আর প্যানিক অ্যাটাক, আজ কারো সাথে কথা বলতে চাই'],
    ['guj', 'ડિપ્રેશન અને ગભરાટ છે, આજે કોઈની સાથે વાત કરવી છે'],
    ['tam', 'மன அழுத்தம், பதற்றம், இன்னைக்கே யாரிடமாவது பேசணும்'],
    ['cmn', '我很抑郁，每天惊恐发作，今天想找人谈谈'],
  ])('%s: %s', (lang, text) => {
    expect(urgentOrAbove(tierOf(text, lang))).toBe(true);
  });
});
