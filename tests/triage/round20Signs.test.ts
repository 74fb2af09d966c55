/**
 * Round 20 signs (s20-signs, hazard H86): the structured net alone. Signs from NHS.uk "go to A&E / call 999" and
 * "urgent GP or 111" lists that no area question asked (bench/patientSigns.json, added on the round's first commit)
 * are asked in the areas a patient with them would tap, each with its own rule (dialogs/redflags/areas_round20.json):
 * cannot stand on it or use it after an injury (A&E), a deep or gaping cut (111), a hard, sore or stuck groin or
 * tummy lump (A&E), a swollen hard tummy very sore to touch (111), others at home or a pet with the same (carbon
 * monoxide, 111), very cold or overheated (999), blistering or peeling skin with feeling unwell (A&E), sudden hearing
 * loss (urgent GP), a man or boy with stinging pee (urgent GP), chickenpox, shingles or measles contact when pregnant
 * or a baby (urgent GP). Folded into the tummy and child lists where they had room; one new list each for Something
 * else (its list was full) and head. Driven through the statechart with the opening text withheld
 * (bench/triageDialog.ts), from made-up cases; a patient without the sign says no and nothing changes.
 */
import { readFileSync } from 'node:fs';
import { loadPatientSigns } from '../../bench/answeringPatient.js';
import { createDialogDriver, WITHHELD_TEXT } from '../../bench/triageDialog.js';
import { vagueVignette, type Vignette } from '../../bench/triageSim.js';
import type { LangCode } from '../../src/domain/types.js';
import { lookup } from '../../src/i18n/resources.js';
import { pictureOf } from '../../src/dialog/machine/context.js';
import type { IntakeContext } from '../../src/dialog/machine/types.js';
import { answerUntil, promptIn, questionIdOf, toArea as toAreaOf } from '../support/areaConversation.js';
import { content, conversation, projectRoot } from '../support/dialog.js';
import { decideText } from '../support/triage.js';

type Picture = Parameters<typeof content.triage.decide>[0];
const engine = content.triage;
const driver = createDialogDriver();
const NOW = ['still_happening', 'started_last_week'];

const unwell = (extra: Partial<Vignette>): Vignette => vagueVignette('round20-signs-test', { gold: 'urgent', ageYears: 40, ...extra });
const withheld = (extra: Partial<Vignette>) => driver.run(unwell(extra), { answering: true, withholdText: true });
const s20 = (ids: readonly string[]) => ids.filter((id) => id.startsWith('rf.s20.'));
/** What the engine decides on the conversation so far (the picture the dialog holds). */
const decidedRules = (c: ReturnType<typeof conversation>) => engine.decide(pictureOf((c.last.snapshot as { context: IntakeContext }).context)).ruleIds;

