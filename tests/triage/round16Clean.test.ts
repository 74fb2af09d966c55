/**
 * Round 16 clean-ups (s16-clean, H73): false 999s by class, each with the emergency it must keep.
 * Own phrases in patients' voices (self, a relative, text-speak, formal), written from the NHS.uk pages
 * the rules cite (When to call 999, Poisoning, Burns and scalds, Leg cramps, Epilepsy: what to do if
 * someone has a seizure, High temperature, Meningitis), not the opened sets' wording.
 */
import { createTriageEngine, loadTriageContent } from '../../src/triage/index.js';
import { tierOf } from '../support/triage.js';

const engine = createTriageEngine(loadTriageContent('dialogs'));
/** The rules read as present in the text, any language reading. */
const engineReadings = (text: string, lang: string): string[] => engine.screen(text, lang).hits.map((h) => h.ruleId);

type Case = readonly [string, string];
const notEmergency = (cases: readonly Case[]) =>
  it.each(cases)('%s: %s is not 999', (lang, text) => {
    expect(tierOf(text, lang)).not.toBe('emergency');
  });
const emergency = (cases: readonly Case[]) =>
  it.each(cases)('%s: %s stays 999', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });

describe('1. "not responding" about a medicine, a treatment, a phone or messages is no unconscious person', () => {
  notEmergency([
    ['eng', 'the chest infection is not responding to antibiotics'],
    ['eng', 'my emails to the surgery are not responding'],
    ['eng', 'phone isnt responding so im typing on the laptop'],
    ['eng', 'the app keeps not responding when I try to book'],
    ['cym', "dydy'r gwrthfiotigau ddim yn ymateb, dal i besychu"],
    ['cym', "dydy'r ffôn ddim yn ymateb"],
    ['fra', "l'infection ne répond pas aux antibiotiques"],
    ['fra', 'le cabinet ne répond pas à mes mails'],
    ['spa', 'no responde a los antibióticos, sigo con fiebre'],
    ['spa', 'el médico no responde a mis correos'],
    ['por', 'a infecção não responde ao antibiótico'],
    ['por', 'o consultório não responde os meus emails'],
    ['ita', "l'infezione non risponde agli antibiotici"],
    ['ita', "il telefono dell'ambulatorio non risponde"],
    ['ron', 'infecția nu răspunde la antibiotice'],
    ['ron', 'cabinetul nu răspunde la telefon'],
    ['pol', 'infekcja nie reaguje na antybiotyk'],
    ['lit', 'infekcija nereaguoja į antibiotikus'],
    ['ukr', 'інфекція не реагує на антибіотики'],
    ['tur', 'antibiyotiğe tepki vermiyor, öksürük devam ediyor'],
    ['arb', 'الالتهاب لا يستجيب للمضاد الحيوي'],
    ['pes', 'عفونت به آنتی بیوتیک واکنش نشان نمی‌دهد'],
    ['pan', 'ਐਂਟੀਬਾਇਓਟਿਕ ਦਾ ਕੋਈ ਜਵਾਬ ਨਹੀਂ ਦੇ ਰਿਹਾ'],
    ['urd', 'اینٹی بائیوٹک سے کوئی جواب نہیں دے رہا'],
    ['ben', 'অ্যান্টিবায়োটিকে সাড়া দিচ্ছে না'],
    ['guj', 'એન્ટિબાયોટિકથી કોઈ જવાબ નથી આપતા'],
    ['tam', 'ஆன்டிபயாடிக்குக்கு பதில் சொல்லவில்லை'],
    ['cmn', '吃了抗生素没有反应'],
    ['cmn', '手机没有反应'],
  ]);
  emergency([
    ['eng', 'I gave him his antibiotics and now he is not responding'],
    ['eng', 'my dad collapsed and is not responding'],
    ['eng', "mum's not responding to me, she took her tablets an hour ago"],
    ['spa', 'le di el antibiótico y ahora no responde'],
    ['spa', 'mi padre no responde, está en el suelo'],
    ['por', 'a minha mãe não responde, caiu no chão'],
    ['ita', 'mio padre non risponde e non si sveglia'],
    ['ron', 'tata nu răspunde și nu se trezește'],
    ['fra', 'mon père ne répond plus, il est par terre'],
    ['pol', 'tata nie reaguje, leży na podłodze'],
    ['ukr', 'тато не реагує і не прокидається'],
    ['tur', 'babam tepki vermiyor, uyanmıyor'],
    ['arb', 'ابوي لا يستجيب وما يصحى'],
    ['cmn', '我爸爸叫不醒，没有反应'],
    ['urd', 'ابو جواب نہیں دے رہے'],
    ['ben', 'বাবা সাড়া দিচ্ছে না'],
    ['tam', 'அப்பா பதில் சொல்லவில்லை'],
  ]);
});

