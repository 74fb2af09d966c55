/**
 * Self-care recognised for the common Pharmacy First and "a pharmacist can help" conditions in all 20
 * languages (round 10, issue 15 item 4; dialogs/redflags/selfcare_conditions.json): each condition's own
 * signs as people say them, written from its NHS.uk page, never from a test set's sentences. And what
 * must not go to the pharmacy still wins: a bone the wrong shape, a burn with blisters on a hand, blood
 * in the poo, a baby, severe pain, sunburn that blistered, impetigo under 1. Engine only (the whole
 * conversation is measured by the bench).
 */
import type { Tier } from '../../src/domain/types.js';
import { tierOf } from '../support/triage.js';


type Row = readonly [lang: string, ageYears: number | null, tier: Tier, text: string];

describe("self-care in every language, athlete's foot: itchy, peeling, cracked or white skin between the toes", () => {
  const rows: Row[] = [
    ["eng", null, "selfcare", "the skin in between my toes has gone white and soggy and it itches"],
    ["cym", null, "selfcare", "mae'r croen rhwng bysedd fy nhraed yn cosi ac yn plicio"],
    ["pol", null, "selfcare", "mam pękającą skórę między palcami stóp i bardzo swędzi"],
    ["ron", null, "selfcare", "pielea dintre degetele de la picioare se cojește și mă mănâncă"],
    ["por", null, "selfcare", "a pele entre os dedos dos pés está rachada e com coceira"],
    ["spa", null, "selfcare", "tengo picor y la piel se pela entre los dedos de los pies"],
    ["ita", null, "selfcare", "mi prude tanto tra le dita dei piedi e la pelle si spella"],
    ["fra", null, "selfcare", "ça me démange entre les orteils et la peau pèle"],
    ["lit", null, "selfcare", "tarp kojų pirštų oda lupasi ir niežti jau savaitę"],
    ["tur", null, "selfcare", "ayak parmaklarımın arası çatladı ve kaşınıyor"],
    ["ukr", null, "selfcare", "шкіра між пальцями ніг лущиться і свербить"],
    ["arb", null, "selfcare", "في تشقق وحكة بين أصابع القدم من أسبوع"],
    ["pes", null, "selfcare", "بین انگشتان پا خارش دارم و پوستم ترک خورده"],
    ["urd", null, "selfcare", "پاؤں کی انگلیوں کے درمیان خارش ہے اور جلد پھٹ گئی"],
    ["pan", null, "selfcare", "ਪੈਰਾਂ ਦੀਆਂ ਉਂਗਲਾਂ ਵਿਚਕਾਰ ਖਾਰਸ਼ ਹੁੰਦੀ ਹੈ"],
    ["ben", null, "selfcare", "পায়ের আঙুলের ফাঁকে খুব চুলকায় আর চামড়া উঠছে"],
    ["guj", null, "selfcare", "પગની આંગળીઓ વચ્ચે ખંજવાળ આવે છે અને ચામડી ઉખડે છે"],
    ["tam", null, "selfcare", "கால் விரல்களுக்கு இடையில் அரிப்பு அதிகமா இருக்கு"],
    ["cmn", null, "selfcare", "我脚趾之间又痒又脱皮"],
    ["som", null, "selfcare", "faraha cagaha dhexdooda ayaa cuncun badan leh"],
  ];
  it.each(rows)('%s (age %s): %s: %s', (lang, age, tier, text) => {
    expect(tierOf(text, lang, age ?? undefined)).toBe(tier);
  });
});

