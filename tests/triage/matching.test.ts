import { createTriageEngine, loadTriageContent } from '../../src/triage/index.js';
import { FuzzyVocabulary } from '../../src/triage/fuzzy.js';

const engine = createTriageEngine(loadTriageContent('dialogs'));
const clearIds = (text: string): string[] =>
  engine.screen(text, 'eng').hits.filter((h) => h.certainty === 'clear').map((h) => h.ruleId);
const hit = (text: string, id: string) => engine.screen(text, 'eng').hits.find((h) => h.ruleId === id);

describe('free-text screening', () => {
  it('copes with misspellings and text-speak', () => {
    expect(clearIds('crushing chesst pain spreading to my arm')).toContain('rf.chest_pain.cardiac');
    expect(clearIds('cant breath')).toContain('rf.breathing.severe');
    expect(clearIds('cnt breathe')).toContain('rf.breathing.severe');
    expect(clearIds('my wifes collasped')).toContain('rf.unconscious');
  });

  it('suppresses negated triggers and says why', () => {
    const s = engine.screen('no chest pain, just a cough', 'eng');
    expect(s.hits.map((h) => h.ruleId)).not.toContain('cx.chest_pain');
    expect(s.suppressed).toContainEqual({ ruleId: 'cx.chest_pain', phrase: 'chest pain', reason: 'negated' });
  });

  it('does not let a negation reach past "but"', () => {
    expect(clearIds('no fever but chest pain spreading down my arm')).toContain('rf.chest_pain.cardiac');
  });

  it('treats "not sure" as a hedge, not a negation', () => {
    expect(clearIds('not sure if its serious but my face has dropped')).toContain('rf.stroke.fast');
  });

  it('suppresses clearly past events', () => {
    const s = engine.screen('had a heart attack 5 years ago, need my statins', 'eng');
    expect(s.hits.map((h) => h.ruleId)).not.toContain('rf.chest_pain.cardiac');
    expect(s.suppressed).toContainEqual({ ruleId: 'rf.chest_pain.cardiac', phrase: 'heart attack', reason: 'past' });
  });

  it('asks rather than diverts when an event may be over', () => {
    expect(hit('she had a fit yesterday', 'rf.seizure')?.certainty).toBe('uncertain');
    expect(hit('had chest pain earlier, gone now', 'cx.chest_pain')).toBeDefined();
  });

  it('keeps present perfect as present ("ive had chest pain for an hour")', () => {
    expect(hit('ive had crushing chest pain for an hour', 'rf.chest_pain.cardiac')?.certainty).toBe('clear');
  });

  it('finds red flags about other people', () => {
    expect(clearIds("my dad's face has dropped")).toContain('rf.stroke.fast');
    expect(clearIds('my son is struggling to breathe')).toContain('rf.breathing.severe');
  });

  it('finds a red flag buried in a long admin message', () => {
    const text =
      'Hello, I need my repeat prescription for my blood pressure tablets and a fit note for work. ' +
      'My daughter needs her jabs booking. By the way my lips are swelling up since lunch. Thanks.';
    expect(clearIds(text)).toContain('rf.anaphylaxis');
  });

  it('asks a confirm question for plain chest pain and diverts at once for cardiac features', () => {
    const plain = hit('chest pain', 'rf.chest_pain.now');
    expect(plain?.certainty).toBe('uncertain');
    expect(plain?.confirmQuestionId).toBe('q.chest_pain.now');
    expect(clearIds('chest pain')).not.toContain('rf.chest_pain.cardiac');
    expect(engine.screen('crushing chest pain spreading to my arm', 'eng').hits[0]?.tier).toBe('emergency');
  });

  it('leaves a rash told beside chickenpox, in any clause, to the chickenpox (excludeInMessage)', () => {
    const ids = (text: string, lang: 'eng' | 'pol' = 'eng') => engine.screen(text, lang).hits.map((h) => h.ruleId);
    expect(ids('spots everywhere and itchy')).toContain('cx.rash');
    expect(ids('my son has chickenpox, spots everywhere and itchy')).not.toContain('cx.rash');
    expect(ids('my son has chickenpox, spots everywhere and itchy')).toContain('pf.minor_ailment');
    expect(ids('syn ma ospę wietrzną. wysypka na brzuchu', 'pol')).not.toContain('cx.rash');
  });

  it('does not treat a headache alone as a red flag', () => {
    // Self-care since cx.headache v2 (NHS.uk Headaches: a pharmacist can help); never urgent or above.
    expect(engine.screen('headache', 'eng').hits.every((h) => h.tier === 'routine' || h.tier === 'selfcare')).toBe(true);
  });

  it('does not read look-alike words as red flags', () => {
    expect(clearIds('insurance form needs filling in')).not.toContain('rf.seizure');
    expect(clearIds('I need a fit note please')).not.toContain('rf.seizure');
    expect(clearIds('not short of breath, need my inhaler')).not.toContain('rf.breathing.severe');
    expect(clearIds('cant breathe through my nose')).not.toContain('rf.breathing.severe');
    expect(clearIds('heavy bleeding during my period')).not.toContain('rf.bleeding.heavy');
  });

  it('screens English inside other-language text and falls back to English for unknown languages', () => {
    expect(engine.screen('chest pain spreading to my arm', 'pol').hits[0]?.ruleId).toBe('rf.chest_pain.cardiac');
  });
});