type Row = { area: string; sign: string; ask: string; rule: string; tier: 'emergency' | 'urgent'; age?: number; also?: string[] };
const RAISED: Row[] = [
  { area: 'injury', sign: 'cannot_bear_weight', ask: 'q.s20.weight', rule: 'rf.s20.no_weight', tier: 'emergency', age: 81 },
  { area: 'child', sign: 'cannot_bear_weight', ask: 'q.s20.weight', rule: 'rf.s20.no_weight', tier: 'emergency', age: 7 },
  { area: 'injury', sign: 'deep_cut', ask: 'q.s20.deep_cut', rule: 'rf.s20.deep_cut', tier: 'urgent' },
  { area: 'skin', sign: 'deep_cut', ask: 'q.s20.deep_cut', rule: 'rf.s20.deep_cut', tier: 'urgent' },
  { area: 'tummy', sign: 'lump_groin_tummy', ask: 'q.s20.lump', rule: 'rf.s20.lump', tier: 'emergency', age: 66 },
  { area: 'other', sign: 'lump_groin_tummy', ask: 'q.s20.lump', rule: 'rf.s20.lump', tier: 'emergency', age: 66 },
  { area: 'child', sign: 'lump_groin_tummy', ask: 'q.s20.lump', rule: 'rf.s20.lump', tier: 'emergency', age: 0.4 },
  { area: 'tummy', sign: 'tummy_swollen', ask: 'q.s20.tummy_swollen', rule: 'rf.s20.tummy_swollen', tier: 'urgent' },
  { area: 'head', sign: 'others_same_symptoms', ask: 'q.s20.co', rule: 'rf.s20.co', tier: 'urgent' },
  { area: 'other', sign: 'others_same_symptoms', ask: 'q.s20.co', rule: 'rf.s20.co', tier: 'urgent' },
  { area: 'tummy', sign: 'others_same_symptoms', ask: 'q.s20.co', rule: 'rf.s20.co', tier: 'urgent', also: ['feeling_sick'] },
  { area: 'other', sign: 'very_cold_or_hot', ask: 'q.s20.cold_hot', rule: 'rf.s20.cold_hot', tier: 'emergency', age: 84 },
  { area: 'head', sign: 'very_cold_or_hot', ask: 'q.s20.cold_hot', rule: 'rf.s20.cold_hot', tier: 'emergency' },
  { area: 'child', sign: 'very_cold_or_hot', ask: 'q.s20.cold_hot', rule: 'rf.s20.cold_hot', tier: 'emergency', age: 2 },
  { area: 'skin', sign: 'skin_blisters_peeling', ask: 'q.s20.blisters', rule: 'rf.s20.blisters', tier: 'emergency' },
  { area: 'eye', sign: 'skin_blisters_peeling', ask: 'q.s20.blisters', rule: 'rf.s20.blisters', tier: 'emergency' },
  { area: 'child', sign: 'skin_blisters_peeling', ask: 'q.s20.blisters', rule: 'rf.s20.blisters', tier: 'emergency', age: 9 },
  { area: 'head', sign: 'hearing_sudden', ask: 'q.s20.hearing', rule: 'rf.s20.hearing', tier: 'urgent' },
  { area: 'other', sign: 'hearing_sudden', ask: 'q.s20.hearing', rule: 'rf.s20.hearing', tier: 'urgent' },
  { area: 'waterworks', sign: 'male_pee_pain', ask: 'q.s20.male', rule: 'rf.s20.male_uti', tier: 'urgent', age: 71 },
  { area: 'pregnancy', sign: 'infection_contact', ask: 'q.s20.preg.contact', rule: 'rf.s20.contact', tier: 'urgent', age: 29, also: ['pregnant'] },
  { area: 'child', sign: 'infection_contact', ask: 'q.s20.baby.contact', rule: 'rf.s20.contact', tier: 'urgent', age: 0.3 },
];

describe('each sign, in the area a patient with it would tap and with the words withheld, reaches its tier and names its rule', () => {
  it.each(RAISED.map((r) => [`${r.area}: ${r.sign}`, r] as const))('%s', (_name, r) => {
    const run = withheld({ area: r.area, yesTo: [...NOW, r.sign, ...(r.also ?? [])], ageYears: r.age ?? 40 });
    expect(run.error).toBeUndefined();
    expect([run.tier, run.asked.includes(r.ask), run.ruleIds.includes(r.rule)]).toEqual([r.tier, true, true]);
  });

  it('a child with a swollen, hard tummy: the child list is never below urgent (it names rf.child.hidden)', () => {
    const run = withheld({ area: 'child', yesTo: [...NOW, 'tummy_swollen'], ageYears: 4 });
    expect([run.tier, run.asked.includes('q.child.hidden'), run.ruleIds]).toEqual(['urgent', true, ['rf.child.hidden']]);
  });

  it('each rule cites an NHS.uk page, and is raised only by its answer (no trigger words)', () => {
    const file = JSON.parse(readFileSync(`${projectRoot}/dialogs/redflags/areas_round20.json`, 'utf8')) as { rules: { id: string; triggers?: unknown; when?: unknown; source: { url: string; section: string } }[] };
    expect(file.rules.length).toBeGreaterThan(10);
    for (const r of file.rules) expect([r.id, r.source.url.startsWith('https://www.nhs.uk/'), r.source.section.length > 20, r.triggers, r.when]).toEqual([r.id, true, true, undefined, undefined]);
  });
});