describe("self-care in every language, threadworms: small white worms like threads, an itchy bottom at night", () => {
  const rows: Row[] = [
    ["eng", 7, "selfcare", "my son keeps scratching his bottom at night, we saw tiny white threads"],
    ["cym", 6, "selfcare", "mae fy mab yn crafu ei ben ôl bob nos, gwelais fwydod bach gwyn"],
    ["pol", 6, "selfcare", "synek ma owsiki, swędzi go pupa w nocy"],
    ["ron", 6, "selfcare", "am văzut viermi mici albi, fetița se scarpină la fund"],
    ["por", 6, "selfcare", "vi uns vermes brancos no cocô do meu filho"],
    ["spa", 6, "selfcare", "mi niño tiene oxiuros, se rasca el culete"],
    ["ita", 6, "selfcare", "ho visto dei vermi bianchi nella cacca di mia figlia"],
    ["fra", 6, "selfcare", "ma fille a des oxyures, elle se gratte les fesses la nuit"],
    ["lit", 6, "selfcare", "vaikui spalinės, naktį niežti užpakalį"],
    ["tur", 6, "selfcare", "kızımın kakasında kurt gördüm, poposu kaşınıyor"],
    ["ukr", 6, "selfcare", "у сина гострики, свербить попа вночі"],
    ["arb", 6, "selfcare", "شفت دود أبيض صغير بالبراز عند ابني"],
    ["pes", 6, "selfcare", "پسرم کرمک داره، شبا مقعدش میخاره"],
    ["urd", 6, "selfcare", "بیٹے کے پاخانے میں سفید کیڑے نظر آئے"],
    ["pan", 6, "selfcare", "ਮੁੰਡੇ ਦੀ ਟੱਟੀ ਵਿੱਚ ਚਿੱਟੇ ਕੀੜੇ ਦਿਖੇ"],
    ["ben", 6, "selfcare", "ছেলের পায়খানায় সাদা কৃমি দেখলাম"],
    ["guj", 6, "selfcare", "દીકરાના ઝાડામાં સફેદ કીડા દેખાયા"],
    ["tam", 6, "selfcare", "பையன் மலத்துல வெள்ளை புழு பார்த்தேன்"],
    ["cmn", 6, "selfcare", "孩子有蛲虫，晚上屁股痒"],
    ["som", 6, "selfcare", "wiilkayga gooryaan cad ayaan ku arkay saxaradiisa"],
  ];
  it.each(rows)('%s (age %s): %s: %s', (lang, age, tier, text) => {
    expect(tierOf(text, lang, age ?? undefined)).toBe(tier);
  });
});

describe("self-care in every language, head lice and nits", () => {
  const rows: Row[] = [
    ["eng", null, "selfcare", "found nits in my daughter's hair"],
    ["cym", null, "selfcare", "mae gan fy merch lau pen"],
    ["pol", null, "selfcare", "córka ma wszy"],
    ["ron", null, "selfcare", "băiatul are păduchi"],
    ["por", null, "selfcare", "a minha filha apanhou piolhos na escola"],
    ["spa", null, "selfcare", "mi hijo tiene piojos otra vez"],
    ["ita", null, "selfcare", "mio figlio ha i pidocchi"],
    ["fra", null, "selfcare", "ma fille a des poux"],
    ["lit", null, "selfcare", "dukra parsinešė utėlių iš mokyklos"],
    ["tur", null, "selfcare", "kızımın saçında bit var"],
    ["ukr", null, "selfcare", "у доньки воші"],
    ["arb", null, "selfcare", "ابني عنده قمل"],
    ["pes", null, "selfcare", "دخترم شپش گرفته"],
    ["urd", null, "selfcare", "بیٹی کے سر میں جوئیں ہیں"],
    ["pan", null, "selfcare", "ਕੁੜੀ ਦੇ ਸਿਰ ਵਿੱਚ ਜੂੰਆਂ ਹਨ"],
    ["ben", null, "selfcare", "মেয়ের মাথায় উকুন"],
    ["guj", null, "selfcare", "દીકરીના માથામાં જૂ છે"],
    ["tam", null, "selfcare", "பொண்ணுக்கு தலையில பேன்"],
    ["cmn", null, "selfcare", "女儿头上长虱子了"],
    ["som", null, "selfcare", "gabadhayda waxay leedahay injir"],
  ];
  it.each(rows)('%s (age %s): %s: %s', (lang, age, tier, text) => {
    expect(tierOf(text, lang, age ?? undefined)).toBe(tier);
  });
});

