import { createTypedReader, tuningCases, type TypedCase } from '../../bench/typedAnswers.js';

/**
 * Typed answers -> codes, per language and question kind (choices, yes/no with negation, durations,
 * relationships, openings, small talk, and answers that fit two choices), from the tuning table.
 */
const { outcome, read } = createTypedReader();
const cases = tuningCases();
const byLangKind = new Map<string, TypedCase[]>();
for (const c of cases) byLangKind.set(`${c.lang} ${c.kind}`, [...(byLangKind.get(`${c.lang} ${c.kind}`) ?? []), c]);

describe('typed answers in every language', () => {
  it('has a table for all 20 languages and every kind of question', () => {
    const langs = new Set(cases.map((c) => c.lang));
    expect(langs.size).toBe(20);
    for (const lang of langs) {
      for (const kind of ['opening', 'smallTalk', 'yesNo', 'duration', 'trend', 'impact', 'wants', 'who', 'relationship', 'contactMethod', 'contactTimes', 'review', 'need']) {
        expect([lang, kind, byLangKind.get(`${lang} ${kind}`)?.length ?? 0]).not.toEqual([lang, kind, 0]);
      }
    }
  });

  it.each([...byLangKind.entries()])('reads %s', (_name, list) => {
    const same = (a: string, b: string) => a.split('|').sort().join('|') === b.split('|').sort().join('|');
    const wrong = list.filter((c) => !same(outcome(c), c.expect)).map((c) => `${c.text} -> ${outcome(c)} (want ${c.expect})`);
    expect(wrong).toEqual([]);
  });
});

describe('what the reader never takes as an answer', () => {
  it.each(['yes', 'no', 'idk', 'skip', 'J', 'n'])('%p is not a name', (text) => {
    expect(read({ lang: 'eng', kind: 'name', text }).ok).toBe(false);
  });

  it.each([
    ['duration', '😀😀'],
    ['trend', '7'],
    ['yesNo', 'well it started when I was at work and then '.repeat(50).slice(0, 2000)],
    ['impact', 'Привет как дела'],
  ])('gives %s a specific re-prompt for %p, never a crash', (kind, text) => {
    const parsed = read({ lang: 'eng', kind, text });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errorKey).toMatch(/^(understand|dialog\.invalid)\./);
  });

  it('reads a 2,000-character answer to a yes/no question by how it starts', () => {
    expect(read({ lang: 'eng', kind: 'yesNo', text: `no, ${'it was only after I ate and then '.repeat(60)}`.slice(0, 2000) })).toMatchObject({ ok: true, code: 'no' });
  });

  it.each([['tak', 'yes'], ['nie', 'no'], ['evet', 'yes'], ['هیچ', 'no']])('reads %p, typed in another language, as %s when every language agrees', (text, code) => {
    expect(read({ lang: 'eng', kind: 'yesNo', text })).toMatchObject({ ok: true, code });
  });

  it('says which numbers there are when a number is out of range', () => {
    const parsed = read({ lang: 'eng', kind: 'trend', text: '7' });
    expect(parsed).toMatchObject({ ok: false, errorKey: 'understand.outOfRange', params: { count: 3 } });
  });
});
