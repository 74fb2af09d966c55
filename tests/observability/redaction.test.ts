import { Writable } from 'node:stream';
import { createLogger } from '../../src/observability/logger.js';

/** A pino destination that keeps everything in memory, so we can search the exact bytes written. */
function memoryLogger() {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk.toString('utf8'));
      cb();
    },
  });
  const logger = createLogger({ level: 'trace', destination });
  return { logger, output: () => chunks.join('') };
}

const PATIENT = {
  name: 'Zelda Quimby',
  givenName: 'Zelda',
  familyName: 'Quimby',
  dateOfBirth: '1957-03-14',
  nhsNumber: '9434765919',
  phone: '07700 900461',
  email: 'zelda.quimby@example.org',
  postcode: 'LS1 4AP',
};
const TEXT = 'crushing pain in my chest since breakfast';
const SECRETS = {
  MicrosoftAppPassword: 'app-password-should-never-appear',
  DIRECTLINE_SECRET: 'directline-secret-should-never-appear-0000',
  PRACTICE_WEBHOOK_SECRET: 'webhook-secret-should-never-appear',
  METRICS_TOKEN: 'metrics-token-should-never-appear',
};
const FORBIDDEN = [...Object.values(PATIENT), TEXT, ...Object.values(SECRETS), 'Zelda', 'Quimby', '9434765919'];

function expectClean(out: string) {
  for (const value of FORBIDDEN) expect(out).not.toContain(value);
}

describe('log redaction', () => {
  it('removes patient fields and free text at the top level', () => {
    const { logger, output } = memoryLogger();
    logger.info({ ...PATIENT, text: TEXT }, 'top level');
    expectClean(output());
    expect(output()).toContain('top level');
  });

  it('removes them one, two, three and five levels deep, and inside arrays', () => {
    const { logger, output } = memoryLogger();
    logger.info({ request: { patient: PATIENT } }, 'depth 1');
    logger.info({ turn: { request: { patient: { ...PATIENT } } } }, 'depth 2');
    logger.info({ a: { b: { c: { ...PATIENT, text: TEXT } } } }, 'depth 3');
    logger.info({ a: { b: { c: { d: { e: { details: PATIENT, words: TEXT } } } } } }, 'depth 5');
    logger.info({ items: [{ answers: [{ text: TEXT }] }, { contact: { phone: PATIENT.phone } }] }, 'arrays');
    logger.info({ activity: { type: 'message', text: TEXT, from: { id: 'u1', name: 'Zelda Quimby' } } }, 'activity');
    expectClean(output());
    expect(output().split('\n').filter(Boolean)).toHaveLength(6);
  });

  it('redacts snake_case and differently cased keys too', () => {
    const { logger, output } = memoryLogger();
    logger.info({ x: { date_of_birth: PATIENT.dateOfBirth, NHS_NUMBER: PATIENT.nhsNumber, Email: PATIENT.email } });
    expectClean(output());
  });

  it('redacts child-logger bindings', () => {
    const { logger, output } = memoryLogger();
    logger.child({ patient: PATIENT, conversation: { text: TEXT } }).info('from a child');
    expectClean(output());
    expect(output()).toContain('from a child');
  });

  it('redacts secrets, including the environment variable names and credential-looking keys', () => {
    const { logger, output } = memoryLogger();
    logger.info({ env: SECRETS }, 'env');
    logger.info(SECRETS, 'env top level');
    logger.info({ deep: { webhook: { secret: SECRETS.PRACTICE_WEBHOOK_SECRET }, headers: { authorization: `Bearer ${SECRETS.METRICS_TOKEN}` } } });
    logger.info({ cfg: { clientSecret: SECRETS.DIRECTLINE_SECRET, accessToken: SECRETS.METRICS_TOKEN } });
    expectClean(output());
  });

  it('keeps errors useful while scrubbing their extra fields', () => {
    const { logger, output } = memoryLogger();
    const err = Object.assign(new Error('store write failed'), { patient: PATIENT, code: 'EIO' });
    logger.error({ err }, 'boom');
    const out = output();
    expectClean(out);
    expect(out).toContain('store write failed');
    expect(out).toContain('EIO');
  });

  it('keeps operational fields that are not sensitive', () => {
    const { logger, output } = memoryLogger();
    logger.info({ reqId: 'r-1', status: 200, ms: 3, tier: 'urgent', conversationId: 'c-1' }, 'ok');
    const line = JSON.parse(output()) as Record<string, unknown>;
    expect(line).toMatchObject({ reqId: 'r-1', status: 200, ms: 3, tier: 'urgent', conversationId: 'c-1', msg: 'ok' });
  });

  it('survives circular objects', () => {
    const { logger, output } = memoryLogger();
    const a: Record<string, unknown> = { id: 'x', phone: PATIENT.phone };
    a.self = a;
    logger.info({ a });
    expectClean(output());
    expect(output()).toContain('[circular]');
  });
});