describe("self-care in every language, cold sores: tingling, burning and blisters on the lip", () => {
  const rows: Row[] = [
    ["eng", null, "selfcare", "my lip has been tingling since yesterday and now small blisters"],
    ["cym", null, "selfcare", "mae fy ngwefus yn pigo a phothelli bach arni"],
    ["pol", null, "selfcare", "mrowi mnie warga i wyskoczyły pęcherzyki"],
    ["ron", null, "selfcare", "îmi ustură buza și au apărut bășicuțe"],
    ["por", null, "selfcare", "apareceram bolhinhas no lábio, está formigando"],
    ["spa", null, "selfcare", "me salieron ampollitas en el labio y me arde"],
    ["ita", null, "selfcare", "ho delle vescicole sul labbro che pizzicano"],
    ["fra", null, "selfcare", "j'ai des petites cloques sur la lèvre qui picotent"],
    ["lit", null, "selfcare", "ant lūpos atsirado pūslelės ir peršti"],
    ["tur", null, "selfcare", "dudağımda kabarcıklar çıktı, karıncalanıyor"],
    ["ukr", null, "selfcare", "на губі пухирці і поколює"],
    ["arb", null, "selfcare", "طلع عندي فقاعات صغيرة على شفتي وفي تنميل"],
    ["pes", null, "selfcare", "روی لبم تاول زده و گزگز میکنه"],
    ["urd", null, "selfcare", "ہونٹ پر چھالے نکل آئے ہیں اور جلن ہے"],
    ["pan", null, "selfcare", "ਬੁੱਲ੍ਹ ਤੇ ਛਾਲੇ ਹੋ ਗਏ ਤੇ ਜਲਣ ਹੁੰਦੀ"],
    ["ben", null, "selfcare", "ঠোঁটে ফোস্কা উঠেছে আর জ্বালা করছে"],
    ["guj", null, "selfcare", "હોઠ પર ફોલ્લા થયા છે અને બળતરા થાય છે"],
    ["tam", null, "selfcare", "உதட்டுல கொப்புளங்கள் வந்து எரிச்சல்"],
    ["cmn", null, "selfcare", "嘴唇上起了水泡，刺痛"],
    ["som", 30, "selfcare", "finan qabow ayaa bushintayda ka soo baxay, jiirjiir leh"],
  ];
  it.each(rows)('%s (age %s): %s: %s', (lang, age, tier, text) => {
    expect(tierOf(text, lang, age ?? undefined)).toBe(tier);
  });
});

describe("self-care in every language, hay fever: sneezing with itchy watery eyes, or every spring", () => {
  const rows: Row[] = [
    ["eng", null, "selfcare", "sneezing all the time and my eyes are itchy and watery"],
    ["cym", null, "selfcare", "tisian trwy'r amser a llygaid yn cosi"],
    ["pol", null, "selfcare", "kicham cały czas, każdej wiosny to samo"],
    ["ron", null, "selfcare", "strănut întruna și îmi lăcrimează ochii"],
    ["por", null, "selfcare", "espirrando muito e olhos coçando"],
    ["spa", null, "selfcare", "estornudos sin parar, me pican los ojos"],
    ["ita", null, "selfcare", "starnuti continui e prurito agli occhi"],
    ["fra", null, "selfcare", "j'éternue sans arrêt, yeux qui grattent"],
    ["lit", null, "selfcare", "čiaudžiu visą dieną, akys niežti"],
    ["tur", null, "selfcare", "sürekli hapşırıyorum, gözlerim kaşınıyor"],
    ["ukr", null, "selfcare", "постійно чхаю, очі сльозяться"],
    ["arb", null, "selfcare", "عطس كثير وعيوني تدمع"],
    ["pes", null, "selfcare", "مدام عطسه میکنم و چشمام میخاره"],
    ["urd", null, "selfcare", "بار بار چھینکیں اور آنکھوں میں خارش"],
    ["pan", null, "selfcare", "ਛਿੱਕਾਂ ਆਉਂਦੀਆਂ ਤੇ ਅੱਖਾਂ ਵਿੱਚ ਖਾਰਸ਼"],
    ["ben", null, "selfcare", "খুব হাঁচি আর চোখ চুলকায়"],
    ["guj", null, "selfcare", "છીંકો આવે છે અને આંખમાં ખંજવાળ"],
    ["tam", null, "selfcare", "தும்மல் அதிகம், கண் அரிப்பு"],
    ["cmn", null, "selfcare", "一直打喷嚏，眼睛痒"],
    ["som", null, "selfcare", "hindhiso badan iyo indho cuncun"],
  ];
  it.each(rows)('%s (age %s): %s: %s', (lang, age, tier, text) => {
    expect(tierOf(text, lang, age ?? undefined)).toBe(tier);
  });
});

