import { MACHINE_VERSION } from '../../src/dialog/machine/intakeMachine.js';
import { answerTriageQuestions, choicesOf, conversation } from '../support/dialog.js';

/** Walks a routine request from "hello" to the review. */
function toReview(c: ReturnType<typeof conversation>) {
  c.say('hello');
  c.say('need.new');
  c.say('I have had a rash on my arm for a few weeks, it is itchy');
  answerTriageQuestions(c, 'no');
  for (const answer of ['duration.weeks', 'trend.same', 'impact.some', 'wants.appointment', 'for.self', 'Jane Smith', '31/12/1980', 'skip', 'SW1A 1AA', '07700 900123', 'contact.text', 'when.any']) {
    c.say(answer);
  }
  expect(c.last.state).toBe('review');
}

/** From wherever the description left off, answers everything up to the review. */
function toReviewFromHere(c: ReturnType<typeof conversation>) {
  answerTriageQuestions(c, 'no');
  for (const answer of ['duration.weeks', 'trend.same', 'impact.some', 'wants.appointment', 'for.self', 'Jane Smith', '31/12/1980', 'skip', 'SW1A 1AA', '07700 900123', 'contact.text', 'when.any']) {
    if (c.last.state === 'review') break;
    c.say(answer);
  }
  expect(c.last.state).toBe('review');
}

/** A routine admin request (test results), up to the point where the tier is decided. */
function askForResults(c: ReturnType<typeof conversation>) {
  c.say('hi');
  c.say('need.admin');
  c.say('I need a copy of my test results');
  answerTriageQuestions(c);
  return c.say('wants.document');
}

describe('greeting and the first question', () => {
  it('says plainly this is not for emergencies, whether the practice is open, and asks what is needed', () => {
    const c = conversation();
    const reply = c.say('hello');
    expect(reply.text).toMatch(/not for emergencies/);
    expect(reply.text).toMatch(/999/);
    expect(reply.text).toMatch(/open now/);
    expect(reply.result.state).toBe('need');
    expect(choicesOf(reply)).toEqual(['need.new', 'need.ongoing', 'need.medicines', 'need.admin', 'need.other']);
  });

  it('greets on conversationUpdate too', () => {
    const c = conversation();
    expect(c.start().result.state).toBe('need');
  });

  it.each([['1', 'need.new'], ['A new health problem', 'need.new'], ['need.admin', 'need.admin'], ['  something ELSE ', 'need.other']])(
    'takes the choice typed as %s',
    (typed, code) => {
      const c = conversation();
      c.say('hi');
      const reply = c.say(typed);
      expect(reply.result.state).toBe('describe');
      expect(c.last.state).toBe('describe');
      expect(JSON.stringify(c.stored?.snapshot)).toContain(code);
    },
  );
});

describe('a description in the first message', () => {
  it('is taken as the description of a new problem and the dialog goes straight on, so the patient does not type it twice', () => {
    const c = conversation();
    const first = c.say('I have had an itchy rash on my arm for a few weeks');
    expect(first.result.state).not.toBe('need');
    expect(first.result.state).not.toBe('describe');
    expect(first.text).toMatch(/not for emergencies/);
    expect(first.text).toMatch(/noted what you told me/);
    expect(first.text).not.toMatch(/did not understand/);
    toReviewFromHere(c);
    c.say('review.send');
    const request = c.say('yes').result.effects[0]?.request;
    expect(request?.texts.map((t) => t.text)).toEqual(['I have had an itchy rash on my arm for a few weeks']);
    expect(request?.need).toBe('need.new');
  });

  it('is taken as an ongoing problem when it says so', () => {
    const c = conversation();
    c.say('hello');
    c.say('my asthma is getting worse again');
    expect(JSON.stringify(c.stored?.snapshot)).toContain('need.ongoing');
  });

  it('routes admin phrases to their need', () => {
    const c = conversation();
    c.say('hi');
    c.say('I need a fit note for work please');
    expect(JSON.stringify(c.stored?.snapshot)).toContain('"need":"need.admin"');
  });

  it.each(['hello there', 'good morning', 'thanks', 'I need help'])('answers small talk (%s) kindly with the question, never "did not understand"', (text) => {
    const c = conversation();
    c.say('hi');
    const reply = c.say(text);
    expect(reply.result.state).toBe('need');
    expect(reply.text).not.toMatch(/did not understand/);
    expect(reply.text).toMatch(/What do you need help with/);
    expect(c.say('need.new').result.state).toBe('describe');
  });
});

