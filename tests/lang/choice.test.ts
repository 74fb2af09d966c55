import { parseLanguageChoice } from '../../src/lang/choice.js';
import { BUILTIN_LANGUAGES } from '../../src/lang/builtin.js';

const parse = (text: string) => parseLanguageChoice(text, BUILTIN_LANGUAGES);

describe('parseLanguageChoice', () => {
  test.each([
    ['polski', 'pol'], ['Polish', 'pol'], ['pl', 'pol'], ['ar', 'arb'], ['العربية', 'arb'], ['Cymraeg', 'cym'], ['welsh', 'cym'],
    ['Español', 'spa'], ['espanol', 'spa'], ['Türkçe', 'tur'], ['turkce', 'tur'], ['farsi', 'pes'], ['فارسی', 'pes'], ['اردو', 'urd'],
    ['ਪੰਜਾਬੀ', 'pan'], ['punjabi', 'pan'], ['中文', 'cmn'], ['我要中文', 'cmn'], ['Українська', 'ukr'], ['lietuviu', 'lit'],
    ['polish please', 'pol'], ['in welsh', 'cym'], ['po polsku', 'pol'], ['pa-Guru', 'pan'], ['Chinese (Simplified)', 'cmn'],
  ])('%s → %s', (text, code) => {
    expect(parse(text)).toBe(code);
  });

  test.each(['', 'ok', 'yes', 'english or polish', 'my head hurts and i speak a little english at home', '2', 'german'])('%s → null', (text) => {
    expect(parse(text)).toBeNull();
  });
});
