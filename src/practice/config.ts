import { HTTPS_OR_LOOPBACK, isHttpsOrLoopback } from '../security/secureUrl.js';
import { readFileSync } from 'node:fs';
import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';

/**
 * The practice configuration file (PRACTICE_CONFIG). Everything is validated here once, at start-up,
 * so a bad file stops the bot with a message naming the file and the field instead of failing later
 * in front of a patient.
 */

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** 'HH:MM' from 00:00 to 23:59, plus 24:00 so a range can run to the end of the day. */
const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Minutes since local midnight for a validated 'HH:MM'. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

const timeOfDay = z.string({ error: 'expected HH:MM' }).regex(HHMM, { error: 'expected HH:MM' });

const openingRange = z
  .strictObject({ open: timeOfDay, close: timeOfDay })
  // Zod still runs this refinement when a time failed its pattern; only compare well-formed times.
  .refine((r) => !HHMM.test(r.open) || !HHMM.test(r.close) || minutesOf(r.open) < minutesOf(r.close), {
    error: 'close must be later than open (use 24:00 for midnight at the end of the day)',
    path: ['close'],
  });

const dayRanges = z.array(openingRange).superRefine((ranges, ctx) => {
  // Ranges must be in order and must not overlap; touching ranges (12:00 close, 12:00 open) are one period.
  for (let i = 1; i < ranges.length; i++) {
    const prev = ranges[i - 1];
    const cur = ranges[i];
    if (prev && cur && HHMM.test(cur.open) && HHMM.test(prev.close) && minutesOf(cur.open) < minutesOf(prev.close)) {
      ctx.addIssue({
        code: 'custom',
        message: `must not start before the previous range closes (${prev.close})`,
        path: [i, 'open'],
      });
    }
  }
});

export type OpeningRange = z.output<typeof openingRange>;

const WORKING_DAY: OpeningRange[] = [{ open: '08:30', close: '18:00' }];

/** NHS England expects online requests to be accepted 08:30–18:00 on weekdays, so that is the default. */
const openingHours = z
  .strictObject({
    monday: dayRanges.default(WORKING_DAY),
    tuesday: dayRanges.default(WORKING_DAY),
    wednesday: dayRanges.default(WORKING_DAY),
    thursday: dayRanges.default(WORKING_DAY),
    friday: dayRanges.default(WORKING_DAY),
    saturday: dayRanges.default([]),
    sunday: dayRanges.default([]),
  })
  .default({
    monday: WORKING_DAY,
    tuesday: WORKING_DAY,
    wednesday: WORKING_DAY,
    thursday: WORKING_DAY,
    friday: WORKING_DAY,
    saturday: [],
    sunday: [],
  });

const isoDate = z
  .string({ error: 'expected a date YYYY-MM-DD' })
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s).isValid, {
    error: 'expected a real date YYYY-MM-DD',
  });

/** A closure may be written as a bare date or with a reason (shown to staff, not patients). */
const closure = z
  .union([isoDate, z.strictObject({ date: isoDate, reason: z.string().min(1).optional() })])
  .transform((c) => (typeof c === 'string' ? { date: c } : c));

const bankHolidays = z
  .strictObject({
    /** England & Wales share bank holidays; Scotland and Northern Ireland differ. */
    region: z.enum(['ENG', 'SCT', 'NIR']).default('ENG'),
    observe: z.boolean().default(true),
  })
  .default({ region: 'ENG', observe: true });

const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;

const webhook = z
  .strictObject({
    // Deliveries carry patient details: never over plain http to another host.
    url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).refine(isHttpsOrLoopback, { error: HTTPS_OR_LOOPBACK }),
    /** Shared secret for signing deliveries; prefer secretEnv so the secret is not in the file. */
    secret: z.string().min(16, { error: 'secret must be at least 16 characters' }).optional(),
    secretEnv: z.string().regex(ENV_NAME, { error: 'expected an environment variable name' }).optional(),
    timeoutMs: z.int().min(100).max(60_000).default(5_000),
    maxAttempts: z.int().min(1).max(50).default(8),
  })
  .refine((w) => (w.secret === undefined) !== (w.secretEnv === undefined), {
    error: 'give exactly one of secret or secretEnv',
  });

