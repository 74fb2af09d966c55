import { decideText } from '../support/triage.js';

/**
 * Round 23 (hazard H96): a stroke or TIA found from the patient's own words, without the emergency
 * check. NHS.uk Stroke - symptoms (FAST: face dropped, arm weak or numb, speech slurred or garbled;
 * sudden loss of vision) and NHS.uk TIA (call 999 even if the signs go away). Each phrasing below is
 * written for this test from how patients and relatives write, not taken from a test case.
 */
const e23 = (text: string, lang: string): string[] => decideText(text, lang).ruleIds.filter((id) => id.startsWith('rf.e23.'));

/** Two FAST signs told together, or a face or speech sign that passed within minutes. */
const TWO_SIGNS: [string, string][] = [
  ['eng', 'my nan’s mouth has gone crooked and she is talking nonsense'],
  ['eng', 'dads hand went dead and he was mixing up words, back to normal after a few minutes'],
  ['eng', 'her smile went lopsided for a few minutes then went back to normal'],
  ['cym', "mae ei geg wedi mynd yn gam ac mae o'n siarad yn rhyfedd"],
  ['fra', 'sa bouche est de travers et il parle bizarrement'],
  ['fra', 'son bras était engourdi et elle cherchait ses mots'],
  ['spa', 'tiene la boca torcida y arrastra las palabras'],
  ['por', 'a boca dele ficou torta e ele troca as palavras'],
  ['ita', 'ha la bocca storta e parla strano'],
  ['ron', 'gura i s-a strâmbat și vorbește ciudat'],
  ['pol', 'ma krzywe usta i mówi niewyraźnie'],
  ['lit', 'jo burna kreiva ir jis keistai kalba'],
  ['ukr', 'у тата перекосилося обличчя і він говорить невиразно'],
  ['tur', 'babamın ağzı kaydı ve konuşması bozuk'],
  ['arb', 'فمه صار مايل وكلامه مش واضح'],
  ['pes', 'دهنش کج شده و نامفهوم حرف میزد'],
  ['som', 'afkiisa wuu qalloocday oo hadalkiisa wuu qaldamay'],
  ['pan', 'ਉਹਦਾ ਮੂੰਹ ਟੇਢਾ ਹੋ ਗਿਆ ਤੇ ਬੋਲਣ ਵਿੱਚ ਦਿੱਕਤ ਹੈ'],
  ['urd', 'ان کا منہ ٹیڑھا ہو گیا اور بولنے میں دقت ہے'],
  ['ben', 'বাবার মুখ বেঁকে গেছে আর কথা জড়িয়ে যাচ্ছে'],
  ['guj', 'પપ્પાનું મોઢું વાંકું થઈ ગયું અને બોલવામાં તકલીફ છે'],
  ['tam', 'அப்பாவுக்கு வாய் கோணலாக இருக்கிறது, பேச்சு குழறியது'],
  ['cmn', '我爸嘴角下垂，说话含糊'],
];

describe('two FAST signs, or one that passed, send to 999 in every language', () => {
  it.each(TWO_SIGNS)('[%s] "%s"', (lang, text) => {
    const d = decideText(text, lang);
    expect(d.tier).toBe('emergency');
    expect(d.disposition).toBe('call_999');
  });

  it('names rf.e23.stroke_signs as the rule', () => {
    expect(e23('his face went all lopsided and he was talking gibberish', 'eng')).toContain('rf.e23.stroke_signs');
  });
});

describe('one limb gone suddenly weak or numb on one side', () => {
  it.each([
    ['eng', 'my left hand suddenly went numb and I cant grip anything'],
    ['fra', 'depuis ce matin sa main droite est engourdie'],
    ['pol', 'nagle lewa ręka zdrętwiała'],
    ['tur', 'bu sabahtan beri sağ eli uyuştu'],
    ['cmn', '今天早上起右手麻木了'],
  ])('[%s] "%s" raises rf.e23.limb_sudden', (lang, text) => {
    expect(e23(text, lang)).toContain('rf.e23.limb_sudden');
  });
});

describe('sudden sight loss told as a curtain or half the view gone', () => {
  it.each([
    ['eng', 'it was like a curtain came down over my right eye'],
    ['cym', 'roedd fel llen yn dod i lawr dros ei lygad'],
    ['spa', 'veo como una cortina negra en el ojo izquierdo'],
    ['tur', 'gözüme perde indi, göremiyorum'],
    ['ukr', 'раптом як завіса перед оком'],
  ])('[%s] "%s" raises rf.e23.sight_loss', (lang, text) => {
    expect(decideText(text, lang).tier).toBe('emergency');
  });

  it('a curtain over the eye that passed within minutes is a TIA: 999', () => {
    const d = decideText('like a curtain over my eye for a few minutes, then it went back to normal', 'eng');
    expect(d.tier).toBe('emergency');
    expect(d.disposition).toBe('call_999');
  });
});

describe('near neighbours stay below 999', () => {
  it.each([
    ['eng', 'my face is numb and lopsided after the dentist and I cant talk properly'],
    ['eng', 'I slept on my arm and my hand went dead for a few minutes'],
    ['eng', 'dad has dementia and talks nonsense, his hand is weak, can he have a review'],
    ['eng', 'since his stroke his mouth droops and his speech is muddled, repeat prescription please'],
    ['eng', 'my hands go numb at night, carpal tunnel I think'],
    ['eng', 'my hand went numb suddenly, can someone call me back right now'],
    ['eng', 'my vision is blurry when I read, I think I need new glasses'],
    ['eng', 'I was crying so much I couldnt talk properly and my hands felt heavy'],
    ['eng', 'lost half my vision with zigzags, my usual migraine aura, then a headache'],
    ['eng', 'I am not certain it is anything, my eye is a bit sore'],
    ['fra', "j'ai la main engourdie depuis des mois, canal carpien"],
    ['pol', 'od lat mam drętwienie palców u lewej ręki'],
    ['tur', 'dişçide uyuşturma iğnesinden sonra ağzım kaydı, konuşması zor'],
  ])('[%s] "%s" raises no round 23 rule', (lang, text) => {
    expect(e23(text, lang)).toEqual([]);
  });

  it('a denied sign raises nothing: "no face drooping, no weakness, speech is fine"', () => {
    expect(e23('no face drooping and no weakness in his arm, speech is fine', 'eng')).toEqual([]);
  });

  it('a clear past raises nothing: signs "years ago"', () => {
    expect(e23('years ago his face went crooked and he was slurring his words', 'eng')).toEqual([]);
  });
});

describe('English text-speak with the g dropped is read as the full word', () => {
  it('"talkin gibberish" reads as "talking gibberish"', () => {
    expect(decideText('his face went lopsided n he was talkin gibberish', 'eng').tier).toBe('emergency');
  });
});