describe('without the sign nothing changes', () => {
  it.each(['chest', 'breathing', 'head', 'tummy', 'pregnancy', 'mental', 'skin', 'injury', 'eye', 'waterworks', 'child', 'other'])('%s: no new rule, and the tier a case had is kept', (area) => {
    const run = withheld({ area, yesTo: [...NOW], ageYears: area === 'child' ? 5 : 40, ...(area === 'pregnancy' ? { pregnant: true } : {}) });
    expect(run.error).toBeUndefined();
    expect([run.finalState, s20(run.ruleIds)]).toEqual(['submitted', []]);
  });

  it('a woman with cystitis is asked, says no, and nothing is raised for men', () => {
    const run = withheld({ area: 'waterworks', yesTo: [...NOW, 'fever_or_shivers_with_pee'], ageYears: 34 });
    expect([run.asked.includes('q.s20.male'), s20(run.ruleIds)]).toEqual([true, []]);
  });

  it('the baby contact question is not asked once the age is known to be 1 or more; the pregnancy one is', () => {
    const next = (present: string[], ageYears?: number) => {
      const asked: string[] = [];
      const answers: Record<string, string> = {};
      for (let i = 0; i < 40; i++) {
        const q = engine.nextQuestion({ need: 'need.new', texts: [{ text: WITHHELD_TEXT, lang: 'eng' }], presentRuleIds: present, deniedRuleIds: [], answers, ...(ageYears === undefined ? {} : { ageYears }) } as Picture);
        if (!q) break;
        asked.push(q.id);
        answers[q.id] = 'no';
      }
      return asked;
    };
    expect(next(['cx.area.child', 'cx.child'], 3)).not.toContain('q.s20.baby.contact');
    expect(next(['cx.area.child', 'cx.child'], 0.5)).toContain('q.s20.baby.contact');
    expect(next(['cx.area.pregnancy', 'cx.pregnant'], 30)).toContain('q.s20.preg.contact');
    // Asked only where it belongs: no new question in the chest, breathing or mental health areas.
    for (const area of ['chest', 'breathing', 'mental']) expect([area, next([`cx.area.${area}`], 40).filter((q) => q.startsWith('q.s20.'))]).toEqual([area, []]);
  });

  it('a "yes" to a list asks the list\'s own signs only (a head list never asks about a groin lump)', () => {
    const run = withheld({ area: 'head', yesTo: [...NOW, 'hearing_sudden'] });
    expect(run.asked.filter((q) => q.startsWith('q.s20.'))).toEqual(['q.s20.head.list', 'q.s20.co', 'q.s20.cold_hot', 'q.s20.hearing']);
  });

  it('adds few questions to a conversation that has none of the signs', () => {
    const added: Record<string, number> = {};
    for (const area of ['chest', 'breathing', 'head', 'tummy', 'pregnancy', 'mental', 'skin', 'injury', 'eye', 'waterworks', 'child', 'other']) {
      const run = withheld({ area, yesTo: [...NOW], ageYears: area === 'child' ? 0.5 : 40, ...(area === 'pregnancy' ? { pregnant: true } : {}) });
      added[area] = run.asked.filter((q) => q.startsWith('q.s20.')).length;
    }
    expect(added).toEqual({ chest: 0, breathing: 0, head: 1, tummy: 0, pregnancy: 1, mental: 0, skin: 2, injury: 2, eye: 1, waterworks: 1, child: 1, other: 1 });
  });
});

describe('denials and single body words do not fire', () => {
  it.each([
    'no lump in my groin', 'there is no lump', 'I can walk on it', 'I can still walk on my ankle', 'groin', 'leg', 'tummy', 'ear', 'skin',
    'nobody else at home is ill', 'not cold, not hot', 'no cut', 'my hearing is fine', 'I am a man', 'my wife has chickenpox',
  ])('words alone raise no round 20 rule: "%s"', (text) => {
    expect(s20(decideText(text).ruleIds)).toEqual([]);
  });

  const toArea = (lang: LangCode, area: string, age: string, id: string) => toAreaOf(lang, area, age, `test:r20-${id}`);
  const qid = questionIdOf;

  it.each([
    ['tummy', 'q.a18.tummy.list', 'no lump'],
    ['injury', 'q.s20.weight', 'no, I can walk on it'],
    ['injury', 'q.s20.weight', 'no'],
  ] as const)('%s: a typed denial to %s ("%s") raises nothing', (area, id, typed) => {
    const { c, reply } = toArea('eng', area, '40', `${area}-${typed}`);
    answerUntil(c, 'eng', reply, id, 'no', typed);
    // Read as an answer: the question is not asked again.
    expect(c.last.state === 'triageQuestion' && qid(c) === id).toBe(false);
    for (let i = 0; i < 30 && ['triageQuestion', 'confirm'].includes(c.last.state); i++) c.say('no');
    expect(c.last.state).not.toBe('emergency');
    expect(s20(decidedRules(c))).toEqual([]);
  });

  it('the same conversation with a typed "yes, I cannot stand on it" goes to A&E (the denials above are real no answers)', () => {
    const { c, reply } = toArea('eng', 'injury', '40', 'injury-yes');
    answerUntil(c, 'eng', reply, 'q.s20.weight', 'no', 'yes');
    expect([c.last.state, s20(decidedRules(c))]).toEqual(['emergency', ['rf.s20.no_weight']]);
  });

  it('a single body word typed as the answer is not read as yes (the question is asked again)', () => {
    const { c, reply } = toArea('eng', 'injury', '40', 'injury-leg');
    answerUntil(c, 'eng', reply, 'q.s20.weight', 'no', 'leg');
    expect([c.last.state, qid(c)]).toEqual(['triageQuestion', 'q.s20.weight']);
  });
});

