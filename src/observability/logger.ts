import { pino, type Logger, type DestinationStream } from 'pino';

/**
 * Structured JSON logs. Patient data must never reach a log line: we never log message text or
 * request bodies, and the redaction list below is a second line of defence for any object that
 * slips through (keys matched at any of the listed paths are replaced).
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
];

export type { Logger };

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'gp-intake-bot' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}
