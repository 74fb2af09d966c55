import { HTTPS_OR_LOOPBACK, isHttpsOrLoopback } from '../security/secureUrl.js';
import { readFileSync } from 'node:fs';
import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { inboxConfigSchema, resolveInboxSecrets } from '../inbox/config.js';

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

/**
 * Core hours under the GP contract: 08:00–18:30 Monday to Friday, except bank holidays. From
 * 1 October 2025 the online route must stay open for the whole of them; a practice may add hours
 * but not take any away (only an exceptional closure, agreed with the ICB, may).
 */
export const CORE_HOURS = { open: '08:00', close: '18:30' } as const;
export const CORE_DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
const CORE_DAY: OpeningRange[] = [{ ...CORE_HOURS }];
export const CONTRACT_OPEN_RULE =
  'GP contract 2025/26: the online route stays open for the whole of core hours, 08:00-18:30 Monday to Friday';
export const CONTRACT_NO_CAP_RULE = 'GP contract 2026/27: online requests must not be capped during core hours';

/** Do in-order, non-overlapping ranges cover [from, to) without a gap? */
function covers(ranges: readonly OpeningRange[], from: number, to: number): boolean {
  let reached = from;
  for (const r of ranges) {
    if (minutesOf(r.open) > reached) break;
    reached = Math.max(reached, minutesOf(r.close));
  }
  return reached >= to;
}

const weekdayRanges = (defaults: OpeningRange[]) => dayRanges.default(defaults);

/** Online hours: by default exactly core hours; a practice may add hours around or beyond them. */
const openingHours = z
  .strictObject({
    monday: weekdayRanges(CORE_DAY),
    tuesday: weekdayRanges(CORE_DAY),
    wednesday: weekdayRanges(CORE_DAY),
    thursday: weekdayRanges(CORE_DAY),
    friday: weekdayRanges(CORE_DAY),
    saturday: weekdayRanges([]),
    sunday: weekdayRanges([]),
  })
  .superRefine((hours, ctx) => {
    for (const day of CORE_DAYS) {
      const ranges = hours[day];
      const wellFormed = ranges.every((r) => HHMM.test(r.open) && HHMM.test(r.close));
      if (wellFormed && !covers(ranges, minutesOf(CORE_HOURS.open), minutesOf(CORE_HOURS.close))) {
        ctx.addIssue({ code: 'custom', message: `must include core hours ${CORE_HOURS.open}-${CORE_HOURS.close} (${CONTRACT_OPEN_RULE}; add hours, never remove them)`, path: [day] });
      }
    }
  })
  .default({ monday: CORE_DAY, tuesday: CORE_DAY, wednesday: CORE_DAY, thursday: CORE_DAY, friday: CORE_DAY, saturday: [], sunday: [] });

/** Telephone hours, published on /hours when given; the contract sets no default for them here. */
const phoneHours = z.strictObject({
  monday: dayRanges.default([]),
  tuesday: dayRanges.default([]),
  wednesday: dayRanges.default([]),
  thursday: dayRanges.default([]),
  friday: dayRanges.default([]),
  saturday: dayRanges.default([]),
  sunday: dayRanges.default([]),
});


/** A local wall-clock time in the practice's zone, e.g. 2026-12-09T10:00. */
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d$/;
const localDateTime = z
  .string({ error: 'expected a local date and time YYYY-MM-DDTHH:MM' })
  .refine((s) => LOCAL_DATE_TIME.test(s) && DateTime.fromISO(s).isValid, { error: 'expected a real local date and time YYYY-MM-DDTHH:MM' });

/**
 * An exceptional closure of the online route (agreed with the ICB): it must say why and when it
 * ends, so the bot can give the phone number and the reopening time, and the closure is audited.
 */
const exceptionalClosure = z
  .strictObject({
    from: localDateTime,
    until: localDateTime.optional(),
    reason: z.string({ error: 'required: say why (shown to staff and kept in the audit log)' }).trim().min(1, { error: 'required: say why' }).max(200),
  })
  .superRefine((c, ctx) => {
    if (c.until === undefined) {
      ctx.addIssue({ code: 'custom', message: `required: an exceptional closure must say when it ends (${CONTRACT_OPEN_RULE})`, path: ['until'] });
    } else if (LOCAL_DATE_TIME.test(c.from) && LOCAL_DATE_TIME.test(c.until) && c.until <= c.from) {
      ctx.addIssue({ code: 'custom', message: 'must be later than from', path: ['until'] });
    }
  })
  .transform((c) => ({ from: c.from, until: c.until ?? c.from, reason: c.reason }));

