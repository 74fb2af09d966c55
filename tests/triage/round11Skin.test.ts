import { readFileSync } from 'node:fs';
import { createTriageEngine, loadTriageContent } from '../../src/triage/index.js';
import { createDialogDriver } from '../../bench/triageDialog.js';
import type { Vignette } from '../../bench/triageSim.js';

/**
 * Round 11 (helper "s11-skin", hazard H53): the skin area, and a shingles rash told in words, ask
 * one question about the eye ("Is the rash or blisters near an eye, or is that eye red, sore or
 * seeing less well?", q.rash.eye). Yes raises rf.skin.near_eye, urgent (NHS.uk Shingles: urgent GP
 * or 111 for a rash near the eye). Before it, a shingles rash near the eye told in words no rule
 * read ended at routine or self-care although the patient picked the skin area.
 */
const engine = createTriageEngine(loadTriageContent('dialogs'));
const driver = createDialogDriver();
type Lang = Extract<Parameters<typeof engine.screen>[1], string>;
const picture = (text: string, lang: string, presentRuleIds: string[] = []) => ({
  need: 'need.new' as const, texts: [{ text, lang: lang as Lang }], answers: {} as Record<string, string>, presentRuleIds, deniedRuleIds: [] as string[],
});

/** The questions the engine asks, in order, when every answer is `answer` (or the one given for a question). */
function askedFor(p: ReturnType<typeof picture>, own: Record<string, string> = {}, answer = 'no'): { asked: string[]; answers: Record<string, string> } {
  const asked: string[] = [];
  const answers: Record<string, string> = {};
  for (let q = engine.nextQuestion(p); q && asked.length < 15; q = engine.nextQuestion({ ...p, answers })) {
    asked.push(q.id);
    answers[q.id] = own[q.id] ?? answer;
  }
  return { asked, answers };
}

// Engine language code -> locales folder.
const LOCALE: Record<string, string> = {
  eng: 'en', cym: 'cy', arb: 'ar', ben: 'bn', spa: 'es', pes: 'fa', fra: 'fr', guj: 'gu', ita: 'it', lit: 'lt',
  pan: 'pa-Guru', pol: 'pl', por: 'pt', ron: 'ro', som: 'so', tam: 'ta', tur: 'tr', ukr: 'uk', urd: 'ur', cmn: 'zh-Hans',
};
/** A plain name of shingles (the first rf.shingles trigger of the language; pf.shingles before round 12). */
function shinglesWord(lang: string): string {
  if (lang === 'eng') return 'shingles';
  const file = JSON.parse(readFileSync(`dialogs/redflags/triggers/${lang}.json`, 'utf8')) as Record<string, unknown>;
  const find = (o: unknown): string[] | undefined => {
    if (!o || typeof o !== 'object') return undefined;
    const rec = o as Record<string, unknown>;
    if (Array.isArray(rec['rf.shingles'])) return rec['rf.shingles'] as string[];
    for (const v of Object.values(rec)) {
      const got = find(v);
      if (got) return got;
    }
    return undefined;
  };
  const words = find(file);
  if (!words?.[0]) throw new Error(`no rf.shingles trigger for ${lang}`);
  return words[0];
}

const skinCase = (extra: Partial<Vignette>): Vignette => ({
  id: 'skin-test', text: 'I have an itchy red rash on my forehead', need: 'need.new', gold: 'urgent', answers: {}, source: 'test', tags: [],
  who: 'self', ageYears: 66, recognises999Sign: null, area: 'skin', ...extra,
});

