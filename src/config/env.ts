import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { HTTPS_OR_LOOPBACK, isHttpsOrLoopback, isLoopbackHost } from '../security/secureUrl.js';

/**
 * The one place that reads the process environment. Everything else receives an `AppEnv`.
 * Parsing fails fast with `EnvError`, whose message names every bad variable, so a
 * misconfigured deployment stops at start-up instead of failing on the first patient.
 */

export interface EnvVariable {
  name: string;
  /** Default as the README shows it; '' means "unset". */
  default: string;
  description: string;
  /** Never logged; also on the logger's redaction list. */
  secret: boolean;
  /** A valid non-default value, used by the test that proves every variable is read. */
  example: string;
}

/** The README's environment table is checked against this list (tests/observability/env.test.ts). */
export const ENV_VARIABLES: readonly EnvVariable[] = [
  v('NODE_ENV', 'development', '`production` makes DIRECTLINE_SECRET mandatory.', 'production'),
  v('PORT', '3978', 'TCP port to listen on.', '8080'),
  v('HOST', '0.0.0.0', 'Address to bind. Use 127.0.0.1 behind a reverse proxy on the same host.', '127.0.0.1'),
  v('DATA_DIR', './data', 'Folder for conversations, requests, outbox and audit log (must be writable).', '/data'),
  v('PRACTICE_CONFIG', 'config/practice.demo.json', 'Path to the practice configuration file.', '/etc/gp/practice.json'),
  v('LOG_LEVEL', 'info', 'pino level: fatal, error, warn, info, debug, trace or silent.', 'debug'),
  v('MicrosoftAppId', '', 'Azure Bot app id (the Agents SDK\'s `clientId`). Unset = anonymous local mode (Agents Playground, self-hosted Direct Line), no SDK loaded.', '00000000-0000-0000-0000-000000000001'),
  v('MicrosoftAppPassword', '', 'Client secret of the app id (the SDK\'s `clientSecret`; MultiTenant and SingleTenant).', 'app-password-example', true),
  v('MicrosoftAppType', 'MultiTenant', 'MultiTenant, SingleTenant (SDK `authType` ClientSecret) or UserAssignedMSI (SDK `UserManagedIdentity`).', 'SingleTenant'),
  v('MicrosoftAppTenantId', '', 'Entra tenant id (the SDK\'s `tenantId`); required for SingleTenant and UserAssignedMSI.', '00000000-0000-0000-0000-000000000002'),
  v('PRACTICE_WEBHOOK_URL', '', 'Overrides the practice file\'s webhook URL for delivering requests. https only (plain http only to localhost, 127.0.0.1 or [::1]).', 'https://practice.example.nhs.uk/hook'),
  v('PRACTICE_WEBHOOK_SECRET', '', 'HMAC secret for signing deliveries (at least 16 characters).', 'webhook-secret-0123456789', true),
  v('DELIVERY_MAX_AGE_HOURS', '72', 'How long a request is retried before it becomes a dead letter (1–8760), counted from when it was queued or last re-sent.', '168'),
  v('DELIVERY_MAX_WAIT_MINUTES', '15', 'Longest wait between two delivery attempts (1–1440); waits grow from 2 s up to this, with jitter.', '5'),
  v('DIRECTLINE_SECRET', '', 'Signs self-hosted Direct Line tokens (at least 32 characters). Required in production; otherwise a random one per process.', 'directline-secret-0123456789abcdef0123', true),
  v('AZURE_DIRECTLINE_SECRET', '', 'Azure Bot Service Direct Line secret. When set, the web chat talks to Azure\'s Direct Line (token from /chat/token) instead of our self-hosted one.', 'azure-directline-secret-example-0123456789', true),
  v('ALLOWED_SERVICE_URLS', '', 'Comma list of serviceUrl prefixes the bot may POST replies to (https, or http on localhost; `http://localhost:*` for the Agents Playground). Anonymous: empty = only expectReplies. With MicrosoftAppId: empty = Azure Bot Service\'s Teams, Web Chat, Direct Line and SMS addresses; set = only these.', 'https://smba.trafficmanager.net/'),
  v('TRUST_PROXY_HOPS', '0', 'Reverse proxies in front of the bot (nginx = 1, App Service = 1); picks the client address from X-Forwarded-For for per-address limits.', '1'),
  v('RATE_LIMIT_PER_MINUTE', '30', 'Messages per conversation per minute before 429.', '60'),
  v('RATE_LIMIT_PER_IP_PER_MINUTE', '120', 'Requests per client address per minute before 429.', '600'),
  v('MAX_BODY_BYTES', '65536', 'Largest accepted request body in bytes (413 above).', '32768'),
  v('RETENTION_DAYS', '', 'Overrides the practice file\'s retentionDays (1–3650): idle conversations, and delivered or closed requests and emergency diversions, are deleted after it.', '30'),
  v('DEAD_LETTER_RETENTION_DAYS', '30', 'Days after submission a dead letter (never delivered after every attempt) is deleted with its request (1–3650).', '45'),
  v('OPEN_REQUEST_RETENTION_DAYS', '180', 'Days after submission a request never delivered and never closed is deleted (1–3650; never before RETENTION_DAYS).', '365'),
  v('AUDIT_RETENTION_DAYS', '2190', 'Audit log lines older than this many days are trimmed (1–36500).', '3000'),
  v('JOURNAL_COMPACT_AFTER_HOURS', '24', 'Deleted and superseded conversation data leaves the journal files within this many hours (1–720).', '6'),
  v('DATA_LOCK_STALE_SECONDS', '60', 'A DATA_DIR lock whose holder has not beaten its heartbeat for this long is taken over (0 = take over any lock: one start only, when sure no other process uses DATA_DIR).', '120'),
  v('METRICS_TOKEN', '', 'If set, GET /metrics requires `Authorization: Bearer <token>`.', 'metrics-token-example', true),
  v('DIRECTLINE_TOKEN_MAX_HOURS', '24', 'Longest a web chat conversation\'s Direct Line tokens can be refreshed for, counted from its first token (1–168); then the patient starts a new chat.', '12'),
  // Storage: PostgreSQL when DATABASE_URL is set (several processes may share it), else lowdb in DATA_DIR.
  v('DATABASE_URL', '', 'PostgreSQL connection URL (`postgres://user:password@host:5432/db?sslmode=require`). Set = conversations, requests, outbox, audit log and web chat transcripts live in PostgreSQL and several bot processes may share it; unset = the embedded store in DATA_DIR (one process).', 'postgres://bot:pw@db.example:5432/intake', true),
  v('DATABASE_POOL_SIZE', '10', 'Most connections each bot process opens to PostgreSQL (1–200).', '20'),
  v('FATAL_GRACE_SECONDS', '10', 'After an uncaught exception or unhandled rejection: seconds to finish turns in flight (new requests are refused) before the process exits with code 1 for its supervisor to restart it (1–120).', '5'),
];