describe('counts of tablets', () => {
  const ids = (text: string, lang: 'eng' | 'fra' = 'eng') =>
    engine.decide({ need: 'need.new', texts: [{ text, lang }], answers: {}, presentRuleIds: [], deniedRuleIds: [] }).ruleIds;
  it('reads 5 to 9 tablets with worry about them, or taken at once, as taking too much (trigger word "00")', () => {
    expect(ids('I took 8 of my paracetamol, will it pass?')).toContain('rf.poisoning.count');
    expect(ids('took like 6 of my co codamol at once')).toContain('rf.poisoning.count');
    expect(ids('took seven of my sleeping tablets, will I be ok')).toContain('rf.poisoning.count');
    expect(ids("J'ai pris 8 de mes cachets d'un coup", 'fra')).toContain('rf.poisoning.count');
  });
  it('does not read a count alone, two tablets, or a daily total as an overdose', () => {
    expect(ids('I took 4 paracetamol today for my back')).not.toContain('rf.poisoning.count');
    expect(ids('took 2 paracetamol, will it wear off?')).not.toContain('rf.poisoning.count');
    expect(ids('I take 6 tablets a day, is that too many?')).not.toContain('rf.poisoning.count');
  });
});

describe('stroke signs that went away (TIA)', () => {
  const clear = (text: string, lang: 'eng' | 'spa' = 'eng') =>
    engine.decide({ need: 'need.new', texts: [{ text, lang }], answers: { 'q.stroke.recent': 'no' }, presentRuleIds: [], deniedRuleIds: ['rf.stroke.fast'] }).ruleIds;
  it('diverts signs that lasted minutes, even when "earlier" or "fine now" would only ask', () => {
    expect(clear('my face went droopy for 10 minutes but its fine now')).toContain('rf.stroke.transient');
    expect(clear('couldnt get my words out for a few mins earlier, ok now')).toContain('rf.stroke.transient');
    expect(clear('Se le torció la cara durante diez minutos, ahora está bien', 'spa')).toContain('rf.stroke.transient');
  });
  it('leaves a stroke told as history to the question about the last week', () => {
    expect(clear('my dad had a stroke and he is fine now, he needs his repeat prescription')).not.toContain('rf.stroke.transient');
    expect(clear('I had a TIA in the summer and I am fine now, can I drive')).not.toContain('rf.stroke.transient');
    expect(clear('face dropped for a few minutes years ago')).not.toContain('rf.stroke.transient');
  });
});

describe('signs joined to Arabic "and" (و)', () => {
  const arb = (text: string) => engine.screen(text, ['arb', 'eng']).hits.map((h) => h.ruleId);
  it('reads a sign written with و in front of it', () => {
    expect(arb('عندي سكري وأستفرغ')).toContain('cx.hx.sick');
    expect(arb('ألم في الظهر وخدر حول المؤخرة')).toContain('rf.cauda_equina');
    // A one-word sign: the word without و must pass the same exactness test as any one-word trigger.
    expect(arb('ذراعي ثقيلة وأتعرق')).toContain('cx.hx.sweat');
  });

  it('keeps words that begin with و as they are', () => {
    expect(arb('أمي تاخذ وارفارين')).toContain('cx.anticoagulant');
    expect(arb('وجهي مال لدقائق')).toContain('rf.stroke.fast');
  });
});

