import { createTypedReader } from '../../../bench/typedAnswers.js';

/**
 * Round 10 fixes (s10-fixes, H51): at "how much does it stop you doing your normal things?", a no
 * followed by words of what it stops is not "not at all", and a preventing word with "nothing"
 * ("ça m'empêche de rien") is not "a lot". Phrases written for these tests, not copied from a set.
 */
const { outcome } = createTypedReader();
const impact = (text: string, lang = 'eng') => outcome({ lang, kind: 'impact', text });

describe('a no and then what it stops', () => {
  it.each([
    ['eng', 'no, I can barely walk', 'impact.lot'],
    ['eng', 'no. i can hardly get out of bed', 'impact.lot'],
    ['eng', 'nope, it stops me sleeping', 'impact.lot'],
    ['eng', 'nah it stops me working', 'impact.lot'],
    ['eng', 'no, not really', 'impact.none'],
    ['eng', 'no, not at all', 'impact.none'],
    ['eng', 'no', 'impact.none'],
    ['eng', 'no thanks', 'impact.none'],
    ['eng', 'I can barely walk', 'impact.lot'],
    ['spa', 'no, no puedo trabajar', 'impact.lot'],
    ['fra', 'non, je peux à peine marcher', 'impact.lot'],
  ])('%s %p is %s', (lang, text, code) => {
    expect(impact(text, lang)).toBe(code);
  });

  // Other words after a no are read with it, as before: "no, I go to work as usual" is not at all.
  it.each([
    ['eng', 'no, I still go to work'],
    ['som', 'maya, shaqada si caadi ah ayaan u tagaa'],
    ['pes', 'hich tasiri nadare'],
  ])('%s %p is not at all', (lang, text) => {
    expect(impact(text, lang)).toBe('impact.none');
  });

  // Where "no" negates the verb after it, the sentence is read whole as before.
  it('Spanish "no me impide trabajar" (it does not stop me working) is not a lot', () => {
    expect(impact('no me impide trabajar', 'spa')).not.toBe('impact.lot');
  });
});

describe('"it stops me from nothing" is not a lot', () => {
  it.each([
    ['fra', "ça m'empêche de rien"],
    ['fra', "ça ne m'empêche de rien"],
  ])('%s %p', (lang, text) => {
    expect(impact(text, lang)).not.toBe('impact.lot');
  });
  it.each([
    ['fra', 'je ne peux rien faire'],
    ['fra', "ça m'empêche de travailler"],
    ['pol', 'nic nie moge robic'],
    ['lit', 'negaliu nieko daryti'],
    ['lit', 'nieko negaliu daryti'],
  ])('%s %p is still a lot', (lang, text) => {
    expect(impact(text, lang)).toBe('impact.lot');
  });
});