const apiKey = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, { error: 'expected a short name (letters, digits, . _ -)' }),
  /** Only the hash is stored, so the file can be read without exposing keys. */
  sha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, { error: 'expected the 64-character hex SHA-256 of the key' })
    .transform((h) => h.toLowerCase()),
  /** What the key may do in the practice API; both when left out. */
  scopes: z.array(z.enum(['read', 'write'])).min(1).optional(),
});

const UK_PHONE = /^(?:\+44|0)\d{9,10}$/;
const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i;

export const practiceConfigSchema = z.strictObject({
  name: z.string().trim().min(1, { error: 'expected the practice name' }),
  /** GP practice ODS code: one letter then five digits, e.g. A81001. */
  odsCode: z.string().regex(/^[A-Z]\d{5}$/, { error: 'expected a GP practice ODS code like A81001' }),
  phone: z
    .string()
    .refine((p) => UK_PHONE.test(p.replace(/[\s()-]/g, '')), { error: 'expected a UK phone number' }),
  address: z.strictObject({
    lines: z.array(z.string().trim().min(1)).min(1).max(6),
    postcode: z.string().regex(UK_POSTCODE, { error: 'expected a UK postcode' }),
  }),
  openingHours,
  timeZone: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), { error: 'expected an IANA time zone like Europe/London' })
    .default('Europe/London'),
  closures: z.array(closure).default([]),
  bankHolidays,
  /** Routine + self-care requests accepted per practice-local day; null means no limit. */
  routineDailyCapacity: z.int().min(0).nullable().default(null),
  outOfHoursRoutine: z.enum(['queue', 'come-back']).default('queue'),
  languagesOffered: z
    .array(z.string().regex(/^[a-z]{3}$/, { error: 'expected a three-letter language code like eng' }))
    .min(1)
    .refine((l) => new Set(l).size === l.length, { error: 'languages must not repeat' })
    .default(['eng']),
  webhook: webhook.optional(),
  apiKeys: z
    .array(apiKey)
    .refine((k) => new Set(k.map((x) => x.name)).size === k.length, { error: 'API key names must be unique' })
    .default([]),
  idleTimeoutMinutes: z.int().min(1).max(24 * 60).default(30),
  retentionDays: z.int().min(1).max(3650).default(90),
});

/** What the file may contain (defaults not yet applied). */
export type PracticeConfigFile = z.input<typeof practiceConfigSchema>;
type ParsedPracticeConfig = z.output<typeof practiceConfigSchema>;
type ParsedWebhook = NonNullable<ParsedPracticeConfig['webhook']>;
/** After loading, the webhook secret is always present, whichever way the file gave it. */
export type WebhookConfig = ParsedWebhook & { secret: string };
export type PracticeConfig = Omit<ParsedPracticeConfig, 'webhook'> & { webhook?: WebhookConfig };

/** Renders ['openingHours','monday',0,'open'] as openingHours.monday[0].open. */
function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? '(top level)' : out;
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return `required (expected ${issue.expected})`;
  return issue.message;
}

/** "$comment" keys let the example file document itself; they are dropped before validation. */
function withoutComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutComments);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== '$comment')
        .map(([k, v]) => [k, withoutComments(v)]),
    );
  }
  return value;
}

/** Validates already-parsed JSON. `source` names the file in error messages. */
export function parsePracticeConfig(
  raw: unknown,
  source: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): PracticeConfig {
  const result = practiceConfigSchema.safeParse(withoutComments(raw));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${source}: ${fieldPath(i.path)}: ${describe(i)}`);
    throw new Error(lines.join('\n'));
  }
  const { webhook: hook, ...rest } = result.data;
  if (!hook) return rest;
  let secret = hook.secret;
  if (secret === undefined && hook.secretEnv !== undefined) {
    secret = env[hook.secretEnv];
    if (!secret) throw new Error(`${source}: webhook.secretEnv: environment variable ${hook.secretEnv} is not set`);
    if (secret.length < 16) {
      throw new Error(`${source}: webhook.secretEnv: ${hook.secretEnv} must be at least 16 characters`);
    }
  }
  if (secret === undefined) throw new Error(`${source}: webhook: give exactly one of secret or secretEnv`);
  return { ...rest, webhook: { ...hook, secret } };
}

/** Reads and validates the practice configuration; throws an Error naming the file and field. */
export function loadPracticeConfig(
  path: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): PracticeConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new Error(`${path}: cannot read the practice configuration (${code})`, { cause: err });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`${path}: not valid JSON (${(err as Error).message})`, { cause: err });
  }
  return parsePracticeConfig(raw, path, env);
}