describe('a routine request', () => {
  it('is stored only after consent, with every answer coded, and gets a reference and safety-netting', () => {
    const c = conversation();
    toReview(c);
    expect(c.turns.flatMap((t) => t.effects)).toEqual([]);
    const review = c.turns[c.turns.length - 1];
    expect(review?.say[0]?.lines?.length).toBeGreaterThan(8);
    expect(c.say('review.send').result.state).toBe('consent');
    const sent = c.say('yes');
    expect(sent.result.state).toBe('submitted');
    expect(sent.text).toMatch(/reference is [A-Z0-9]{3}-[A-Z0-9]{3}/);
    expect(sent.text).toMatch(/call 111/);
    expect(sent.text).toMatch(/call 999/);
    const [effect] = sent.result.effects;
    expect(effect?.type).toBe('request.store');
    const request = effect!.request;
    expect(request.kind).toBe('request');
    expect(request.id).toBe(sent.result.requestId);
    expect(request.patient).toMatchObject({ name: 'Jane Smith', dateOfBirth: '1980-12-31', postcode: 'SW1A 1AA', phone: '07700900123' });
    expect(request.patient.nhsNumber).toBeUndefined();
    expect(request.answers.find((a) => a.questionId === 'duration')).toMatchObject({ code: 'duration.weeks', questionKey: 'dialog.q.duration' });
    expect(request.texts[0]).toMatchObject({ step: 'describe', lang: 'eng' });
    expect(request.triage.tier).toBe(sent.result.urgency);
    expect(request.triage.rulesetVersion).toBeTruthy();
    expect(sent.activities.every((a) => a.channelData.intake.requestId === request.id)).toBe(true);
  });

  it('stores nothing when the patient says no to sending', () => {
    const c = conversation();
    toReview(c);
    c.say('review.send');
    const reply = c.say('no');
    expect(reply.result.state).toBe('ended');
    expect(reply.text).toMatch(/Nothing has been sent/);
    expect(c.turns.flatMap((t) => t.effects)).toEqual([]);
  });

  it('lets the patient change an answer from the review and comes back to the review', () => {
    const c = conversation();
    toReview(c);
    c.say('review.change');
    expect(c.say('change.phone').result.state).toBe('phone');
    const back = c.say('07700 900999');
    expect(back.result.state).toBe('review');
    expect(back.text).toContain('07700900999');
  });

  it('derives the same request id if the same session is stored twice (idempotent storage)', () => {
    const a = conversation({ id: 'test:same' });
    const b = conversation({ id: 'test:same' });
    for (const c of [a, b]) {
      toReview(c);
      c.say('review.send');
      c.say('yes');
    }
    expect(a.last.requestId).toBe(b.last.requestId);
  });
});

