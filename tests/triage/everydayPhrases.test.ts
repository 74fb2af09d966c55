/**
 * Round 9 overfire audit (H44): no emergency rule, and no crisis-line rule, fires on an everyday,
 * non-clinical phrase we hold in any language. Every message is screened at every step, so a patient
 * who types "I want to book an appointment" at "What would you like?" is screened too: in Persian
 * "میخوام وقت بگیرم" once read as "می خوام بمیرم" (I want to die, one letter apart), a crisis line.
 *
 * The phrases: the typed tuning table's answers to the non-clinical steps and its small talk
 * (tests/dialog/typed/tuning.json), every button title and choice synonym of those steps in
 * locales/<lang>/ (`choice.<code>`, `choiceSyn.<code>`), and the opened fourth set's typed answers for
 * the same steps (tests/triage/heldout-2026-12d/typed-<lang>.json). Each is screened in its own
 * language with the languages the dialog adds (English, and the script's languages for a short
 * message: src/lang/screeningLanguages.ts), and decided alone (the combinations). A hit fails with the
 * rule id, the language, the phrase and the words that matched: fix the trigger or the lexicon, never
 * the phrase.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLanguagePolicy } from '../../src/dialog/languagePolicy.js';
import { lookup } from '../../src/i18n/resources.js';
import { allLanguages, content, projectRoot } from '../support/dialog.js';
import { tierOf } from '../support/triage.js';

const engine = content.triage;
const policy = createLanguagePolicy(content.languages, allLanguages);
/** The tier of one description alone, told as a new problem (the phrase tests below). */

/** Steps that ask nothing clinical, and the choice codes of their buttons. */
const STEPS = ['wants', 'contactMethod', 'contactTimes', 'who', 'relationship', 'duration', 'trend', 'impact'] as const;
const stepCodes = STEPS.flatMap((s) => (content.intake.steps as Record<string, { choices?: readonly string[] } | undefined>)[s]?.choices ?? []);

interface Phrase {
  lang: string;
  from: string;
  text: string;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : typeof v === 'string' ? [v] : []);

function phrases(): Phrase[] {
  const out: Phrase[] = [];
  const tuning = JSON.parse(readFileSync(join(projectRoot, 'tests/dialog/typed/tuning.json'), 'utf8')) as {
    languages: Record<string, { smallTalk: string[]; answers: Record<string, Record<string, string[]>> }>;
  };
  for (const [lang, t] of Object.entries(tuning.languages)) {
    for (const text of t.smallTalk) out.push({ lang, from: 'tuning smallTalk', text });
    for (const step of STEPS) for (const list of Object.values(t.answers[step] ?? {})) for (const text of list) out.push({ lang, from: `tuning ${step}`, text });
  }
  for (const l of content.languages) {
    const res = content.resources[l.bcp47];
    for (const code of stepCodes) {
      for (const text of strings(lookup(res, `choice.${code}`))) out.push({ lang: l.code, from: `choice.${code}`, text });
      for (const text of strings(lookup(res, `choiceSyn.${code}`))) out.push({ lang: l.code, from: `choiceSyn.${code}`, text });
    }
  }
  for (const lang of allLanguages) {
    const file = join(projectRoot, `tests/triage/heldout-2026-12d/typed-${lang}.json`);
    if (!existsSync(file)) continue;
    const typed = JSON.parse(readFileSync(file, 'utf8')) as { answers: Record<string, Record<string, unknown>> };
    for (const step of [...STEPS, 'smallTalk']) {
      for (const v of Object.values(typed.answers[step] ?? {})) for (const text of strings(v)) out.push({ lang, from: `2026-12d ${step}`, text });
    }
  }
  return out;
}

const serious = (id: string): boolean => {
  const r = engine.rule(id);
  return r !== undefined && (r.tier === 'emergency' || r.disposition === 'crisis_line');
};

/** What fires on one phrase, as "rule [languages: words]"; empty when nothing serious does. */
function firing(p: Phrase): string[] {
  const hits = engine.screen(p.text, policy.screeningLanguages(p.text, p.lang)).hits.filter((h) => serious(h.ruleId));
  const out = hits.map((h) => `${h.ruleId} [${(h.langs ?? []).join('+')}: ${h.matched.join(' / ')}]`);
  const decided = engine.decide({ need: 'need.new', texts: [{ text: p.text, lang: p.lang }], answers: {}, presentRuleIds: [], deniedRuleIds: [] });
  if (decided.tier === 'emergency' && out.length === 0) out.push(`decide: ${decided.ruleIds.join(',')}`);
  return out;
}

