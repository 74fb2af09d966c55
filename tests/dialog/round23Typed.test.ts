import { createTypedReader, tuningCases } from '../../bench/typedAnswers.js';

/**
 * H98: typed answers as patients write them, Gujarati and Somali first (romanised and native script,
 * chat spellings), then a class every language had: Gujarati spelt loosely (nasal marks, long or short
 * i and u: "નહિ" is "નહીં"); Gujarati "can't" in its own word order; yes, no and not sure in words the
 * lists lacked ("hov", "majiro", "maalum nathi", "ma fiirin"); weekday forms ("ગુરુવારથી", "isniintii");
 * being kept in bed is a lot; the person I look after is someone else, never me. Phrasings written for
 * this test, not taken from any set.
 */
const { outcome } = createTypedReader();

const CASES: [lang: string, kind: string, text: string, code: string][] = [
  // Gujarati spelt loosely: the same word with or without its nasal mark, long or short vowel.
  ['guj', 'yesNo', 'નહિ', 'no'],
  ['guj', 'yesNo', 'નહી જી', 'no'],
  ['guj', 'yesNo', 'ના, કંઇ નથી', 'no'],
  ['guj', 'yesNo', 'હાં', 'yes'],
  ['guj', 'safetyCheck', 'નહિ, આમાંથી કંઇ નહિ', 'safety.no'],
  ['guj', 'yesNo', 'hov', 'yes'],
  ['guj', 'yesNo', 'હોવ', 'yes'],
  ['guj', 'yesNo', 'ekdam', 'yes'],
  ['guj', 'yesNo', 'ekdam nahi', 'no'],
  ['guj', 'yesNo', 'ha thay chhe', 'yes'],
  ['guj', 'yesNo', 'na bhai, evu nathi', 'no'],
  ['guj', 'yesNo', 'mane maalum nathi', 'unsure'],
  ['guj', 'yesNo', 'માલુમ નથી', 'unsure'],
  ['guj', 'yesNo', 'mapyu nathi haju', 'unsure'],
  ['guj', 'yesNo', 'ધ્યાન નથી આપ્યું', 'unsure'],
  ['guj', 'yesNo', 'sure nathi hoo', 'unsure'],
  ['guj', 'yesNo', 'hoi sake', 'unsure'],
  ['guj', 'impact', 'કંઈ પણ કરી શકતી નથી', 'impact.lot'],
  ['guj', 'impact', 'kaam kari shakto nathi', 'impact.lot'],
  ['guj', 'impact', 'koi taklif nathi', 'impact.none'],
  ['guj', 'duration', 'ગુરુવારથી', 'duration.days'],
  ['guj', 'duration', 'be varas thi', 'duration.months'],
  ['guj', 'contactMethod', 'jem tamne fave', 'contact.either'],
  ['guj', 'contactTimes', 'kyare pan chale', 'when.any'],
  ['guj', 'trend', 'have thodi rahat che', 'trend.better'],
  ['guj', 'relationship', 'મારા હસબન્ડ', 'rel.partner'],
  // Somali.
  ['som', 'yesNo', 'wuu jiraa', 'yes'],
  ['som', 'yesNo', 'saxan', 'yes'],
  ['som', 'yesNo', 'majiro', 'no'],
  ['som', 'yesNo', 'maleh walaal', 'no'],
  ['som', 'yesNo', 'haba yaraatee', 'no'],
  ['som', 'yesNo', 'ma fiirin', 'unsure'],
  ['som', 'yesNo', 'weli ma cabbirin', 'unsure'],
  ['som', 'safetyCheck', 'majiro waxaas', 'safety.no'],
  ['som', 'duration', 'tan iyo isniintii', 'duration.days'],
  ['som', 'contactMethod', 'waxba farqi ma leh', 'contact.either'],
  ['som', 'contactTimes', 'goor walba', 'when.any'],
  ['som', 'trend', 'wuu soo hagaagayaa', 'trend.better'],
  ['som', 'impact', 'shaqada ima joojiso', 'impact.none'],
  ['som', 'wants', 'rijeeto daawo', 'wants.prescription'],
  ['som', 'relationship', 'cunuggay', 'rel.child'],
  // Kept in bed is a lot, in any language.
  ['eng', 'impact', 'stuck in bed mostly', 'impact.lot'],
  ['spa', 'impact', 'estoy en cama', 'impact.lot'],
  ['fra', 'impact', 'je suis au lit', 'impact.lot'],
  ['pol', 'impact', 'leżę w łóżku', 'impact.lot'],
  ['tur', 'impact', 'yataktan kalkamıyorum', 'impact.lot'],
  ['tam', 'impact', 'எதுவுமே பண்ண முடியல', 'impact.lot'],
  // The one I look after is someone else.
  ['tur', 'who', 'baktığım biri için', 'for.other'],
  ['ben', 'who', 'যার দেখাশোনা করি তার জন্য', 'for.other'],
];

describe('H98 typed answers, Gujarati and Somali first', () => {
  it.each(CASES)('%s %s %p is %s', (lang, kind, text, code) => {
    expect(outcome({ lang, kind, text })).toBe(code);
  });

  it('never reads a not-normal day as no effect, nor some days hard as a lot', () => {
    expect(outcome({ lang: 'som', kind: 'impact', text: 'caadi ma aha' })).not.toBe('impact.none');
    expect(outcome({ lang: 'ita', kind: 'impact', text: 'alcuni giorni è difficile' })).not.toBe('impact.lot');
    expect(outcome({ lang: 'tam', kind: 'impact', text: 'எதுவும் பாதிக்கல' })).toBe('impact.none');
  });

  it('never reads the one I look after as me', () => {
    expect(outcome({ lang: 'tam', kind: 'who', text: 'நான் பார்த்துக்கிற ஒருத்தருக்கு' })).not.toBe('for.self');
    expect(outcome({ lang: 'arb', kind: 'who', text: 'واحد أعتني به' })).not.toBe('for.self');
  });

  it('leaves the tuning table\'s phrasings as they were', () => {
    const same = (a: string, b: string) => a.split('|').sort().join('|') === b.split('|').sort().join('|');
    const wrong = tuningCases()
      .filter((c) => !['opening', 'smallTalk', 'need'].includes(c.kind))
      .filter((c) => !same(outcome(c), c.expect))
      .map((c) => `${c.lang} ${c.kind} ${c.text} -> ${outcome(c)} (want ${c.expect})`);
    expect(wrong).toEqual([]);
  });
});