describe('red flags at every step', () => {
  it('diverts a clear emergency in the very first message, at once', () => {
    const c = conversation();
    const reply = c.say('crushing chest pain spreading to my left arm');
    expect(reply.result.state).toBe('emergency');
    expect(reply.result.urgency).toBe('emergency');
    expect(reply.result.disposition).toBe('call_999');
    expect(reply.text).toMatch(/Call 999 now/);
    const [effect] = reply.result.effects;
    expect(effect?.request.kind).toBe('emergency-diversion');
    expect(effect?.request.triage.ruleIds).toContain('rf.chest_pain.cardiac');
    expect(reply.activities.every((a) => a.channelData.intake.urgency === 'emergency')).toBe(true);
  });

  it('diverts an emergency typed in the middle of the details', () => {
    const c = conversation();
    c.say('hi');
    c.say('need.admin');
    c.say('I need a fit note for work');
    answerTriageQuestions(c);
    c.say('wants.document');
    c.say('for.other');
    c.say('rel.parent');
    expect(c.last.state).toBe('name');
    const reply = c.say("wait my dad's face has dropped and he can't lift his arm");
    expect(reply.result.state).toBe('emergency');
    expect(reply.result.disposition).toBe('call_999');
  });

  it('asks targeted questions for an uncertain hit, and diverts as soon as the answers make it an emergency', () => {
    const c = conversation();
    c.say('hi');
    c.say('need.new');
    // The emergency check comes first (issue 15); a patient who does not see their pain in it goes on.
    expect(c.say('I have chest pain').result.state).toBe('safetyCheck');
    // The area picker follows every check (the area's own questions join the ones the words matched).
    expect(c.say('safety.no').result.state).toBe('areaPick');
    const ask = c.say('safety.area.chest');
    expect(['confirm', 'triageQuestion']).toContain(ask.result.state);
    expect(choicesOf(ask)).toEqual(['yes', 'no', 'unsure']);
    let reply = c.say('yes');
    for (let i = 0; i < 6 && reply.result.state !== 'emergency'; i++) reply = c.say('yes');
    expect(reply.result.state).toBe('emergency');
    expect(reply.result.urgency).toBe('emergency');
    expect(c.turns.length).toBeLessThanOrEqual(8);
  });

  it('does not divert chest pain that has stopped and has no warning signs', () => {
    const c = conversation();
    c.say('hi');
    c.say('need.new');
    c.say('I had some chest pain yesterday');
    const reply = answerTriageQuestions(c, 'no');
    expect(c.last.state).not.toBe('emergency');
    expect(reply).toBeDefined();
  });

  it('does not treat negated or past red flags as present', () => {
    const c = conversation();
    c.say('hi');
    c.say('need.medicines');
    const reply = c.say('had a heart attack 5 years ago, need my statins');
    expect(reply.result.state).not.toBe('emergency');
    const d = conversation();
    d.say('hi');
    d.say('need.new');
    expect(d.say('no chest pain, just a cough').result.state).not.toBe('emergency');
  });

  it('keeps diverting after an emergency, and never asks for details', () => {
    const c = conversation();
    c.say('he is not breathing');
    expect(c.last.state).toBe('emergency');
    const again = c.say('what do I do');
    expect(again.result.state).toBe('emergency');
    expect(again.text).toMatch(/999/);
  });
});

describe('commands and bad input at any step', () => {
  it('answers help and repeats the question', () => {
    const c = conversation();
    c.say('hi');
    const reply = c.say('help');
    expect(reply.text).toMatch(/start again/);
    expect(reply.result.state).toBe('need');
    expect(choicesOf(reply)).toHaveLength(5);
  });

  it('gives the practice phone number for "talk to a person"', () => {
    const c = conversation();
    c.say('hi');
    expect(c.say('talk to a person').text).toContain('0113 496 0000');
  });

  it('goes back one question and keeps the answers', () => {
    const c = conversation();
    c.say('hi');
    c.say('need.new');
    expect(c.last.state).toBe('describe');
    expect(c.say('back').result.state).toBe('need');
    expect(c.say('back').text).toMatch(/first question/);
  });

  it('starts again and stops', () => {
    const c = conversation();
    c.say('hi');
    c.say('need.new');
    expect(c.say('start again').result.state).toBe('need');
    const stopped = c.say('stop');
    expect(stopped.result.state).toBe('ended');
    expect(stopped.text).toMatch(/Nothing has been sent/);
    expect(c.say('hello?').text).toMatch(/start again/);
  });

  it('re-prompts invalid answers specifically and offers a call after repeated failures', () => {
    const c = conversation();
    c.say('hi');
    const first = c.say('7');
    expect(first.result.state).toBe('need');
    expect(first.text).toMatch(/number from 1 to 5/);
    const second = c.say('9');
    expect(second.text).toContain('0113 496 0000');
    expect(second.text).toMatch(/1\. A new health problem/);
  });

  it.each([[''], ['   '], ['😀😀']])('answers empty or emoji-only input %p with a clear reply', (text) => {
    const c = conversation();
    c.say('hi');
    const reply = c.say(text);
    expect(reply.text.length).toBeGreaterThan(0);
    expect(reply.result.state).toBe('need');
  });

  it('says it cannot open attachments', () => {
    const c = conversation();
    c.say('hi');
    expect(c.say('', 1).text).toMatch(/cannot open files/);
  });

  it('screens 20 kB of text and asks for something shorter', () => {
    const c = conversation();
    c.say('hi');
    c.say('need.other');
    const long = 'I need some help with a form for my employer please. '.repeat(400);
    const reply = c.say(long);
    expect(reply.result.state).toBe('describe');
    expect(reply.text).toMatch(/too long/);
    const buried = c.say(`${'please can you send my repeat prescription letter '.repeat(30)} also my husband collapsed and is not breathing`);
    expect(buried.result.state).toBe('emergency');
  });
});