describe("self-care in every language, constipation: not pooing for days, hard poo", () => {
  const rows: Row[] = [
    ["eng", 40, "selfcare", "havent pooed for 5 days and it's hard when I go"],
    ["cym", 40, "selfcare", "dw i heb gachu ers 4 diwrnod"],
    ["pol", 40, "selfcare", "od 4 dni nie mogę się wypróżnić"],
    ["ron", 40, "selfcare", "nu am mai avut scaun de 4 zile"],
    ["por", 40, "selfcare", "há 4 dias que não consigo fazer cocô"],
    ["spa", 40, "selfcare", "llevo 4 días sin poder hacer caca, estoy estreñida"],
    ["ita", 40, "selfcare", "non vado di corpo da 4 giorni"],
    ["fra", 40, "selfcare", "je suis constipée depuis 4 jours"],
    ["lit", 40, "selfcare", "jau 5 dienos nesituštinu"],
    ["tur", 40, "selfcare", "4 gündür tuvalete çıkamıyorum, kabızım"],
    ["ukr", 40, "selfcare", "4 дні не можу сходити в туалет, закреп"],
    ["arb", 40, "selfcare", "عندي امساك من ٤ أيام"],
    ["pes", 40, "selfcare", "چند روزه یبوست دارم"],
    ["urd", 40, "selfcare", "چار دن سے قبض ہے"],
    ["pan", 40, "selfcare", "ਚਾਰ ਦਿਨਾਂ ਤੋਂ ਕਬਜ਼ ਹੈ"],
    ["ben", 40, "selfcare", "চার দিন ধরে কোষ্ঠকাঠিন্য"],
    ["guj", 40, "selfcare", "ચાર દિવસથી કબજિયાત છે"],
    ["tam", 40, "selfcare", "நாலு நாளா மலச்சிக்கல்"],
    ["cmn", 40, "selfcare", "便秘四天了"],
    ["som", 40, "selfcare", "afar maalmood ayaan calool adkaan qabaa"],
  ];
  it.each(rows)('%s (age %s): %s: %s', (lang, age, tier, text) => {
    expect(tierOf(text, lang, age ?? undefined)).toBe(tier);
  });
});

