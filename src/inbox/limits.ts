/** Bounds on what staff may type, so one form cannot grow a stored request without limit. */
export const MAX_NOTE_CHARS = 2000;
export const MAX_REASON_CHARS = 500;
/** Notes kept on one request. */
export const MAX_NOTES = 100;
export const MAX_REGRADES = 20;
