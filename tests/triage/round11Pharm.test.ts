/**
 * Round 11 s11-pharm (hazard H56). A: a medicines request about a condition a pharmacist treats
 * ends at self-care with the pharmacy offer (dialogs/safety/tierPolicy.json pharmacyForMedicines),
 * unless a repeat or regular medicine (rt.medicines) or any rule above self-care is there too. The
 * bare words "prescription" / "receta" only ask about a medicine (cx.medicines.ask, a marker). B: a
 * problem of weeks or months, said at the "How long?" step, is at least routine (rt.long_standing).
 * The phrases are our own, not the opened sets'.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LangCode, NeedCode } from '../../src/domain/types.js';
import { loadTriageContent } from '../../src/triage/index.js';
import { answerTriageQuestions, content, conversation } from '../support/dialog.js';

type Picture = Parameters<typeof content.triage.decide>[0];
const engine = content.triage;
const decideAs = (need: NeedCode, text: string, lang = 'eng', extra: Partial<Picture> = {}) =>
  engine.decide({ need, texts: [{ text, lang }], answers: {}, presentRuleIds: [], deniedRuleIds: [], ...extra } as Picture);
const fired = (text: string, lang: string): string[] => engine.screen(text, lang as never).hits.map((h) => h.ruleId);

const HEAD_LICE: [LangCode, string][] = [
  ['eng', 'My daughter has head lice. Which shampoo should I buy, or do I need a prescription?'],
  ['spa', 'Mi hija tiene piojos. ¿Qué champú compro en la farmacia o necesito receta?'],
  ['pol', 'Córka ma wszy. Jaki szampon kupić, czy potrzebna jest recepta?'],
  ['fra', 'Ma fille a des poux. Quel shampooing acheter, ou faut-il une ordonnance ?'],
  ['ukr', 'У доньки воші. Який шампунь купити, чи потрібен рецепт?'],
  ['cym', 'Mae gan fy merch lau pen. Pa siampŵ ddylwn i ei brynu, neu oes angen presgripsiwn?'],
];

describe('A. the engine: a medicines request that names a pharmacy condition is self-care', () => {
  it.each(HEAD_LICE)('%s: head lice as a medicines request is self-care (pharmacy)', (lang, text) => {
    const out = decideAs('need.medicines', text, lang);
    expect([out.tier, out.disposition]).toEqual(['selfcare', 'pharmacy']);
    expect(out.ruleIds).toContain('pf.head_lice');
    // The question about a prescription is not the practice's repeat work.
    expect(fired(text, lang)).toContain('cx.medicines.ask');
    expect(fired(text, lang)).not.toContain('rt.medicines');
  });

  it.each([
    ['eng', 'I am constipated, what can I buy?', 'pf.constipation'],
    ['eng', 'cold sore on my lip, do I need a prescription for cream?', 'pf.cold_sore'],
    ['eng', 'my son has a sore throat, can he have antibiotics', 'pf.sore_throat'],
  ] as const)('%s: %s is self-care (%s)', (lang, text, rule) => {
    const out = decideAs('need.medicines', text, lang, { ageYears: 30 });
    expect(out.tier).toBe('selfcare');
    expect(out.ruleIds).toContain(rule);
  });

  it('an admin request about the same condition stays routine (only medicines requests are lifted)', () => {
    expect(decideAs('need.admin', 'My daughter has head lice. Which shampoo should I buy?').tier).toBe('routine');
  });

  it('a generic self-care rule or a context alone does not lift the medicines floor', () => {
    expect(decideAs('need.medicines', 'can i get something from the chemist for it').tier).toBe('routine');
    expect(decideAs('need.medicines', 'what can I take for my headache').tier).toBe('routine');
  });

  // NHS.uk: a pharmacist sells hay fever antihistamines, but a repeat of a prescribed medicine is issued by
  // the GP surgery (NHS.uk "How to order repeat prescriptions"): asking for the repeat is the practice's work.
  it.each([
    ['eng', 'I need a repeat prescription of my hay fever tablets'],
    ['eng', 'Can I have my usual hay fever tablets on prescription again'],
    ['spa', 'Necesito renovar la receta de mis pastillas para la fiebre del heno'],
  ] as const)('%s: a repeat prescription of hay fever tablets is routine (%s)', (lang, text) => {
    const out = decideAs('need.medicines', text, lang);
    expect(out.tier).toBe('routine');
    expect(out.ruleIds).toContain('rt.medicines');
  });

  it.each([
    ['eng', 'I need a repeat prescription for my epilepsy tablets. I also have a cold and a sore throat.'],
    ['pol', 'Potrzebuję kolejna recepta na leki na padaczkę. Mam też przeziębienie i ból gardła.'],
  ] as const)('%s: an epilepsy repeat told with a cold stays routine', (lang, text) => {
    expect(decideAs('need.medicines', text, lang).tier).toBe('routine');
  });

  it('the other guards still win: age limits, and red flags above self-care', () => {
    expect(decideAs('need.medicines', 'my son has a sore throat, can he have antibiotics', 'eng', { ageYears: 3 }).ruleIds).toContain('rt.pharmacy_first.age');
    expect(decideAs('need.medicines', 'my son has a sore throat, can he have antibiotics', 'eng', { ageYears: 3 }).tier).toBe('routine');
    expect(decideAs('need.medicines', 'burning when i wee and i have a high temperature and pain in my back, need antibiotics').tier).toBe('urgent');
    expect(decideAs('need.medicines', 'I am pregnant and it burns when I wee, can I get antibiotics', 'eng', { ageYears: 30 }).tier).not.toBe('selfcare');
  });

  it.each([
    ['eng', 'repeat prescription please'],
    ['spa', 'renovar la receta por favor'],
    ['pol', 'kolejna recepta proszę'],
  ] as const)('%s: the repeat sense still fires rt.medicines (%s)', (lang, text) => {
    expect(fired(text, lang)).toContain('rt.medicines');
  });
});

describe('B. the engine: a problem of weeks or months is at least routine', () => {
  it.each([
    ['duration.days', 'headache', 'selfcare'],
    ['duration.weeks', 'headache', 'routine'],
    ['duration.months', 'headache', 'routine'],
    ['duration.months', 'cold sore on my lip, tingling', 'routine'],
    ['duration.months', 'chest pain and sweating', 'emergency'],
  ] as const)('%s: %s is %s', (duration, text, tier) => {
    const out = decideAs('need.new', text, 'eng', { duration });
    expect(out.tier).toBe(tier);
    if (tier === 'routine') expect(out.ruleIds).toContain('rt.long_standing');
  });
});

/** Taps through a conversation to the first of `stops`, answering each step as given. */
function runTo(c: ReturnType<typeof conversation>, answers: Record<string, string>, stops: readonly string[]): string {
  for (let i = 0; i < 30 && !stops.includes(c.last.state); i++) {
    if (['triageQuestion', 'confirm', 'safetyCheck', 'areaPick'].includes(c.last.state)) {
      answerTriageQuestions(c, 'no', '');
      continue;
    }
    const code = answers[c.last.state];
    if (!code) throw new Error(`no answer for ${c.last.state}`);
    c.tap(code);
  }
  return c.last.state;
}
const FOLLOW_UPS = { duration: 'duration.days', trend: 'trend.same', impact: 'impact.some', wants: 'wants.prescription' };