function v(name: string, dflt: string, description: string, example: string, secret = false): EnvVariable {
  return { name, default: dflt, description, secret, example };
}

export const SECRET_ENV_NAMES: readonly string[] = ENV_VARIABLES.filter((e) => e.secret).map((e) => e.name);

export type AppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export type BotAuth =
  | { mode: 'anonymous' }
  | { mode: 'authenticated'; appId: string; appPassword?: string; appType: AppType; tenantId?: string };

export interface AppEnv {
  nodeEnv: string;
  port: number;
  host: string;
  dataDir: string;
  practiceConfig: string;
  logLevel: LogLevel;
  bot: BotAuth;
  webhook: { url?: string; secret?: string };
  /** Delivery retries: age limit before a dead letter, and the longest wait between attempts. */
  delivery: { maxAgeHours: number; maxWaitMinutes: number };
  /** `generated` = random per process; tokens die with the process (log a warning at start-up). */
  directLine: { secret: string; generated: boolean };
  /** Azure's Direct Line secret: the web chat uses Azure's Direct Line instead of ours. */
  azureDirectLineSecret?: string;
  allowedServiceUrls: string[];
  trustProxyHops: number;
  rateLimit: { perConversationPerMinute: number; perIpPerMinute: number };
  maxBodyBytes: number;
  retentionDays?: number;
  /** Retention and housekeeping of the data directory (see README, Storage and retention). */
  storage: {
    deadLetterRetentionDays: number;
    openRequestRetentionDays: number;
    auditRetentionDays: number;
    journalCompactAfterHours: number;
    dataLockStaleSeconds: number;
  };
  metricsToken?: string;
  /** PostgreSQL instead of the embedded store (DATABASE_URL); never logged. */
  databaseUrl?: string;
  /** Connections per process when databaseUrl is set (DATABASE_POOL_SIZE). */
  databasePoolSize: number;
  directLineTokenMaxHours: number;
  fatalGraceSeconds: number;
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n  - ${problems.join('\n  - ')}`);
    this.name = 'EnvError';
  }
}

/** Empty strings count as unset: compose and systemd files often carry `NAME=` lines. */
const opt = <T extends z.ZodType>(schema: T) => z.preprocess((x) => (x === '' ? undefined : x), schema.optional());
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** An allow-list entry: https anywhere, http only on loopback; `:*` as port only on loopback. */
export function parseServiceUrlEntry(entry: string): string | undefined {
  const wildcard = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\]):\*\/?$/.exec(entry);
  if (wildcard) return `http://${wildcard[1]}:*`;
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return undefined;
  }
  if (url.username || url.password || url.search || url.hash) return undefined;
  // No wildcards or odd characters in a host name: every allowed host is spelled out.
  if (!/^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/.test(url.hostname)) return undefined;
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))) return url.href;
  return undefined;
}

