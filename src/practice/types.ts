/**
 * What the dialog needs to know about the practice at this moment. Computed at the edge from the
 * practice configuration and the clock (./hours.ts), passed into the statechart with each event.
 */
export interface PracticeStatus {
  name: string;
  phone: string;
  /** IANA zone for showing times, e.g. 'Europe/London'. */
  timeZone: string;
  open: boolean;
  /** When closed: the next opening time (ISO instant). */
  nextOpenAt?: string;
  /** Routine capacity for today is used up. */
  routineFull: boolean;
  /** What the practice chose for routine requests when closed. */
  outOfHoursRoutine: 'queue' | 'come-back';
}
