import { createIntakeMachine } from './src/dialog/machine/intakeMachine.ts';
import { pictureOf } from './src/dialog/machine/context.ts';
import { createLanguagePolicy } from './src/dialog/languagePolicy.ts';
import { sharedRecognisers } from './src/dialog/interpret/recognizersText.ts';
import { runTurn } from './src/dialog/turn.ts';
import { createWordbook } from './src/i18n/wordbook.ts';
import { loadContent } from './src/server/content.ts';
const content = loadContent('.');
const all = content.languages.map((l) => l.code);
const machine = createIntakeMachine({ content: content.intake, triage: content.triage, words: createWordbook(content.resources, content.languages), language: createLanguagePolicy(content.languages, all), languagesOffered: all, recognisers: sharedRecognisers() });
const [lang, text] = process.argv.slice(2);
let stored: any;
const START = new Date('2026-12-01T10:00:00Z');
const PRACTICE = { name: 'B', phone: '0113 496 0000', timeZone: 'Europe/London', open: true, outOfHoursRoutine: 'queue' } as any;
const say = (t: string, tapped = true) => { const r = runTurn(machine, 'dbg', stored, { kind: 'message', at: START, practice: PRACTICE, lang, text: t, tapped, attachments: 0 } as any, { idleMs: 1800000 }); stored = { machineVersion: r.machineVersion, snapshot: JSON.parse(JSON.stringify(r.snapshot)), updatedAt: START.toISOString() }; return r; };
say('hello', false); say(process.argv[5] ?? 'need.new'); const r = say(text, false);
const ctx = (r.snapshot as any).context;
console.log(r.state, JSON.stringify(ctx.intake.texts), ctx.lang);
const pic = pictureOf(ctx);
console.log(JSON.stringify(pic).slice(0, 600));
const area = process.argv[4] ?? 'other';
let cur = r;
for (let i = 0; i < 40 && !cur.done; i++) {
  const st = cur.state;
  const c = (cur.snapshot as any).context;
  const ans: Record<string, string> = { safetyCheck: 'safety.no', areaPick: `safety.area.${area}`, triageQuestion: 'no', confirm: 'no', duration: 'duration.days', trend: 'trend.same', impact: 'impact.some', wants: 'wants.prescription', pharmacyOffer: 'yes', who: 'for.other', relationship: 'rel.child', name: 'Alex Taylor', dob: '01/01/2019', nhs: 'skip', postcode: 'LS1 4AP', phone: '07700 900123', contactMethod: 'contact.either', contactTimes: 'when.any', review: 'review.send', consent: 'yes' };
  console.log(st, c.triage.currentQuestionId ?? '', 'present=', pictureOf(c).presentRuleIds.filter((x: string) => x.startsWith('pf') || x.startsWith('rt') || x.startsWith('rf')).join(','), 'outcome=', c.triage.outcome?.tier ?? '', (c.triage.outcome?.ruleIds ?? []).join(','));
  if (!(st in ans)) { console.log('no answer for', st); break; }
  cur = say(ans[st]);
}
console.log('final', cur.state, cur.urgency);
