/**
 * Round 10 fixes (s10-fixes, H51): small wrong readings the round 10 helpers found and left, each
 * with the reading it must keep. The phrases are our own, not the opened sets' sentences.
 */
import { createLanguagePolicy } from '../../src/dialog/languagePolicy.js';
import { allLanguages, content } from '../support/dialog.js';
import { decideText, tierOf } from '../support/triage.js';

const engine = content.triage;
const policy = createLanguagePolicy(content.languages, allLanguages);
/** Decided as the dialog does: the text in the language it was written in (English is read too). */
const decided = decideText;
/** The rules that fire on the text alone and those the combinations add when deciding. */
const fired = (text: string, lang: string): string[] => [
  ...engine.screen(text, policy.screeningLanguages(text, lang)).hits.map((h) => h.ruleId),
  ...decided(text, lang).ruleIds,
];

describe('1. a quiet baby is a reduced-movements emergency with a pregnancy, and (kept on purpose) without one', () => {
  // The bare 'baby has been quiet' triggers were removed by s10-fixes and put back by the lead: without them a
  // reduced-movements emergency told by a relative on the seventh blind set was missed (H51). A quiet born baby
  // still goes to 999 through them: a needless 999 kept over a missed stillbirth warning, stated here so it is seen.
  it.each([
    ['eng', 'my baby is very quiet today, she is 4 months old'],
    ['arb', 'ابني عمره ٤ شهور البيبي ساكت اليوم'],
  ] as const)('%s: %s still fires rf.pregnancy.movements (known over-triage, H51)', (lang, text) => {
    expect(fired(text, lang)).toContain('rf.pregnancy.movements');
  });
  it.each([
    ['eng', 'I am 32 weeks pregnant and the baby has been quiet all day'],
    ['eng', "the baby is quieter than usual, I'm 30 weeks pregnant"],
    ['arb', 'أنا حامل في الشهر الثامن والبيبي ساكت اليوم'],
    ['arb', 'أنا حامل والبيبي هادي مرة'],
  ] as const)('%s: %s still diverts', (lang, text) => {
    expect(fired(text, lang)).toContain('rf.pregnancy.movements');
    expect(tierOf(text, lang)).toBe('emergency');
  });
});

describe('2. Somali foam on its own is not a seizure; told with a fit it still is', () => {
  it.each([
    ['som', 'xumbo ayaa afka ka soo baxaysa'],
    ['som', 'gacanta xumbo yar ayaa ka soo baxday'],
    ['som', 'saabuunta xumbo badan bay leedahay'],
  ] as const)('%s: %s does not fire rf.seizure', (lang, text) => {
    expect(fired(text, lang)).not.toContain('rf.seizure');
    expect(tierOf(text, lang)).not.toBe('emergency');
  });
  it.each([
    ['som', 'wiilkayga wuu qallalay, xumbo afka ka timid'],
    ['som', 'jidhkiisa oo dhan wuu gariirayaa oo xumbo afka ka timid'],
    ['som', 'qallal ayaa ku dhacay xumbo ayaa afka ka timid'],
  ] as const)('%s: %s still fires rf.seizure', (lang, text) => {
    expect(fired(text, lang)).toContain('rf.seizure');
    expect(tierOf(text, lang)).toBe('emergency');
  });
});

describe('3. French taste (goût) and drops (gouttes) are not gout', () => {
  it.each([
    ['fra', "je n'ai plus de goût ni d'odeur depuis trois jours"],
    ['fra', "la nourriture n'a plus de gout"],
    ['fra', 'le médecin m\'a donné des gouttes pour les oreilles'],
    ['fra', 'une goutte de sang sur le mouchoir ce matin'],
  ] as const)('%s: %s does not raise cx.joint', (lang, text) => {
    expect(decided(text, lang).ruleIds).not.toContain('cx.joint');
  });
  it.each([
    ['fra', "j'ai une crise de goutte depuis hier"],
    ['fra', 'la goutte au gros orteil me reprend, il est rouge et chaud'],
    ['eng', 'I think my gout is back, my big toe is agony'],
  ] as const)('%s: %s still raises cx.joint', (lang, text) => {
    // Read as a joint problem; a red or hot joint is now urgent (rf.nhs.hot_joint, round 15), which names
    // only the rule that set the tier, so the joint is looked for among every rule that fired.
    expect(fired(text, lang)).toContain('cx.joint');
  });
});

describe('4. Persian heartburn (سوزش سینه) is indigestion unless chest-pain signs are told', () => {
  it.each([
    ['pes', 'بعد از غذا سوزش سینه دارم'],
    ['pes', 'شبها که دراز میکشم سوزش سینه میگیرم'],
  ] as const)('%s: %s is not chest pain', (lang, text) => {
    const d = decided(text, lang);
    expect(d.ruleIds).not.toContain('cx.chest_pain');
    expect(d.tier).toBe('selfcare');
    expect(d.ruleIds).toContain('pf.indigestion');
  });
  it.each([
    ['pes', 'سوزش سینه دارم و درد به دست چپم میره'],
    ['pes', 'سوزش سینه دارم و عرق سرد کردم'],
    ['eng', 'my chest is burning and the ache goes into my left arm'],
    ['eng', 'burning feeling in my chest and I am sweating buckets'],
  ] as const)('%s: %s with a spread or sweating is the chest-pain combination', (lang, text) => {
    expect(decided(text, lang).ruleIds).toContain('rf.chest_pain.combo');
    expect(tierOf(text, lang)).toBe('emergency');
  });
  it('Persian chest pain by its own words is still chest pain', () => {
    expect(decided('از صبح درد قفسه سینه دارم', 'pes').ruleIds).toContain('cx.chest_pain');
  });
});

