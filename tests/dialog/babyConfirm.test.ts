import type { SnapshotFrom } from 'xstate';
import type { IntakeMachine } from '../../src/dialog/machine/intakeMachine.js';
import { pictureOf } from '../../src/dialog/machine/context.js';
import { CHECK_ANSWERS, confirmQuestionId, lineCode } from '../../src/triage/safetySchema.js';
import { lookup } from '../../src/i18n/resources.js';
import { loadTuningTable } from '../../bench/typedAnswers.js';
import { content, conversation } from '../support/dialog.js';

/**
 * Issue 15, round 6: the baby line of the child check ("a baby under 8 weeks old, and you are very
 * worried"), picked by the worried parent of a child the description clearly says is older, asks
 * one confirming question ("Is your baby under 8 weeks old?", dialogs/safety/emergencyCheck.json
 * lines.child_baby.confirm) before it diverts. Yes, not sure or an answer it cannot read: 999 as
 * before; no: urgent (rf.check.child_worried, NHS.uk Is your baby or toddler seriously ill, trust
 * your instincts). A baby under 8 weeks, or a child whose age is not told, is diverted at once.
 */
type Snap = SnapshotFrom<IntakeMachine>;
const engine = content.triage;
const typed = loadTuningTable();
const CONFIRM_KEY = 'safety.q.child_baby_confirm';
const snap = (c: ReturnType<typeof conversation>) => c.stored?.snapshot as Snap;
const tier = (c: ReturnType<typeof conversation>) => engine.decide(pictureOf(snap(c).context)).tier;

/** A worried parent of a 2 or 3 year old, in each language (a child word, so the child check is shown). */
const OLDER: Record<string, string> = {
  eng: "my son is 2 years old and has had a temperature since yesterday, I'm really worried",
  cym: "Mae gan fy mab 2 oed dymheredd ers ddoe ac rwy'n poeni'n fawr",
  pol: 'Mój 2-letni synek ma gorączkę od wczoraj, bardzo się martwię',
  ron: 'Copilul meu de 2 ani are febră de ieri și sunt foarte îngrijorată',
  por: 'O meu filho de 2 anos tem febre desde ontem e estou muito preocupada',
  spa: 'Mi hijo de 2 años tiene fiebre desde ayer y estoy muy preocupada',
  ita: 'Mio figlio di 2 anni ha la febbre da ieri e sono molto preoccupata',
  fra: 'Mon fils de 2 ans a de la fièvre depuis hier et je suis très inquiète',
  lit: 'Mano 2 metų sūnus karščiuoja nuo vakar, labai neramu',
  tur: '2 yaşındaki oğlum dünden beri ateşli, çocuğum için çok endişeliyim',
  som: 'Wiilkayga 2 sano jira qandho ayuu qabaa shalay ilaa, aad baan u welwelsanahay',
  ukr: 'Мій син, йому 2 роки, має температуру з учора, я дуже хвилююся',
  pan: 'ਮੇਰੇ 2 ਸਾਲ ਦੇ ਪੁੱਤ ਨੂੰ ਕੱਲ੍ਹ ਤੋਂ ਬੁਖ਼ਾਰ ਹੈ, ਮੈਨੂੰ ਬਹੁਤ ਚਿੰਤਾ ਹੈ',
  urd: 'میرے 2 سال کے بیٹے کو کل سے بخار ہے، بچہ بہت بیمار لگتا ہے',
  arb: 'ابني عمره 3 سنوات وعنده حرارة من أمس، طفلي تعبان',
  ben: 'আমার ২ বছরের ছেলের কাল থেকে জ্বর, আমার বাচ্চা খুব অসুস্থ',
  guj: 'મારું બાળક 2 વર્ષનું છે, કાલથી તાવ છે',
  cmn: '我儿子2岁，从昨天开始发烧，孩子很难受',
  tam: 'என் 2 வயது மகனுக்கு நேற்றிலிருந்து காய்ச்சல், குழந்தை சோர்வாக இருக்கிறது',
  pes: 'پسر ۲ ساله ام از دیروز تب داره، بچه ام خیلی بی حاله',
};

/** Hello, a new problem, the description, then "yes" to the child check: at the which-sign question. */
function atWhich(lang: string, description: string, id: string) {
  const c = conversation({ lang, id });
  c.say('hello');
  c.tap('need.new');
  const check = c.say(description);
  expect([lang, check.result.state, snap(c).context.triage.currentQuestionId]).toEqual([lang, 'safetyCheck', 'q.check.child']);
  expect(c.tap(CHECK_ANSWERS.yes).result.state).toBe('safetyWhich');
  return c;
}