describe('2. "cannot swallow big tablets" is no overdose', () => {
  notEmergency([
    ['eng', "I can't swallow big tablets, can I get liquid"],
    ['eng', 'my nan finds the tablets too big to swallow'],
    ['por', 'não consigo engolir comprimidos grandes'],
    ['ron', 'nu pot înghiți pastilele mari'],
    ['pol', 'nie mogę połknąć dużych tabletek'],
    ['cym', 'dwi ddim yn gallu llyncu tabledi mawr'],
  ]);
  emergency([
    ['eng', 'she swallowed a battery and now cant swallow'],
    ['eng', 'my toddler swallowed some tablets, he cant swallow his drink now'],
    ['eng', "my son took 20 tablets and can't swallow"],
  ]);
});

describe('3. an age, a week of pregnancy or a weight is no temperature', () => {
  notEmergency([
    ['ron', 'am 40 de ani, am pete pe picioare care nu dispar de o lună'],
    ['eng', "I'm 39 weeks pregnant, bit of a cold"],
  ]);
  it.each([
    ['ron', 'am 40 de ani și mă doare spatele'],
    ['ron', 'soțul meu are 39 de ani, tuse de o săptămână'],
    ['eng', "I'm 39 and have a cough"],
    ['eng', 'my 39 year old husband has a cough and a rash'],
    ['spa', 'tengo 39 años y tos'],
    ['por', 'tenho 39 anos e tosse'],
    ['ita', 'ho 39 anni e tosse'],
    ['fra', "j'ai 39 ans et je tousse"],
    ['pol', 'mam 39 lat i kaszel'],
    ['tur', '39 yaşındayım öksürüğüm var'],
    ['cym', "dwi'n 39 oed ac mae gen i beswch"],
    ['arb', 'عمري 39 سنة وعندي كحة'],
    ['pes', '۳۹ سالمه و سرفه دارم'],
    ['urd', 'میری عمر 39 سال ہے اور کھانسی ہے'],
    ['pan', 'ਮੇਰੀ ਉਮਰ 39 ਸਾਲ ਹੈ ਤੇ ਖੰਘ ਹੈ'],
    ['ben', 'আমার বয়স ৩৯, কাশি হচ্ছে'],
    ['guj', 'મારી ઉંમર 39 વર્ષ છે અને ઉધરસ છે'],
    ['som', 'waxaan ahay 39 sano, qufac ayaan qabaa'],
    ['cmn', '我39岁，咳嗽'],
  ] as const)('%s: %s reads no temperature', (lang, text) => {
    const ids = engineReadings(text, lang);
    expect(ids).not.toContain('cx.temp_38');
    expect(ids).not.toContain('cx.temp_39');
  });
  it.each([
    ['eng', 'I am 40 years old and my temperature is 39'],
    ['ron', 'am 40 de ani si febra 39'],
    ['ron', 'copilul are 39 de grade febră'],
    ['spa', 'mi hijo tiene 39 de fiebre'],
  ] as const)('%s: %s keeps its temperature', (lang, text) => {
    expect(engineReadings(text, lang)).toContain('cx.temp_39');
  });
});

