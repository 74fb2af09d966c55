import { conversation, content } from '../support/dialog.js';

/**
 * H100: two typed-answer gaps. (1) At the emergency check, "no, nothing like that" in Bengali, Persian
 * and Urdu is a no (never a yes or not sure), as in the other languages. (2) A baby's age in months or
 * weeks ("my 7 month old") is not how long the problem has lasted: the duration markers
 * (statedAge.json durationRules) are read without it; "for 7 months" still counts. Phrasings written
 * for this test, not taken from any set.
 */
const SORE: Record<string, string> = {
  ben: '৩ দিন ধরে গলা ব্যথা', pes: 'سه روز است گلودرد دارم', urd: '3 دن سے گلے میں خراش ہے', eng: 'I have had a sore throat for 3 days',
  spa: 'me duele la garganta desde hace 3 días', cmn: '喉咙痛三天了',
};
const checkAnswer = (lang: string, text: string) => {
  const c = conversation({ lang: lang as never, id: `test:h100-${lang}` });
  c.say('hello');
  c.say('need.new');
  expect(c.say(SORE[lang] as string).result.state).toBe('safetyCheck');
  const state = c.say(text).result.state;
  return { state, answer: (c.stored?.snapshot as { context: { triage: { answers: Record<string, string> } } }).context.triage.answers['q.check.adult'] };
};

describe('H100 the emergency check: nothing like that is a no', () => {
  it.each([
    ['ben', 'না এরকম কিছু না'],
    ['ben', 'এরকম কিছু হয়নি'],
    ['ben', 'এগুলোর কোনোটাই না'],
    ['pes', 'نه همچین چیزی نیست'],
    ['pes', 'همچین چیزی نشده'],
    ['urd', 'ایسا کچھ نہیں ہے'],
    ['eng', 'no, nothing like that'],
    ['spa', 'no, nada de eso'],
    ['cmn', '没有这样的'],
  ])('%s %p', (lang, text) => {
    expect(checkAnswer(lang, text)).toEqual({ state: 'areaPick', answer: 'safety.no' });
  });

  it('keeps a yes and a not sure as they were', () => {
    expect(checkAnswer('ben', 'হ্যাঁ, এরকম কিছু').answer).toBe('safety.yes');
    expect(checkAnswer('pes', 'مطمئن نیستم').answer).toBe('safety.unsure');
  });
});

describe('H100 a young age is not a duration', () => {
  const ids = (text: string, lang: string) => content.triage.screen(text, lang as never).hits.map((h) => h.ruleId);
  const DURATION = ['cx.long_weeks', 'cx.sc.long', 'cx.word.weeks'];
  it.each([
    ['eng', 'my 7 month old has a cold'],
    ['eng', '7-month-old baby with a runny nose'],
    ['eng', 'my 10 week old has a blocked nose'],
    ['spa', 'mi bebé de 7 meses tiene tos'],
    ['fra', 'mon bébé de 7 mois tousse'],
    ['urd', 'میرا 7 مہینے کا بچہ کھانسی کر رہا ہے'],
    ['pes', 'بچه ۷ ماهه ام سرفه میکند'],
  ])('%s %p names no duration', (lang, text) => {
    const hits = ids(text, lang);
    expect(hits).toContain('cx.child');
    expect(hits.filter((id) => DURATION.includes(id))).toEqual([]);
  });

  it.each([
    ['eng', 'cold for 7 months'],
    ['eng', 'my cough has been going 7 months now'],
    ['eng', 'my 7 month old has had a cough for 4 weeks'],
    ['spa', 'tengo tos desde hace meses'],
    ['fra', 'je tousse depuis des mois'],
  ])('%s %p still says how long', (lang, text) => {
    expect(ids(text, lang)).toContain('cx.long_weeks');
  });

  it('keeps a young baby with a fever at least urgent', () => {
    const decide = (text: string) => content.triage.decide({ need: 'need.new', texts: [{ text, lang: 'eng' }], answers: {}, presentRuleIds: [], deniedRuleIds: [] });
    expect(['urgent', 'emergency']).toContain(decide('my 10 week old has a fever of 38.5').tier);
    expect(['urgent', 'emergency']).toContain(decide('my 7 month old has had a high temperature for 5 days').tier);
  });
});
