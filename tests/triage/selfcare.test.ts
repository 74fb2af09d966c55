/**
 * Self-care recognised for the common Pharmacy First and "a pharmacist can help" conditions (issue 15
 * item 4, round 7), without losing what must not go to the pharmacy: the red flags told with them win,
 * and the Pharmacy First age limits send a child or an older woman to the GP. Engine only; the
 * statechart runs are in `npm run bench:triage` (tuning file round7-selfcare.json).
 */
import { tierOf } from '../support/triage.js';


describe('self-care: lay names and descriptions in several languages', () => {
  it.each([
    ['eng', 'my nose is blocked and my face hurts round my cheeks'],
    ['eng', 'little red bumps that itch after the garden, think something bit me'],
    ['eng', 'baby is teething and grumpy'],
    ['eng', 'nappy rash on my babys bum'],
    ['eng', 'dandruff, flaky itchy scalp'],
    ['eng', 'rolled my ankle playing football'],
    ['eng', 'bit of a tummy bug, loose stools since last night'],
    ['ron', 'am nasul înfundat și mă doare fața'],
    ['pan', 'ਮੇਰਾ ਗਲਾ ਖਰਾਬ ਹੈ ਤਿੰਨ ਦਿਨਾਂ ਤੋਂ'],
    ['cmn', '小便的时候有灼烧感'],
    ['cmn', '孩子头上有虱子'],
    ['lit', 'vaikas turi utėlių'],
    ['ukr', 'пече, коли сцю'],
    ['spa', 'mi bebe tiene el culito irritado por el pañal'],
    ['tur', 'bebeğimde pişik var'],
    ['pes', 'زگیل روی دستم درآمده'],
  ])('%s: %s', (lang, text) => {
    expect(tierOf(text, lang)).toBe('selfcare');
  });

  it('asking whether the chemist can help is self-care, unless the chemist has not helped', () => {
    expect(tierOf('can i get something from the chemist for it')).toBe('selfcare');
    expect(tierOf('got cream from the chemist for the rash but it didnt help')).toBe('routine');
    expect(tierOf('the chemist said i need to see a doctor')).toBe('routine');
  });
});

describe('self-care: the red flags told with these conditions still win', () => {
  it.each([
    ['eng', 'sore throat and now im drooling and cannot swallow at all'],
    ['cym', 'dolur gwddf ac yn glafoerio, methu llyncu o gwbl'],
    ['ron', 'mă doare gâtul, îmi curg balele și nu pot înghiți deloc'],
    ['por', 'dor de garganta, estou babando e não consigo engolir'],
    ['ita', 'mal di gola, sbavo e non riesco a deglutire'],
    ['ukr', 'болить горло, тече слина і не можу ковтати'],
    ['eng', 'sinus pain and now my eye is swollen and red'],
  ])('999 or A&E: %s: %s', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });

  it.each([
    ['eng', 'burning when i wee and i have a high temperature and pain in my back'],
    ['pol', 'piecze przy sikaniu, mam gorączkę i boli mnie w krzyżu'],
    ['eng', 'shingles rash is going near my eye'],
    ['eng', 'my husband has burning when he pees'],
    ['eng', 'wasp stung me and now i have a high temperature'],
  ])('urgent: %s: %s', (lang, text) => {
    expect(tierOf(text, lang)).toBe('urgent');
  });

  it('a teething baby who dribbles is not the 999 drooling sign', () => {
    expect(tierOf('toddler is dribbling loads and chewing everything, new tooth coming')).toBe('selfcare');
  });

  it('a sore throat that makes swallowing hard stays with the pharmacy (only drooling or not even water is 999)', () => {
    expect(tierOf("sore throat and I can't swallow properly")).toBe('selfcare');
  });
});

describe('self-care: outside the Pharmacy First ages it is the GP', () => {
  it.each([
    ['my son has a sore throat', 3, 'routine'],
    ['my son has a sore throat', 8, 'selfcare'],
    ['sinusitis, blocked sinuses', 10, 'routine'],
    ['impetigo round her mouth', 0.5, 'routine'],
    ['burning when i wee', 70, 'urgent'],
    ['burning when i wee', 40, 'selfcare'],
  ] as const)('%s (age %s): %s', (text, age, tier) => {
    expect(tierOf(text, 'eng', age)).toBe(tier);
  });
});
