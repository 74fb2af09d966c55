import { decideText, tierOf } from '../support/triage.js';

/**
 * Round 15 (helper "s15-urgent", hazard H70): urgent signs from the NHS.uk "ask for an urgent GP
 * appointment or get help from NHS 111" lists that the rules missed when patients split the words
 * or used another case form. Blood beside phlegm in one clause (NHS.uk Coughing up blood), a barking
 * cough in its inflected forms (NHS.uk Croup), peeing every so many minutes with burning in a man
 * (NHS.uk UTIs), a red, swollen and hot compound in Chinese (NHS.uk Cellulitis), help wanted
 * "as soon as possible" for mental health (NHS.uk Urgent help for mental health). Sentences written
 * for this test, not taken from the opened sets.
 */
const rulesOf = (text: string, lang: string, age?: number): string[] => decideText(text, lang, age).ruleIds;

describe('round 15: blood beside phlegm in one clause (rf.cough.blood.paired)', () => {
  const cases: [string, string][] = [
    ['eng', 'been coughing for ages and this morning there were little red streaks of blood in the phlegm'],
    ['fra', 'je tousse depuis 10 jours et mes crachats ont des traces de sang ce matin'],
    ['spa', 'llevo una semana con tos y hoy la flema salía con hilos de sangre'],
    ['pol', 'od tygodnia kaszlę, a dziś w plwocinie zobaczyłam trochę krwi'],
    ['ukr', 'кашляю тиждень, сьогодні в мокроті побачила трохи крові'],
    ['tur', 'bir haftadır öksürüyorum bugün balgamımda biraz kan gördüm'],
    ['cmn', '咳嗽一周了，今天早上痰里看到一点血丝'],
    ['arb', 'عندي كحة من أسبوع واليوم شفت في البلغم شوية دم'],
    ['ben', 'এক সপ্তাহ ধরে কাশি, আজ কফে একটু রক্ত দেখলাম'],
    ['som', 'toddobaad ayaan qufacayaa maanta xaakada waxaa ku jiray dhiig yar'],
    ['lit', 'mama sako, kad jos skrepliai šįryt buvo su keliais kraujo taškeliais'],
  ];
  it.each(cases)('%s: urgent, never 999 by itself', (lang, text) => {
    expect(tierOf(text, lang, 44)).toBe('urgent');
  });
  it('does not read a negated blood word', () => {
    expect(rulesOf('coughing up green phlegm, no blood in it', 'eng', 44)).not.toContain('rf.cough.blood.paired');
    expect(rulesOf('mam kaszel z flegmą, bez krwi', 'pol', 44)).not.toContain('rf.cough.blood.paired');
  });
});

describe('round 15: a barking cough in its inflected forms in a child (rf.croup.child)', () => {
  const cases: [string, string][] = [
    ['pan', 'ਮੇਰੀ ਧੀ ਨੂੰ ਰਾਤ ਨੂੰ ਭੌਂਕਦੀ ਖੰਘ ਆਉਂਦੀ ਹੈ'],
    ['urd', 'میری بیٹی کو رات کو بھونکنے جیسی کھانسی ہو رہی ہے'],
    ['guj', 'દીકરીને રાતે કૂતરું ભસતું હોય એવી ભસતી ખાંસી છે'],
    ['lit', 'dukrytė naktį kosi lojančiu kosuliu'],
    ['arb', 'بنتي عندها كحة نباحية بالليل'],
    ['pol', 'córeczka od nocy ma szczekliwy kaszel i chrypkę'],
  ];
  it.each(cases)('%s: urgent', (lang, text) => {
    expect(rulesOf(text, lang, 3)).toContain('rf.croup.child');
    expect(tierOf(text, lang, 3)).toBe('urgent');
  });
});

describe('round 15: UTI symptoms in a man told as peeing every so often (rf.uti.not_pharmacy_combo)', () => {
  const cases: [string, string, number][] = [
    ['eng', 'my husband is 62 and keeps peeing every hour and it stings, burning when he goes', 62],
    ['eng', "I'm a 45 year old man, weeing every 20 minutes and it burns", 45],
    ['spa', 'soy un hombre de 50 años y orino cada media hora con escozor y ardor', 50],
    ['pol', 'mężczyzna 50 lat, sikam co pół godziny i piecze przy sikaniu', 50],
  ];
  it.each(cases)('%s: urgent', (lang, text, age) => {
    expect(rulesOf(text, lang, age)).toContain('rf.uti.not_pharmacy_combo');
  });
});