describe('fuzzy matching cost', () => {
  it('stays linear for very long single words (no L² deletion keys)', () => {
    const vocab = new FuzzyVocabulary();
    for (const w of ['breathing', 'unconscious', 'collapsed', 'chest']) vocab.add(w);
    const longWord = 'xy'.repeat(8000);
    expect(vocab.lookup(longWord)).toEqual([]);
    expect(vocab.lookup(`${longWord}z`)).toEqual([]);
    // A word longer than the longest vocabulary word plus one cannot be within one edit of any.
    expect(vocab.lookupWork).toBe(0);
    // Typos in normal words are still found, at the cost of short words.
    expect(vocab.lookup('breathng').map((id) => vocab.word(id))).toEqual(['breathing']);
    expect(vocab.lookupWork).toBeLessThanOrEqual(12 * 12);
  });

  it('screens a message made of one 19,000-letter word without the quadratic cost', () => {
    const word = Array.from({ length: 19_000 }, (_, i) => 'qwertyuiopasdfghjklzxcvbnm'[(i * 7 + (i >> 3)) % 26]).join('');
    expect(engine.screen(`crushing chest pain spreading to my arm ${word}`, 'eng').hits.map((h) => h.ruleId)).toContain('rf.chest_pain.cardiac');
  });
});

describe('counts written in Bengali, Gujarati and other Indic digits', () => {
  const ids = (text: string, lang: 'ben' | 'guj') => engine.screen(text, [lang, 'eng']).hits.map((h) => h.ruleId);
  it('reads ২০ and ૨૦ as 20, also when the count is written against its word ("২০টা")', () => {
    expect(ids('আমার ছেলে ২০টা প্যারাসিটামল খেয়ে ফেলেছে', 'ben')).toContain('rf.poisoning');
    expect(ids('મેં ૨૦ ગોળીઓ ખાધી', 'guj')).toContain('rf.poisoning');
  });
  it('does not read a small count as an overdose', () => {
    expect(ids('আমি ৫টা প্যারাসিটামল খেয়েছি', 'ben')).not.toContain('rf.poisoning');
  });
});

describe('clauses a comma does not end (lexicon clauseJoiners)', () => {
  const ids = (text: string, lang: 'pol' | 'ukr') => engine.screen(text, [lang, 'eng']).hits.map((h) => h.ruleId);
  it('reads a sign written with the comma the grammar asks for before "kiedy" or "коли"', () => {
    expect(ids('Nie czuję, kiedy sikam', 'pol')).toContain('rf.cauda_equina');
    expect(ids('Żona mówi, że nie czuje nic, jak się podciera', 'pol')).toContain('rf.cauda_equina');
    expect(ids('Не відчуваю, коли сечуся', 'ukr')).toContain('rf.cauda_equina');
  });
  it('never lets a negation before the comma reach past the joiner', () => {
    expect(ids('Nie było gorączki, kiedy pojawiły się wymioty z krwią', 'pol')).toContain('rf.gi.bleed');
  });
});

describe('wetting oneself with back pain (cauda equina)', () => {
  const ids = (text: string) =>
    engine.decide({ need: 'need.new', texts: [{ text, lang: 'eng' }], answers: {}, presentRuleIds: [], deniedRuleIds: [] }).ruleIds;
  it('diverts back pain and wetting oneself told anywhere in the story', () => {
    expect(ids('My dad has had a bad back for a week. Today he wet himself.')).toContain('rf.cauda_equina');
  });
  it('does not divert wetting alone, or leaking with a cough', () => {
    expect(ids('my son wet himself at school today')).not.toContain('rf.cauda_equina');
    expect(ids('I have back pain and I wet myself a bit when I cough or sneeze')).not.toContain('rf.cauda_equina');
  });
});

describe('Polish and Turkish typed without their own letters', () => {
  const ids = (text: string, lang: 'pol' | 'tur') => engine.screen(text, [lang, 'eng']).hits.map((h) => h.ruleId);
  it('reads "l" for "ł" and "i" for "ı", as on an English keyboard', () => {
    expect(ids('esimin beli agriyor ve idrarini tutamiyor', 'tur')).toContain('rf.cauda_equina');
    expect(ids('babam dustu kafasini carpti, kan sulandirici kullaniyor', 'tur')).toEqual(
      expect.arrayContaining(['cx.head_injury', 'cx.anticoagulant']),
    );
    expect(ids('tata upadl i uderzyl sie w glowe', 'pol')).toContain('cx.head_injury');
  });
});