describe("self-care in every language, heartburn: a burning chest after food, a sour taste (in pregnancy too)", () => {
  const rows: Row[] = [
    ["eng", 40, "selfcare", "burning in my chest after meals and a sour taste in my mouth"],
    ["cym", 40, "selfcare", "llosgi yn fy mrest ar ôl bwyta, blas sur"],
    ["pol", 40, "selfcare", "pieczenie za mostkiem po jedzeniu i kwaśny smak"],
    ["ron", 40, "selfcare", "arsură în piept după ce mănânc, gust acru"],
    ["por", 40, "selfcare", "queimação no peito depois de comer, gosto azedo"],
    ["spa", 40, "selfcare", "ardor en el pecho después de cenar y sabor ácido"],
    ["ita", 40, "selfcare", "bruciore al petto dopo i pasti e sapore acido"],
    ["fra", 40, "selfcare", "brûlure dans la poitrine après les repas avec des remontées acides"],
    ["lit", 40, "selfcare", "po valgio dega krūtinėje, rūgštus skonis"],
    ["tur", 40, "selfcare", "yemekten sonra göğsümde yanma oluyor, ağzımda ekşi tat"],
    ["ukr", 40, "selfcare", "після їжі пече в грудях і кисло в роті"],
    ["arb", 40, "selfcare", "حرقة في صدري بعد الأكل وطعم حامض"],
    ["urd", 40, "selfcare", "کھانے کے بعد سینے میں جلن اور کھٹی ڈکاریں"],
    ["pan", 40, "selfcare", "ਖਾਣ ਤੋਂ ਬਾਅਦ ਛਾਤੀ ਵਿੱਚ ਜਲਣ ਤੇ ਖੱਟੇ ਡਕਾਰ"],
    ["ben", 40, "selfcare", "খাওয়ার পর বুক জ্বালা করে, টক ঢেকুর ওঠে"],
    ["guj", 40, "selfcare", "જમ્યા પછી છાતીમાં બળતરા અને ખાટા ઓડકાર"],
    ["tam", 40, "selfcare", "சாப்பிட்ட பிறகு நெஞ்சு எரியுது"],
    ["cmn", 40, "selfcare", "饭后胸口烧，嘴里发酸"],
    ["som", 40, "selfcare", "cuntada kadib laabta ayaa i gubta"],
    ["eng", 30, "selfcare", "heartburn every night, I'm 28 weeks pregnant, baby moving fine"],
    ["spa", 30, "selfcare", "estoy embarazada de 28 semanas y tengo acidez"],
    ["pes", 40, "selfcare", "بعد از غذا ترش میکنم و گلوم میسوزه"],
  ];
  it.each(rows)('%s (age %s): %s: %s', (lang, age, tier, text) => {
    expect(tierOf(text, lang, age ?? undefined)).toBe(tier);
  });
});

describe("self-care in every language, a stye: a red lump or spot on the eyelid", () => {
  const rows: Row[] = [
    ["eng", 30, "selfcare", "red lump on the edge of my eyelid, sore to touch, sight fine"],
    ["cym", 30, "selfcare", "lwmp coch ar fy amrant"],
    ["pol", 30, "selfcare", "mam czerwoną grudkę na powiece"],
    ["ron", 30, "selfcare", "am un urcior la ochi"],
    ["por", 30, "selfcare", "apareceu um caroço vermelho na pálpebra"],
    ["spa", 30, "selfcare", "tengo un bultito rojo en el párpado"],
    ["ita", 30, "selfcare", "ho un brufolo sulla palpebra"],
    ["fra", 30, "selfcare", "j'ai une petite boule sur la paupière"],
    ["lit", 30, "selfcare", "ant voko iššoko spuogas"],
    ["tur", 30, "selfcare", "göz kapağımda küçük bir yumru var"],
    ["ukr", 30, "selfcare", "на повіці вискочив прищик"],
    ["arb", 30, "selfcare", "عندي حبة على جفن عيني"],
    ["pes", 30, "selfcare", "یه جوش روی پلکم زده"],
    ["urd", 30, "selfcare", "آنکھ کے پپوٹے پر دانہ نکلا ہے"],
    ["pan", 30, "selfcare", "ਪਲਕ ਤੇ ਫਿੰਸੀ ਹੋ ਗਈ"],
    ["ben", 30, "selfcare", "চোখের পাতায় একটা ফুসকুড়ি হয়েছে"],
    ["guj", 30, "selfcare", "પોપચા પર ફોલ્લી થઈ છે"],
    ["tam", 30, "selfcare", "இமையில சின்ன கட்டி வந்திருக்கு"],
    ["cmn", 30, "selfcare", "眼皮上长了个小包"],
    ["som", 30, "selfcare", "baalka isha ayaa finan yar ka soo baxay"],
  ];
  it.each(rows)('%s (age %s): %s: %s', (lang, age, tier, text) => {
    expect(tierOf(text, lang, age ?? undefined)).toBe(tier);
  });
});