const schema = z.object({
  NODE_ENV: opt(z.string()),
  PORT: opt(int(0, 65535)),
  HOST: opt(z.string().min(1)),
  DATA_DIR: opt(z.string().min(1)),
  PRACTICE_CONFIG: opt(z.string().min(1)),
  LOG_LEVEL: opt(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  MicrosoftAppId: opt(z.string().trim().min(1)),
  MicrosoftAppPassword: opt(z.string().min(1)),
  MicrosoftAppType: opt(z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'])),
  MicrosoftAppTenantId: opt(z.string().trim().min(1)),
  PRACTICE_WEBHOOK_URL: opt(z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).refine(isHttpsOrLoopback, { error: HTTPS_OR_LOOPBACK })),
  PRACTICE_WEBHOOK_SECRET: opt(z.string().min(16, { error: 'must be at least 16 characters' })),
  DELIVERY_MAX_AGE_HOURS: opt(int(1, 8760)),
  DELIVERY_MAX_WAIT_MINUTES: opt(int(1, 1440)),
  DIRECTLINE_SECRET: opt(z.string().min(32, { error: 'must be at least 32 characters' })),
  AZURE_DIRECTLINE_SECRET: opt(z.string().min(16, { error: 'must be at least 16 characters' })),
  ALLOWED_SERVICE_URLS: opt(z.string()),
  TRUST_PROXY_HOPS: opt(int(0, 10)),
  RATE_LIMIT_PER_MINUTE: opt(int(1, 100_000)),
  RATE_LIMIT_PER_IP_PER_MINUTE: opt(int(1, 1_000_000)),
  MAX_BODY_BYTES: opt(int(1024, 10 * 1024 * 1024)),
  RETENTION_DAYS: opt(int(1, 3650)),
  DEAD_LETTER_RETENTION_DAYS: opt(int(1, 3650)),
  OPEN_REQUEST_RETENTION_DAYS: opt(int(1, 3650)),
  AUDIT_RETENTION_DAYS: opt(int(1, 36_500)),
  JOURNAL_COMPACT_AFTER_HOURS: opt(int(1, 720)),
  DATA_LOCK_STALE_SECONDS: opt(int(0, 86_400)),
  METRICS_TOKEN: opt(z.string().min(16, { error: 'must be at least 16 characters' })),
  DIRECTLINE_TOKEN_MAX_HOURS: opt(int(1, 168)),
  FATAL_GRACE_SECONDS: opt(int(1, 120)),
  DATABASE_URL: opt(z.string().regex(/^postgres(ql)?:\/\/[^\s]+$/, { error: 'expected a postgres:// or postgresql:// URL' })),
  DATABASE_POOL_SIZE: opt(int(1, 200)),
});
type Raw = z.output<typeof schema>;

function botAuth(raw: Raw, problems: string[]): BotAuth {
  const { MicrosoftAppId: appId, MicrosoftAppPassword: pw, MicrosoftAppType: type, MicrosoftAppTenantId: tenant } = raw;
  if (appId === undefined) {
    // Half a configuration would either fail on the first channel message or silently run anonymous; say which.
    for (const [name, value] of [['MicrosoftAppPassword', pw], ['MicrosoftAppType', type], ['MicrosoftAppTenantId', tenant]] as const)
      if (value !== undefined) problems.push(`${name} is set but MicrosoftAppId is not (unset all four for anonymous local mode)`);
    return { mode: 'anonymous' };
  }
  const appType = type ?? 'MultiTenant';
  if (appType === 'UserAssignedMSI') {
    if (pw !== undefined) problems.push('MicrosoftAppPassword must not be set when MicrosoftAppType=UserAssignedMSI');
    if (tenant === undefined) problems.push('MicrosoftAppTenantId is required when MicrosoftAppType=UserAssignedMSI');
  } else {
    if (pw === undefined) problems.push(`MicrosoftAppPassword is required when MicrosoftAppId is set (MicrosoftAppType=${appType})`);
    if (appType === 'SingleTenant' && tenant === undefined)
      problems.push('MicrosoftAppTenantId is required when MicrosoftAppType=SingleTenant');
  }
  return { mode: 'authenticated', appId, appType, ...(pw ? { appPassword: pw } : {}), ...(tenant ? { tenantId: tenant } : {}) };
}

function serviceUrls(list: string | undefined, problems: string[]): string[] {
  const out: string[] = [];
  for (const entry of (list ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const parsed = parseServiceUrlEntry(entry);
    if (parsed) out.push(parsed);
    else problems.push(`ALLOWED_SERVICE_URLS: "${entry}" is not an https URL (http only for localhost/127.0.0.1)`);
  }
  return out;
}

export function parseEnv(env: NodeJS.ProcessEnv): AppEnv {
  const result = schema.safeParse(env);
  if (!result.success) {
    // Name the variable and the rule, never the value: it may be a secret.
    throw new EnvError(result.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`));
  }
  const raw = result.data;
  const problems: string[] = [];
  const nodeEnv = raw.NODE_ENV ?? 'development';
  const bot = botAuth(raw, problems);
  const allowedServiceUrls = serviceUrls(raw.ALLOWED_SERVICE_URLS, problems);
  if (nodeEnv === 'production' && raw.DIRECTLINE_SECRET === undefined)
    problems.push('DIRECTLINE_SECRET is required when NODE_ENV=production (at least 32 characters, e.g. `openssl rand -base64 48`)');
  if (problems.length > 0) throw new EnvError(problems);

  return {
    nodeEnv,
    port: raw.PORT ?? 3978,
    host: raw.HOST ?? '0.0.0.0',
    dataDir: raw.DATA_DIR ?? './data',
    practiceConfig: raw.PRACTICE_CONFIG ?? 'config/practice.demo.json',
    logLevel: raw.LOG_LEVEL ?? 'info',
    bot,
    webhook: {
      ...(raw.PRACTICE_WEBHOOK_URL ? { url: raw.PRACTICE_WEBHOOK_URL } : {}),
      ...(raw.PRACTICE_WEBHOOK_SECRET ? { secret: raw.PRACTICE_WEBHOOK_SECRET } : {}),
    },
    delivery: { maxAgeHours: raw.DELIVERY_MAX_AGE_HOURS ?? 72, maxWaitMinutes: raw.DELIVERY_MAX_WAIT_MINUTES ?? 15 },
    directLine: raw.DIRECTLINE_SECRET
      ? { secret: raw.DIRECTLINE_SECRET, generated: false }
      : { secret: randomBytes(48).toString('base64url'), generated: true },
    ...(raw.AZURE_DIRECTLINE_SECRET ? { azureDirectLineSecret: raw.AZURE_DIRECTLINE_SECRET } : {}),
    allowedServiceUrls,
    trustProxyHops: raw.TRUST_PROXY_HOPS ?? 0,
    rateLimit: { perConversationPerMinute: raw.RATE_LIMIT_PER_MINUTE ?? 30, perIpPerMinute: raw.RATE_LIMIT_PER_IP_PER_MINUTE ?? 120 },
    maxBodyBytes: raw.MAX_BODY_BYTES ?? 65536,
    ...(raw.RETENTION_DAYS !== undefined ? { retentionDays: raw.RETENTION_DAYS } : {}),
    storage: {
      deadLetterRetentionDays: raw.DEAD_LETTER_RETENTION_DAYS ?? 30,
      openRequestRetentionDays: raw.OPEN_REQUEST_RETENTION_DAYS ?? 180,
      auditRetentionDays: raw.AUDIT_RETENTION_DAYS ?? 2190,
      journalCompactAfterHours: raw.JOURNAL_COMPACT_AFTER_HOURS ?? 24,
      dataLockStaleSeconds: raw.DATA_LOCK_STALE_SECONDS ?? 60,
    },
    ...(raw.METRICS_TOKEN ? { metricsToken: raw.METRICS_TOKEN } : {}),
    ...(raw.DATABASE_URL ? { databaseUrl: raw.DATABASE_URL } : {}),
    databasePoolSize: raw.DATABASE_POOL_SIZE ?? 10,
    directLineTokenMaxHours: raw.DIRECTLINE_TOKEN_MAX_HOURS ?? 24,
    fatalGraceSeconds: raw.FATAL_GRACE_SECONDS ?? 10,
  };
}

/**
 * The Bot Framework names of the app registration (the Agents SDK reads the same three as clientId,
 * clientSecret and tenantId; src/server/messages/agentsConfig.ts maps them). Pass this, never
 * `process.env`: a stray variable in a developer shell would otherwise switch authentication on
 * silently. `{}` = anonymous.
 */
export function botFrameworkConfig(bot: BotAuth): Record<string, string> {
  if (bot.mode === 'anonymous') return {};
  return {
    MicrosoftAppId: bot.appId,
    MicrosoftAppType: bot.appType,
    ...(bot.appPassword ? { MicrosoftAppPassword: bot.appPassword } : {}),
    ...(bot.tenantId ? { MicrosoftAppTenantId: bot.tenantId } : {}),
  };
}

/** A log-safe summary of the configuration for the start-up line: no secrets, only whether they are set. */
export function describeEnv(env: AppEnv): Record<string, string | number | boolean> {
  return {
    nodeEnv: env.nodeEnv,
    host: env.host,
    port: env.port,
    dataDir: env.dataDir,
    practiceConfig: env.practiceConfig,
    botAuth: env.bot.mode === 'anonymous' ? 'anonymous' : env.bot.appType,
    // Key chosen so the redaction list (which hides any *secret* key) leaves this harmless fact visible.
    directLineSigning: env.directLine.generated ? 'generated-per-process' : 'configured',
    webhookOverride: env.webhook.url !== undefined,
    deliveryMaxAgeHours: env.delivery.maxAgeHours,
    deliveryMaxWaitMinutes: env.delivery.maxWaitMinutes,
    allowedServiceUrls: env.allowedServiceUrls.length,
    trustProxyHops: env.trustProxyHops,
    maxBodyBytes: env.maxBodyBytes,
    ...env.storage,
    metricsProtected: env.metricsToken !== undefined,
    store: env.databaseUrl ? 'postgresql' : 'embedded',
    ...(env.databaseUrl ? { databasePoolSize: env.databasePoolSize } : {}),
    // Not "token" in the key: the redaction list hides any key that looks like a credential.
    directLineRefreshLimitHours: env.directLineTokenMaxHours,
    fatalGraceSeconds: env.fatalGraceSeconds,
  };
}

/** Start-up warnings the composition root should log (at warn) right after parsing. */
export function envWarnings(env: AppEnv): string[] {
  const out: string[] = [];
  if (env.directLine.generated)
    out.push('DIRECTLINE_SECRET is not set: using a random secret for this process, so web chat tokens will not survive a restart');
  if (env.bot.mode === 'anonymous' && env.host !== '127.0.0.1' && env.host !== 'localhost')
    out.push(`anonymous mode (no MicrosoftAppId) listening on ${env.host}: anyone who can reach /api/messages can talk to the bot`);
  if (env.databaseUrl && env.directLine.generated)
    out.push('DATABASE_URL is set but DIRECTLINE_SECRET is not: every bot process needs the same secret, or a web chat token from one is refused by another');
  if (env.trustProxyHops === 0 && env.nodeEnv === 'production')
    out.push('TRUST_PROXY_HOPS=0 in production: behind a reverse proxy every client shares one address for rate limiting');
  return out;
}
