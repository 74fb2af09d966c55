/**
 * Round 9, helper content (H40–H42), through the real statechart and the engine's public surface:
 * everyone in the mental health set is asked about harm today; the head set asks about sudden sight
 * and balance signs of a stroke; and a clear time long ago ("two years ago", "l'an dernier",
 * "кілька років тому", "من 10 سنين") makes an overdose or a fit history, while a recent time keeps it
 * today's emergency.
 */
import { createDialogDriver } from '../../bench/triageDialog.js';
import { vagueVignette, type Vignette } from '../../bench/triageSim.js';
import { createTriageEngine, loadTriageContent } from '../../src/triage/index.js';
import { tierOf } from '../support/triage.js';

const driver = createDialogDriver();
const engine = createTriageEngine(loadTriageContent('dialogs'));

const patient = (extra: Partial<Vignette>): Vignette => vagueVignette('round9-content-test', extra);

describe('round 9: harm today for everyone in the mental health set', () => {
  it('asks about harm today right after suicidal thoughts, even when the answer to those was no', () => {
    const run = driver.run(patient({ text: 'I have been feeling really low and down for weeks', area: 'mental', yesTo: [] }), { answering: true });
    expect(run.error).toBeUndefined();
    const at = run.asked.indexOf('q.mh.thoughts');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(run.asked[at + 1]).toBe('q.mh.harm_today');
    expect(run.asked).not.toContain('q.mh.plan');
    expect(run.finalState).not.toBe('emergency');
  });

  it('diverts on a yes to harm today with no suicidal thoughts', () => {
    const run = driver.run(patient({ text: 'I have been feeling really low and down for weeks', area: 'mental', yesTo: ['harmed_today', 'took_too_much'] }), { answering: true });
    expect(run.finalState).toBe('emergency');
    expect(run.ruleIds).toContain('rf.mh.attempt');
  });
});

describe('round 9: sudden sight or balance signs in the head set', () => {
  it('asks the head area about sight and balance, and diverts on a yes to sudden sight signs now', () => {
    const yes = driver.run(patient({ area: 'head', yesTo: ['sight_sudden', 'still_happening'] }), { answering: true });
    expect(yes.asked).toContain('q.headache.sight_balance');
    expect(yes.finalState).toBe('emergency');
    expect(yes.ruleIds).toContain('rf.stroke.other_signs');
  });

  it('does not divert on dizziness alone, nor on sudden sight signs that are not happening now', () => {
    for (const yesTo of [['faint_dizzy', 'still_happening'], ['sight_sudden', 'started_last_week']]) {
      const run = driver.run(patient({ area: 'head', yesTo }), { answering: true });
      expect(run.error).toBeUndefined();
      expect(run.asked).toContain('q.headache.sight_balance');
      expect(run.ruleIds).not.toContain('rf.stroke.other_signs');
    }
  });

  it('asks it when double vision or not walking straight is told beside another complaint that took the area picker away', () => {
    const text = 'Mi madre empezó a ver doble, no puede caminar derecha y está vomitando';
    const silent = driver.run(patient({ text, lang: 'spa', ageYears: 74, who: 'other' }));
    expect(silent.asked).toContain('q.headache.sight_balance');
    expect(silent.finalState).not.toBe('emergency');
    const answering = driver.run(patient({ text, lang: 'spa', ageYears: 74, who: 'other', area: 'head', yesTo: ['sight_sudden', 'still_happening', 'vomiting'] }), { answering: true });
    expect(answering.finalState).toBe('emergency');
    expect(answering.ruleIds).toContain('rf.stroke.other_signs');
  });

  it('raises nothing from the words of vertigo, a migraine aura or a known eye problem', () => {
    for (const [text, lang] of [
      ['I get vertigo when I turn over in bed, the room spins', 'eng'],
      ['migraine with zigzag lights before the headache like I always get', 'eng'],
      ['my glaucoma check is due and my sight is a bit blurry for reading', 'eng'],
      ['tengo vértigo cuando me giro en la cama', 'spa'],
    ] as const) {
      expect(engine.screen(text, lang).hits.map((h) => h.ruleId)).not.toContain('rf.stroke.other_signs');
      expect(tierOf(text, lang)).not.toBe('emergency');
    }
  });
});

describe('round 9: a clear time long ago makes an overdose or a fit history', () => {
  it.each([
    ['eng', 'Two years ago I took an overdose and was in hospital, now my mood is low again'],
    ['eng', 'I had one fit when I was young, I need a letter for my driving licence'],
    ['ron', 'Acum doi ani am luat o supradoză și am fost la spital, acum sunt din nou trist'],
    ['ron', 'acum 3 ani am luat o supradoza'],
    ['ukr', 'Кілька років тому я лежала в лікарні після передозування таблеток'],
    ['ukr', 'Два роки тому в мене було передозування таблеток'],
    ['fra', "Mon fils a fait une overdose de médicaments l'an dernier, il va mieux"],
    ['fra', "Il y a deux ans j'ai fait une overdose"],
    ['spa', 'Hace dos años tomé una sobredosis'],
    ['arb', 'صار عندي نوبة صرع مرة وحدة من 10 سنين'],
    ['pol', 'Dwa lata temu przedawkowałam leki'],
    ['ita', 'Qualche anno fa ho avuto un attacco epilettico, una sola volta'],
    ['urd', '2 saal pehle overdose liya tha'],
  ] as const)('%s: %s', (lang, text) => {
    expect(tierOf(text, lang)).not.toBe('emergency');
  });

  it.each([
    ['eng', 'I took an overdose an hour ago'],
    ['eng', 'took an overdose last night'],
    ['eng', 'I took an overdose this morning'],
    ['ron', 'acum o oră am luat o supradoză'],
    ['fra', "il y a une heure j'ai fait une overdose"],
    ['fra', "j'ai fait une overdose ce matin"],
    ['spa', 'hace dos horas tomé una sobredosis'],
    ['ukr', 'Годину тому я випила багато таблеток, передозування'],
    ['ita', "ho avuto una crisi epilettica un'ora fa"],
    ['arb', 'أخذت جرعة زائدة من الحبوب قبل ساعة'],
  ] as const)('stays an emergency with a recent time, %s: %s', (lang, text) => {
    expect(tierOf(text, lang)).toBe('emergency');
  });
});