export type ExceptionalClosure = z.output<typeof exceptionalClosure>;

/** When the practice replies to urgent requests (both times local, inside core hours). */
const replyBy = z
  .strictObject({
    /** Urgent requests received in core hours before this time are answered the same working day. */
    urgentCutOff: timeOfDay.default('16:00'),
    /** Later urgent requests are answered by this time on the next working day's morning. */
    urgentNextDayBy: timeOfDay.default('12:00'),
  })
  .superRefine((r, ctx) => {
    const core = (t: string) => HHMM.test(t) && minutesOf(t) > minutesOf(CORE_HOURS.open) && minutesOf(t) <= minutesOf(CORE_HOURS.close);
    for (const field of ['urgentCutOff', 'urgentNextDayBy'] as const) {
      if (HHMM.test(r[field]) && !core(r[field])) {
        ctx.addIssue({ code: 'custom', message: `must be after ${CORE_HOURS.open} and no later than ${CORE_HOURS.close} (inside core hours)`, path: [field] });
      }
    }
  })
  .default({ urgentCutOff: '16:00', urgentNextDayBy: '12:00' });

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
    /** No longer used (deliveries retry until DELIVERY_MAX_AGE_HOURS); still accepted so older files load. */
    maxAttempts: z.int().min(1).max(50).optional(),
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
  /** What the key may do in the practice API; read and write when left out ('erase' only when named). */
  scopes: z.array(z.enum(['read', 'write', 'erase'])).min(1).optional(),
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
  phoneHours: phoneHours.optional(),
  timeZone: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), { error: 'expected an IANA time zone like Europe/London' })
    .default('Europe/London'),
  /** Withdrawn: whole-day closures in core hours break the contract; see exceptionalClosures. */
  closures: z
    .never({ error: `replaced by exceptionalClosures [{ from, until, reason }] (${CONTRACT_OPEN_RULE}, except in exceptional circumstances agreed with the ICB)` })
    .optional(),
  exceptionalClosures: z.array(exceptionalClosure).default([]),
  bankHolidays,
  /** Only null (no cap) is accepted: a cap would decline requests in core hours. */
  routineDailyCapacity: z
    .null({ error: `a daily cap is not allowed (${CONTRACT_NO_CAP_RULE}); remove it, or use busyDayThreshold for a "replies may take longer" notice` })
    .optional(),
  /** From this many requests in a local day, patients are told replies may take longer; null = never. */
  busyDayThreshold: z.int().min(1).nullable().default(null),
  /** Outside core hours (and online hours): queue requests, or close the route and show its hours. */
  outOfHoursRoutine: z
    .enum(['queue', 'closed'], {
      error: (issue) =>
        issue.input === 'come-back'
          ? "'come-back' was withdrawn: patients must not be told to call back (GP contract 2026/27); use 'closed' to show the hours instead"
          : "expected 'queue' or 'closed'",
    })
    .default('queue'),
  replyBy,
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
  /** Staff accounts and sign-in rules for the practice inbox (/inbox). */
  inbox: inboxConfigSchema,
});

/** What the file may contain (defaults not yet applied). */
export type PracticeConfigFile = z.input<typeof practiceConfigSchema>;
type ParsedPracticeConfig = Omit<z.output<typeof practiceConfigSchema>, 'closures' | 'routineDailyCapacity'>;
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

/** The value at `path` in the file as written (zod does not report inputs by default). */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

function describe(issue: z.core.$ZodIssue, raw: unknown): string {
  if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && valueAt(raw, issue.path) === undefined) return `required (expected ${issue.expected})`;
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
  const input = withoutComments(raw);
  const result = practiceConfigSchema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${source}: ${fieldPath(i.path)}: ${describe(i, input)}`);
    throw new Error(lines.join('\n'));
  }
  const { webhook: hook, closures: _withdrawn, routineDailyCapacity: _noCap, ...parsed } = result.data;
  const rest = { ...parsed, inbox: resolveInboxSecrets(parsed.inbox, env, source) };
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
