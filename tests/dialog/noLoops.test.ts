import { TIER_RANK } from '../../src/domain/types.js';
import { pictureOf } from '../../src/dialog/machine/context.js';
import type { IntakeContext } from '../../src/dialog/machine/types.js';
import { content, conversation } from '../support/dialog.js';

type Conversation = ReturnType<typeof conversation>;
/** States where a patient with nothing serious types "no": red-flag questions, confirmations and the emergency check. */
const SAFETY_NO = ['triageQuestion', 'confirm', 'safetyCheck'];
/**
 * Answer "no" (typed) until the follow-up questions start, as a patient who is not in an emergency
 * would; the area picker (after every check) is answered by typing the area's title, "skin or rash".
 */
function denyRedFlags(c: Conversation): void {
  for (let i = 0; i < 14 && [...SAFETY_NO, 'areaPick'].includes(c.last.state); i++) c.say(c.last.state === 'areaPick' ? 'skin or rash' : 'no');
}

/** No loops: plain re-prompt, then a numbered list and the practice's number, then move on (or, if safety, count as unsure). */
describe('answers the bot cannot read', () => {
  it('re-prompts in plain words, then numbers the choices and offers a call, then records "not answered" and moves on', () => {
    const c = conversation();
    c.say('I have had an itchy rash on my arm for a few weeks');
    denyRedFlags(c);
    expect(c.last.state).toBe('duration');
    const first = c.say('banana');
    expect(first.text).toMatch(/roughly how long: today, a few days, a few weeks, or months/);
    expect(first.result.state).toBe('duration');
    const second = c.say('banana');
    expect(second.text).toMatch(/1\. Today/);
    expect(second.text).toContain('0113 496 0000');
    const third = c.say('banana');
    expect(third.result.state).toBe('trend');
    expect(third.result.say.map((m) => m.key)).toContain('understand.notAnswered');
    expect(JSON.stringify(c.stored?.snapshot)).toContain('"duration":{"questionId":"duration","questionKey":"dialog.q.duration","code":"notAnswered"');
  });

  it('never skips a red-flag question: after three unreadable answers it counts as unsure (upward) and says why', () => {
    const c = conversation();
    c.say('I have a really bad headache');
    expect(c.last.state).toBe('safetyCheck');
    c.say('none of these');
    // The area picker follows every check; the head's red-flag questions follow it.
    expect(c.last.state).toBe('areaPick');
    c.say('head');
    expect(['triageQuestion', 'confirm']).toContain(c.last.state);
    const asked = c.last.say.at(-1)?.key;
    c.say('🙂');
    c.say('🙂');
    const third = c.say('🙂');
    expect(third.result.say.map((m) => m.key)).toContain('understand.safetyAssumed');
    expect(third.text).toMatch(/To be safe, I will take it as a yes/);
    expect(JSON.stringify(c.stored?.snapshot)).toMatch(/"code":"unsure"/);
    expect(third.result.say.at(-1)?.key).not.toBe(asked);
  });

  it('never skips the emergency check: three unreadable answers count as "not sure", say why, and then ask which sign', () => {
    const c = conversation();
    c.say('I have a really bad headache');
    expect(c.last.state).toBe('safetyCheck');
    const first = c.say('🙂');
    expect(first.result.state).toBe('safetyCheck');
    expect(first.result.say.map((m) => m.key)).toContain('dialog.invalid.choice');
    expect(c.say('🙂').text).toContain('0113 496 0000');
    const third = c.say('🙂');
    expect(third.result.state).toBe('safetyWhich');
    expect(third.result.say.map((m) => m.key)).toContain('understand.safetyAssumed');
    expect(third.text).toMatch(/To be safe, I will take it as a yes/);
    expect(JSON.stringify(c.stored?.snapshot)).toContain('"q.check.adult":"safety.unsure"');
    // The which-sign question follows the same policy: three more unreadable answers, never below urgent, told why.
    c.say('🙂');
    c.say('🙂');
    const sixth = c.say('🙂');
    expect(sixth.result.say.map((m) => m.key)).toContain('understand.safetyAssumed');
    expect(sixth.result.say.map((m) => m.key)).toContain('safety.advice.unsure');
    const ctx = (c.stored?.snapshot as { context: IntakeContext }).context;
    expect(ctx.triage.presentRuleIds).toContain(content.triage.emergencyCheck.notSureRuleId);
    expect(TIER_RANK[content.triage.decide(pictureOf(ctx)).tier]).toBeGreaterThanOrEqual(TIER_RANK.urgent);
  });

  it('never sends without a yes: three unreadable answers to "can we send this?" end with nothing sent', () => {
    const c = conversation();
    c.say('I need a fit note for work');
    for (let i = 0; i < 30 && c.last.state !== 'consent'; i++) {
      const answers: Record<string, string> = {
        wants: 'a note', who: 'me', name: 'Sam Smith', dob: '12/3/85', nhs: 'skip', postcode: 'ls1 4ap', phone: '07700 900123',
        contactMethod: 'text', contactTimes: 'any time', review: 'yes', triageQuestion: 'no', confirm: 'no', duration: '3 days',
        trend: 'same', impact: 'a bit',
      };
      c.say(answers[c.last.state] ?? 'no');
    }
    expect(c.last.state).toBe('consent');
    c.say('hmm');
    c.say('hmm');
    const third = c.say('hmm');
    expect(third.result.state).toBe('ended');
    expect(c.turns.flatMap((t) => t.effects)).toEqual([]);
  });

  it('asks which one when an answer fits two choices, and then "1" means the first of those two', () => {
    const c = conversation();
    c.say('I have had an itchy rash on my arm for a few weeks');
    denyRedFlags(c);
    c.say('3 weeks');
    const either = c.say('worse or the same');
    expect(either.text).toMatch(/Did you mean (Getting worse|About the same) or (Getting worse|About the same)\?/);
    const [first] = either.result.say.at(-1)?.choices ?? [];
    c.say('1');
    expect(JSON.stringify(c.stored?.snapshot)).toContain(`"trend":{"questionId":"trend","questionKey":"dialog.q.trend","code":"${first}"`);
  });

  it('takes "my son" at "who is it for" as someone else and their relationship, without asking again', () => {
    const c = conversation();
    c.say('I need a fit note for work');
    for (let i = 0; i < 12 && c.last.state !== 'who'; i++) c.say(c.last.state === 'wants' ? 'a note' : 'no');
    expect(c.say('my son').result.state).toBe('name');
    expect(JSON.stringify(c.stored?.snapshot)).toContain('"subject":{"who":"for.other","relationship":"rel.child"}');
  });
});

describe('pictures and empty messages', () => {
  it('says it cannot open pictures, counts them as tries, and never loops on them', () => {
    const c = conversation();
    c.say('I have had an itchy rash on my arm for a few weeks');
    denyRedFlags(c);
    expect(c.last.state).toBe('duration');
    expect(c.say('', 1).text).toMatch(/cannot open files/);
    expect(c.say('', 1).text).toContain('0113 496 0000');
    expect(c.say('', 1).result.state).toBe('trend');
  });
});