describe('A. the statechart: a medicines request about head lice gets the pharmacy offer', () => {
  it.each(HEAD_LICE.slice(0, 4))('%s: head lice tapped as "Medicines" reaches the pharmacy offer at self-care', (lang, text) => {
    const c = conversation({ lang });
    c.say('hi');
    c.tap('need.medicines');
    c.say(text);
    expect(runTo(c, FOLLOW_UPS, ['pharmacyOffer', 'who', 'emergency'])).toBe('pharmacyOffer');
    expect(c.last.urgency).toBe('selfcare');
    // The patient can still send it to the practice.
    expect(c.tap('yes').result.state).toBe('who');
  });

  it('eng: a repeat of epilepsy tablets told with a cold is sent to the practice as routine (no pharmacy offer)', () => {
    const c = conversation();
    c.say('hi');
    c.tap('need.medicines');
    c.say('I need a repeat prescription for my epilepsy tablets. I have a cold as well.');
    expect(runTo(c, FOLLOW_UPS, ['pharmacyOffer', 'who', 'emergency'])).toBe('who');
    expect(c.last.urgency).toBe('routine');
  });
});

describe('B. the statechart: the "How long?" answer reaches the decision', () => {
  const run = (lang: LangCode, text: string, duration: string): ReturnType<typeof conversation> => {
    const c = conversation({ lang });
    c.say('hi');
    c.tap('need.new');
    c.say(text);
    runTo(c, { ...FOLLOW_UPS, duration }, ['pharmacyOffer', 'who', 'emergency']);
    return c;
  };
  it.each([
    ['eng', 'I have a cold sore on my lip, it tingles'],
    ['spa', 'Tengo un herpes labial, me pica el labio'],
  ] as const)('%s: a cold sore for a few days is self-care (%s)', (lang, text) => {
    const c = run(lang, text, 'duration.days');
    expect([c.last.state, c.last.urgency]).toEqual(['pharmacyOffer', 'selfcare']);
  });
  it.each([
    ['eng', 'I have a headache', 'duration.months'],
    ['eng', 'I have a headache', 'duration.weeks'],
    ['eng', 'my knee hurts', 'duration.months'],
    ['pol', 'Boli mnie głowa', 'duration.months'],
  ] as const)('%s: "%s" for %s is routine, not self-care', (lang, text, duration) => {
    const c = run(lang, text, duration);
    expect([c.last.state, c.last.urgency]).toEqual(['who', 'routine']);
  });
  it('eng: the same headache for a few days is self-care (the duration is what moved it)', () => {
    const c = run('eng', 'I have a headache', 'duration.days');
    expect([c.last.state, c.last.urgency]).toEqual(['pharmacyOffer', 'selfcare']);
  });
});

