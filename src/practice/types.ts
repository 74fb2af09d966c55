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
  /** When open: when this opening period ends (ISO instant); absent for a practice that never closes. */
  closesAt?: string;
  /** Routine capacity for today is used up. */
  routineFull: boolean;
  /** When routineFull: the first opening on a later local day, when routine requests are taken again (ISO instant). */
  routineReopensAt?: string;
  /** What the practice chose for routine requests when closed. */
  outOfHoursRoutine: 'queue' | 'come-back';
}