describe('state over time', () => {
  it('restarts politely after the idle timeout, from stored timestamps', () => {
    const c = conversation();
    c.say('hi');
    c.say('need.new');
    c.advance(31 * 60_000);
    const reply = c.say('hello');
    expect(reply.text).toMatch(/quiet for a while/);
    expect(reply.result.state).toBe('need');
  });

  it('restarts politely when the stored snapshot is from another statechart version', () => {
    const c = conversation();
    c.say('hi');
    c.stored = { ...c.stored!, machineVersion: 'intake-0' };
    const reply = c.say('need.new');
    expect(reply.text).toMatch(/we updated this service/);
    expect(reply.result.machineVersion).toBe(MACHINE_VERSION);
  });

  it('restarts politely when the stored snapshot names a state that does not exist', () => {
    const c = conversation();
    c.say('hi');
    const snapshot = { ...(c.stored!.snapshot as Record<string, unknown>), value: 'gone' };
    c.stored = { ...c.stored!, snapshot };
    expect(() => c.say('need.new')).not.toThrow();
    expect(c.last.state).toBe('describe');
    expect(c.last.say.map((m) => m.key)).toContain('dialog.versionRestart');
  });
});

describe('hours and capacity', () => {
  const closed = { open: false, nextOpenAt: '2026-03-05T08:30:00Z' };

  it('tells the patient up front when the practice is closed and when it will read the request', () => {
    const reply = conversation({ practice: closed }).say('hi');
    expect(reply.text).toMatch(/closed now/);
    expect(reply.text).toMatch(/tomorrow at 8:30am/);
  });

  it('still diverts an emergency at 03:00 on Christmas Day', () => {
    const c = conversation({ start: new Date('2026-12-25T03:00:00Z'), practice: { open: false, nextOpenAt: '2026-12-29T08:30:00Z' } });
    const reply = c.say('my baby is floppy and blue and not breathing properly');
    expect(reply.result.state).toBe('emergency');
  });

  it('capacity reached in core hours: says replies may take longer, and still takes the request (no cap, GP contract)', () => {
    const c = conversation({ practice: { busyToday: true } });
    expect(c.say('hi').text).toMatch(/Replies may take a little longer/);
    expect(askForResults(c).result.state).not.toBe('ended');
    const busy = conversation({ practice: { busyToday: true } });
    toReview(busy);
    busy.say('review.send');
    const sent = busy.say('yes');
    expect(sent.result.state).toBe('submitted');
    expect(sent.result.effects).toHaveLength(1);
  });

  it('outside core hours, when the practice closes the route, says when it opens and never "come back"', () => {
    const reply = askForResults(conversation({ practice: { ...closed, outOfHoursRoutine: 'closed' } }));
    expect(reply.result.state).toBe('ended');
    expect(reply.text).toMatch(/has not been sent\. The online service is closed now\. It opens tomorrow at 8:30am/);
    expect(reply.text).not.toMatch(/come back/i);
  });

  it('during an exceptional closure, gives the phone number and when the route reopens, from the greeting on', () => {
    const practice = { open: false, outOfHoursRoutine: 'closed' as const, nextOpenAt: '2026-03-04T14:00:00Z', closure: { until: '2026-03-04T14:00:00Z' } };
    const c = conversation({ practice });
    expect(c.say('hi').text).toMatch(/closed until today at 2pm\. Please call the practice on 0113 496 0000/);
    c.say('need.admin');
    c.say('I need a copy of my test results');
    answerTriageQuestions(c);
    const reply = c.say('wants.document');
    expect(reply.result.state).toBe('ended');
    expect(reply.text).toMatch(/closed until today at 2pm\. Please call the practice on 0113 496 0000/);
  });

  it('tells the patient the reply-by day in words and puts respondBy on the request (routine: end of the next working day)', () => {
    const replyBy = { urgent: '2026-03-04T18:30:00.000Z', urgentSameDay: true, routine: '2026-03-05T18:30:00.000Z' };
    const c = conversation({ practice: { replyBy } });
    toReview(c);
    c.say('review.send');
    const sent = c.say('yes');
    expect(sent.text).toMatch(/The practice will reply by the end of Thursday 5 March\./);
    expect(sent.result.effects[0]?.request.respondBy).toBe('2026-03-05T18:30:00.000Z');
  });

  it('queues a routine request out of hours and says when it will be read', () => {
    const c = conversation({ practice: closed });
    toReview(c);
    c.say('review.send');
    const sent = c.say('yes');
    expect(sent.result.effects[0]?.request.queuedUntil).toBe('2026-03-05T08:30:00.000Z'.replace('.000', ''));
    expect(sent.text).toMatch(/tomorrow at 8:30am/);
  });
});