describe("self-care in every language, impetigo: honey-coloured or yellow crusts round the nose or mouth", () => {
  const rows: Row[] = [
    ["eng", 5, "selfcare", "yellow crusts round her nose, otherwise fine"],
    ["cym", 5, "selfcare", "crach melyn o gwmpas ei drwyn"],
    ["pol", 5, "selfcare", "żółte strupy wokół nosa"],
    ["ron", 5, "selfcare", "cruste galbene în jurul nasului"],
    ["por", 5, "selfcare", "crostas amarelas em volta da boca"],
    ["spa", 5, "selfcare", "costras amarillas alrededor de la nariz"],
    ["ita", 5, "selfcare", "croste gialle vicino al naso"],
    ["fra", 5, "selfcare", "croûtes jaunes autour de la bouche"],
    ["lit", 5, "selfcare", "geltoni šašai aplink nosį ir burną"],
    ["tur", 5, "selfcare", "burnunun etrafında sarı kabuklar var"],
    ["ukr", 5, "selfcare", "жовті кірки біля носа"],
    ["arb", 5, "selfcare", "قشور صفراء حول الانف"],
    ["pes", 5, "selfcare", "دور دهنش دلمه زرد زده"],
    ["urd", 5, "selfcare", "ناک کے پاس پیلی پپڑی جمی ہے"],
    ["pan", 5, "selfcare", "ਨੱਕ ਕੋਲ ਪੀਲੀ ਪੇਪੜੀ"],
    ["ben", 5, "selfcare", "নাকের পাশে হলুদ মামড়ি"],
    ["guj", 5, "selfcare", "નાક પાસે પીળા પોપડા"],
    ["tam", 5, "selfcare", "மூக்கு பக்கத்துல மஞ்சள் பொருக்கு"],
    ["cmn", 5, "selfcare", "鼻子周围有黄色结痂"],
    ["som", 5, "selfcare", "sanka agtiisa qolof huruud ah"],
  ];
  it.each(rows)('%s (age %s): %s: %s', (lang, age, tier, text) => {
    expect(tierOf(text, lang, age ?? undefined)).toBe(tier);
  });
});

describe("self-care in every language, a sprain: a twisted ankle one can walk on", () => {
  const rows: Row[] = [
    ["eng", 30, "selfcare", "rolled over on my ankle at netball, swollen but I can walk on it"],
    ["cym", 30, "selfcare", "wnes i droi fy ffêr yn chwarae pêl-droed"],
    ["pol", 30, "selfcare", "skręciłam kostkę na schodach, trochę spuchła"],
    ["ron", 30, "selfcare", "mi-am sucit glezna la fotbal"],
    ["por", 30, "selfcare", "torci o tornozelo a correr"],
    ["spa", 30, "selfcare", "me torcí el tobillo bajando la escalera"],
    ["ita", 30, "selfcare", "ho preso una storta alla caviglia"],
    ["fra", 30, "selfcare", "je me suis tordu la cheville au foot"],
    ["lit", 30, "selfcare", "pasisukau čiurną lipdama laiptais"],
    ["tur", 30, "selfcare", "merdivende ayak bileğim burkuldu"],
    ["ukr", 30, "selfcare", "підвернула щиколотку на сходах"],
    ["arb", 30, "selfcare", "التوى كاحلي وأنا نازل الدرج"],
    ["pes", 30, "selfcare", "مچ پام پیچ خورد"],
    ["urd", 30, "selfcare", "سیڑھیوں پر ٹخنے میں موچ آ گئی"],
    ["pan", 30, "selfcare", "ਗਿੱਟੇ ਵਿੱਚ ਮੋਚ ਆ ਗਈ"],
    ["ben", 30, "selfcare", "সিঁড়িতে গোড়ালি মচকে গেছে"],
    ["guj", 30, "selfcare", "દાદર પર પગની ઘૂંટી મચકોડાઈ ગઈ"],
    ["tam", 30, "selfcare", "படியில கணுக்கால் சுளுக்கிடுச்சு"],
    ["cmn", 30, "selfcare", "下楼梯崴了脚踝"],
    ["som", 30, "selfcare", "canqowga ayaa i murkacday"],
  ];
  it.each(rows)('%s (age %s): %s: %s', (lang, age, tier, text) => {
    expect(tierOf(text, lang, age ?? undefined)).toBe(tier);
  });
});