const all = phrases();
const byLang = new Map<string, Phrase[]>();
for (const p of all) byLang.set(p.lang, [...(byLang.get(p.lang) ?? []), p]);

describe('no emergency or crisis rule fires on an everyday phrase', () => {
  it('holds phrases for all 20 languages from all three sources', () => {
    expect(byLang.size).toBe(20);
    for (const [lang, list] of byLang) {
      expect([lang, list.some((p) => p.from.startsWith('tuning')), list.some((p) => p.from.startsWith('choice')), list.some((p) => p.from.startsWith('2026-12d'))]).toEqual([lang, true, true, true]);
    }
  });

  it.each([...byLang.keys()].sort())('%s', (lang) => {
    const fired = (byLang.get(lang) ?? []).flatMap((p) => firing(p).map((f) => `${p.lang} | ${p.from} | "${p.text}" -> ${f}`));
    expect(fired).toEqual([]);
  });
});

describe('the words behind round 9 overfires stay apart (H44)', () => {
  const fires = (text: string, lang: string, ruleId: string) =>
    engine.screen(text, policy.screeningLanguages(text, lang)).hits.some((h) => h.ruleId === ruleId);

  it.each([
    // Persian: "book an appointment" is not "I want to die"; the real words still are.
    ['pes', 'میخوام وقت بگیرم', 'rf.mh.suicidal', false],
    ['pes', 'mikham vaght begiram', 'rf.mh.suicidal', false],
    ['pes', 'میخوام بمیرم', 'rf.mh.suicidal', true],
    // Welsh: vomiting (chwydu, chwydodd) is not swelling (chwyddo), after "dd" and "d" are folded together.
    // A swollen face alone is the marker cx.face_swelling since H63 (rf.anaphylaxis unless pregnant).
    ['cym', "mae ei wyneb yn welw ac mae hi'n chwydu", 'cx.face_swelling', false],
    ['cym', 'mae ei wyneb yn chwydu', 'cx.face_swelling', false],
    ['cym', 'mae ei wyneb yn chwyddo', 'cx.face_swelling', true],
    // Urdu, Persian, Arabic: a hoarse voice with a cold is not anaphylaxis; swollen lips still are.
    ['urd', 'زکام ہے اور آواز بیٹھ گئی ہے', 'rf.anaphylaxis', false],
    ['pes', 'سرما خوردم و صدام گرفته', 'rf.anaphylaxis', false],
    ['arb', 'عندي زكام وصوتي مبحوح', 'rf.anaphylaxis', false],
    ['urd', 'ہونٹ سوج گئے', 'rf.anaphylaxis', true],
    // Portuguese and Spanish "tia" is an aunt, not a TIA; an English TIA is still one.
    ['por', 'tia', 'rf.stroke.fast', false],
    ['spa', 'mi tía tiene tos', 'rf.stroke.fast', false],
    ['eng', 'I think my dad is having a TIA', 'rf.stroke.fast', true],
  ] as const)('%s: %s (%s fires: %s)', (lang, text, ruleId, expected) => {
    expect(fires(text, lang, ruleId)).toBe(expected);
  });

  it.each([
    // Big clots or a soaked pad in a heavy period, not pregnant: routine (the GP), in every language that listed them.
    ['cym', 'Mae fy mislif yn drwm iawn, a chlotiau mawr'],
    ['fra', "mes règles sont très abondantes avec de gros caillots"],
    ['spa', 'la regla muy abundante con coágulos grandes'],
    ['por', 'menstruação muito forte com coágulos grandes'],
    ['tur', 'adet çok ağır, pıhtılar geliyor'],
    ['ron', 'menstruație abundentă, ies cheaguri'],
    ['pes', 'پریودم سنگینه و لخته خون میاد'],
    ['som', 'caadada aad bay u badan tahay, xinjiro waaweyn'],
  ] as const)('%s: %s is not an emergency', (lang, text) => {
    expect(tierOf(text, lang)).not.toBe('emergency');
  });

  it.each([
    ['cym', "Dw i'n feichiog ac mae clotiau mawr yn dod"],
    ['fra', 'je suis enceinte et il y a de gros caillots'],
    ['spa', 'estoy embarazada y salen coágulos grandes'],
    ['tur', 'hamileyim ve pıhtılar geliyor'],
  ] as const)('%s: %s (pregnant) is still an emergency', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
});

describe('everyday words near the round 10 urgent signs stay below urgent (s10-urgent)', () => {

  // A dog barking is not croup, a temple or combing is not giant cell arteritis, a belly button or a lower-right
  // tooth is not appendicitis, hot tea, hot weather or a hot baby is not cellulitis.
  it.each([
    ['eng', 'our dog was barking at the postman'],
    ['eng', 'we went to the temple on sunday'],
    ['eng', 'I chew gum a lot and my jaw is fine'],
    ['eng', 'I had my belly button pierced'],
    ['eng', 'I spilled hot tea, the skin is red'],
    ['eng', 'the baby is hot and her cheeks are red from teething'],
    ['eng', 'I have diabetes and need a repeat prescription for my insulin'],
    ['spa', 'el perro del vecino ladra toda la noche'],
    ['ita', 'il cane abbaia sempre'],
    ['fra', 'je me coiffe le matin avant le travail'],
    ['pol', 'czeszę się rano'],
    ['tur', 'sağ alt dişim çürük'],
    ['cmn', '我家的狗晚上一直叫'],
    ['cmn', '梳头的时候掉头发'],
    ['ron', 'e cald afară și am pielea roșie de la soare'],
    ['pes', 'هوا خیلی داغه'],
    ['urd', 'گرم پانی سے نہایا'],
    ['tam', 'நாய் குரைக்குது'],
    ['eng', 'my knee is a bit swollen but not red or hot'],
  ] as const)('%s: %s', (lang, text) => {
    expect(['selfcare', 'routine']).toContain(tierOf(text, lang));
  });
});

describe('round 10: everyday words near the self-care signs and their A&E combinations stay below 999', () => {
  // A sore that burns or blisters from work or shoes is no burn (rf.burn.blister_place needs a past burn word);
  // a knee that clicks or someone out of shape is no misshapen injury (rf.injury.misshapen).
  it.each([
    ["eng", "I'm out of shape and my knee aches after running"],
    ["eng", "blisters on my hand from rowing and they are burning"],
    ["eng", "my feet are burning and I have blisters from new shoes"],
    ["eng", "my ankle clicks and cracks when I walk, no injury"],
    ["eng", "I twisted my ankle last week, it is a bit swollen but the shape is normal"],
    ["spa", "tengo ampollas en las manos de remar y me arde"],
    ["pol", "mam pęcherze na dłoni od grabienia, piecze"],
    ["tur", "kürek çekmekten elimde su toplamış kabarcıklar var, yanıyor"],
    ["ukr", "на долоні пухирі після лопати, пече"],
    ["cmn", "手上磨出了水泡，有点刺痛"],
    ["fra", "j'ai des cloques aux mains à cause du jardinage, ça brûle un peu"],
    ["ita", "ho delle vesciche sulla mano per il rastrello, brucia"],
  ] as const)('%s: %s is not an emergency', (lang, text) => {
    expect(tierOf(text, lang)).not.toBe('emergency');
  });
});

describe('round 10 fixes: everyday words near the fixed readings stay below 999 (s10-fixes, H51)', () => {
  // A newborn who is calmer (the bare 'baby has been quiet' still fires, H51), soap foam, taste and eye drops, a burning feeling, heartburn, and "no
  // fever either" are no emergency.
  it.each([
    ['eng', 'my newborn is calmer than usual after the bath'],
    ['som', 'saabuun xumbo badan leh ayaan ku maydhay'],
    ['som', 'ilmaha saaka ayaa la tallaalay'],
    ['fra', "le goût du médicament est amer"],
    ['fra', "j'ai des gouttes pour le nez"],
    ['eng', 'my eyes are burning from hay fever'],
    ['eng', 'burning feeling in my feet at night'],
    ['eng', 'a burning chest after spicy food'],
    ['pes', 'شبها سوزش سینه دارم'],
    ['pan', 'ਬੁਖ਼ਾਰ ਵੀ ਨਹੀਂ, ਖੰਘ ਵੀ ਨਹੀਂ'],
    ['urd', 'bukhar bhi nahi, khansi bhi nahi'],
  ] as const)('%s: %s is not an emergency', (lang, text) => {
    expect(tierOf(text, lang)).not.toBe('emergency');
  });
});
