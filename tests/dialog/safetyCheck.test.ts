import { getShortestPaths } from '@xstate/graph';
import { getNextSnapshot, type SnapshotFrom } from 'xstate';
import { TIER_RANK } from '../../src/domain/types.js';
import type { IntakeMachine } from '../../src/dialog/machine/intakeMachine.js';
import type { IntakeEvent } from '../../src/dialog/machine/types.js';
import { pictureOf } from '../../src/dialog/machine/context.js';
import { CHECK_ANSWERS, CHECK_NONE, CHECK_VERSIONS, lineCode } from '../../src/triage/safetySchema.js';
import { lookup } from '../../src/i18n/resources.js';
import { loadTuningTable } from '../../bench/typedAnswers.js';
import { buildMachine, content, conversation, openPractice, type Reply } from '../support/dialog.js';

/**
 * The structured emergency check (issue 15): explored as a graph (every path through a health
 * problem meets the check or a diversion before any follow-up question; "yes" and "not sure"
 * never end below urgent), and answered with buttons and typed words in every language.
 */
const machine = buildMachine(['eng']);
type Snap = SnapshotFrom<IntakeMachine>;
const at = '2026-03-04T10:00:00Z';
const input = { conversationId: 'model-safety', lang: 'eng', at, practice: openPractice };
const say = (text: string): IntakeEvent => ({ type: 'user.message', text, at, practice: openPractice });
const engine = content.triage;
const typedNo = loadTuningTable();

const STORY = 'I need a fit note for work please. Since Saturday things have not been right with me and my husband told me to write to you today.';
/** Descriptions that match a complaint, none, an admin request with and without a symptom, a child and a pregnancy. */
const DESCRIPTIONS = [
  'sore throat for 3 days',
  'I feel a bit funny and not myself',
  'I need a fit note for my back pain',
  'I need a copy of my letter',
  // A request told as a story, in words no rule knows (hazard H52): its length brings the check.
  STORY,
  'my 2 year old son has a cough and a temperature',
  'I am 30 weeks pregnant and have a headache',
  // Light spotting: the pregnancy line asks one confirming question (safetyConfirm) before it diverts.
  'I am 8 weeks pregnant and have light spotting',
];
const FOLLOW_UPS = new Set(['triageQuestion', 'confirm', 'duration', 'trend', 'impact', 'wants']);

function eventsFor(s: Snap): IntakeEvent[] {
  const ctx = s.context;
  if (s.hasTag('done') || ['languageMenu', 'languageOffer'].includes(ctx.step)) return [];
  if (ctx.step === 'need') return ['need.new', 'need.admin'].map(say);
  if (ctx.step === 'describe') return DESCRIPTIONS.map(say);
  if (ctx.step === 'welcome') return [say('hello')];
  const choices = ctx.lastPrompt?.choices ?? [];
  // Beyond the first follow-up the graph is the same as in paths.test.ts: stop there.
  if (['duration', 'trend', 'impact', 'wants'].includes(ctx.step)) return [];
  // A complaint question's "not sure" mostly has its "yes" effect (questions.ts effectOf): where the
  // two effects are the same, exploring both only doubles the graph (hazard H59 added questions).
  const qid = ctx.step === 'triageQuestion' ? ctx.triage.currentQuestionId : undefined;
  // A question that records a detail ("Which one is it?" after yes to the urgent check, H88) cannot move the
  // tier (checkContent): its eight answers would only multiply the graph, so one is explored.
  if (qid && !choices.includes('yes')) {
    const rank = TIER_RANK[engine.decide(pictureOf(ctx)).tier];
    if (choices.every((c) => engine.answerEffect(qid, c).raise.every((r) => TIER_RANK[engine.rule(r)?.tier ?? 'emergency'] <= rank))) return choices.slice(0, 1).map(say);
  }
  if (qid && JSON.stringify(engine.answerEffect(qid, 'unsure')) === JSON.stringify(engine.answerEffect(qid, 'yes'))) {
    return choices.filter((c) => c !== 'unsure').map(say);
  }
  return choices.map(say);
}

const paths = getShortestPaths(machine, {
  input,
  events: eventsFor,
  serializeState: (s) =>
    `${s.context.step}|${s.context.intake.need ?? ''}|${s.context.intake.answers.describe?.code ?? ''}|${s.context.triage.currentQuestionId ?? ''}|${Object.entries(s.context.triage.answers).sort().join(';')}`,
  // 30,000 since round 18 (s18-areas-a, H79): the areas' new questions took the graph past 20,000 states (it needs between 20,000 and 24,000).
  // 40,000 since round 19 (s19-clean, H83): the pregnancy set's one-sided pain question (q.ff19.preg.one_side) took it past 30,000.
  // 50,000 since round 21 (s21-which, H88): the urgent check's follow-up after yes (one answer explored) took it just past 40,000 (40,134).
  limit: 50_000,
});

