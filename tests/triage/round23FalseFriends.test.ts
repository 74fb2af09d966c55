import { firedWithPrefix, itHasWordsInEveryLanguage, itRaisesNothingFromOneMarker, itReadsEachPhrase, loadRules, type PhraseCase } from '../support/markerRules.js';

/**
 * Round 23 (helper "s23b-fp", hazard H99): two needless-999 patterns. (1) The verb "it stings" (a mouth ulcer, a sore
 * mouth) is no insect sting: rf.k19a.sting_mouth needs a sting by an insect, a bee or a wasp, or "got stung" (NHS.uk
 * Insect bites and stings). (2) An arm that cannot be lifted for weeks, months or years, or after a shoulder injury
 * or with a frozen shoulder, is no stroke (NHS.uk Stroke: the symptoms start suddenly): cx.ff23.arm_longstanding
 * cancels rf.stroke.fast in its part of the clause; a sudden start still raises it. Phrases in patients' voices.
 */
const markers = loadRules('false_friends_round23.json');
const sting = firedWithPrefix('rf.k19a.sting_mouth');
const stroke = firedWithPrefix('rf.stroke.');

const STING: PhraseCase[] = [
  ['eng', '', 30, 'I have an ulcer in my mouth and it stings when I eat'],
  ['eng', '', 30, 'sore spot on my tongue, stinging pain with hot food'],
  ['fra', '', 30, "j'ai un aphte dans la bouche et ça pique quand je mange"],
  ['spa', '', 30, 'tengo una llaga en la boca y me pica cuando como'],
  ['por', '', 30, 'tenho uma afta na boca e pica quando como'],
  ['ron', '', 30, 'am o aftă în gură și mă înțeapă când mănânc'],
  ['tur', '', 30, 'ağzımın içi yara oldu, yemek yerken sokuyor gibi acıyor'],
  ['arb', '', 30, 'عندي قرحة في فمه ويحس بلسعة عند الأكل'],
  ['cmn', '', 30, '嘴里长了溃疡，吃东西蜇得疼'],
  ['guj', '', 30, 'મોઢામાં ચાંદું પડ્યું છે અને ખાતી વખતે ડંખે છે'],
  ['fra', 'rf.k19a.sting_mouth', 30, "il s'est fait piquer dans la bouche"],
  ['arb', 'rf.k19a.sting_mouth', 8, 'لسعته نحلة في فمه'],
  ['cmn', 'rf.k19a.sting_mouth', 8, '他被蜜蜂蜇了，在嘴里'],
  ['eng', 'rf.k19a.sting_mouth', 8, 'a bee stung him in his mouth and his lip is swelling'],
  ['eng', 'rf.k19a.sting_mouth', 30, 'I got stung in my throat by something in my drink'],
  ['eng', 'rf.k19a.sting_mouth', 30, 'a wasp got me on my tongue'],
  ['fra', 'rf.k19a.sting_mouth', 6, "une abeille l'a piqué dans la gorge"],
  ['spa', 'rf.k19a.sting_mouth', 6, 'una avispa le picó en la boca'],
];

const STROKE: PhraseCase[] = [
  ['eng', '', 55, 'I cant lift my arm above my head for months now'],
  ['eng', '', 55, 'for the past few months I cant lift my arm above my head'],
  ['eng', '', 55, 'frozen shoulder so I cant lift my arm'],
  ['urd', '', 55, 'کئی مہینوں سے بازو نہیں اٹھا سکتا'],
  ['ukr', '', 55, 'вже кілька місяців не можу підняти руку'],
  ['pol', 'rf.stroke.fast', 70, 'bark sztywny od miesięcy, ale nagle opadła twarz'],
  ['urd', 'rf.stroke.fast', 70, 'اچانک بازو نہیں اٹھا سکتا'],
  ['eng', '', 55, 'since my shoulder injury I cant lift my arm'],
  ['fra', '', 55, "je ne peux pas lever le bras depuis des mois"],
  ['spa', '', 55, 'no puedo levantar el brazo desde hace meses'],
  ['pol', '', 55, 'nie mogę podnieść ręki od kilku miesięcy'],
  ['tur', '', 55, 'aylardır kolumu kaldıramıyorum'],
  ['eng', 'rf.stroke.fast', 70, 'he suddenly cant lift his arm and his face has dropped'],
  ['eng', 'rf.stroke.fast', 70, 'this morning I cant lift my arm'],
  ['ita', 'rf.stroke.fast', 78, 'mio padre ha 78 anni da dieci minuti ha la bocca storta'],
  ['ron', 'rf.stroke.fast', 75, 'are 75 de ani si nu poate ridica mana, gura stramba'],
  ['eng', 'rf.stroke.fast', 70, 'my shoulder has been stiff for months but just now I cant lift my arm and my face drooped'],
  ['fra', 'rf.stroke.fast', 70, "tout à coup je ne peux pas lever le bras"],
];

describe('round 23 false friends: the long-standing marker has words in all 20 languages and raises nothing alone (H99)', () => {
  itHasWordsInEveryLanguage(markers);
  itRaisesNothingFromOneMarker('the marker alone raises no rule', markers, firedWithPrefix(''));
});

describe('round 23 false friends: "it stings" is no insect sting in the mouth (H99)', () => {
  itReadsEachPhrase(STING, sting);
});

describe('round 23 false friends: an arm not lifted for months is no stroke, a sudden one is (H99)', () => {
  itReadsEachPhrase(STROKE, stroke);
});