describe('paired word lists (rule triggersPaired): a sign word beside a body-part word, in one clause', () => {
  const ids = (text: string, lang: string) => engine.screen(text, [lang, 'eng'] as never).hits.map((h) => h.ruleId);
  const clear = (text: string, lang: string) =>
    engine.screen(text, [lang, 'eng'] as never).hits.filter((h) => h.certainty === 'clear').map((h) => h.ruleId);
  it('reads a relative\'s numbness of the saddle area in either word order', () => {
    expect(clear('Mąż mówi, że ma zdrętwiałe pośladki', 'pol')).toContain('rf.cauda_equina');
    expect(clear('Od wczoraj nie ma czucia w kroczu', 'pol')).toContain('rf.cauda_equina');
    expect(clear('Syn mówi, że cała pupa mu zdrętwiała', 'pol')).toContain('rf.cauda_equina');
  });
  it('never reads a negation backwards, nor across clauses, nor numbness running from the buttock down one leg', () => {
    expect(ids('Krocze nie boli, tylko plecy', 'pol')).not.toContain('rf.cauda_equina');
    expect(ids('Drętwieje mu ręka. Pośladki bolą od siedzenia', 'pol')).not.toContain('rf.cauda_equina');
    expect(ids('Mąż ma rwę kulszową, drętwieje mu noga od pośladka do stopy', 'pol')).not.toContain('rf.cauda_equina');
  });
  it('lets the two halves stand apart even after a short word ("سرش به میز خورد", a head hit on a table)', () => {
    expect(ids('پدرم افتاد و سرش به میز خورد', 'pes')).toContain('cx.head_injury');
    expect(ids('پدرم وارفارین مصرف می‌کنه، افتاد و سرش به میز خورد', 'pes')).toContain('cx.anticoagulant');
  });
  it('skips a list entry made only of filler words ("only" would leave "wet nappies" alone)', () => {
    expect(ids('my 1 year old has diarrhoea but plenty of wet nappies and is playing', 'eng')).not.toContain('cx.few_nappies');
    expect(ids('my 1 year old has diarrhoea and only 2 wet nappies today', 'eng')).toContain('cx.few_nappies');
  });
});

describe('English words glued to the case ending of another script', () => {
  const ids = (text: string, lang: string) => engine.screen(text, [lang, 'eng'] as never).hits.map((h) => h.ruleId);
  it('reads "warfarinની" and "sugarটা" as the English word and its ending', () => {
    expect(ids('મારા સસરા warfarinની ગોળી લે છે', 'guj')).toContain('cx.anticoagulant');
    expect(ids('আব্বুর sugarটা খুব low, উনি confusedভাবে কথা বলছেন', 'ben')).toContain('cx.confusion');
  });
});

describe('not-now cues that belong to the emergency itself (lexicon notNowExceptions)', () => {
  const hitOf = (text: string, lang: string, id: string) => engine.screen(text, [lang, 'eng'] as never).hits.find((h) => h.ruleId === id);
  it('does not read "the sugar has dropped" as "it has eased"', () => {
    expect(hitOf('আব্বুর sugar কমে গেছে উনি অজ্ঞান হয়ে গেছেন', 'ben', 'rf.unconscious')?.certainty).toBe('clear');
  });
  it('still reads the same cue after anything else as not now (a confirm question)', () => {
    expect(hitOf('আব্বুর ব্যথা কমে গেছে উনি অজ্ঞান হয়ে গেছেন', 'ben', 'rf.unconscious')?.certainty).toBe('uncertain');
  });
});

describe('past exceptions cover every word they hold (lexicon pastExceptions)', () => {
  const hitOf = (text: string, lang: string, id: string) => engine.screen(text, [lang, 'eng'] as never).hits.find((h) => h.ruleId === id);
  it('reads a sugar reading that "was" 2.1 as a reading, not as a past event', () => {
    expect(hitOf('আব্বুর সুগার 2.1 ছিল উনি অজ্ঞান হয়ে গেছেন', 'ben', 'rf.unconscious')?.certainty).toBe('clear');
  });
  it('still asks when a faint was in the past', () => {
    expect(hitOf('আব্বু গতকাল অজ্ঞান হয়ে গিয়েছিলেন', 'ben', 'rf.unconscious')?.certainty ?? 'uncertain').toBe('uncertain');
  });
});