describe('4. a leg or muscle cramp told with a fit word is no seizure', () => {
  notEmergency([
    ['ukr', 'у мене судоми в ногах вночі'],
    ['ukr', 'судома в литці, не можу спати'],
    ['ukr', 'мамі зводить ногу судомою'],
    ['ron', 'am convulsii musculare la picioare'],
    ['lit', 'naktį traukia kojų mėšlungis'],
    ['lit', 'kojų traukuliai naktį'],
    ['arb', 'عندي تشنج في رجلي بالليل'],
    ['arb', 'تشنجات في عضلات الساق'],
    ['pes', 'پام تشنج عضلانی داره'],
    ['ben', 'রাতে পায়ে খিঁচুনি হয়'],
    ['guj', 'રાત્રે પગમાં ખેંચ આવે છે'],
    ['cmn', '晚上腿抽筋'],
  ]);
  emergency([
    ['ukr', 'у дитини судоми в руках і ногах'],
    ['ukr', 'у сина судоми, все тіло трясеться'],
    ['ron', 'copilul are convulsii și nu răspunde'],
    ['lit', 'vaikui traukuliai, visas kūnas trūkčioja'],
    ['arb', 'ابني عنده تشنجات ويرتجف كله'],
    ['pes', 'بچه ام تشنج کرده'],
    ['ben', 'বাচ্চার খিঁচুনি হচ্ছে'],
    ['guj', 'બાળકને ખેંચ આવે છે'],
  ]);
});

describe("5. a known epileptic's usual fit that is over: urgent, 999 only for an NHS reason", () => {
  it.each([
    ['eng', "I have epilepsy and had one of my usual seizures this morning, it's over now"],
    ['eng', 'my son is epileptic, he had one of his usual fits an hour ago and is sleeping it off'],
    ['spa', 'mi hija es epiléptica, tuvo una de sus crisis de siempre esta mañana, ya está bien'],
    ['por', 'o meu filho teve a crise habitual, já passou'],
    ['ita', 'mio figlio ha avuto una delle sue solite crisi, ora dorme'],
    ['fra', "mon fils a fait une de ses crises habituelles ce matin, c'est fini"],
    ['ron', 'fiul meu a avut criza obișnuită azi dimineață, acum doarme'],
    ['pol', 'syn miał swój zwykły napad rano, już minął'],
    ['ukr', 'у сина був його звичайний напад зранку, вже минув'],
    ['tur', 'oğlum her zamanki nöbetini geçirdi, şimdi uyuyor'],
    ['arb', 'ابني جاته النوبة المعتادة الصبح وخلصت'],
    ['pes', 'پسرم حمله همیشگی اش را داشت، الان خوابه'],
    ['urd', 'بیٹے کو عام والا دورہ پڑا، اب سو رہا ہے'],
    ['pan', 'ਮੇਰੇ ਮੁੰਡੇ ਨੂੰ ਆਮ ਵਾਲਾ ਦੌਰਾ ਪਿਆ, ਹੁਣ ਸੌਂ ਰਿਹਾ'],
    ['cmn', '儿子今天早上像平时一样发作了一次，现在睡着了'],
    ['lit', 'sūnus turėjo savo įprastą priepuolį, dabar miega'],
    ['cym', "cafodd fy mab ei ffit arferol bore 'ma, mae'n cysgu rŵan"],
    ['som', 'wiilkaygu wuxuu qabtay suuxdintiisii caadiga ahayd, hadda wuu seexday'],
    ['ben', 'আমার ছেলের সবসময়ের মতো খিঁচুনি হয়েছিল, এখন ঘুমাচ্ছে'],
    ['guj', 'મારા દીકરાને હંમેશ જેવી ખેંચ આવી હતી, હવે સૂઈ ગયો'],
    ['tam', 'என் மகனுக்கு வழக்கமான வலிப்பு வந்தது, இப்போது தூங்குகிறான்'],
  ] as const)('%s: %s is urgent', (lang, text) => {
    expect(tierOf(text, lang)).toBe('urgent');
  });
  emergency([
    ['eng', 'she had one of her usual seizures but it lasted 10 minutes'],
    ['eng', 'he had one of his usual fits and hit his head on the table'],
    ['eng', 'he had one of his usual fits and then another one'],
    ['eng', 'he is having one of his usual seizures right now'],
    ['eng', 'she had her usual seizure and is not breathing properly'],
    ['spa', 'tuvo su crisis de siempre pero duró más de 5 minutos'],
    ['urd', 'عام والا دورہ پڑا لیکن 5 منٹ سے زیادہ رہا'],
    ['urd', 'بیٹے کو دورہ پڑا ہے، جھٹکے لگ رہے ہیں'],
  ]);
});

