import { createTypedReader } from '../../../bench/typedAnswers.js';

/**
 * The details steps read wider (impact as a degree or a score out of ten, "when is best?" by the
 * hour or a part of the day ruled out) without turning a real answer into a wrong code.
 */
const { outcome } = createTypedReader();
const at = (kind: string, text: string, lang = 'eng') => outcome({ lang, kind, text });

describe('how much it affects the day', () => {
  it.each([
    ['3/10', 'impact.some'],
    ['0/10', 'impact.none'],
    ['8 out of 10', 'impact.lot'],
    ['10/10', 'impact.lot'],
    ['2', 'impact.some'],
    ['3', 'impact.lot'],
    ['a lot, cant sleep', 'impact.lot'],
    ['it stops me working', 'impact.lot'],
    ['not at all', 'impact.none'],
    ['not much', 'impact.none'],
  ])('%p is %s', (text, code) => {
    expect(at('impact', text)).toBe(code);
  });

  it.each([
    ['spa', 'no puedo trabajar', 'impact.lot'],
    ['por', 'nao consigo dormir', 'impact.lot'],
    ['urd', 'bahut zyada', 'impact.lot'],
    ['tam', 'konjam', 'impact.some'],
    ['arb', 'shway', 'impact.some'],
    ['cmn', '睡不着', 'impact.lot'],
  ])('%s %p is %s', (lang, text, code) => {
    expect(at('impact', text, lang)).toBe(code);
  });

  it.each(['not a lot', 'not very much', 'lot? no'])('%p is never a lot', (text) => {
    expect(at('impact', text)).not.toBe('impact.lot');
  });

  it.each(['10 days', '12/10', '3 or 4 out of 10 maybe more'])('%p is not read as a score', (text) => {
    expect(at('impact', text)).toBe('?');
  });

  // "Can't" and a thing of the day is a lot; being able to do it is not.
  it.each([
    ['eng', 'i can still work'],
    ['eng', 'work is ok'],
    ['eng', 'it doesnt stop me working'],
    ['spa', 'puedo trabajar'],
    ['por', 'consigo trabalhar'],
    ['urd', 'kaam kar sakta hoon'],
  ])('%s %p is never a lot', (lang, text) => {
    expect(at('impact', text, lang)).not.toBe('impact.lot');
  });
});

describe('when is best', () => {
  it.each([
    ['after 2 is best', 'when.afternoon'],
    ['before 11', 'when.morning'],
    ['2pm', 'when.afternoon'],
    ['9am is good', 'when.morning'],
    ['14:00', 'when.afternoon'],
    ['10:30', 'when.morning'],
    ['between 2 and 4', 'when.afternoon'],
    ['in the evening', 'when.afternoon'],
    ['lunchtime', 'when.afternoon'],
    ['whenever', 'when.any'],
    ['doesnt matter', 'when.any'],
    ['any time but mornings', 'when.afternoon'],
    ['anytime except the afternoon', 'when.morning'],
    // A choice's number is its number; a number past the list is an hour.
    ['1', 'when.morning'],
    ['3', 'when.any'],
    ['number 3', 'when.any'],
    ['at 3', 'when.afternoon'],
    ['around 10', 'when.morning'],
    ['early afternoon', 'when.afternoon'],
    ['late morning', 'when.morning'],
    ['11', 'when.morning'],
    ['4', 'when.afternoon'],
  ])('%p is %s', (text, code) => {
    expect(at('contactTimes', text)).toBe(code);
  });

  it.each([
    ['spa', 'despues de las 2', 'when.afternoon'],
    ['spa', 'a las 3', 'when.afternoon'],
    ['fra', 'avant 11h', 'when.morning'],
    ['tur', '11den once', 'when.morning'],
    ['ukr', 'до 11', 'when.morning'],
    ['lit', 'iki 11', 'when.morning'],
    ['urd', '2 ke baad', 'when.afternoon'],
    ['pes', 'بعد از 2', 'when.afternoon'],
    ['arb', 'قبل 11', 'when.morning'],
    ['cmn', '2点以后', 'when.afternoon'],
    ['cmn', '11点前', 'when.morning'],
    ['cmn', '晚上', 'when.afternoon'],
  ])('%s %p is %s', (lang, text, code) => {
    expect(at('contactTimes', text, lang)).toBe(code);
  });

  it.each(['no afternoon', 'not afternoons', 'not after 2', 'not in the afternoon'])('%p is never the afternoon', (text) => {
    expect(at('contactTimes', text)).not.toBe('when.afternoon');
  });

  it.each(['not before 11', 'no mornings', 'not in the morning'])('%p is never the morning', (text) => {
    expect(at('contactTimes', text)).not.toBe('when.morning');
  });

  it.each(['after 10', 'before 4', 'between 10 and 2', 'after 2 or before 11'])('%p spans both parts of the day: asked which', (text) => {
    expect(at('contactTimes', text)).toBe('when.morning|when.afternoon');
  });
});

describe('who it is for, in romanised South Asian writing', () => {
  it.each([
    ['urd', 'mera beta', 'for.other'],
    ['pan', 'meri kudi', 'for.other'],
    ['ben', 'amar chele', 'for.other'],
    ['guj', 'maro dikro', 'for.other'],
    ['tam', 'en magan', 'for.other'],
    ['urd', 'mere liye', 'for.self'],
  ])('%s %p is %s', (lang, text, code) => {
    expect(at('who', text, lang)).toBe(code);
  });
});
