/**
 * Deep redaction. pino's `redact` paths only reach the depths they spell out, so a patient object
 * nested three levels down (e.g. `{ req: { request: { patient: … } } }`) would slip past them.
 * This walks every log object (they are small; a turn logs a handful of lines) and replaces the
 * value of any sensitive key at any depth. Keys, not values, decide: we cannot recognise free text.
 */

export const CENSOR = '[redacted]';

/** Compared case-insensitively with punctuation removed (`date_of_birth` = `dateOfBirth`). */
const SENSITIVE_KEYS = [
  'text', 'texts', 'body', 'activity', 'activities', 'attachments', 'value', 'speak', 'summary',
  'name', 'givenname', 'familyname', 'fullname', 'patient', 'carer', 'answers', 'words', 'owntext',
  'dateofbirth', 'dob', 'birthdate', 'nhsnumber', 'phone', 'telephone', 'mobile', 'email', 'postcode',
  'address', 'snapshot', 'context', 'relationship', 'contact',
  'authorization', 'cookie', 'setcookie', 'password', 'apppassword', 'microsoftapppassword',
  'secret', 'clientsecret', 'webhooksecret', 'directlinesecret', 'token', 'metricstoken', 'apikey',
];
const SENSITIVE = new Set(SENSITIVE_KEYS);
/** Anything that looks like a credential, whatever the exact key. */
const CREDENTIAL = /secret|password|passwd|token|apikey|authorization|cookie/;

function normalise(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function isSensitiveKey(key: string): boolean {
  const k = normalise(key);
  return SENSITIVE.has(k) || CREDENTIAL.test(k);
}

const MAX_DEPTH = 8;

/** Returns a redacted copy; the input is not modified (callers may still need the real object). */
export function redactDeep(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  // Past this depth we cannot afford to look, so we cannot vouch for it either.
  if (depth >= MAX_DEPTH) return CENSOR;
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1, seen));
  if (value instanceof Error) return redactError(value, depth, seen);
  if (value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = isSensitiveKey(k) ? CENSOR : redactDeep(v, depth + 1, seen);
  return out;
}

/** Errors keep type, message and stack (we need them to debug); own enumerable fields are scrubbed. */
function redactError(err: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = { type: err.name, message: err.message, stack: err.stack };
  for (const [k, v] of Object.entries(err)) out[k] = isSensitiveKey(k) ? CENSOR : redactDeep(v, depth + 1, seen);
  return out;
}