describe('the tier policy is content, checked at start-up', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tier-policy-'));
    for (const sub of ['redflags', 'complaints', 'safety']) cpSync(join('dialogs', sub), join(dir, sub), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const edit = (change: (d: Record<string, any>) => void): void => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const path = join(dir, 'safety', 'tierPolicy.json');
    const data = JSON.parse(readFileSync(path, 'utf8'));
    change(data);
    writeFileSync(path, JSON.stringify(data));
  };

  it('loads the shipped policy', () => {
    expect(loadTriageContent('dialogs').tierPolicy?.pharmacyForMedicines.rules).toContain('pf.head_lice');
  });
  it('refuses a generic or non-self-care rule in the pharmacy list', () => {
    edit((d) => { d['pharmacyForMedicines'].rules.push('rt.medicines'); });
    expect(() => loadTriageContent(dir)).toThrow(/safety\/tierPolicy\.json[\s\S]*pharmacyForMedicines\.rules\.\d+: rt\.medicines must be a self-care rule/);
  });
  it('refuses an unknown rule', () => {
    edit((d) => { d['pharmacyForMedicines'].rules.push('pf.nope'); });
    expect(() => loadTriageContent(dir)).toThrow(/unknown rule pf\.nope/);
  });
  it('refuses a long-duration rule below routine', () => {
    edit((d) => { d['longStanding'].ruleId = 'pf.head_lice'; });
    expect(() => loadTriageContent(dir)).toThrow(/longStanding\.ruleId: pf\.head_lice must set a tier of at least routine/);
  });
  it('refuses a pharmacy need that has no floor', () => {
    edit((d) => { d['pharmacyForMedicines'].needs = ['need.new']; });
    expect(() => loadTriageContent(dir)).toThrow(/pharmacyForMedicines\.needs\.0/);
  });
});