describe('round 11: the skin area asks whether the rash is near an eye (H53)', () => {
  it('raises an urgent, same-day rule with an NHS.uk source on yes, and nothing on no', () => {
    expect(engine.answerEffect('q.rash.eye', 'yes').raise).toEqual(['rf.skin.near_eye']);
    expect(engine.answerEffect('q.rash.eye', 'unsure').raise).toEqual(['rf.skin.near_eye']);
    expect(engine.answerEffect('q.rash.eye', 'no').raise).toEqual([]);
    const rule = engine.rule('rf.skin.near_eye');
    expect(rule?.tier).toBe('urgent');
    expect(rule?.disposition).toBe('gp_same_day');
    expect(rule?.source.url).toBe('https://www.nhs.uk/conditions/shingles/');
  });

  it('asks it once in the skin area, after the glass test, and a yes makes a skin problem urgent', () => {
    const skin = picture('I have a problem with my skin', 'eng', ['cx.area.skin']);
    const { asked } = askedFor(skin);
    expect(asked.filter((id) => id === 'q.rash.eye')).toHaveLength(1);
    expect(asked.indexOf('q.rash.glass')).toBeLessThan(asked.indexOf('q.rash.eye'));
    expect(engine.decide({ ...skin, answers: { 'q.rash.eye': 'yes' } }).tier).toBe('urgent');
    expect(engine.decide({ ...skin, answers: { 'q.rash.eye': 'no' } }).tier).not.toBe('urgent');
  });

  it('does not ask it for a rash in another area (a child with spots): only the skin area and shingles', () => {
    const child = picture('my son has spots', 'eng', ['cx.area.child', 'cx.child']);
    expect(askedFor(child).asked).not.toContain('q.rash.eye');
  });

  it('does not ask it when the words already said the shingles rash is near the eye (already urgent)', () => {
    const p = picture('shingles near my eye', 'eng', ['cx.area.skin']);
    expect(engine.decide(p).tier).toBe('urgent');
    expect(askedFor(p).asked).not.toContain('q.rash.eye');
  });

  // Round 12 (H57): shingles told in words is urgent by itself (NHS.uk Shingles: urgent GP or 111 for
  // anyone who thinks they have it), so the eye question, which could only raise it to urgent, is not asked.
  it.each(Object.keys(LOCALE))('%s: shingles told in words (no area) is urgent already; the eye question is not asked, a yes still reads', (lang) => {
    const p = picture(shinglesWord(lang), lang);
    expect(engine.screen(p.texts[0]!.text, lang as Lang).hits.map((h) => h.ruleId)).toContain('rf.shingles');
    expect(askedFor(p).asked).not.toContain('q.rash.eye');
    expect(engine.decide({ ...p, answers: { 'q.rash.eye': 'no' } }).tier).toBe('urgent');
    const yes = engine.decide({ ...p, answers: { 'q.rash.eye': 'yes' } });
    expect(yes.tier).toBe('urgent');
    expect(yes.ruleIds).toContain('rf.skin.near_eye');
  });

  it.each(Object.entries(LOCALE))('%s: has the question in its own words (locales/%s/triage.json)', (lang, dir) => {
    const text = (JSON.parse(readFileSync(`locales/${dir}/triage.json`, 'utf8')) as { triage: { rash: Record<string, string> } }).triage.rash['eye'];
    expect(typeof text).toBe('string');
    expect(text!.trim().length).toBeGreaterThan(10);
    expect(text!.trim()).toMatch(/[?？؟]$/u);
    const en = (JSON.parse(readFileSync('locales/en/triage.json', 'utf8')) as { triage: { rash: Record<string, string> } }).triage.rash['eye'];
    if (lang !== 'eng') expect(text).not.toBe(en);
  });

  it('the answering patient: a rash near the eye picked under skin is urgent; the same rash elsewhere is not', () => {
    const near = driver.run(skinCase({ yesTo: ['still_happening', 'started_last_week', 'rash_near_eye'] }), { answering: true });
    expect(near.error).toBeUndefined();
    expect(near.asked).toContain('q.rash.eye');
    expect(near.tier).toBe('urgent');
    const away = driver.run(skinCase({ yesTo: ['still_happening', 'started_last_week'], gold: 'routine' }), { answering: true });
    expect(away.asked).toContain('q.rash.eye');
    expect(away.tier).not.toBe('urgent');
    expect(away.tier).not.toBe('emergency');
  });

  it('the answering patient: a stye (swelling round the eye, the eye area) is not asked the skin question', () => {
    const stye = driver.run(skinCase({ text: 'a red lump on the edge of my eyelid', area: 'eye', gold: 'selfcare', yesTo: ['still_happening', 'swelling_round_eye'] }), { answering: true });
    expect(stye.asked).not.toContain('q.rash.eye');
  });
});