describe('typed answers in other languages reach the new questions in that language', () => {
  const toArea = (lang: LangCode, area: string, age: string) => toAreaOf(lang, area, age, `test:r20-${lang}-${area}`);
  const qid = questionIdOf;

  it.each([
    ['pol', 'injury', 'q.s20.weight', 'nie', 'tak', 'emergency'],
    ['fra', 'other', 'q.s20.other.list', 'non', 'oui', undefined],
    ['urd', 'skin', 'q.s20.blisters', 'نہیں', 'ہاں', 'emergency'],
    ['tur', 'waterworks', 'q.s20.male', 'hayır', 'evet', 'rf.s20.male_uti'],
    ['cmn', 'head', 'q.s20.head.list', '没有', '是的', undefined],
  ] as const)('%s, %s: %s', (lang, area, id, no, yes, end) => {
    const { c, reply } = toArea(lang, area, '40');
    let asked = reply;
    for (let i = 0; i < 20 && c.last.state === 'triageQuestion' && qid(c) !== id; i++) asked = c.say(no);
    expect(qid(c)).toBe(id);
    expect(asked.text).toContain(promptIn(lang, id));
    c.say(yes);
    if (end === 'emergency') expect(c.last.state).toBe(end);
    else if (end) {
      // Urgent: the rest of the questions answered no, the outcome names the rule.
      for (let i = 0; i < 30 && ['triageQuestion', 'confirm'].includes(c.last.state); i++) c.say(no);
      expect(decidedRules(c)).toContain(end);
    } else expect(qid(c)).toMatch(/^q\.s20\./);
  });
});

describe('the new prompts are content in every language, and the bench maps each question to exactly its sign', () => {
  const ids = [...new Set(RAISED.map((r) => r.ask)), 'q.s20.other.list', 'q.s20.head.list'];
  const listLines = [...new Set(['q.s20.other.list', 'q.s20.head.list', 'q.a18.tummy.list', 'q.child.hidden'].flatMap((id) => engine.question(id).lines ?? []))];
  it.each(content.languages.map((l) => [l.code, l.bcp47] as const))('%s: every prompt and list line is there', (code, bcp47) => {
    const keys = [...ids.map((id) => engine.question(id).promptKey), ...listLines].filter((k) => k.startsWith('triage.areas20.'));
    expect(keys.length).toBe(20);
    for (const key of keys) {
      const text = lookup(content.resources[bcp47], key);
      expect([code, key, typeof text]).toEqual([code, key, 'string']);
      if (code !== 'eng') expect([code, key, text === lookup(content.resources.en, key)]).toEqual([code, key, false]);
    }
  });

  it('every list stays within 8 lines, and the new lines are in the lists', () => {
    for (const id of ['q.s20.other.list', 'q.s20.head.list', 'q.a18.tummy.list', 'q.child.hidden', 'q.general.hidden']) expect((engine.question(id).lines ?? []).length).toBeLessThanOrEqual(8);
    expect(engine.question('q.a18.tummy.list').lines).toEqual(expect.arrayContaining(['triage.areas20.line_lump', 'triage.areas20.line_tummy_swollen', 'triage.areas20.line_others']));
    expect(engine.question('q.child.hidden').lines).toEqual(expect.arrayContaining(['triage.areas20.child_lump', 'triage.areas20.child_blisters', 'triage.areas20.child_cold_hot', 'triage.areas20.child_weight']));
  });

  it('the sign mappings', () => {
    const q = loadPatientSigns(projectRoot).questions;
    for (const r of RAISED) expect([r.ask, q[r.ask]]).toEqual([r.ask, [[r.sign]]]);
    expect(q['q.s20.other.list']).toEqual([['lump_groin_tummy', 'others_same_symptoms', 'very_cold_or_hot', 'hearing_sudden']]);
    expect(q['q.s20.head.list']).toEqual([['others_same_symptoms', 'very_cold_or_hot', 'hearing_sudden']]);
    expect(q['q.a18.tummy.list']?.[0]).toEqual(expect.arrayContaining(['lump_groin_tummy', 'tummy_swollen', 'others_same_symptoms']));
    for (const g of q['q.child.hidden'] ?? []) expect(g).toEqual(expect.arrayContaining(['lump_groin_tummy', 'tummy_swollen', 'skin_blisters_peeling', 'very_cold_or_hot', 'cannot_bear_weight']));
  });
});
