import { content, conversation } from '../support/dialog.js';
import { decideText } from '../support/triage.js';
import { compileOxygenLanguage, readOxygen } from '../../src/triage/oxygenReading.js';

/**
 * Round 22 (hazard H90): a blood oxygen reading stated in the patient's words. NHS advice for home
 * pulse oximeters: 92% or less, A&E or 999 (rf.spo2.low); 93% or 94%, GP or 111 urgently
 * (rf.spo2.borderline). Phrasings written from how patients write, in each of the 20 languages.
 */
const ruleOf = (text: string, lang = 'eng'): string[] => decideText(text, lang).ruleIds.filter((id) => id.startsWith('rf.spo2.'));

describe('the NHS thresholds', () => {
  it.each([
    ['my sats are 92', 'rf.spo2.low', 'emergency', 'go_to_ae'],
    ['oxygen 85%', 'rf.spo2.low', 'emergency', 'go_to_ae'],
    ['sats 93', 'rf.spo2.borderline', 'urgent', 'call_111'],
    ['spo2 94%', 'rf.spo2.borderline', 'urgent', 'call_111'],
  ])('"%s" raises %s (%s, %s)', (text, rule, tier, disposition) => {
    const d = decideText(text);
    expect(d.ruleIds).toContain(rule);
    expect(d.tier).toBe(tier);
    expect(d.disposition).toBe(disposition);
  });

  it.each(['my sats are 95', 'oxygen 98%', 'spo2 100', 'sats 99 today'])('"%s" raises no oxygen rule', (text) => {
    expect(ruleOf(text)).toEqual([]);
  });

  it('reads "below 95" as 94 and "can\'t get it above 90" as 90; a plain lower bound is no reading', () => {
    expect(ruleOf('my oxygen keeps dropping below 95')).toEqual(['rf.spo2.borderline']);
    expect(ruleOf('sats under 93 all afternoon')).toEqual(['rf.spo2.low']);
    expect(ruleOf("I can't get my sats above 90")).toEqual(['rf.spo2.low']);
    expect(ruleOf('sats have stayed above 95 all day')).toEqual([]);
  });

  it('reads the lowest of several readings', () => {
    expect(ruleOf('sats went 96, then 94, now 91')).toContain('rf.spo2.low');
  });

  it('reads a stated usual level like any reading (H90: no lower threshold in the sources, for the CSO)', () => {
    expect(ruleOf('I have COPD and my usual sats are 88')).toEqual(['rf.spo2.low']);
  });
});

/** Two or more phrasings per language, each a reading of 92 or less, and one of 93 or 94 where given. */
const LOW: Record<string, string[]> = {
  eng: ['the finger clip thing says 91', 'O2 is only 89% this morning', 'my oximeter reads 90', 'sats have dropped to 88'],
  cym: ["mae fy lefel ocsigen i'n 90", 'mae’r ocsimedr yn dweud 89 heddiw'],
  fra: ["mon taux d'oxygène est à 90 %", "l'oxymètre affiche 88 ce matin", 'saturation à 91'],
  spa: ['la saturación me da 89', 'el oxímetro marca 90% ahora', 'estoy saturando 88'],
  por: ['a minha saturação está em 90', 'o oxímetro mostra 89% hoje'],
  ita: ["l'ossigeno è a 90", 'il saturimetro segna 88', 'saturo 91 da stamattina'],
  ron: ['saturația mea e 90', 'oxigenul a scăzut la 88%'],
  pol: ['saturacja spadła do 89', 'pulsoksymetr pokazuje 90%'],
  lit: ['deguonies lygis 90', 'saturacija nukrito iki 88'],
  ukr: ['сатурація 90', 'кисень впав до 88%', 'пульсоксиметр показує 89'],
  tur: ['oksijenim 88 çıktı', 'oksijen seviyesi %90', 'satürasyonum 89'],
  arb: ['نسبة الأكسجين عندي ٩٠', 'الاوكسجين نزل إلى 88%'],
  pes: ['اکسیژن خونم ۹۰ است', 'اکسیمتر ۸۸ نشان میده'],
  som: ['oksijiinta waa 90', 'heerka oksijiinta waa 88%'],
  pan: ['ਮੇਰੀ ਆਕਸੀਜਨ 90 ਹੈ', 'ਆਕਸੀਮੀਟਰ ਤੇ ੮੯ ਆ ਰਿਹਾ'],
  urd: ['میری آکسیجن 90 ہے', 'آکسیجن لیول ۸۸ آ رہا ہے'],
  ben: ['আমার অক্সিজেন ৯০', 'অক্সিজেনের মাত্রা ৮৮%'],
  guj: ['મારું ઓક્સિજન 90 છે', 'ઓક્સિમીટરમાં ૮૯ બતાવે છે'],
  tam: ['என் ஆக்ஸிஜன் அளவு 90', 'ஆக்சிஜன் 88 காட்டுது'],
  cmn: ['血氧只有90', '我的血氧饱和度现在是88%', '指夹测出来89'],
};
const BORDERLINE: Record<string, string> = {
  eng: 'pulse ox says 94 this evening',
  fra: 'saturation à 93 %',
  spa: 'saturación 94',
  tur: 'oksijen 93',
  arb: 'الأكسجين ٩٤',
  cmn: '血氧93',
};