describe('round 15: red, swollen and hot skin told as one Chinese compound (rf.skin.cellulitis)', () => {
  it('reads 红肿发热 with spreading or a temperature', () => {
    expect(rulesOf('手背上的伤口周围红肿发烫，越来越大', 'cmn', 50)).toContain('rf.skin.cellulitis');
    expect(rulesOf('脚上又红又热又肿，还在扩散', 'cmn', 50)).toContain('rf.skin.cellulitis');
  });
});

describe('round 15: mental health help wanted as soon as possible (rf.mh.urgent_help)', () => {
  const cases: [string, string][] = [
    ['eng', 'really struggling with anxiety, I need to talk to someone as soon as possible, not going to hurt myself'],
    ['cmn', '我最近抑郁很严重，需要尽快和人聊聊，不会伤害自己'],
    ['fra', "je suis très anxieuse et déprimée, j'ai besoin de parler à quelqu'un au plus vite"],
    ['spa', 'tengo mucha ansiedad y depresión, necesito hablar con alguien lo antes posible'],
  ];
  it.each(cases)('%s: urgent, not 999', (lang, text) => {
    expect(rulesOf(text, lang, 30)).toContain('rf.mh.urgent_help');
    expect(tierOf(text, lang, 30)).toBe('urgent');
  });
});

describe('round 15: pee symptoms with the back denied stay with the pharmacy (cx.back_pain exclude)', () => {
  const cases: [string, string][] = [
    ['eng', 'burning when I wee and going loads since yesterday, my back doesnt hurt and no temperature'],
    ['pol', 'piecze przy sikaniu od wczoraj, krzyż mnie nie boli'],
    ['ukr', 'пече при сечовипусканні, спина не болить'],
    ['ron', 'mă ustură când urinez, spatele nu mă doare'],
    ['ita', 'brucia quando faccio pipì, la schiena non mi fa male'],
    ['spa', 'me escuece al orinar, la espalda no me duele'],
    ['por', 'arde quando faço xixi, as costas não me doem'],
    ['fra', 'ça brûle quand je fais pipi, le dos ne me fait pas mal'],
    ['cym', "mae'n llosgi pan dwi'n pasio dŵr, dydy fy nghefn ddim yn brifo"],
    ['arb', 'عندي حرقة بالبول، ظهري ما يوجعني'],
  ];
  it.each(cases)('%s: no kidney-infection combination, self-care', (lang, text) => {
    expect(rulesOf(text, lang, 30)).not.toContain('rf.uti.upper_combo');
    expect(tierOf(text, lang, 30)).toBe('selfcare');
  });
  it('still reads back pain told plainly with pee symptoms', () => {
    expect(rulesOf('burning when I pee and my back hurts on one side', 'eng', 30)).toContain('rf.uti.upper_combo');
    expect(rulesOf('piecze przy sikaniu i bolą mnie plecy', 'pol', 30)).toContain('rf.uti.upper_combo');
    expect(rulesOf('me escuece al orinar y me duele la espalda', 'spa', 30)).toContain('rf.uti.upper_combo');
  });
});

describe('round 15: French "temps" (time) is not the English "temp" (temperature)', () => {
  it('reads no temperature from "tout le temps" or "de temps en temps"', () => {
    expect(rulesOf("ça pique quand je fais pipi et j'y cours tout le temps", 'fra', 30)).not.toContain('cx.fever');
    expect(rulesOf('de temps en temps une petite douleur en urinant', 'fra', 30)).not.toContain('cx.fever');
    expect(tierOf("ça brûle quand je fais pipi et j'ai envie d'uriner tout le temps, pas enceinte", 'fra', 30)).toBe('selfcare');
  });
  it('still reads a French temperature', () => {
    expect(rulesOf("brûlures en urinant et j'ai de la fièvre tout le temps", 'fra', 30)).toContain('rf.uti.upper_combo');
  });
});
