/** Retention periods beyond `retentionDays`, in days; see RETENTION_DEFAULTS. Shared by both stores. */
export interface RetentionPeriods {
  /** Dead letters (never delivered after every attempt) are deleted with their request this long after submission. */
  deadLetterDays: number;
  /** Requests never delivered and never closed (pending for ever, or read through the API and left open); never less than retentionDays. */
  openRequestDays: number;
  /** Audit lines older than this are trimmed. */
  auditDays: number;
}

export const RETENTION_DEFAULTS: RetentionPeriods = { deadLetterDays: 30, openRequestDays: 180, auditDays: 2190 };
