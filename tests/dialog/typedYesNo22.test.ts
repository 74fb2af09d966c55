import { createTypedReader, tuningCases } from '../../bench/typedAnswers.js';

/**
 * H92: yes, no and not sure typed as patients write them, in all 20 languages: "I have no idea",
 * "can't tell", "who knows" (with a negator in them too) read as not sure, never as no (a no lowers
 * the tier; not sure counts as yes); romanised and chat spellings ("bu shi", "ma3rif", "khbr nai",
 * "tk", "nw", "sla", "tp"); negated agreement ("mish sa7", "non c'est pas le cas", "yok öyle bi şey")
 * and short colloquial answers ("та", "হ", "ம்", "hn"). Phrasings written for this test.
 */
const { outcome } = createTypedReader();

const CASES: [lang: string, kind: string, text: string, code: string][] = [
  ["eng", "yesNo", "hard to know really", "unsure"],
  ["eng", "yesNo", "i dont no", "unsure"],
  ["eng", "yesNo", "havent got a clue", "unsure"],
  ["eng", "yesNo", "difficult to say tbh", "unsure"],
  ["arb", "yesNo", "والله ما عندي فكرة", "unsure"],
  ["arb", "yesNo", "ماعندي أي فكرة", "unsure"],
  ["arb", "yesNo", "ما عندي علم", "unsure"],
  ["arb", "yesNo", "msh 3arfa", "unsure"],
  ["arb", "yesNo", "ma3rfsh", "unsure"],
  ["arb", "yesNo", "ymkn", "unsure"],
  ["arb", "yesNo", "mish sa7", "no"],
  ["arb", "yesNo", "لا مش صحيح", "no"],
  ["arb", "yesNo", "aywah", "yes"],
  ["ben", "yesNo", "আমার কোন ধারণা নাই", "unsure"],
  ["ben", "yesNo", "বুঝতে পারতেছি না", "unsure"],
  ["ben", "yesNo", "ki jani", "unsure"],
  ["ben", "yesNo", "bujhtesi na", "unsure"],
  ["ben", "yesNo", "হ", "yes"],
  ["ben", "yesNo", "নাই", "no"],
  ["cmn", "yesNo", "bù quèdìng", "unsure"],
  ["cmn", "yesNo", "shuo bu hao", "unsure"],
  ["cmn", "yesNo", "bzd", "unsure"],
  ["cmn", "yesNo", "天知道", "unsure"],
  ["cmn", "yesNo", "心里没把握", "unsure"],
  ["cmn", "yesNo", "bú duì", "no"],
  ["cmn", "yesNo", "meiyou de", "no"],
  ["cmn", "yesNo", "buyao", "no"],
  ["cmn", "yesNo", "shì de", "yes"],
  ["cmn", "yesNo", "dui a", "yes"],
  ["cmn", "safetyCheck", "youde", "safety.yes"],
  ["cym", "yesNo", "dim clem", "unsure"],
  ["cym", "yesNo", "does gen i ddim clem sori", "unsure"],
  ["cym", "yesNo", "pwy a wyr", "unsure"],
  ["cym", "yesNo", "ella", "unsure"],
  ["fra", "yesNo", "jsp trop", "unsure"],
  ["fra", "yesNo", "j'hesite un peu", "unsure"],
  ["fra", "yesNo", "je saurais pas dire", "unsure"],
  ["fra", "yesNo", "qui sait", "unsure"],
  ["fra", "yesNo", "non ce n'est pas le cas", "no"],
  ["fra", "yesNo", "ouéé", "yes"],
  ["guj", "yesNo", "mane kai khabar nathi", "unsure"],
  ["guj", "yesNo", "kone khabar", "unsure"],
  ["guj", "yesNo", "કહેવું મુશ્કેલ છે", "unsure"],
  ["guj", "yesNo", "khbr nathi", "unsure"],
  ["guj", "yesNo", "હા હો", "yes"],
  ["ita", "yesNo", "non si sa", "unsure"],
  ["ita", "yesNo", "boh non so", "unsure"],
  ["ita", "yesNo", "non si capisce bene", "unsure"],
  ["ita", "yesNo", "no non si è gonfiato", "no"],
  ["ita", "safetyCheck", "sì ne ho una", "safety.yes"],
  ["ita", "safetyCheck", "no, non ne ho", "safety.no"],
  ["ita", "safetyCheck", "no è tutto ok", "safety.no"],
  ["lit", "yesNo", "nė nenutuokiu", "unsure"],
  ["lit", "yesNo", "kas žino", "unsure"],
  ["lit", "yesNo", "sunku atsakyti", "unsure"],
  ["lit", "yesNo", "tp tp", "yes"],
  ["lit", "yesNo", "nepasikeitė", "no"],
  ["pan", "yesNo", "ਕੀ ਪਤਾ", "unsure"],
  ["pan", "yesNo", "pata nai", "unsure"],
  ["pan", "yesNo", "ho sakda hai", "unsure"],
  ["pan", "yesNo", "ਪਤਾ ਨੀ ਜੀ", "unsure"],
  ["pan", "safetyCheck", "haa, saah nahi aunda", "safety.yes"],
  ["pes", "yesNo", "هیچ خبری ندارم", "unsure"],
  ["pes", "yesNo", "چه میدونم", "unsure"],
  ["pes", "yesNo", "اطلاعی ندارم", "unsure"],
  ["pes", "yesNo", "یکم شک دارم", "unsure"],
  ["pes", "yesNo", "nemidonam", "unsure"],
  ["pes", "yesNo", "نه نمیخوام", "no"],
  ["pes", "yesNo", "بعله", "yes"],
  ["pol", "yesNo", "nie wiadomo", "unsure"],
  ["pol", "yesNo", "ciężko mi powiedzieć", "unsure"],
  ["pol", "yesNo", "kto wie", "unsure"],
  ["pol", "yesNo", "nw szczerze", "unsure"],
  ["pol", "yesNo", "dokładnie tak", "yes"],
  ["pol", "yesNo", "tk tk", "yes"],
  ["pol", "yesNo", "ni ni", "no"],
  ["por", "yesNo", "nem sei", "unsure"],
  ["por", "yesNo", "sei la viu", "unsure"],
  ["por", "yesNo", "quem sabe", "unsure"],
  ["por", "yesNo", "pode ser que sim", "unsure"],
  ["por", "yesNo", "não, nem um pouquinho", "no"],
  ["por", "safetyCheck", "sim, dor na barriga", "safety.yes"],
  ["ron", "yesNo", "cine știe", "unsure"],
  ["ron", "yesNo", "nu-mi dau seama", "unsure"],
  ["ron", "yesNo", "habar n-am", "unsure"],
  ["ron", "safetyCheck", "da, nu poate respira bine", "safety.yes"],
  ["som", "yesNo", "ma ogi walaal", "unsure"],
  ["som", "yesNo", "fikrad uma haysto", "unsure"],
  ["som", "yesNo", "alle ayaa og", "unsure"],
  ["som", "yesNo", "aan hubin", "unsure"],
  ["som", "yesNo", "hubaal maaha", "unsure"],
  ["som", "yesNo", "haaw", "yes"],
  ["som", "safetyCheck", "haa mid ka mid ah", "safety.yes"],
  ["spa", "yesNo", "ns la verdad", "unsure"],
  ["spa", "yesNo", "quién sabe", "unsure"],
  ["spa", "yesNo", "no tengo ni idea", "unsure"],
  ["spa", "yesNo", "sepa", "unsure"],
  ["spa", "yesNo", "así es, sí", "yes"],
  ["tam", "yesNo", "theriyale", "unsure"],
  ["tam", "yesNo", "oru vela irukkalam", "unsure"],
  ["tam", "yesNo", "யாருக்குத் தெரியும்", "unsure"],
  ["tam", "yesNo", "idea illai", "unsure"],
  ["tam", "yesNo", "puriyala", "unsure"],
  ["tam", "yesNo", "ம்", "yes"],
  ["tam", "yesNo", "konjam kuda illa", "no"],
  ["tur", "yesNo", "hiçbir fikrim yok", "unsure"],
  ["tur", "yesNo", "haberim yok", "unsure"],
  ["tur", "yesNo", "ne bileyim", "unsure"],
  ["tur", "yesNo", "bilmiyom ki", "unsure"],
  ["tur", "yesNo", "kestiremiyorum", "unsure"],
  ["tur", "yesNo", "yo yo", "no"],
  ["tur", "yesNo", "öyle değil", "no"],
  ["tur", "safetyCheck", "yok öyle bi şey", "safety.no"],
  ["ukr", "yesNo", "не маю уявлення", "unsure"],
  ["ukr", "yesNo", "бог його знає", "unsure"],
  ["ukr", "yesNo", "незрозуміло", "unsure"],
  ["ukr", "yesNo", "та", "yes"],
  ["ukr", "yesNo", "та ні", "no"],
  ["ukr", "yesNo", "та не було", "no"],
  ["urd", "yesNo", "kya pata", "unsure"],
  ["urd", "yesNo", "khuda jaane", "unsure"],
  ["urd", "yesNo", "mujhe khabar nahi", "unsure"],
  ["urd", "yesNo", "کیا پتا", "unsure"],
  ["urd", "yesNo", "hn", "yes"],
  ["urd", "safetyCheck", "han saans ruk rahi hai", "safety.yes"],
  ["urd", "safetyCheck", "han saans nahi aa rahi", "safety.yes"],
];

describe('H92 typed yes / no / not sure', () => {
  it.each(CASES)('%s %s %p is %s', (lang, kind, text, code) => {
    expect(outcome({ lang, kind, text })).toBe(code);
  });

  it('reads every language\'s "no idea" family as not sure', () => {
    const langs = new Set(CASES.filter(([, kind, , code]) => kind === 'yesNo' && code === 'unsure').map(([lang]) => lang));
    expect(langs.size).toBe(20);
  });

  it('leaves the tuning table\'s yes/no and emergency-check phrasings as they were', () => {
    const same = (a: string, b: string) => a.split('|').sort().join('|') === b.split('|').sort().join('|');
    const wrong = tuningCases()
      .filter((c) => c.kind === 'yesNo' || c.kind === 'safetyCheck')
      .filter((c) => !same(outcome(c), c.expect))
      .map((c) => `${c.lang} ${c.kind} ${c.text} -> ${outcome(c)} (want ${c.expect})`);
    expect(wrong).toEqual([]);
  });
});