describe("self-care in every language, sunburn: red, sore skin after the sun", () => {
  const rows: Row[] = [
    ["eng", 30, "selfcare", "been in the sun all day, my back is red and sore"],
    ["cym", 30, "selfcare", "gormod o haul ddoe, croen coch ac yn llosgi"],
    ["pol", 30, "selfcare", "za dużo słońca, plecy czerwone i piecze skóra"],
    ["ron", 30, "selfcare", "am stat la soare și am spatele roșu"],
    ["por", 30, "selfcare", "fiquei muito tempo no sol e estou com a pele vermelha"],
    ["spa", 30, "selfcare", "estuve en la playa y tengo la piel roja y me escuece"],
    ["ita", 30, "selfcare", "ho preso troppo sole, la pelle è rossa"],
    ["fra", 30, "selfcare", "trop de soleil hier, peau rouge"],
    ["lit", 30, "selfcare", "per ilgai saulėje, pečiai raudoni"],
    ["tur", 30, "selfcare", "güneşte kaldım, sırtım kıpkırmızı"],
    ["ukr", 30, "selfcare", "перегрівся на сонці, шкіра червона"],
    ["arb", 30, "selfcare", "قعدت بالشمس وظهري احمر"],
    ["pes", 30, "selfcare", "زیر آفتاب بودم پوستم قرمز شده"],
    ["urd", 30, "selfcare", "دھوپ میں رہا اب جلد لال ہو گئی"],
    ["pan", 30, "selfcare", "ਧੁੱਪ ਵਿੱਚ ਰਿਹਾ, ਚਮੜੀ ਲਾਲ ਹੋ ਗਈ"],
    ["ben", 30, "selfcare", "রোদে ছিলাম, পিঠ লাল হয়ে গেছে"],
    ["guj", 30, "selfcare", "તડકામાં રહ્યો, ચામડી લાલ થઈ ગઈ"],
    ["tam", 30, "selfcare", "வெயில்ல இருந்தேன், தோல் சிவந்து எரியுது"],
    ["cmn", 30, "selfcare", "晒太阳后背通红"],
    ["som", 30, "selfcare", "qorraxda ayaan ku jiray, maqaarkayga wuu casaan noqday"],
  ];
  it.each(rows)('%s (age %s): %s: %s', (lang, age, tier, text) => {
    expect(tierOf(text, lang, age ?? undefined)).toBe(tier);
  });
});