const checkAsked = (s: Snap) => s.context.triage.askedQuestionIds.some((id) => id.startsWith('q.check.'));
const areaAsked = (s: Snap) => s.context.triage.askedQuestionIds.includes('q.area');
const tierRank = (s: Snap) => TIER_RANK[engine.decide(pictureOf(s.context)).tier];

describe('the emergency check, explored as a graph', () => {
  it('explores paths through the check, the which-sign question and the area picker', () => {
    const steps = new Set(paths.flatMap((p) => p.steps.map((x) => x.state.context.step)));
    for (const step of ['safetyCheck', 'safetyWhich', 'safetyConfirm', 'areaPick', 'triageQuestion', 'duration', 'emergency']) expect([step, steps.has(step)]).toEqual([step, true]);
  });

  it('asks the check (or diverts) and then the area picker before any follow-up question, on every path through a health problem', () => {
    let checked = 0;
    for (const path of paths) {
      for (const { state } of path.steps) {
        const described = state.context.intake.answers.describe !== undefined;
        const symptom = engine.mentionsSymptom(pictureOf(state.context)) || state.context.intake.need === 'need.new' || state.context.intake.answers.describe?.code === STORY;
        if (!described || !symptom || !FOLLOW_UPS.has(state.context.step)) continue;
        checked++;
        // Whatever the words matched (a complaint set or none): the area is asked too (round 9).
        expect([state.context.intake.answers.describe?.code, state.context.step, checkAsked(state), areaAsked(state)]).toEqual([
          state.context.intake.answers.describe?.code, state.context.step, true, true,
        ]);
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('never asks the check for an admin request that names no symptom', () => {
    const admin = paths.filter((p) => p.state.context.intake.need === 'need.admin' && p.state.context.intake.answers.describe?.code === 'I need a copy of my letter');
    expect(admin.length).toBeGreaterThan(0);
    for (const p of admin) expect(checkAsked(p.state)).toBe(false);
    const story = paths.filter((p) => p.state.context.intake.need === 'need.admin' && p.state.context.intake.answers.describe?.code === STORY && FOLLOW_UPS.has(p.state.context.step));
    expect(story.length).toBeGreaterThan(0);
    for (const p of story) expect([checkAsked(p.state), areaAsked(p.state)]).toEqual([true, true]);
  });

  it('never ends below urgent after "yes" or "not sure", whatever sign (or none) is chosen, and whatever the confirming answer', () => {
    let probed = 0;
    let confirmed = 0;
    for (const path of paths.filter((p) => p.state.context.step === 'safetyCheck')) {
      for (const first of [CHECK_ANSWERS.yes, CHECK_ANSWERS.unsure]) {
        const which = getNextSnapshot(machine, path.state, say(first));
        expect(which.context.step).toBe('safetyWhich');
        for (const code of which.context.lastPrompt?.choices ?? []) {
          const end = getNextSnapshot(machine, which, say(code));
          probed++;
          expect([first, code, tierRank(end) >= TIER_RANK.urgent]).toEqual([first, code, true]);
          if (end.context.step === 'safetyConfirm') {
            // The pregnancy line after light spotting: yes or not sure divert; no is never below urgent.
            for (const answer of end.context.lastPrompt?.choices ?? []) {
              const after = getNextSnapshot(machine, end, say(answer));
              confirmed++;
              expect([first, code, answer, tierRank(after) >= TIER_RANK.urgent]).toEqual([first, code, answer, true]);
              if (answer !== 'no') expect([first, code, answer, after.context.step]).toEqual([first, code, answer, 'emergency']);
            }
            continue;
          }
          if (code !== CHECK_NONE || first === CHECK_ANSWERS.yes) expect([first, code, end.context.step]).toEqual([first, code, 'emergency']);
        }
      }
    }
    expect(probed).toBeGreaterThan(20);
    expect(confirmed).toBeGreaterThanOrEqual(6);
  });

  // One no-loop policy for every safety question (perceive.ts): content.maxTries, then "not sure", said why.
  const tries = content.intake.maxTries;
  const keysSaid = (s: Snap) => s.context.say.map((m) => m.key);

  it('counts answers it cannot read as "not sure", never skipping the check', () => {
    const path = paths.find((p) => p.state.context.step === 'safetyCheck');
    let s = path?.state as Snap;
    for (let i = 0; i < tries; i++) s = getNextSnapshot(machine, s, say('banana'));
    expect(s.context.step).toBe('safetyWhich');
    expect(s.context.triage.answers['q.check.adult']).toBe(CHECK_ANSWERS.unsure);
    for (let i = 0; i < tries; i++) s = getNextSnapshot(machine, s, say('banana'));
    expect(keysSaid(s)).toContain('understand.safetyAssumed');
    expect(s.context.triage.presentRuleIds).toContain(engine.emergencyCheck.notSureRuleId);
    expect(tierRank(s)).toBeGreaterThanOrEqual(TIER_RANK.urgent);
  });

  it('does not take a "no" that names a sign as a no: asks again, then counts it as "not sure"', () => {
    const path = paths.find((p) => p.state.context.step === 'safetyCheck' && p.state.context.triage.currentQuestionId === 'q.check.adult');
    let s = path?.state as Snap;
    for (let i = 0; i < tries - 1; i++) {
      s = getNextSnapshot(machine, s, say('no, my chest'));
      expect(s.context.step).toBe('safetyCheck');
    }
    s = getNextSnapshot(machine, s, say('no, my chest'));
    expect(s.context.step).toBe('safetyWhich');
    expect(keysSaid(s)).toContain('understand.safetyAssumed');
    expect(s.context.triage.answers['q.check.adult']).toBe(CHECK_ANSWERS.unsure);
  });

  it('takes a sign named in words on the last try as that sign, not as "not sure"', () => {
    const path = paths.find((p) => p.state.context.step === 'safetyCheck' && p.state.context.triage.currentQuestionId === 'q.check.adult');
    let s = path?.state as Snap;
    for (let i = 0; i < tries - 1; i++) s = getNextSnapshot(machine, s, say('banana'));
    s = getNextSnapshot(machine, s, say('heart attack'));
    expect(s.context.step).toBe('emergency');
  });

  it('counts an area it cannot read as "I cannot say which": never below urgent, and says why', () => {
    const path = paths.find((p) => p.state.context.step === 'areaPick');
    let s = path?.state as Snap;
    for (let i = 0; i < tries - 1; i++) {
      s = getNextSnapshot(machine, s, say('banana'));
      expect(s.context.step).toBe('areaPick');
    }
    s = getNextSnapshot(machine, s, say('banana'));
    expect(s.context.step).not.toBe('areaPick');
    expect(keysSaid(s)).toContain('understand.safetyAssumed');
    expect(s.context.triage.answers['q.area']).toBe(CHECK_NONE);
    expect(s.context.triage.presentRuleIds).toContain(engine.emergencyCheck.notSureRuleId);
    expect(tierRank(s)).toBeGreaterThanOrEqual(TIER_RANK.urgent);
  });
});

describe('the versions of the check', () => {
  const versionAsked = (description: string) => {
    const c = conversation({ id: `test:version-${description.length}` });
    c.say('hello');
    c.say('need.new');
    const reply = c.say(description);
    return { c, reply, question: (reply.result.snapshot as Snap).context.triage.currentQuestionId };
  };

  it('lists at most 8 signs in each version, each tied to an emergency rule with an NHS source', () => {
    const check = engine.emergencyCheck;
    for (const v of CHECK_VERSIONS) {
      expect(check.versions[v].length).toBeLessThanOrEqual(8);
      for (const line of check.versions[v]) {
        const rule = engine.rule(check.lines[line]?.ruleId ?? '');
        expect([line, rule?.tier, rule?.source.url.startsWith('https://')]).toEqual([line, 'emergency', true]);
      }
    }
  });

  it('asks the adult version for an adult, the child version for a child, the pregnancy version in pregnancy', () => {
    expect(versionAsked('I have had a sore throat for 3 days').question).toBe('q.check.adult');
    expect(versionAsked('my 2 year old son has had a cough for 3 days').question).toBe('q.check.child');
    expect(versionAsked('I am 30 weeks pregnant and have a headache').question).toBe('q.check.pregnancy');
  });

  it('asks the child version at the end when the date of birth shows a child', () => {
    const { c } = versionAsked('it has had a sore throat for 3 days');
    let reply = c.say(CHECK_ANSWERS.no);
    for (let i = 0; i < 20 && reply.result.state !== 'safetyCheck' && !reply.result.done; i++) {
      const state = reply.result.state;
      const answer: Record<string, string> = {
        triageQuestion: 'no', duration: 'duration.days', trend: 'trend.same', impact: 'impact.some', wants: 'wants.appointment',
        pharmacyOffer: 'yes', who: 'for.other', relationship: 'rel.child', name: 'Sam Taylor', dob: '01/01/2021', nhs: 'skip',
        postcode: 'LS1 4AP', phone: '07700 900123', contactMethod: 'contact.either', contactTimes: 'when.any',
      };
      reply = c.say(answer[state] ?? 'no');
    }
    expect((reply.result.snapshot as Snap).context.triage.currentQuestionId).toBe('q.check.child');
    const after = c.say(CHECK_ANSWERS.no);
    expect(after.result.state).toBe('review');
  });

  it('shows every line of the version, then the question with its three answers', () => {
    const { reply } = versionAsked('I have had a sore throat for 3 days');
    const check = engine.emergencyCheck;
    for (const line of check.versions.adult) expect(reply.result.say.map((m) => m.key)).toContain(`safety.line.${line}`);
    expect(reply.result.say.at(-1)?.choices).toEqual([CHECK_ANSWERS.yes, CHECK_ANSWERS.no, CHECK_ANSWERS.unsure]);
  });

  it('adds two turns (the check and the area) and goes on to the complaint questions after "no"', () => {
    const { c } = versionAsked('I have had a sore throat for 3 days');
    expect(c.say(CHECK_ANSWERS.no).result.state).toBe('areaPick');
    expect(c.say('safety.area.other').result.state).toBe('triageQuestion');
  });

  it('asks the area when nothing matched too, and that area\'s red-flag questions follow', () => {
    const { c } = versionAsked('I feel a bit funny and not myself');
    expect(c.say(CHECK_ANSWERS.no).result.state).toBe('areaPick');
    const q = c.say('safety.area.pregnancy');
    expect([q.result.state, (q.result.snapshot as Snap).context.triage.currentQuestionId]).toEqual(['triageQuestion', 'q.preg.bleed_pain']);
  });

  it('still asks the area when only mood words matched (the mental health set does not stand for a part of the body)', () => {
    const { c } = versionAsked('I am so stressed and my little one has been poorly');
    expect(c.say(CHECK_ANSWERS.no).result.state).toBe('areaPick');
    const q = c.say('safety.area.child');
    expect(q.result.state).toBe('triageQuestion');
  });

  /** Answers "no" to every complaint question; the ids asked, in order. */
  const questionsAsked = (c: ReturnType<typeof conversation>, first: Reply): string[] => {
    const asked: string[] = [];
    let reply = first;
    for (let i = 0; i < 20 && reply.result.state === 'triageQuestion'; i++) {
      asked.push((reply.result.snapshot as Snap).context.triage.currentQuestionId ?? '');
      reply = c.say('no');
    }
    return asked;
  };

  it('asks the area even when the words matched a complaint set, and "Something else" adds the general questions', () => {
    const { c } = versionAsked('I feel sick');
    expect(c.say(CHECK_ANSWERS.no).result.state).toBe('areaPick');
    const asked = questionsAsked(c, c.say('safety.area.other'));
    // The general set (an overdose told as "feeling sick"): very unwell, and too much of a medicine or a poison.
    expect(asked).toEqual(expect.arrayContaining(['q.general.very_unwell', 'q.general.took']));
  });

  it('asks the area when a body complaint matched, mood words or not', () => {
    const { c } = versionAsked('I am so stressed and I have had a sore throat for 3 days');
    expect(c.say(CHECK_ANSWERS.no).result.state).toBe('areaPick');
  });

  it('asks the child questions for a child by age whatever area the parent taps (a baby with diarrhoea, "Tummy")', () => {
    const { c, question } = versionAsked('my 5 month old has had diarrhoea since yesterday');
    expect(question).toBe('q.check.child');
    expect(c.say(CHECK_ANSWERS.no).result.state).toBe('areaPick');
    const asked = questionsAsked(c, c.say('safety.area.tummy'));
    expect(asked).toEqual(expect.arrayContaining(['q.child.breathing', 'q.child.fit', 'q.child.swallowed']));
  });

  it('does not ask the child questions of an adult who taps "Tummy"', () => {
    const { c, question } = versionAsked('I have had diarrhoea since yesterday');
    expect(question).toBe('q.check.adult');
    c.say(CHECK_ANSWERS.no);
    const asked = questionsAsked(c, c.say('safety.area.tummy'));
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((id) => id.startsWith('q.child.'))).toEqual([]);
  });

  it('gives the sign\'s own advice and stores a diversion, not a request', () => {
    const { c } = versionAsked('I have had a sore throat for 3 days');
    c.say(CHECK_ANSWERS.yes);
    const reply = c.say(lineCode('self_harm'));
    expect(reply.result.state).toBe('emergency');
    expect(reply.result.say[0]?.key).toBe('safety.advice.self_harm');
    expect(reply.result.effects.map((e) => e.request.kind)).toEqual(['emergency-diversion']);
    expect(reply.result.effects[0]?.request.triage.ruleIds).toEqual(['rf.check.self_harm']);
  });
});

/** "I have had a sore throat for 3 days" in each language (as in tests/triage/multilingual.test.ts). */
const SORE_THROAT: Record<string, string> = {
  eng: 'I have had a sore throat for 3 days', cym: 'dolur gwddf ers 3 diwrnod', pol: 'ból gardła od 3 dni', ron: 'mă doare gâtul de 3 zile',
  pan: '3 ਦਿਨਾਂ ਤੋਂ ਗਲਾ ਖਰਾਬ ਹੈ', urd: '3 دن سے گلے میں خراش ہے', por: 'dor de garganta há 3 dias', spa: 'me duele la garganta desde hace 3 días',
  arb: 'التهاب في الحلق منذ 3 أيام', ben: '৩ দিন ধরে গলা ব্যথা', guj: '3 દિવસથી ગળામાં દુખાવો', ita: 'mal di gola da 3 giorni', cmn: '喉咙痛三天了',
  fra: 'mal à la gorge depuis 3 jours', lit: 'skauda gerklę 3 dienas', tam: '3 நாட்களாக தொண்டை வலி', tur: '3 gündür boğazım ağrıyor',
  som: 'cunaha ayaa i xanuunaya 3 maalmood', ukr: 'болить горло 3 дні', pes: 'سه روز است گلودرد دارم',
};

describe.each(content.languages.map((l) => [l.code, l.bcp47] as const))('the check answered in %s', (lang, bcp47) => {
  const tree = content.resources[bcp47];
  const title = (code: string) => lookup(tree, `choice.${code}`) as string;
  const atCheck = () => {
    const c = conversation({ lang, id: `test:check-${lang}` });
    c.say('hello');
    c.say('need.new');
    const reply = c.say(SORE_THROAT[lang] as string);
    expect(reply.result.state).toBe('safetyCheck');
    return c;
  };

  it('has its own words for every line and answer', () => {
    for (const line of Object.keys(engine.emergencyCheck.lines)) {
      expect(typeof lookup(tree, `safety.line.${line}`)).toBe('string');
      expect(typeof title(lineCode(line))).toBe('string');
    }
  });

  it('takes the buttons: yes, then a sign', () => {
    const c = atCheck();
    expect(c.say(CHECK_ANSWERS.yes).result.state).toBe('safetyWhich');
    expect(c.say(lineCode('breathing')).result.state).toBe('emergency');
  });

  it('takes typed answers: the title of "No, none of these"', () => {
    const c = atCheck();
    // On to the area picker, asked after every check (round 9).
    expect(['areaPick']).toContain(c.say(title(CHECK_ANSWERS.no)).result.state);
  });

  it('takes "no" as people type it in this language (tests/dialog/typed/tuning.json)', () => {
    const said = typedNo.languages[lang]?.answers['yesNo']?.['no'] ?? [];
    expect(said.length).toBeGreaterThan(0);
    for (const text of said) {
      const c = atCheck();
      expect([text, c.say(text).result.state === 'safetyCheck']).toEqual([text, false]);
      expect([text, (c.stored?.snapshot as { context: { triage: { answers: Record<string, string> } } }).context.triage.answers['q.check.adult']]).toEqual([text, CHECK_ANSWERS.no]);
    }
  });

  it('takes typed answers: the title of "Yes" and of a sign, and the number of an answer', () => {
    const c = atCheck();
    expect(c.say(title(CHECK_ANSWERS.yes)).result.state).toBe('safetyWhich');
    expect(c.say(title(lineCode('stroke'))).result.state).toBe('emergency');
    const d = atCheck();
    expect(d.say('3').result.state).toBe('safetyWhich');
    expect(d.say(title(CHECK_NONE)).result.state).not.toBe('emergency');
  });
});