describe('readings in all 20 languages', () => {
  it('covers the 20 languages', () => {
    expect(Object.keys(LOW).sort()).toEqual(content.languages.map((l) => l.code).sort());
  });
  for (const [lang, texts] of Object.entries(LOW)) {
    it.each(texts)(`${lang}: "%s" is an emergency (A&E)`, (text) => {
      const d = decideText(text, lang);
      expect(d.ruleIds).toContain('rf.spo2.low');
      expect(d.tier).toBe('emergency');
    });
  }
  it.each(Object.entries(BORDERLINE))('%s: "%s" is urgent (111)', (lang, text) => {
    expect(ruleOf(text, lang)).toEqual(['rf.spo2.borderline']);
  });
});

describe('numbers that are not a current oxygen reading', () => {
  it.each([
    ['eng', 'phone battery is at 90%'],
    ['eng', "I'm 90% sure it's just a cold"],
    ['eng', 'my pulse is 91'],
    ['eng', 'sats 97, pulse 88'],
    ['eng', 'heart rate 90 and oxygen 98'],
    ['eng', 'my oxygen is fine, I am 78 years old'],
    ['eng', 'my sats are not 90, they are 96'],
    ['eng', 'if my oxygen drops to 92 should I go to A&E?'],
    ['eng', 'last week it was 90, now 97 on the oximeter'],
    ['eng', 'my sats were 89 in hospital last year'],
    ['eng', 'Yesterday, my sats were 90. Today 97.'],
    ['eng', 'temperature 38.5 and oxygen 97'],
    ['fra', 'mon pouls est à 90'],
    ['spa', 'el pulso está en 88 y la saturación en 97'],
    ['tur', 'oksijen 90 değil, 97'],
    ['tur', 'nabzım 88'],
    ['urd', 'نبض 90 ہے'],
    ['cmn', '心率90，血氧98'],
    ['cmn', '昨天血氧90，今天98'],
    ['pol', 'wczoraj saturacja 90, dziś 97'],
  ])('%s: "%s" raises no oxygen rule', (lang, text) => {
    expect(ruleOf(text, lang)).toEqual([]);
  });

  it('a current reading beats an earlier one in the same message', () => {
    expect(ruleOf('my sats were 97 yesterday but now 91')).toEqual(['rf.spo2.low']);
    expect(ruleOf('ayer saturaba 97, hoy 90', 'spa')).toEqual(['rf.spo2.low']);
  });
});

describe('long and hostile text', () => {
  it('reads a 10,000-character message in well under a second, and still finds the reading at its end', () => {
    const filler = 'sats 97 pulse 88, 90% sure, battery 90 '.repeat(260).slice(0, 9_980);
    const text = `${filler}. sats 89`;
    expect(text.length).toBeGreaterThanOrEqual(10_000 - 20);
    const t0 = performance.now();
    const rules = ruleOf(text);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(rules).toEqual(['rf.spo2.low']);
  });

  it('reads 10,000 characters of digits, commas and oxygen words quickly', () => {
    const text = 'sats,'.repeat(1000) + '9'.repeat(3000) + ' 91'.repeat(1000);
    const t0 = performance.now();
    ruleOf(text.slice(0, 10_000));
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('the reader alone', () => {
  it('ignores a number with no oxygen word near', () => {
    const def = {
      version: 1,
      lowest: 50,
      highest: 100,
      bands: [{ atOrBelow: 92, ruleId: 'rf.x' }],
      languages: {},
    };
    const eng = compileOxygenLanguage({ oxygen: ['sats'], other: ['pulse'], past: [], hypothetical: [], now: [], negation: [], negationAfter: [], below: [], belowAfter: [], above: [], aboveAfter: [] });
    expect(readOxygen('90', def, eng)).toEqual([]);
    expect(readOxygen('sats 90', def, eng)).toEqual([{ value: 90, ruleId: 'rf.x' }]);
    expect(readOxygen('sats 49', def, eng)).toEqual([]);
  });
});

describe('through the statechart', () => {
  it('diverts "my sats are 90" to A&E at once, naming the rule', () => {
    const c = conversation();
    c.say('hello');
    c.say('need.new');
    const reply = c.say('I have covid and my sats are 90');
    expect(reply.result.state).toBe('emergency');
    expect(reply.result.urgency).toBe('emergency');
    expect(reply.result.disposition).toBe('go_to_ae');
    const [effect] = reply.result.effects;
    expect(effect?.request.kind).toBe('emergency-diversion');
    expect(effect?.request.triage.ruleIds).toContain('rf.spo2.low');
  });
});
