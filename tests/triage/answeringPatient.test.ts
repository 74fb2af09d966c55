/**
 * The answering patient (bench/answeringPatient.ts), through the real statechart: it answers a
 * direct question with the raising answer only when the case says yes to a sign that question asks
 * about, and taps the case's own area. Every question the engine can ask is either mapped to signs
 * or listed here as asking about none, so a new question cannot be credited (or silently ignored)
 * without a line in bench/patientSigns.json.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDialogDriver } from '../../bench/triageDialog.js';
import { loadPatientSigns, signsAsked } from '../../bench/answeringPatient.js';
import { vagueVignette, type Vignette } from '../../bench/triageSim.js';

const signs = loadPatientSigns('.');
const driver = createDialogDriver();
/** Questions about who the patient is, not about a sign: always answered reassuringly. */
const ABOUT_NO_SIGN = new Set(['q.urinary.woman', 'q.urinary.pregnant', 'q.eye.lenses', 'q.mh.cope']);

function questionIds(): string[] {
  const complaints = readdirSync('dialogs/complaints').map((f) => JSON.parse(readFileSync(join('dialogs/complaints', f), 'utf8')) as { questions: { id: string }[] });
  const confirms = readdirSync('dialogs/redflags')
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => {
      const rules = (JSON.parse(readFileSync(join('dialogs/redflags', f), 'utf8')) as { rules?: { confirm?: { id?: string } }[] }).rules ?? [];
      return rules.flatMap((r) => (r.confirm?.id ? [r.confirm.id] : []));
    });
  const check = JSON.parse(readFileSync('dialogs/safety/emergencyCheck.json', 'utf8')) as { versions: Record<string, string[]>; lines: Record<string, { confirm?: unknown }> };
  const lineConfirms = Object.entries(check.versions).flatMap(([version, lines]) => lines.filter((l) => check.lines[l]?.confirm).map((l) => `q.check.confirm.${l}.${version}`));
  return [...complaints.flatMap((c) => c.questions.map((q) => q.id)), ...confirms, ...lineConfirms];
}

/** A vague adult who is in an emergency the words do not say (bench/triageSim.ts vagueVignette). */
const unwell = (extra: Partial<Vignette>): Vignette => vagueVignette('answering-test', { gold: 'emergency', ageYears: 58, ...extra });

describe('the answering patient', () => {
  it('maps every question the engine can ask to signs in the list, or lists it as about no sign', () => {
    const ids = questionIds();
    expect(ids.length).toBeGreaterThan(60);
    expect(ids.filter((id) => !ABOUT_NO_SIGN.has(id) && signsAsked(signs, id) === undefined)).toEqual([]);
    expect(signsAsked(signs, 'q.confirm.rf.stroke')).toEqual([['still_happening']]);
  });

  it.each(['2026-12d', '2026-12e', '2026-12f', '2026-12g', '2026-12h', '2026-12i', '2026-12j', '2026-12k', '2026-12l', '2026-12m', '2026-12n', '2026-12o', '2026-12p', '2026-12q', '2026-12r', '2026-12s', '2026-12t'])('keeps every sign of the %s set\'s frozen copy word for word: a sign never changes meaning under a set', (tag) => {
    const frozen = JSON.parse(readFileSync(`tests/triage/heldout-${tag}/signs.json`, 'utf8')) as { signs: Record<string, string> };
    expect(Object.fromEntries(Object.keys(frozen.signs).map((k) => [k, signs.signs[k]]))).toEqual(frozen.signs);
  });

  it('reads a check line named by its id (the 2026-12m kit) as the sign it covers: the same conversation as the sign itself', () => {
    for (const [line, sign, age] of [['self_harm', 'self_harm_overdose', 58], ['injury_bleeding', 'bleeding', 58], ['sepsis', 'sepsis_very_unwell', 58], ['child_poison', 'self_harm_overdose', 6], ['child_unresponsive', 'unconscious_fit', 6]] as const) {
      const byLine = driver.run(unwell({ recognises999Sign: line, ageYears: age }));
      const bySign = driver.run(unwell({ recognises999Sign: sign, ageYears: age }));
      expect(byLine.finalState).toBe('emergency');
      expect(byLine).toEqual(bySign);
    }
  });

  it('uses only signs that the list defines, and every group names at least one', () => {
    const known = new Set(Object.keys(signs.signs));
    const bad = Object.entries(signs.questions).filter(([, groups]) => groups.length === 0 || groups.some((g) => g.length === 0 || g.some((s) => !known.has(s))));
    expect(bad).toEqual([]);
  });

  it('finds an emergency the silent patient misses only when the patient says yes to the signs the area asks about', () => {
    const heavyArm = unwell({ area: 'chest', yesTo: ['pain_spreads', 'sweating', 'still_happening'] });
    expect(driver.run(heavyArm).finalState).not.toBe('emergency');
    const answered = driver.run(heavyArm, { answering: true });
    expect(answered.error).toBeUndefined();
    expect(answered.finalState).toBe('emergency');
    expect(answered.asked).toContain('q.area.chest.arm_jaw');
  });

  it('says no to a question when only one of its two sign groups is true, and to every question it has no sign for', () => {
    const armOnly = driver.run(unwell({ area: 'chest', yesTo: ['pain_spreads'] }), { answering: true });
    expect(armOnly.error).toBeUndefined();
    expect(armOnly.finalState).not.toBe('emergency');
    // Skin has no question about an arm or jaw ("Something else" and "Tummy" ask it since H52).
    const skin = driver.run(unwell({ area: 'skin', yesTo: ['pain_spreads', 'sweating'] }), { answering: true });
    expect(skin.finalState).not.toBe('emergency');
    expect(skin.asked.filter((q) => q.endsWith('arm_jaw'))).toEqual([]);
    // "Something else": the list, then the heart-attack question; an ache alone says yes to the list only (urgent).
    const other = driver.run(unwell({ area: 'other', yesTo: ['pain_spreads', 'sweating'] }), { answering: true });
    expect([other.finalState, other.asked.includes('q.general.hidden'), other.asked.includes('q.other.arm_jaw')]).toEqual(['emergency', true, true]);
    const ache = driver.run(unwell({ area: 'other', yesTo: ['pain_spreads'] }), { answering: true });
    expect([ache.finalState === 'emergency', ache.tier]).toEqual([false, 'urgent']);
  });

  it('withholds the opening text on request: only the check, the area and its questions can then find the emergency', () => {
    const told = unwell({ text: 'my dad collapsed and he is not breathing', who: 'other', area: 'other', yesTo: [] });
    expect(driver.run(told, { answering: true }).finalState).toBe('emergency');
    const withheld = driver.run(told, { answering: true, withholdText: true });
    expect([withheld.error, withheld.finalState === 'emergency']).toEqual([undefined, false]);
    const answered = driver.run(unwell({ text: 'my dad collapsed and he is not breathing', area: 'chest', yesTo: ['pain_spreads', 'sweating', 'still_happening'] }), { answering: true, withholdText: true });
    expect([answered.finalState, answered.asked.includes('q.area.chest.arm_jaw')]).toEqual(['emergency', true]);
  });

  it('gives the raising answer to a question asked the other way round ("does your inhaler help?")', () => {
    const run = driver.run(unwell({ text: 'my asthma is getting worse today', area: 'breathing', yesTo: ['inhaler_not_helping', 'still_happening'] }), { answering: true });
    expect(run.asked).toContain('q.breathing.inhaler');
    expect(run.finalState).toBe('emergency');
  });
});
