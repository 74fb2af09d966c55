/**
 * Round 15 (s15-emerg, H67): emergencies from the NHS.uk pages that the opened eleventh set showed
 * missing, fixed by class in all 20 languages: a staggered or repeated overdose of paracetamol or
 * another painkiller told as a total over hours or a day or as taking again and again; a fit that is
 * over, told as it looked (shaking all over and not responding) or as the first one; a possible
 * pulmonary embolism after an operation, a long journey or a birth, told without the chest ticked.
 * The phrases are our own, not the opened sets' sentences; the near-misses beside them (a pack size,
 * the right dose, a denial, a past event, a relative's history, known epilepsy, a calf with no
 * breathing trouble) must stay below 999.
 */
import { screenedTierOf as tierOf } from '../support/triage.js';

describe('a staggered or repeated painkiller overdose is an emergency (NHS.uk Paracetamol for adults), in every language', () => {
  it.each([
    ["eng", "been having paracetamol for my back all day, must be about 14 tablets now"],
    ["eng", "my dad kept taking co-codamol for his tooth since this morning, hes lost track"],
    ["eng", "took 2 more paracetamol every few hours since breakfast cos the pain wont shift"],
    ["eng", "i think i got through a whole packet of paracetamol across the day"],
    ["eng", "had 12 nurofen since last night for period pain, feel sick now"],
    ["cym", "dw i wedi cymryd tua 12 tabled paracetamol ers bore ddoe"],
    ["fra", "j'ai pris environ 15 comprimés de doliprane depuis hier pour ma dent"],
    ["spa", "mi hijo ha tomado unas 12 pastillas de paracetamol desde ayer"],
    ["por", "tomei uns 14 comprimidos de ben-u-ron desde ontem"],
    ["ita", "ho preso circa 15 compresse di tachipirina da ieri"],
    ["ron", "mama a luat vreo 12 pastile de algocalmin de azi dimineață"],
    ["pol", "od wczoraj wzięłam chyba 14 tabletek apapu na ząb"],
    ["lit", "nuo vakar išgėriau apie 12 tablečių paracetamolio"],
    ["ukr", "з ранку випила 12 таблеток нурофену, болить зуб"],
    ["tur", "dünden beri 15 tane parol içtim"],
    ["arb", "أخوي أخذ تقريبا 12 حبة بنادول من الصبح"],
    ["pes", "از دیروز حدود 12 تا قرص استامینوفن خوردم"],
    ["som", "shalay ilaa hadda waxaan qaatay 12 kiniin paracetamol"],
    ["pan", "ਕੱਲ੍ਹ ਤੋਂ 12 ਪੈਰਾਸੀਟਾਮੋਲ ਖਾ ਲਈਆਂ"],
    ["urd", "کل سے 12 پیناڈول کھا چکا ہوں"],
    ["ben", "কাল থেকে 12 টা নাপা খেয়েছি"],
    ["guj", "કાલથી 12 ગોળી પેરાસિટામોલ લીધી"],
    ["tam", "நேற்றிலிருந்து 12 பாராசிட்டமால் சாப்பிட்டேன்"],
    ["cmn", "从昨天到现在吃了12片扑热息痛"],
  ])('%s: %s', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
});

describe('a first fit that is over is an emergency (NHS.uk Epilepsy: call 999 the first time), in every language', () => {
  it.each([
    ["eng", "my husband collapsed, shook all over and wasnt responding for a minute, he's come round now"],
    ["eng", "daughter went stiff and jerked all over, eyes rolled back, never had one before, shes sleepy now"],
    ["eng", "my toddler had a fit with his temperature, first time ever, seems ok now"],
    ["cym", "roedd fy mab yn ysgwyd drosto i gyd a ddim yn ymateb, mae o'n iawn rŵan"],
    ["fra", "mon mari a tremblé de partout et ne répondait pas, c'est la première fois"],
    ["spa", "mi padre tembló todo el cuerpo y no respondía, ya está bien"],
    ["por", "o meu filho teve uma convulsão com febre, primeira vez, agora está bem"],
    ["ita", "mia moglie tremava tutta e non rispondeva, ora sta meglio"],
    ["pol", "mąż nagle zesztywniał i się trząsł, nie reagował, pierwszy raz"],
    ["lit", "sūnų ištiko traukuliai, pirmą kartą, dabar jau gerai"],
    ["ukr", "чоловіка трусило всього, не реагував, зараз прийшов до тями"],
    ["tur", "eşim bayıldı ve tüm vücudu titredi, ilk kez oldu"],
    ["arb", "ابني جسمه كله يرتجف وما كان يرد، أول مرة"],
    ["pes", "پسرم تشنج کرد و جواب نمی داد، اولین بار بود"],
    ["som", "wiilkayga qallal ayaa ku dhacay markii ugu horreysay"],
    ["pan", "ਮੇਰੇ ਪਤੀ ਨੂੰ ਪਹਿਲੀ ਵਾਰ ਦੌਰਾ ਪਿਆ, ਬੇਹੋਸ਼ ਹੋ ਗਿਆ"],
    ["urd", "میرے بیٹے کو پہلی بار جھٹکے آئے، بے ہوش تھا"],
    ["ben", "আমার মেয়ের প্রথমবার খিঁচুনি হয়েছে, এখন ঠিক আছে"],
    ["guj", "મારા દીકરાને પહેલી વાર આંચકી આવી"],
    ["tam", "என் மகனுக்கு முதல் தடவை வலிப்பு வந்தது, இப்போ சரியா இருக்கான்"],
    ["cmn", "我老公刚才全身抽搐，叫不应，第一次这样"],
  ])('%s: %s', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
});

describe('breathlessness or pain on breathing in after an operation, a flight or a birth is an emergency (NHS.uk Pulmonary embolism), in every language', () => {
  it.each([
    ["eng", "since my knee replacement last week I've been short of breath and it hurts when I breathe in"],
    ["eng", "got back from a long haul flight yesterday, now breathless and coughing up blood"],
    ["eng", "had a caesarean 10 days ago, sudden sharp pain in my upper back when i take a deep breath"],
    ["eng", "suddenly short of breath this afternoon and a stabbing pain when I breathe in"],
    ["cym", "ges i lawdriniaeth wythnos yn ôl, dw i'n fyr o wynt heddiw"],
    ["fra", "opéré de la hanche il y a 10 jours, essoufflé depuis ce matin"],
    ["spa", "me operaron de la rodilla hace dos semanas y ahora me falta el aire y me duele al respirar"],
    ["por", "fui operada há uma semana e agora tenho falta de ar"],
    ["ita", "operato all'anca due settimane fa, da stamattina ho il fiato corto"],
    ["ron", "am fost operată acum o săptămână și acum respir greu"],
    ["pol", "tydzień temu miałam operację, teraz brakuje mi tchu i kłuje przy wdechu"],
    ["lit", "prieš savaitę buvo operacija, dabar dūsta ir skauda kai kvėpuoju"],
    ["ukr", "тиждень тому була операція, тепер задишка і коле коли дихаю"],
    ["tur", "geçen hafta ameliyat oldum, şimdi nefes darlığım var"],
    ["arb", "عملت عملية قبل أسبوع والحين عندي ضيق تنفس"],
    ["pes", "هفته پیش عمل جراحی داشتم، الان تنگی نفس دارم"],
    ["som", "toddobaad ka hor qalliin ayaa la igu sameeyay, hadda neef qabad ayaan qabaa"],
    ["pan", "ਪਿਛਲੇ ਹਫ਼ਤੇ ਓਪਰੇਸ਼ਨ ਹੋਇਆ, ਹੁਣ ਸਾਹ ਚੜ੍ਹਦਾ ਹੈ"],
    ["urd", "پچھلے ہفتے آپریشن ہوا، اب سانس پھول رہی ہے"],
    ["ben", "গত সপ্তাহে অপারেশন হয়েছে, এখন শ্বাসকষ্ট হচ্ছে"],
    ["guj", "ગયા અઠવાડિયે ઓપરેશન થયું, હવે શ્વાસ ચડે છે"],
    ["tam", "போன வாரம் ஆபரேஷன் ஆச்சு, இப்போ மூச்சு திணறல்"],
    ["cmn", "上周做了手术，现在气短，吸气的时候胸口刺痛"],
    ["tam", "போன வாரம் ஆபரேஷன் ஆச்சு, இப்போ மூச்சு திணறல்"],
  ])('%s: %s', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
});

describe('near-misses stay below 999: a pack size, the right dose, a denial, a past event, known epilepsy, a calf without breathing trouble', () => {
  it.each([
    ["eng", "I have a pack of 16 paracetamol at home, can I take them with my antibiotics"],
    ["eng", "I take 2 paracetamol every 4 hours, no more than 8 a day, the right dose"],
    ["eng", "i havent taken more than 8 paracetamol today"],
    ["eng", "I took paracetamol 500mg twice today for my headache"],
    ["eng", "my mum took an overdose of paracetamol 10 years ago, I worry about her"],
    ["eng", "Can I get a prescription for 32 paracetamol please"],
    ["eng", "I'm 16 and can I take ibuprofen for period pain"],
    ["fra", "j'ai acheté une boîte de 16 comprimés de doliprane"],
    ["ron", "mi-au rămas 20 de pastile de paracetamol, am nevoie de rețetă"],
    ["ukr", "мені 16 років, можна пити парацетамол?"],
    ["eng", "my son has a fever and keeps shivering, first time hes had a temperature this high"],
    ["eng", "I get leg cramps at night, the first time was last week"],
    ["eng", "I had a coughing fit for the first time in ages"],
    ["eng", "my brother had a fit years ago, he hasnt had one since"],
    ["eng", "I had a hip operation 5 years ago and need a review of my painkillers"],
    ["eng", "my mum had a blood clot after her operation years ago, can I have a check up"],
    ["eng", "no breathlessness or pain after my operation, just want the stitches out"],
    ["eng", "my chest hurts"],
    ["eng", "had my knee op last month, the wound is a bit itchy"],
    ["eng", "I'm epileptic, this morning I shook all over and wasn't responding for a minute, like my usual ones, fine now, need my keppra repeat"],
    ["pol", "mam padaczkę, rano cały się trząsł i nie reagował minutę jak zwykle, teraz dobrze"],
    ["eng", "I kept taking my antibiotics as prescribed"],
    ["eng", "my dad never took more than the right dose of paracetamol"],
    ["ita", "prendo 10 pastiglie al giorno, mi serve la ricetta nuova"],
    ["ita", "mi serve un nuovo blister di pastiglie per la pressione"],
    ["ben", "ডাক্তার বিশটা প্যারাসিটামল দিয়েছিল, শেষ হয়ে গেছে, আবার লাগবে"],
    ["eng", "my calf is swollen and sore since my flight, I breathe fine and have no chest pain"],
    ["eng", "I had a seizure three weeks ago, the first one, the hospital sent me home, any news on my neurology referral"],
  ])('%s: %s', (lang, text) => {
    expect(tierOf(text, lang)).not.toBe('emergency');
  });
});
