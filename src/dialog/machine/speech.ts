import type { IntakeStep } from '../content.js';
import { NOT_ANSWERED } from '../interpret/stepAnswer.js';
import type { IntakeContext, OutMessage, ReviewLine } from './types.js';

/** Small pure builders for what the statechart says. Keys only: prose lives in locales/. */

export function practiceParams(ctx: IntakeContext): Record<string, string> {
  return { practice: ctx.practice.name, phone: ctx.practice.phone };
}

export function promptFor(step: IntakeStep, ctx: IntakeContext, extra: Record<string, string | number> = {}): OutMessage {
  return {
    key: step.prompt,
    params: { ...practiceParams(ctx), ...extra },
    ...(step.choices ? { choices: [...step.choices] } : {}),
  };
}

/** What the greeting says about opening hours, so the patient knows up front what happens next. */
export function hoursNote(ctx: IntakeContext): OutMessage {
  const p = ctx.practice;
  if (p.open) return p.busyToday ? { key: 'contract.busyNote' } : { key: 'dialog.openNow' };
  if (p.closure) return { key: 'contract.closure', params: { when: p.closure.until, phone: p.phone } };
  const when = p.nextOpenAt ?? '';
  return p.outOfHoursRoutine === 'queue'
    ? { key: 'dialog.closedQueue', params: { when } }
    : { key: 'dialog.closedComeBackNote', params: { when } };
}

/**
 * When the practice will reply to this request, from the reply-by times the edge worked out for
 * this turn (the same ones the request carries as respondBy). Null for emergencies and without them.
 */
export function replyByMessage(ctx: IntakeContext): OutMessage | null {
  const tier = ctx.triage.outcome?.tier;
  const by = ctx.practice.replyBy;
  if (!by || !tier || tier === 'emergency') return null;
  if (tier === 'urgent') return { key: by.urgentSameDay ? 'contract.replyBy.urgent' : 'contract.replyBy.urgentLater', params: { when: by.urgent } };
  return { key: 'contract.replyBy.routine', params: { day: by.routine } };
}

/** Who we are, that this is not for emergencies, and whether the practice is open: said first, every time. */
export function greeting(ctx: IntakeContext): OutMessage[] {
  return [{ key: 'dialog.greeting', params: practiceParams(ctx) }, { key: 'dialog.notEmergency' }, hoursNote(ctx)];
}

const REVIEW_ORDER = [
  'need', 'describe', 'duration', 'trend', 'impact', 'wants', 'who', 'relationship', 'name', 'dob', 'nhs', 'postcode',
  'phone', 'contactMethod', 'contactTimes',
] as const;
const FREE_VALUE = new Set(['describe', 'name', 'dob', 'nhs', 'postcode', 'phone']);

export function reviewLines(ctx: IntakeContext): ReviewLine[] {
  const lines: ReviewLine[] = [];
  for (const id of REVIEW_ORDER) {
    const answer = ctx.intake.answers[id];
    if (!answer) continue;
    const labelKey = `dialog.review.labels.${id}`;
    if (answer.code === 'skip' || answer.code === NOT_ANSWERED) lines.push({ labelKey, valueKey: 'dialog.review.notGiven' });
    else if (id === 'dob') lines.push({ labelKey, value: answer.code.split('-').reverse().join('/') }); // as typed: day first
    else if (FREE_VALUE.has(id)) lines.push({ labelKey, value: answer.code });
    else lines.push({ labelKey, valueKey: `choice.${answer.code}` });
  }
  return lines;
}