describe.each(content.languages.map((l) => [l.code, l.bcp47] as const))('the baby line for an older child, in %s', (lang, bcp47) => {
  const tree = content.resources[bcp47];
  const text = OLDER[lang] as string;

  it('has its own words for the confirming question', () => {
    expect(typeof lookup(tree, CONFIRM_KEY)).toBe('string');
  });

  it('asks one confirming question after the baby line (a button), with yes, no and not sure', () => {
    const c = atWhich(lang, text, `test:baby-ask-${lang}`);
    const reply = c.tap(lineCode('child_baby'));
    expect(reply.result.state).toBe('safetyConfirm');
    const prompt = reply.result.say.at(-1);
    expect([prompt?.key, prompt?.choices]).toEqual([CONFIRM_KEY, ['yes', 'no', 'unsure']]);
    expect(snap(c).context.triage.currentQuestionId).toBe(confirmQuestionId('child_baby', 'child'));
  });

  it('goes on at urgent, never lower, after "no" (a button and as people type it in this language)', () => {
    const said = typed.languages[lang]?.answers['yesNo']?.['no'] ?? [];
    expect(said.length).toBeGreaterThan(0);
    for (const [i, no] of ['no', ...said.slice(0, 2)].entries()) {
      const c = atWhich(lang, text, `test:baby-no-${lang}-${i}`);
      c.tap(lineCode('child_baby'));
      const reply = i === 0 ? c.tap(no) : c.say(no);
      expect([no, reply.result.state === 'emergency' || reply.result.state === 'safetyConfirm']).toEqual([no, false]);
      expect([no, tier(c)]).toEqual([no, 'urgent']);
      expect(snap(c).context.triage.presentRuleIds).toContain('rf.check.child_worried');
    }
  });

  it('diverts to 999 after "yes" (typed and a button) or "not sure" (a button)', () => {
    const yes = typed.languages[lang]?.answers['yesNo']?.['yes']?.[0] ?? (lookup(tree, 'choice.yes') as string);
    for (const [i, answer] of [yes, 'yes', 'unsure'].entries()) {
      const c = atWhich(lang, text, `test:baby-yes-${lang}-${i}`);
      c.tap(lineCode('child_baby'));
      const reply = i === 0 ? c.say(answer) : c.tap(answer);
      expect([answer, reply.result.state]).toEqual([answer, 'emergency']);
      expect(reply.result.effects[0]?.request.triage.ruleIds).toEqual(['rf.check.child.baby']);
    }
  });
});

describe('who is asked the baby line\'s confirming question', () => {
  const pick = (lang: string, description: string, id: string) => atWhich(lang, description, id).tap(lineCode('child_baby')).result.state;

  it('diverts a baby under 8 weeks at once, whatever other age the story tells', () => {
    expect(pick('eng', 'my 6 week old son is not feeding and I am very worried', 'test:baby-1')).toBe('emergency');
    expect(pick('eng', 'my 3 year old son has a cold and his 3 week old brother is not feeding', 'test:baby-2')).toBe('emergency');
    expect(pick('pes', 'پسرم ۶ هفتشه، شیر نمیخوره، من ۲۶ سالمه', 'test:baby-3')).toBe('emergency');
    expect(pick('guj', 'મારો દીકરો ૪ અઠવાડિયાનો છે, દૂધ નથી પીતો, હું 25 વર્ષની છું', 'test:baby-4')).toBe('emergency');
  });

  it('diverts at once when the age is not told', () => {
    expect(pick('eng', 'my son has a temperature and I am really worried', 'test:baby-5')).toBe('emergency');
  });

  it('asks it when the baby line is typed at the check, and counts that as "yes" to the check', () => {
    const c = conversation({ id: 'test:baby-typed' });
    c.say('hello');
    c.tap('need.new');
    c.say(OLDER['eng'] as string);
    const title = lookup(content.resources['en'], `choice.${lineCode('child_baby')}`) as string;
    const reply = c.say(title);
    expect(reply.result.state).toBe('safetyConfirm');
    expect(snap(c).context.triage.answers['q.check.child']).toBe(CHECK_ANSWERS.yes);
    expect(c.tap('no').result.state).not.toBe('emergency');
    expect(tier(c)).toBe('urgent');
  });

  it('takes answers it cannot read as "not sure" on the last try: 999, and says why', () => {
    const c = atWhich('eng', OLDER['eng'] as string, 'test:baby-banana');
    c.tap(lineCode('child_baby'));
    let reply = c.say('banana');
    for (let i = 1; i < content.intake.maxTries; i++) {
      expect(reply.result.state).toBe('safetyConfirm');
      reply = c.say('banana');
    }
    expect(reply.result.state).toBe('emergency');
    expect(reply.result.say.map((m) => m.key)).toContain('understand.safetyAssumed');
  });
});