describe('language', () => {
  it('changes language at any step and keeps every answer', () => {
    const c = conversation();
    c.say('hi');
    c.say('need.new');
    const menu = c.say('change language');
    expect(menu.result.state).toBe('languageMenu');
    expect(choicesOf(menu)).toContain('lang.pol');
    const back = c.say('polski');
    expect(back.result.lang).toBe('pol');
    expect(back.result.state).toBe('describe');
    expect(back.activities[0]?.channelData.intake.locale).toBe('pl');
    expect(JSON.stringify(c.stored?.snapshot)).toContain('need.new');
  });

  it('offers once to continue in the language the patient writes, and answers the message after the choice', () => {
    const c = conversation();
    c.say('hi');
    c.say('need.new');
    const offer = c.say('Od trzech dni mam wysypkę na ręce i bardzo swędzi');
    expect(offer.result.state).toBe('languageOffer');
    expect(choicesOf(offer)).toEqual(['lang.pol', 'lang.eng']);
    const next = c.say('lang.pol');
    expect(next.result.lang).toBe('pol');
    expect(next.result.state).not.toBe('describe');
    expect(c.turns.at(-1)?.state).not.toBe('languageOffer');
  });

  it('keeps the language the patient wrote in on their words, even when they stay in English', () => {
    const c = conversation();
    c.say('hi');
    c.say('need.new');
    c.say('Od trzech dni mam wysypkę na ręce i bardzo swędzi');
    c.say('lang.eng');
    toReviewFromHere(c);
    c.say('review.send');
    const request = c.say('yes').result.effects[0]?.request;
    expect(request?.texts[0]).toMatchObject({ lang: 'pol' });
    expect(request?.language).toBe('pol');
    expect(request?.interpreterMayBeNeeded).toBe(true);
  });

  it('never switches language on a short reply', () => {
    const c = conversation();
    c.say('hi');
    for (const reply of ['tak', 'ok', '2']) expect(c.say(reply).result.lang).toBe('eng');
  });

  it('marks right-to-left languages for the web chat', () => {
    const c = conversation();
    c.say('hi');
    c.say('change language');
    const reply = c.say('العربية');
    expect(reply.activities[0]?.channelData.intake).toMatchObject({ locale: 'ar', dir: 'rtl' });
  });
});