describe('6. burns: an electric appliance is no electrical injury, acid reflux is no chemical burn', () => {
  notEmergency([
    ['cym', 'llosgi fy mys ar yr hob trydan, dim ond coch'],
    ['eng', 'burnt my finger on the electric hob, just red'],
    ['eng', 'acid reflux burns my chest after meals'],
    ['eng', 'heartburn, the acid burns my throat'],
    ['spa', 'el reflujo ácido me quema la garganta'],
    ['eng', 'burning when I pee since yesterday'],
  ]);
  emergency([
    ['eng', 'got an electric shock from the kettle'],
    ['cym', "cael sioc drydanol o'r tegell trydan, llosg ar fy llaw"],
    ['eng', 'spilled drain cleaner on my arm, the acid burns'],
    ['eng', 'acid burn on my arm from the battery'],
    ['spa', 'me quemé con ácido de la batería'],
  ]);
});

describe('7. Persian: "نکرده" and "نزده" deny the sign before them', () => {
  notEmergency([
    ['pes', 'زبانم ورم نکرده، فقط خارش دارم'],
    ['pes', 'لب هام ورم نکرده'],
  ]);
  it('pes: sunburn with blisters denied is not urgent', () => {
    expect(tierOf('آفتاب سوختگی روی شانه هام، تاول نزده', 'pes')).not.toBe('urgent');
  });
  emergency([
    ['pes', 'زبانم ورم کرده و نفسم تنگه'],
    ['pes', 'لبم ورم کرده بعد از بادام زمینی'],
    ['pes', 'از صبح ادرار نکرده و تب داره'],
    ['pes', 'بچه ام تشنج کرده'],
    ['pes', 'بچه ام با آب جوش سوخت و تاول زده'],
  ]);
});

describe('8. spots that do not fade told as a mole, a birthmark or there for years', () => {
  notEmergency([
    ['eng', 'my daughter has a birthmark with little spots that dont fade'],
    ['eng', "I have a mole with dark spots that don't fade"],
    ['spa', 'mi hijo tiene lunares oscuros, manchas que no desaparecen desde hace años'],
    ['cmn', '孩子身上有胎记，颜色不褪'],
  ]);
  emergency([
    ['eng', 'my son has a rash, the spots dont fade and he has a temperature'],
    ['eng', "my baby has spots that don't fade under a glass"],
    ['eng', "my toddler has spots that don't fade, he is floppy"],
    ['spa', 'mi hijo tiene manchas que no desaparecen al presionar y fiebre'],
    ['ron', 'copilul are febră și pete care nu dispar la pahar'],
    ['tur', 'ben çok korktum, oğlumun ateşi var ve döküntü solmuyor'],
    ['ita', 'mio figlio ha la febbre e macchie che non scompaiono col bicchiere'],
    ['pol', 'dziecko ma gorączkę, wysypka nie znika pod szklanką'],
  ]);
});

describe('a person not answering the phone or messages is no exclusion (lead, round 16): a relative who does not answer may be the emergency', () => {
  it.each([
    ['urd', 'ابو فون کا جواب نہیں دے رہے اور اٹھ نہیں رہے'],
    ['urd', 'میری بیوی گر گئی ہے اور فون کا جواب نہیں دے رہی'],
    ['urd', 'ابا جی بے سدھ پڑے ہیں، فون کا جواب نہیں دے رہے'],
  ] as const)('%s: %s stays 999', (lang, text) => {
    expect(tierOf(text, lang, 40)).toBe('emergency');
  });
  it.each([
    ['eng', 'the surgery is not responding to my emails'],
    ['urd', 'سرجری ای میل کا جواب نہیں دے رہی'],
  ] as const)('%s: %s is still no 999', (lang, text) => {
    expect(tierOf(text, lang, 40)).not.toBe('emergency');
  });
});