describe('5. English "burning" (a feeling) is not a burn', () => {
  // The burn rules and the past-burn marker (place words such as cx.word.burn_place are not burns).
  const burnRules = (ids: readonly string[]) => ids.filter((id) => /^(cx\.burn|rf\.burn\.|pf\.burn\.|cx\.sc\.burnt)/.test(id));
  it.each([
    ['eng', 'my eyes are burning and watering'],
    ['eng', 'a burning pain in the sole of my foot'],
    ['eng', 'burning on my hand after chopping chillies'],
    ['eng', 'burning when I pee and I need to go all the time'],
    ['eng', 'my pee burns and smells strong'],
    ['eng', 'blisters on my heel from new boots and they are burning'],
  ] as const)('%s: %s raises no burn rule', (lang, text) => {
    expect(burnRules(fired(text, lang))).toEqual([]);
    expect(tierOf(text, lang)).not.toBe('emergency');
  });
  it.each([
    ['eng', 'I burnt my finger on the pan this morning', 'cx.burn'],
    ['eng', 'I burned my arm on the kettle', 'cx.burn'],
    ['eng', 'she has a burn on her leg from the iron', 'cx.burn'],
  ] as const)('%s: %s is still a burn', (lang, text, id) => {
    expect(fired(text, lang)).toContain(id);
  });
});

describe('6. "no fever either" in Punjabi, Urdu, Gujarati and Bengali is a denial', () => {
  it.each([
    ['pan', 'ਖੰਘ ਹੈ, ਬੁਖ਼ਾਰ ਵੀ ਨਹੀਂ'],
    ['pan', 'ਬੁਖ਼ਾਰ ਨਹੀਂ, ਬਸ ਗਲ਼ਾ ਖ਼ਰਾਬ'],
    ['pan', 'gala kharab hai, bukhar vi nahi'],
    ['urd', 'گلا خراب ہے، بخار بھی نہیں'],
    ['urd', 'gala kharab hai, bukhar bhi nahi'],
    ['guj', 'ગળું દુખે છે, તાવ પણ નથી'],
    ['ben', 'গলা ব্যথা, জ্বরও নাই'],
  ] as const)('%s: %s raises no fever', (lang, text) => {
    expect(fired(text, lang)).not.toContain('cx.fever');
  });
  it.each([
    // The negation belongs to the verb after it (the fever will not come down), so it is not denied.
    ['pan', 'ਬੁਖ਼ਾਰ ਵੀ ਨਹੀਂ ਉਤਰ ਰਿਹਾ', 'cx.fever'],
    ['urd', 'بخار بھی نہیں اتر رہا', 'cx.fever'],
    ['pan', 'ਖੰਘ ਹੈ ਤੇ ਬੁਖ਼ਾਰ ਵੀ ਹੈ', 'cx.fever'],
  ] as const)('%s: %s still raises %s', (lang, text, id) => {
    expect(fired(text, lang)).toContain(id);
  });
});

describe('follow-ups found on the opened sets and tuning', () => {
  // Somali "qallalay" (had a fit, fix 2) is never a one-letter typo of "tallaalay" (was vaccinated)
  // or "qalalan" (dry): lexicon notTypos.
  it.each([
    ['som', 'Ilmahaygu waa 5 bilood, shalay ayaa la tallaalay, wuu yara kulul yahay'],
    ['som', 'xafaayadaha waa qalalan yihiin maanta'],
  ] as const)('%s: %s is not a seizure', (lang, text) => {
    expect(fired(text, lang)).not.toContain('rf.seizure');
  });
  // Bengali "ফুলে আছে" (is swollen, fix 6 exposed it when "নাই" began to deny): a swollen calf is DVT.
  it('Bengali: a calf that is swollen, told with breathlessness denied, is still urgent (DVT)', () => {
    const text = 'তিন দিন ধরে বাঁ পায়ের ডিম ফুলে আছে আর টনটন করছে, শ্বাসকষ্ট নাই';
    expect(decided(text, 'ben').ruleIds).toContain('rf.dvt');
    expect(tierOf(text, 'ben')).toBe('urgent');
  });
});

describe('Bengali blood "in" the phlegm (fix 6 exposed it: chest pain denied by "নাই" had carried the case)', () => {
  it('is urgent with the chest pain denied', () => {
    expect(tierOf('তিন দিন ধরে কাশি, কফের ভেতরে রক্তের দাগ দেখছি, বুকে ব্যথা নাই', 'ben')).toBe('urgent');
  });
});
