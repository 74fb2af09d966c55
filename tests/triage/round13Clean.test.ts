/**
 * Round 13 clean-ups (s13-clean, H63): false 999s from a sign read without its context (a swollen face in
 * pregnancy, one or two extra paracetamol by mistake), a past event read as now, and a Bengali denial not
 * seen; each with the emergency it must keep. The phrases are our own, written from the NHS.uk pages the
 * rules cite (Pre-eclampsia, When to call 999, Paracetamol for adults, Poisoning), not the opened sets'.
 */
import { content } from '../support/dialog.js';
import { decideText, tierOf } from '../support/triage.js';

type Picture = Parameters<typeof content.triage.decide>[0];
/** Rules that set the decision, combinations included. */
const setting = (text: string, lang: string): string[] => decideText(text, lang).ruleIds;
/** The decision after the message and a yes to the general area's 'taken too much of a medicine?'. */
const afterTook = (text: string, lang: string, ageYears?: number) =>
  content.triage.decide({
    need: 'need.new',
    texts: [{ text, lang }],
    answers: { 'q.general.took': 'yes' },
    presentRuleIds: [],
    deniedRuleIds: [],
    ...(ageYears === undefined ? {} : { ageYears }),
  } as Picture);

describe('1. a swollen face in pregnancy is pre-eclampsia (urgent), not anaphylaxis (NHS.uk Pre-eclampsia)', () => {
  it.each([
    ['eng', "I'm 33 weeks pregnant, my face is swelling up and my hands too, and I have a headache"],
    ['cym', "dw i'n feichiog 30 wythnos, mae fy wyneb yn chwyddo a fy nwylo hefyd"],
    ['fra', 'je suis enceinte de 34 semaines, mon visage a gonflé et mes doigts aussi'],
    ['spa', 'estoy embarazada de 35 semanas y se me está hinchando la cara'],
    ['som', 'waan uurka leeyahay, wejiga ayaa bararay iyo gacmaha'],
    ['cmn', '我怀孕32周了，今天脸肿了，手也肿'],
    ['urd', 'میں حاملہ ہوں، چہرہ سوج گیا ہے اور ہاتھ بھی'],
  ] as const)('%s: %s', (lang, text) => {
    expect(setting(text, lang)).not.toContain('rf.anaphylaxis');
    expect(setting(text, lang)).toContain('rf.pregnancy.preeclampsia');
    expect(tierOf(text, lang)).toBe('urgent');
  });
  it.each([
    ['eng', 'my face is swelling up after a wasp sting'],
    ['fra', 'mon visage a gonflé'],
    ['som', 'wejiga ayaa bararay'],
    ['cmn', '他的脸肿了'],
  ] as const)('%s: %s (not pregnant) is still 999', (lang, text) => {
    expect(setting(text, lang)).toContain('rf.anaphylaxis');
    expect(tierOf(text, lang)).toBe('emergency');
  });
  it.each([
    ['eng', "I'm pregnant and my lips are swelling"],
    ['eng', "I'm pregnant, I have an allergy to nuts and my face is swelling up"],
    ['spa', 'estoy embarazada y se me hinchan los labios'],
    ['fra', 'je suis enceinte et mes lèvres gonflent'],
    ['tur', 'hamileyim, dudaklarım şişti'],
  ] as const)('%s: %s (lips, or an allergy word) is still 999 in pregnancy', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
  it.each([
    ['eng', "I'm 35 weeks pregnant, bad headache since yesterday, seeing flashing lights and my face has puffed up"],
    ['cym', "dw i'n feichiog, cur pen ofnadwy, dwi'n gweld golau'n fflachio ac mae fy wyneb yn chwyddo"],
    ['spa', 'estoy embarazada, tengo dolor de cabeza, veo lucecitas y se me está hinchando la cara'],
    ['cmn', '我怀孕了，头很痛，眼前冒金星，脸肿了'],
  ] as const)('%s: the three signs together (headache, flashing lights, a swollen face) in pregnancy are rf.pregnancy.preeclampsia.severe (NICE CKS)', (lang, text) => {
    expect(setting(text, lang)).toContain('rf.pregnancy.preeclampsia.severe');
    expect(tierOf(text, lang)).toBe('emergency');
  });
  it('without the change in sight it stays urgent', () => {
    expect(tierOf("I'm 35 weeks pregnant, bad headache since yesterday and my face has puffed up", 'eng')).toBe('urgent');
  });
  it('"cefalea" (a formal headache word) opens the headache questions in Spanish, Portuguese and Romanian', () => {
    for (const [lang, text] of [['spa', 'tengo una cefalea'], ['por', 'tenho uma cefaleia'], ['ron', 'am o cefalee']] as const) {
      expect(content.triage.screen(text, lang).hits.map((h) => h.ruleId)).toContain('cx.headache');
    }
  });
});

describe('2. one or two extra paracetamol by mistake is not an overdose after a yes to "taken too much?" (NHS.uk Paracetamol for adults)', () => {
  it.each([
    ['eng', 'I accidentally took two extra paracetamol this morning, I feel fine'],
    ['fra', "j'ai pris deux comprimés de paracétamol en trop ce matin"],
    ['cmn', '我忘了已经吃过，又多吃了两片扑热息痛'],
    ['spa', 'me tomé dos paracetamoles de más sin darme cuenta'],
    ['pol', 'wziąłem dwie tabletki paracetamolu za dużo'],
  ] as const)('%s: %s', (lang, text) => {
    expect(afterTook(text, lang).ruleIds).not.toContain('rf.poisoning');
    expect(afterTook(text, lang).tier).not.toBe('emergency');
  });
  it.each([
    ['eng', 'I took my tablets and I think I took too much'],
    ['eng', 'my son accidentally took two extra paracetamol'],
    ['eng', 'I accidentally took two extra of my warfarin tablets'],
    ['fra', "j'ai avalé des médicaments"],
  ] as const)('%s: %s stays A&E', (lang, text) => {
    expect(afterTook(text, lang).ruleIds).toContain('rf.poisoning');
  });
  it('a child (an age under 16) with one or two extra paracetamol stays A&E', () => {
    expect(afterTook('accidentally took two extra paracetamol', 'eng', 8).ruleIds).toContain('rf.poisoning');
  });
  it.each([
    ['eng', 'I took 4 extra paracetamol by mistake'],
    ['eng', 'I accidentally took 3 extra paracetamol tablets, feel fine'],
    ['eng', 'by mistake I took 6 extra paracetamol'],
    ['eng', 'accidentally took 8 extra paracetamol'],
    ['fra', "J'ai pris 4 paracétamol en trop par erreur, je me sens bien"],
    ['spa', 'Tomé 6 paracetamoles de más sin querer'],
    ['cmn', '不小心多吃了六片扑热息痛'],
  ] as const)('%s: %s (three or more extra: more than the NHS.uk "1 or 2 extra") stays A&E and is never self-care', (lang, text) => {
    expect(afterTook(text, lang).ruleIds).toContain('rf.poisoning');
    expect(tierOf(text, lang)).not.toBe('selfcare');
  });
  it('an overdose told in words stays 999 whatever the story', () => {
    expect(tierOf('I took 30 paracetamol on purpose', 'eng')).toBe('emergency');
  });
});

describe('3. a time in the past beside the sign makes it history (strongPast), unless it is happening now', () => {
  it.each([
    ['eng', 'I had a fit 3 weeks ago, I have been fine since, can I drive?'],
    ['cmn', '我三个星期前抽搐过一次，现在没事'],
    ['ita', 'nel 2018 ho tentato il suicidio, ora sto bene'],
    ['cym', "o'n i'n meddwl am ladd fy hun bryd hynny, ond dwi'n well"],
    ['spa', 'tuvo una convulsión hace 3 semanas, desde entonces bien'],
    ['pol', 'miał drgawki 2 tygodnie temu, teraz dobrze'],
    ['tur', '3 hafta önce nöbet geçirdi, şimdi iyi'],
  ] as const)('%s: %s is not 999', (lang, text) => {
    expect(tierOf(text, lang)).not.toBe('emergency');
  });
  it.each([
    ['eng', 'he had a fit 3 weeks ago and he is fitting again now'],
    ['eng', 'she is having a fit now'],
    ['cmn', '他现在正在抽搐'],
  ] as const)('%s: %s is still 999', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
});

describe('4. Bengali "ফোলা না" (not swollen) at the end of a clause is a denial', () => {
  it('sinus pain with no swelling round the eye is not 999', () => {
    const text = 'নাক বন্ধ, কপালে চাপ ব্যথা, চোখের চারপাশ ফোলা না, দেখতে সমস্যা নাই';
    expect(setting(text, 'ben')).not.toContain('rf.sinus.eye');
    expect(tierOf(text, 'ben')).not.toBe('emergency');
  });
  it('a swollen eye with sinus pain is still found', () => {
    expect(setting('নাক বন্ধ, কপালে চাপ ব্যথা, চোখের চারপাশ ফোলা', 'ben')).toContain('rf.sinus.eye');
  });
  it('"শ্বাস নিতে পারছে না" (cannot breathe) is not read as a denial', () => {
    expect(tierOf('শ্বাস নিতে পারছে না', 'ben')).toBe('emergency');
  });
});

describe('5. something blown into the eye and still felt is urgent after a yes to "hit hard or cut, or something stuck?" (NHS.uk Eye injuries)', () => {
  const afterEye = (text: string, lang: string) =>
    content.triage.decide({
      need: 'need.new',
      texts: [{ text, lang }],
      answers: { 'q.eye.injury': 'yes' },
      presentRuleIds: [],
      deniedRuleIds: [],
    } as Picture);
  it.each([
    ['eng', 'something went into my eye in the wind, I washed it but it still feels gritty'],
    ['ron', 'mi-a intrat ceva in ochi, am spalat dar tot simt ceva'],
    ['som', 'ciid ayaa ishayda gashay'],
  ] as const)('%s: %s is urgent, not A&E', (lang, text) => {
    const out = afterEye(text, lang);
    expect(out.ruleIds).not.toContain('rf.eye.injury');
    expect(out.tier).toBe('urgent');
  });
  it.each([
    ['eng', 'my eye hurts'],
    ['eng', 'something went into my eye and then I got poked in it'],
  ] as const)('%s: %s stays A&E', (lang, text) => {
    expect(afterEye(text, lang).ruleIds).toContain('rf.eye.injury');
    expect(afterEye(text, lang).tier).toBe('emergency');
  });
  it('metal in the eye told in words stays A&E without any answer', () => {
    expect(tierOf('grinding and I got metal in my eye', 'eng')).toBe('emergency');
  });
});

describe('6. pain told only as unbearable is severe tummy pain unless a joint or limb is named (NHS.uk Stomach ache, Gout)', () => {
  it.each([
    ['spa', 'el dedo gordo del pie rojo e hinchado, no lo aguanto'],
    ['fra', 'mon genou est gonflé, je ne supporte plus'],
    ['tur', 'ayak bileğim şişti, dayanılmaz ağrı'],
    ['pol', 'kolano spuchnięte, zwijam się z bólu'],
  ] as const)('%s: %s is not severe tummy pain', (lang, text) => {
    expect(setting(text, lang)).not.toContain('rf.abdo.severe');
  });
  it.each([
    ['spa', 'me duele la barriga, no lo aguanto'],
    ['fra', "j'ai mal au ventre, je ne supporte plus"],
    ['tur', 'karnım ağrıyor, ağrıdan kıvranıyorum'],
    ['pol', 'boli mnie brzuch, zwijam się z bólu'],
    ['spa', 'no lo aguanto'],
  ] as const)('%s: %s is still severe tummy pain (A&E)', (lang, text) => {
    expect(setting(text, lang)).toContain('rf.abdo.severe');
    expect(tierOf(text, lang)).toBe('emergency');
  });
  it('a red, swollen joint "ardiendo" with a temperature is urgent (cellulitis), in Spanish as with "caliente"', () => {
    const text = 'el dedo gordo del pie rojo, hinchado y ardiendo, y tengo fiebre de 38,7';
    expect(setting(text, 'spa')).toContain('rf.skin.cellulitis');
    expect(tierOf(text, 'spa')).toBe('urgent');
  });
});

describe('7. French: sawdust "reçu dans l\'œil", still scratching, and "je ne vois plus rien dedans" (nothing left in it) is urgent, not a loss of sight', () => {
  it('is rf.eye.foreign_still, not rf.eye.vision_loss', () => {
    const text = "j'ai reçu de la sciure dans l'oeil, ça gratte toujours. Dans le miroir je ne vois plus rien dedans.";
    expect(setting(text, 'fra')).not.toContain('rf.eye.vision_loss');
    expect(setting(text, 'fra')).toContain('rf.eye.foreign_still');
    expect(tierOf(text, 'fra')).toBe('urgent');
  });
  it("'je ne vois plus rien de l'oeil droit' (I cannot see out of my right eye) is still A&E", () => {
    expect(tierOf("je ne vois plus rien de l'oeil droit", 'fra')).toBe('emergency');
  });
});
