/**
 * Round 17 kinds A (s17-kinds-a, H77): emergencies told in words no rule read, by class, in all 20 languages,
 * with the mild, denied or past version of each that must not be 999. Own phrases in patients' voices (self,
 * a relative, text-speak, formal), written from the NHS.uk pages the rules in
 * dialogs/redflags/kinds_round17a.json cite (Carbon monoxide poisoning, TIA, Bowel obstruction, Vomiting in
 * children and babies, Priapism, Snake bites, Glaucoma, Inguinal hernia, Addison's disease, Low blood sugar,
 * Psychosis), not the opened sets' wording.
 */
import { tierOf } from '../support/triage.js';

type Case = readonly [string, string];
const emergency = (cases: readonly Case[]) =>
  it.each(cases)('%s: %s is 999 / A&E', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
const notEmergency = (cases: readonly Case[]) =>
  it.each(cases)('%s: %s is not 999', (lang, text) => {
    expect(tierOf(text, lang)).not.toBe('emergency');
  });

describe('carbon monoxide told as a household bug', () => {
  emergency([
    ['eng', 'all of us at home keep getting headaches and feel dizzy, the gas fire is quite old'],
    ['eng', 'me n the kids all got headaches n feel sick, better when we go out, boiler is ancient'],
    ['eng', 'we used a little gas heater in the caravan overnight and now both of us have headaches and feel sick'],
    ['fra', 'toute la famille a mal à la tête et des nausées depuis que la chaudière est rallumée'],
    ['spa', 'en casa todos nosotros con dolor de cabeza y mareos, mejor fuera, el calentador es viejo'],
    ['por', 'toda a família com dores de cabeça e enjoo, o esquentador é velho'],
    ['ita', 'tutta la famiglia ha mal di testa e nausea da quando accendiamo la stufa'],
    ['ron', 'toată familia are dureri de cap și amețeală de când am pornit centrala'],
    ['pol', 'cała rodzina ma bóle głowy i zawroty głowy, piecyk gazowy jest stary'],
    ['lit', 'visa šeima, galvos skausmas ir pykina, katilas senas'],
    ['ukr', 'у всіх вдома болить голова і нудить, газова колонка стара'],
    ['tur', 'hepimizin başı ağrıyor, kombi eski, dışarı çıkınca geçiyor'],
    ['arb', 'كل العائلة عندها صداع ودوخة منذ تشغيل المدفأة'],
    ['pes', 'همه‌مون سردرد و سرگیجه داریم، بخاری قدیمیه'],
    ['som', 'qoyska oo dhan madax xanuun iyo lallabo, kuleyl gaas ah ayaan shidnay'],
    ['pan', 'ਪੂਰਾ ਪਰਿਵਾਰ ਸਿਰ ਦਰਦ ਤੇ ਚੱਕਰ, ਹੀਟਰ ਪੁਰਾਣਾ ਹੈ'],
    ['urd', 'پورے گھر کو سر درد اور چکر ہیں، گیس ہیٹر پرانا ہے'],
    ['ben', 'সবার মাথা ব্যথা আর মাথা ঘোরা, গ্যাস হিটার পুরোনো'],
    ['guj', 'આખા ઘરને માથાનો દુખાવો અને ચક્કર, હીટર જૂનું છે'],
    ['tam', 'வீட்ல எல்லாருக்கும் தலைவலி குமட்டல், ஹீட்டர் பழசு'],
    ['cmn', '全家人都头疼头晕，煤炉一直烧着'],
    ['cym', 'pawb yn y tŷ efo cur pen a phendro, mae’r boeler yn hen'],
  ]);
  notEmergency([
    ['eng', 'I have had a headache for two days, no one else at home is ill'],
    ['eng', 'can I get a letter for the landlord, the boiler is broken and the house is cold'],
    ['eng', 'everyone at home has a cold and a runny nose'],
    ['fra', 'la chaudière est en panne, je voudrais un certificat pour le propriétaire'],
    ['tur', 'kombi bozuk, ev soğuk, çocuklar üşüdü ama hasta değil'],
  ]);
});

describe('TIA or stroke told as sudden double vision with unsteadiness, also when it has passed', () => {
  emergency([
    ['eng', 'this morning I suddenly had double vision and could not walk straight for ten minutes, fine now, routine appt pls'],
    ['eng', 'mum was seeing double and lost her balance in the kitchen earlier, its gone off now'],
    ['eng', 'saw double n was wobbly on my feet for a bit last night, ok now'],
    ['cym', 'roedd o’n gweld dwbl ac yn simsan ddoe am chwarter awr'],
    ['fra', 'mon père voyait double et a perdu l’équilibre ce matin, ça va mieux'],
    ['spa', 'mi madre veía doble y se tambaleaba esta mañana, ya se le pasó'],
    ['por', 'o meu marido via tudo duplo e cambaleava hoje de manhã'],
    ['ita', 'mia madre vedeva doppio e barcollava stamattina, ora sta bene'],
    ['ron', 'tata vedea dublu și se clătina azi dimineață'],
    ['pol', 'mamie nagle dwoiło się w oczach i zataczała się, teraz już dobrze'],
    ['lit', 'tėčiui staiga dvejinosi akyse ir jis svyravo'],
    ['ukr', 'у тата раптом двоїлося в очах і його хитало'],
    ['tur', 'babam birden her şeyi çift gördü ve sendeledi, şimdi iyi'],
    ['arb', 'أبي فجأة صار عنده ازدواج الرؤية وفقد توازنه'],
    ['pes', 'مادرم یهو دوبینی داشت و تلوتلو می‌خورد'],
    ['som', 'aabbe wax walba laba ayuu arkayay oo wuu dheelliyay'],
    ['pan', 'ਪਿਤਾ ਜੀ ਨੂੰ ਦੋ ਦੋ ਦਿਸਦਾ ਸੀ ਤੇ ਉਹ ਲੜਖੜਾ ਗਿਆ'],
    ['urd', 'ابو کو اچانک ڈبل نظر آیا اور وہ لڑکھڑا گئے'],
    ['ben', 'বাবা হঠাৎ সব দুটো দেখছিল আর টলছিল'],
    ['guj', 'પપ્પાને અચાનક બે બે દેખાય અને લથડિયા ખાતા હતા'],
    ['tam', 'அம்மாவுக்கு திடீர்னு ரெண்டா தெரியுது, நடக்கும்போது தள்ளாடி விழப்போனாங்க'],
    ['cmn', '我爸突然看东西重影，走路不稳'],
  ]);
  notEmergency([
    ['eng', 'I have had double vision for years, need my glasses checked'],
    ['eng', 'no double vision, just a bit unsteady after my ear infection'],
    ['eng', 'my mum had a stroke years ago, can I book her annual review'],
    ['fra', 'je vois double depuis des années, contrôle des lunettes'],
  ]);
});

describe('bowel obstruction and a baby or child with green vomit', () => {
  emergency([
    ['eng', 'dad hasnt had a poo and not even wind for 3 days, belly swollen and hes vomiting'],
    ['eng', 'I have not opened my bowels or passed wind since Friday and I keep being sick'],
    ['fra', 'pas de selles et même pas de gaz depuis deux jours, il vomit'],
    ['spa', 'mi madre no hace caca ni gases desde el lunes, vomitando verde'],
    ['pol', 'tata nie wypróżnia się, nawet gazy nie odchodzą, wymiotuje'],
    ['tam', 'அப்பாவுக்கு மலம் போகல, காத்தும் பிரியல, வாந்தி எடுக்கறாரு'],
    ['eng', 'my baby is vomiting green and keeps pulling her legs up'],
    ['eng', 'toddler sick is green this evening, screaming on and off'],
    ['cym', 'mae’r babi yn chwydu gwyrdd'],
    ['fra', 'mon bébé vomit du vert depuis ce soir'],
    ['spa', 'mi bebé vomita verde y encoge las piernas'],
    ['por', 'o meu bebé tem vómito verde desde a tarde'],
    ['ita', 'il bambino ha vomitato verde due volte'],
    ['ron', 'bebelușul vomită verde de azi'],
    ['pol', 'synek wymiotuje na zielono'],
    ['lit', 'kūdikis vemia žaliai'],
    ['ukr', 'малюк блює зеленим'],
    ['tur', 'bebeğim yeşil kusuyor'],
    ['arb', 'طفلي يتقيأ قيء أخضر'],
    ['pes', 'بچه‌ام استفراغ سبز داره'],
    ['som', 'ilmaha wuxuu leeyahay matag cagaaran'],
    ['pan', 'ਬੱਚਾ ਹਰੀ ਉਲਟੀ ਕਰ ਰਿਹਾ'],
    ['urd', 'بچہ سبز الٹی کر رہا ہے'],
    ['ben', 'বাচ্চা সবুজ বমি করছে'],
    ['guj', 'બાળકને લીલી ઉલટી થાય છે'],
    ['tam', 'குழந்தை பச்சை வாந்தி எடுக்குது'],
    ['cmn', '宝宝吐绿色的呕吐物'],
  ]);
  notEmergency([
    ['eng', 'constipated for 3 days, bit bloated, still passing wind fine'],
    ['eng', 'my baby was sick once after her feed, milk colour, feeding well'],
    ['eng', 'no green vomit, my toddler just has a runny nose'],
    ['spa', 'estoy estreñido desde hace tres días, ¿qué laxante puedo tomar?'],
  ]);
});

describe('priapism: an erection lasting hours', () => {
  emergency([
    ['eng', 'my erection has not gone down for 5 hours and it hurts'],
    ['eng', 'took a viagra last night n my penis is still hard 4 hrs later, painful'],
    ['cym', 'codiad ers 5 awr, ddim yn mynd i lawr'],
    ['fra', 'érection depuis 5 heures qui ne redescend pas'],
    ['spa', 'tengo una erección desde hace 6 horas que no baja'],
    ['por', 'ereção há 5 horas que não passa'],
    ['ita', 'ho un’erezione da 5 ore che non passa'],
    ['ron', 'am o erecție de 5 ore care nu trece'],
    ['pol', 'mam erekcję od 5 godzin, nie schodzi'],
    ['lit', 'erekcija jau 5 valandas, nepraeina'],
    ['ukr', 'ерекція вже 5 годин, не проходить'],
    ['tur', '5 saattir ereksiyon geçmiyor'],
    ['arb', 'انتصاب منذ 5 ساعات لا يزول'],
    ['pes', 'نعوظ ۵ ساعته نمی‌خوابه'],
    ['som', 'kacsi 5 saac ma dagayo'],
    ['pan', '5 ਘੰਟੇ ਤੋਂ ਇਰੈਕਸ਼ਨ ਨਹੀਂ ਬੈਠ ਰਹੀ'],
    ['urd', '5 گھنٹے سے انتصاب ختم نہیں ہو رہا'],
    ['ben', '5 ঘণ্টা ধরে ইরেকশন নামছে না'],
    ['guj', '5 કલાકથી ઇરેક્શન બેસતું નથી'],
    ['tam', '5 மணி நேரமா விறைப்பு குறையவில்லை'],
    ['cmn', '勃起好几个小时了下不去'],
  ]);
  notEmergency([
    ['eng', 'I struggle to get an erection, can I discuss viagra'],
    ['eng', 'erection only lasts a few minutes, embarrassed to ask'],
    ['spa', 'tengo problemas de erección desde hace años'],
    ['eng', 'my knee is still hard and swollen since last night'],
    ['eng', 'breastfeeding, a painful hard lump on my breast since last night'],
  ]);
});

describe('snake (adder) bite', () => {
  emergency([
    ['eng', 'my son got bitten by a snake on the moors, leg swelling'],
    ['eng', 'think an adder bit me on the hand 30 mins ago'],
    ['cym', 'gwiber wedi brathu fy nghi... na, wedi fy mrathu i ar y droed'],
    ['fra', 'une vipère m’a mordu à la cheville'],
    ['spa', 'me mordió una serpiente en el pie'],
    ['por', 'uma cobra mordeu-me na perna, foi mordido há pouco'],
    ['ita', 'una vipera mi ha morso alla caviglia, morso'],
    ['ron', 'm-a mușcat un șarpe de picior, mușcat'],
    ['pol', 'żmija ugryzła mnie w łydkę'],
    ['lit', 'gyvatė įkando į koją'],
    ['ukr', 'гадюка вкусила сина за ногу'],
    ['tur', 'yılan ayağımı ısırdı'],
    ['arb', 'لدغني ثعبان في القدم'],
    ['pes', 'مار پامو گزید'],
    ['som', 'mas ayaa gacanta iga qaniinay'],
    ['pan', 'ਸੱਪ ਨੇ ਡੰਗ ਮਾਰਿਆ'],
    ['urd', 'سانپ نے ڈس لیا'],
    ['ben', 'সাপে কামড়েছে'],
    ['guj', 'સાપ કરડ્યો'],
    ['tam', 'பாம்பு கடிச்சது'],
    ['cmn', '被蛇咬了'],
  ]);
  notEmergency([
    ['eng', 'my snake plant leaves are sticky, can it bite... no, are they toxic to cats'],
    ['eng', 'bitten by midges on a walk, itchy bumps'],
    ['tur', 'ateşi ilaçla bile düşmüyor, oğlum iki yaşında'],
  ]);
});

describe('acute glaucoma, strangulated hernia, adrenal crisis, hypo with no swallow, psychosis with harm', () => {
  emergency([
    ['eng', 'my eye is red and really painful and I see halos round lights'],
    ['fra', 'œil rouge et douloureux, je vois des halos autour des lumières'],
    ['pol', 'boli oko, widzę tęczowe kręgi wokół świateł'],
    ['cmn', '眼睛红眼睛疼，看灯有圈'],
    ['eng', 'my hernia has gone hard, wont go back in and I have been vomiting'],
    ['spa', 'la hernia ya no entra, muy dolorosa, vomitando'],
    ['tur', 'fıtık içeri girmiyor, çok ağrıyor'],
    ['eng', 'I have Addisons and cant keep my tablets down, vomiting all night'],
    ['spa', 'tengo Addison, tomo hidrocortisona y no para de vomitar'],
    ['urd', 'ایڈیسن ہے اور لگاتار الٹی ہو رہی ہے'],
    ['eng', 'husband is diabetic on insulin, sweaty and confused and cant swallow the juice'],
    ['pol', 'mąż na insulinie, spocony, nie może przełknąć soku'],
    ['cmn', '老公打胰岛素，现在糊涂了喂不进去'],
    ['eng', 'my brother keeps hearing voices telling him to hurt people'],
    ['spa', 'mi hijo oye voces que le dicen que mate a los vecinos'],
    ['ben', 'স্বামী বলছে কেউ হুকুম দিচ্ছে প্রতিবেশীদের মারতে'],
  ]);
  notEmergency([
    ['eng', 'I see halos round lights at night when driving, no pain'],
    ['eng', 'I have a hernia that goes back in when I lie down, can I get a surgery referral'],
    ['eng', 'using hydrocortisone cream for eczema, bit of a tummy bug'],
    ['eng', 'I am diabetic, on insulin, need a repeat prescription'],
    ['eng', 'my mum had a psychotic episode years ago, now well, needs a medication review'],
  ]);
});