describe('self-care never hides what is worse', () => {
  const rows: Row[] = [
    ["eng", 0.5, "routine", "yellow crusts round her nose, otherwise fine"],
    ["eng", 30, "emergency", "twisted my ankle and the bone looks the wrong shape"],
    ["pol", 15, "emergency", "skręcił kostkę, kość wygląda na zniekształconą, usłyszałem trzask"],
    ["spa", 30, "emergency", "me torcí el tobillo y oí un crujido, está deformado"],
    ["ukr", 30, "emergency", "підвернув ногу, почув хруст, щиколотка неприродна форма"],
    ["cmn", 30, "emergency", "脚踝扭伤了，形状不对"],
    ["tur", 30, "emergency", "ayak bileğim burkuldu, şekli bozuk"],
    ["arb", 30, "emergency", "التوى كاحلي وسمعت صوت طقة"],
    ["eng", 30, "urgent", "sunburn all over my back and it has blistered"],
    ["spa", 30, "urgent", "estuve al sol, la piel está roja y con ampollas"],
    ["eng", 30, "selfcare", "sunburnt shoulders, no blisters"],
    ["lit", 30, "selfcare", "saulėje nudegė nugara, raudona, pūslių nėra"],
    ["eng", 3, "emergency", "he burnt his hand on the oven and it has blistered"],
    ["pol", 3, "emergency", "oparzył rękę o piekarnik, są pęcherze"],
    ["spa", 4, "emergency", "se quemó la mano con la plancha y le salieron ampollas"],
    ["tur", 4, "emergency", "elini fırında yaktı, su topladı kabarcıklar var"],
    ["cmn", 4, "emergency", "手被烫伤了，起了水泡"],
    ["eng", 40, "routine", "constipated for a week and there is blood in my poo"],
    ["spa", 40, "routine", "estreñido y sangre en las heces"],
    ["pol", 40, "routine", "mam zaparcie i krew w kale"],
    ["urd", 40, "routine", "قبض ہے اور پاخانے میں خون"],
    ["cmn", 40, "routine", "便秘，大便带血"],
    ["eng", 0.5, "routine", "my baby is constipated"],
    ["eng", null, "routine", "my baby hasnt pooed for 3 days"],
    ["spa", null, "routine", "mi bebé está estreñido"],
    ["tur", null, "routine", "bebeğim kabız"],
    ["fra", null, "routine", "mon bébé est constipé"],
    ["eng", 40, "emergency", "constipated with severe tummy pain"],
    ["lit", 40, "selfcare", "jau 4 dienos negaliu pasituštinti, kraujo nėra"],
    ["eng", 1, "routine", "my son has threadworms"],
    ["cym", 30, "selfcare", "wnes i sgaldio fy llaw efo'r tegell ddoe, mae'n goch"],
    ["pol", 30, "selfcare", "oparzyłam się o garnek, mały czerwony ślad"],
    ["spa", 30, "selfcare", "me quemé con la sartén, solo está rojo"],
    ["tur", 30, "selfcare", "elimi tavada yaktım, biraz kızarık"],
    ["eng", 30, "selfcare", "scalded myself with tea, small red patch, no blisters"],
    ["pol", 3, "routine", "synek oparzył się o garnek, mały czerwony ślad"],
    ["pol", 70, "routine", "oparzyłam się o garnek, mały czerwony ślad"],
    ["pol", 30, "selfcare", "ugryzł mnie owad w nogę, swędzi"],
    ["arb", 40, "selfcare", "بحس بحرقة بصدري بعد الأكل"],
    // Shingles is urgent since round 12 (H57, NHS.uk Shingles: urgent GP or 111), no longer the pharmacy.
    ["eng", 55, "urgent", "Painful band of blisters round one side of my back and under my arm, tingling burning feeling first"],
    // It once reached the pharmacy only because 'burning' stemmed to 'burn' (a burn, s10-fixes, H51); since round 15
    // (H71) friction blisters are named (pf.blister, NHS.uk Blisters: a pharmacist can help). Never A&E.
    ["eng", 30, "selfcare", "blisters on my feet from new shoes and they are burning"],
    ["eng", 50, "emergency", "burning in my chest after dinner and it is going down my left arm, I'm sweating"],
    ["eng", 50, "emergency", "burning in my chest after food and now it feels tight and I'm breathless"],
    ["eng", 30, "routine", "blood in my poo when I wipe, and itchy bottom"],
    ["eng", 1.5, "routine", "tiny white worms in her nappy and itchy bottom"],
    ["eng", 30, "selfcare", "I live by the sea and every spring the pollen gets me, sneezing"],
  ];
  it.each(rows)('%s (age %s): %s: %s', (lang, age, tier, text) => {
    expect(tierOf(text, lang, age ?? undefined)).toBe(tier);
  });
});
