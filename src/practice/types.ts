/**
 * What the dialog needs to know about the practice at this moment. Computed at the edge from the
 * practice configuration and the clock (./statusSource.ts), passed into the statechart with each event.
 */
export interface PracticeStatus {
  name: string;
  phone: string;
  /** IANA zone for showing times, e.g. 'Europe/London'. */
  timeZone: string;
  /** The online route takes requests now (always true in core hours, unless an exceptional closure). */
  open: boolean;
  /** When closed: the next opening time (ISO instant). */
  nextOpenAt?: string;
  /** When open: when this opening period ends (ISO instant); absent for a practice that never closes. */
  closesAt?: string;
  /** What happens to routine requests while the route is closed: queued, or not taken ('closed': the hours are shown). */
  outOfHoursRoutine: 'queue' | 'closed';
  /** Inside core hours (08:00–18:30 on a working weekday). */
  coreHours?: boolean;
  /** An exceptional closure is in force: the route reopens at `until` (ISO instant). */
  closure?: { until: string };
  /** Today's demand reached the practice's busyDayThreshold: replies may take longer (a notice, never a refusal). */
  busyToday?: boolean;
  /** When a request sent now will be answered, by urgency (ISO instants); see ./replyBy.ts. */
  replyBy?: { urgent: string; urgentSameDay: boolean; routine: string };
}
