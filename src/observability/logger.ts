import { pino, type Logger, type DestinationStream } from 'pino';
import { SECRET_ENV_NAMES } from '../config/env.js';
import { CENSOR, redactDeep } from './redact.js';

/**
 * Structured JSON logs. Patient data must never reach a log line: we never log message text or
 * request bodies. Two defences for any object that slips through anyway:
 *  1. `redactDeep` (formatters.log/bindings) replaces sensitive keys at any depth;
 *  2. pino's `redact` paths below, which also cover the environment's secret variable names in
 *     case someone logs `process.env` or a config object.
 */
export const REDACT_PATHS = [
  'text',
  '*.text',
  'body',
  '*.body',
  'activity',
  '*.activity',
  'name',
  '*.name',
  'patient',
  '*.patient',
  'dateOfBirth',
  '*.dateOfBirth',
  'nhsNumber',
  '*.nhsNumber',
  'phone',
  '*.phone',
  'email',
  '*.email',
  'postcode',
  '*.postcode',
  'texts',
  '*.texts',
  'snapshot',
  '*.snapshot',
  'req.headers.authorization',
  'headers.authorization',
  'authorization',
  '*.authorization',
  'secret',
  '*.secret',
  'password',
  '*.password',
  'token',
  '*.token',
  ...SECRET_ENV_NAMES,
  ...SECRET_ENV_NAMES.map((n) => `*.${n}`),
];

export type { Logger };

function scrub(obj: Record<string, unknown>): Record<string, unknown> {
  return redactDeep(obj) as Record<string, unknown>;
}

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'gp-intake-bot' },
      redact: { paths: REDACT_PATHS, censor: CENSOR },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Child bindings (`logger.child({...})`) go through `bindings`, log arguments through `log`.
      formatters: { log: scrub, bindings: scrub },
    },
    options.destination,
  );
}
