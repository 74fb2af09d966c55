import { DateTime } from 'luxon';
import type { IntakeRequest, Outcome, RequestStatus, Tier } from '../../domain/types.js';
import { languageName, toBcp47 } from '../../handoff/fhir/language.js';

/** Words staff read; the bot's codes stay in the data. */
export const TIER_LABEL: Record<Tier, string> = { emergency: 'Emergency', urgent: 'Urgent', routine: 'Routine', selfcare: 'Self-care' };

export const OUTCOME_LABEL: Record<Outcome, string> = {
  appointment: 'Appointment booked',
  advice: 'Advice given',
  pharmacy: 'Sent to pharmacy',
  referred: 'Referred',
};

/** The inbox shows three states: 'received' (an API client acknowledged it) still reads as new. */
export type InboxStatus = 'new' | 'in-progress' | 'done';
export const inboxStatusOf = (s: RequestStatus): InboxStatus => (s === 'closed' ? 'done' : s === 'in-progress' ? 'in-progress' : 'new');
export const STATUS_LABEL: Record<InboxStatus, string> = { new: 'New', 'in-progress': 'In progress', done: 'Done' };

/** The clinician's tier when re-graded, otherwise the bot's. */
export const effectiveTier = (r: IntakeRequest): Tier => r.work?.regrades.at(-1)?.to ?? r.triage.tier;

export const languageLabel = (code: string): string => languageName(toBcp47(code));

export function ageAt(dateOfBirth: string | undefined, at: Date): number | undefined {
  if (!dateOfBirth || !/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth)) return undefined;
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  let age = at.getUTCFullYear() - y;
  if (at.getUTCMonth() + 1 < m || (at.getUTCMonth() + 1 === m && at.getUTCDate() < d)) age -= 1;
  return age >= 0 && age < 150 ? age : undefined;
}

/** "Wed 4 Mar, 10:00" in the practice's zone. */
export function when(iso: string | undefined, zone: string): string {
  if (!iso) return '';
  const t = DateTime.fromISO(iso, { zone });
  return t.isValid ? t.toFormat('ccc d LLL, HH:mm') : '';
}

/** "2 h 5 min" for a duration in ms (positive). */
export function duration(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h >= 48) return `${Math.floor(h / 24)} days`;
  return h ? `${h} h${m ? ` ${m} min` : ''}` : `${m} min`;
}

/** Overdue: open and past its reply-by time. */
export function overdueBy(r: IntakeRequest, now: Date): number | undefined {
  if (!r.respondBy || r.status === 'closed') return undefined;
  const late = now.getTime() - Date.parse(r.respondBy);
  return late > 0 ? late : undefined;
}