describe('emergency combinations told across clauses, sentences and messages (issue 15 round 7)', () => {
  type Text = { text: string; lang: string };
  const ids = (texts: Text[], ageYears?: number) =>
    engine.decide({ need: 'need.new', texts, answers: {}, presentRuleIds: [], deniedRuleIds: [], ...(ageYears !== undefined ? { ageYears } : {}) }).ruleIds;
  const one = (text: string, lang = 'eng', ageYears?: number) => ids([{ text, lang }], ageYears);

  it('diverts chest pain with sweating or feeling sick at any age, in any language (rf.chest_pain.combo)', () => {
    expect(one('my chest is really sore and i feel sick as well')).toContain('rf.chest_pain.combo');
    expect(one("I've got a pain in my chest. I'm sweating loads")).toContain('rf.chest_pain.combo');
    expect(one('boli mnie w klatce piersiowej, jestem cały spocony', 'pol')).toContain('rf.chest_pain.combo');
    expect(one('胸口疼，出了一身冷汗', 'cmn')).toContain('rf.chest_pain.combo');
  });

  it('reads the spread to the arm or jaw told in the next sentence, or in the next message', () => {
    expect(one("my chest hurts. it's going into my left arm")).toContain('rf.chest_pain.combo');
    expect(one('tenho dor no peito. está a ir para o braço esquerdo', 'por')).toContain('rf.chest_pain.combo');
    expect(ids([{ text: 'my chest hurts', lang: 'eng' }, { text: "now it's going into my left arm", lang: 'eng' }])).toContain('rf.chest_pain.combo');
    expect(ids([{ text: 'me duele el pecho', lang: 'spa' }, { text: 'y estoy sudando mucho', lang: 'spa' }])).toContain('rf.chest_pain.combo');
  });

  it('diverts a high temperature with new confusion in an adult, or with very fast breathing (rf.sepsis.combo)', () => {
    expect(one("Mum's got a high temperature. Today she's very confused", 'eng', 84)).toContain('rf.sepsis.combo');
    expect(one('mi padre tiene fiebre alta y está muy confundido', 'spa', 76)).toContain('rf.sepsis.combo');
    expect(one('mia madre ha la febbre alta e respira molto velocemente', 'ita')).toContain('rf.sepsis.combo');
    expect(ids([{ text: 'he has had a fever since yesterday', lang: 'eng' }, { text: 'now he is confused', lang: 'eng' }], 70)).toContain('rf.sepsis.combo');
  });

  it('diverts DVT signs with breathlessness, chest pain or coughing blood (rf.pe.combo)', () => {
    expect(one("my calf is swollen and hot. now I'm suddenly short of breath")).toContain('rf.pe.combo');
    expect(one("I've had a swollen painful leg since my flight and today I coughed up blood")).toContain('rf.pe.combo');
    expect(one('литка набрякла і болить, а тепер задишка', 'ukr')).toContain('rf.pe.combo');
    expect(one('ساقي منتفخة ومؤلمة، والآن أشعر بضيق في التنفس', 'arb')).toContain('rf.pe.combo');
  });

  it('diverts palpitations with fainting, chest pain or breathlessness (rf.palpitations.combo)', () => {
    expect(one("I've got palpitations. My chest hurts too")).toContain('rf.palpitations.combo');
    expect(one('estou com palpitações e falta de ar', 'por')).toContain('rf.palpitations.combo');
    expect(one('wadnahaygu aad buu u garaacayaa waanan suuxay', 'som')).toContain('rf.palpitations.combo');
  });
});

describe('one-letter typos never cross a negation or a listed minimal pair', () => {
  it('refuses a Turkish negation infix in either direction, and allows a typo beside it', async () => {
    const { flipsNegation } = await import('../../src/triage/fuzzy.js');
    const infixes = ['miyor', 'muyor'];
    expect(flipsNegation('gormuyor', 'goruyor', infixes)).toBe(true);
    expect(flipsNegation('geliyor', 'gelmiyor', infixes)).toBe(true);
    expect(flipsNegation('gormuyr', 'gormuyor', infixes)).toBe(false);
    const vocab = new FuzzyVocabulary({ negationInfixes: infixes, notTypos: [['dikri', 'dikro']] });
    const id = vocab.add('gormuyor');
    const son = vocab.add('dikro');
    expect(vocab.lookup('goruyor')).not.toContain(id);
    expect(vocab.lookup('gormuyr')).toContain(id);
    expect(vocab.lookup('dikri')).not.toContain(son);
    expect(vocab.lookup('dikrp')).toContain(son);
  });
});
