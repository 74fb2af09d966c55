/**
 * Round 23b (s23b-q, hazard H101): a false 999 from Spanish "it is not bleeding any more". The heavy-bleeding rule
 * (rf.bleeding.heavy, NHS.uk Cuts and grazes and When to call 999: bleeding that will not stop) lists "no para de
 * sangrar"; "para" and "ya" are Spanish filler words, so "ya no sangra" (it no longer bleeds) read as the same phrase
 * and diverted to 999 with no question. The Spanish lexicon's not-now list now names bleeding that has stopped
 * ("ya no sangra", "dejó de sangrar" …): the reading becomes uncertain and the dialog asks its confirm question
 * instead of diverting. Bleeding that will not stop still diverts at once. The same "no longer bleeding" picture
 * was checked in the 19 other languages: none read it as heavy bleeding.
 * Phrasings written for this test, not copied from any evaluation set.
 */
import { content } from '../support/dialog.js';

type Lang = Parameters<typeof content.triage.screen>[1];

const bleeding = (text: string, lang: string) => content.triage.screen(text, lang as Lang).hits.find((h) => h.ruleId === 'rf.bleeding.heavy');

/** Bleeding that has stopped: never a clear heavy-bleeding reading (at most a question). */
const STOPPED: Record<string, string[]> = {
  spa: [
    'Me di con la puerta en la cara. Ya no sangra, pero me duele.',
    'Mi hija se cayó del columpio y se hizo una herida en la rodilla; ya no le sangra.',
    'Me corté pelando patatas y ya no estoy sangrando.',
    'El corte ya dejó de sangrar, ¿necesito puntos?',
  ],
  eng: ['I banged my nose on a cupboard door. It is not bleeding any more.'],
  por: ['Bati com o nariz na porta. Já não sangra.'],
  ita: ['Ho sbattuto il naso contro la porta. Non sanguina più.'],
  fra: ['Je me suis cogné le nez contre la porte. Ça ne saigne plus.'],
  ron: ['M-am lovit la nas de ușă. Nu mai sângerează.'],
  pol: ['Uderzyłam się nosem o drzwi. Już nie krwawi.'],
  lit: ['Susitrenkiau nosį į duris. Jau nebekraujuoja.'],
  tur: ['Burnumu kapıya çarptım. Artık kanamıyor.'],
  arb: ['ضربت أنفي بالباب. ما عاد ينزف.'],
  pes: ['بینی‌ام خورد به در. دیگه خون نمیاد.'],
  urd: ['ناک دروازے سے ٹکرا گئی۔ اب خون نہیں نکل رہا۔'],
  pan: ['ਨੱਕ ਦਰਵਾਜ਼ੇ ਨਾਲ ਵੱਜਿਆ। ਹੁਣ ਖ਼ੂਨ ਨਹੀਂ ਵਗ ਰਿਹਾ।'],
  ben: ['নাকটা দরজায় লেগেছিল। এখন আর রক্ত পড়ছে না।'],
  guj: ['નાક દરવાજા સાથે અથડાયું. હવે લોહી નથી નીકળતું.'],
  tam: ['மூக்கு கதவுல இடிச்சிடுச்சு. இப்போ ரத்தம் வரவில்லை.'],
  cmn: ['鼻子撞到门上了，现在已经不流血了。'],
  som: ['Sankayga ayaa albaabka ku dhacay. Hadda dhiig kama imanayo.'],
  cym: ["Mi wnes i daro fy nhrwyn ar y drws. Dydy o ddim yn gwaedu bellach."],
};

/** Bleeding that will not stop: still a clear 999 reading. */
const NOT_STOPPING: [string, string][] = [
  ['spa', 'Me corté la mano con un cristal y no para de sangrar.'],
  ['spa', 'Se cortó el brazo y la sangre no para.'],
  ['spa', 'Ya no puedo parar la sangre de la herida.'],
  ['spa', 'Me he cortado y sangra mucho, ya he perdido mucha sangre.'],
];

describe('round 23b (H101): bleeding that has stopped is not heavy bleeding', () => {
  it.each(Object.entries(STOPPED).flatMap(([lang, texts]) => texts.map((t) => [lang, t] as const)))(
    '%s: no clear heavy-bleeding reading: %s',
    (lang, text) => {
      expect(bleeding(text, lang)?.certainty ?? 'none').not.toBe('clear');
    },
  );

  it('Spanish "ya no sangra" becomes a question, not a diversion', () => {
    const hit = bleeding('Me golpeé la nariz ayer. Ya no sangra.', 'spa');
    expect(hit?.certainty).toBe('uncertain');
    expect(hit?.confirmQuestionId).toBeDefined();
  });

  it.each(NOT_STOPPING)('%s: bleeding that will not stop still diverts: %s', (lang, text) => {
    expect(bleeding(text, lang)?.certainty).toBe('clear');
  });
});
