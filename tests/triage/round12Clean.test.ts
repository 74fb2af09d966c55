/**
 * Round 12 clean-ups (s12-clean, H60): false 999s from a sign read without its context, a denial the
 * engine could not see, or a word that accent folding made into another word; each with the emergency
 * it must keep. The phrases are our own, written from the NHS.uk pages the rules cite, not the opened sets'.
 */
import { content } from '../support/dialog.js';
import { decideText, tierOf } from '../support/triage.js';

/** Rules the text fires by its words alone (combinations, `when`, are not in a screening). */
const fired = (text: string, lang: string): string[] => content.triage.screen(text, lang as never).hits.map((h) => h.ruleId);
/** Rules that set the decision, combinations included. */
const setting = (text: string, lang: string): string[] => decideText(text, lang).ruleIds;

describe('1. white or grey skin is a deep burn only after a burn, a scald or a chemical (NHS.uk Burns and scalds)', () => {
  it.each([
    ['eng', 'the skin between my toes has gone white and it itches, I go swimming a lot'],
    ['ben', 'আঙুলের মাঝে চামড়া সাদা হয়ে গেছে, খুব চুলকায়'],
    ['urd', 'انگلیوں کے بیچ جلد سفید ہو گئی ہے اور خارش ہوتی ہے'],
    ['por', 'entre os dedos dos pés a pele ficou branca e descasca'],
    ['tur', 'ayak parmaklarımın arasında cilt beyazladı ve kaşınıyor'],
  ] as const)('%s: %s is not a burn', (lang, text) => {
    expect(setting(text, lang)).not.toContain('rf.burn.severe');
    expect(tierOf(text, lang)).not.toBe('emergency');
  });
  it.each([
    ['eng', 'I burnt my arm on the iron and the skin has gone white'],
    ['ben', 'গরম পানিতে পুড়েছে, চামড়া সাদা হয়ে গেছে'],
    ['urd', 'گرم پانی سے جلا اور جلد سفید ہو گئی'],
    ['por', 'queimei-me no forno e a pele ficou branca'],
    ['spa', 'le cayó lejía en la pierna y la piel se le puso blanca'],
    ['tur', 'elimi yaktım, cilt beyazladı'],
  ] as const)('%s: %s is still a deep burn (A&E)', (lang, text) => {
    expect(setting(text, lang)).toContain('rf.burn.severe');
    expect(tierOf(text, lang)).toBe('emergency');
  });
});

describe('2. a bare "turned blue" after a knock or a twist is a bruise; blue lips or a blue baby stay 999 (NHS.uk)', () => {
  it.each([
    ['eng', 'I banged my shin on the bed and it went blue, it is bruised'],
    ['por', 'bati com o joelho na mesa e ficou roxo'],
    ['urd', 'گھٹنے پر چوٹ لگی اور نیلا ہو گیا'],
    ['spa', 'me torcí el tobillo y se está poniendo morado'],
  ] as const)('%s: %s is not 999', (lang, text) => {
    expect(setting(text, lang)).not.toContain('rf.breathing.severe');
    expect(tierOf(text, lang)).not.toBe('emergency');
  });
  it.each([
    ['eng', 'my baby went blue'],
    ['eng', 'his lips are blue'],
    ['por', 'o bebé ficou roxo'],
    ['urd', 'بچہ نیلا ہو گیا'],
    ['urd', 'ہونٹ نیلے ہو گئے'],
  ] as const)('%s: %s is still 999', (lang, text) => {
    expect(setting(text, lang)).toContain('rf.breathing.severe');
    expect(tierOf(text, lang)).toBe('emergency');
  });
  it('a fall with no air and turning blue is still 999 (the breathing sign, asked to confirm, counts until answered)', () => {
    expect(tierOf('caiu, está sem ar e ficou roxo', 'por')).toBe('emergency');
  });
});

describe('3. Spanish "no se le hunden" denies ("no se" is also "no sé" once accents fold)', () => {
  it('ribs that do not pull in are denied', () => {
    expect(fired('respira deprisa pero no se le hunden las costillas', 'spa')).not.toContain('rf.breathing.severe');
  });
  it.each([
    'se le hunden las costillas al respirar',
    'no sé si se le hunden las costillas',
  ])('%s is still 999', (text) => {
    expect(fired(text, 'spa')).toContain('rf.breathing.severe');
    expect(tierOf(text, 'spa')).toBe('emergency');
  });
});

describe('4. words that accent folding made into another word', () => {
  it('Romanian "rău" (bad, worse) is not "râu" (a river, a place of risk)', () => {
    expect(fired('de două săptămâni mă simt tot mai rău', 'ron')).not.toContain('cx.mh.place');
    expect(fired('mă gândesc să sar în râu', 'ron')).toContain('cx.mh.place');
  });
  it('Polish "leki" (medicines) is not "lęki" (anxieties)', () => {
    expect(fired('skończyły mi się leki na ciśnienie', 'pol')).not.toContain('cx.mental_health');
    expect(fired('mam stany lękowe od miesiąca', 'pol')).toContain('cx.mental_health');
  });
});

describe('5. a word read without the thing it needs', () => {
  it('a shampoo is minor eye irritation only in the eye', () => {
    expect(fired('I bought a nit shampoo for my son', 'eng')).not.toContain('pf.eye.minor');
    expect(fired('I got shampoo in my eye and it stings', 'eng')).toContain('pf.eye.minor');
  });
  it('a letter is an admin request only when the patient asks for one', () => {
    expect(fired('school sent a letter home saying there is chickenpox in the class', 'eng')).not.toContain('rt.admin');
    expect(fired('I need a letter for work about my back', 'eng')).toContain('rt.admin');
  });
  it('epilepsy, the condition, is not a fit now (Persian); a fit is', () => {
    expect(fired('من صرع دارم و قرص هایم دارد تمام می شود', 'pes')).not.toContain('rf.seizure');
    expect(fired('الان حمله صرع کرده', 'pes')).toContain('rf.seizure');
  });
});

describe('6. a denial after an English sign', () => {
  it('Turkish "yok" after an English sign denies it', () => {
    expect(fired('chest pain yok, sadece öksürük var', 'tur')).not.toContain('rf.chest_pain.now');
  });
});
