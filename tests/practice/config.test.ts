import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPracticeConfig, parsePracticeConfig } from '../../src/practice/config.js';

const base = {
  name: 'Test Surgery',
  odsCode: 'Y00001',
  phone: '0113 496 0000',
  address: { lines: ['1 River Lane'], postcode: 'ZZ1 1ZZ' },
};

function errorOf(raw: unknown, env: Record<string, string> = {}): string {
  try {
    parsePracticeConfig(raw, 'config/practice.json', env);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('practice configuration', () => {
  it('applies the documented defaults to a minimal file', () => {
    const c = parsePracticeConfig(base, 'x', {});
    expect(c.openingHours.monday).toEqual([{ open: '08:30', close: '18:00' }]);
    expect(c.openingHours.friday).toEqual([{ open: '08:30', close: '18:00' }]);
    expect(c.openingHours.saturday).toEqual([]);
    expect(c.openingHours.sunday).toEqual([]);
    expect(c.timeZone).toBe('Europe/London');
    expect(c.bankHolidays).toEqual({ region: 'ENG', observe: true });
    expect(c.routineDailyCapacity).toBeNull();
    expect(c.outOfHoursRoutine).toBe('queue');
    expect(c.languagesOffered).toEqual(['eng']);
    expect(c.closures).toEqual([]);
    expect(c.apiKeys).toEqual([]);
    expect(c.webhook).toBeUndefined();
    expect(c.idleTimeoutMinutes).toBe(30);
    expect(c.retentionDays).toBe(90);
  });

  it('keeps the default for weekdays not given and closes a day given as []', () => {
    const c = parsePracticeConfig({ ...base, openingHours: { wednesday: [], saturday: [{ open: '09:00', close: '12:00' }] } }, 'x', {});
    expect(c.openingHours.monday).toEqual([{ open: '08:30', close: '18:00' }]);
    expect(c.openingHours.wednesday).toEqual([]);
    expect(c.openingHours.saturday).toEqual([{ open: '09:00', close: '12:00' }]);
  });

  it('accepts 24 hours as 00:00–24:00 and closures written either way', () => {
    const c = parsePracticeConfig(
      { ...base, openingHours: { sunday: [{ open: '00:00', close: '24:00' }] }, closures: ['2026-12-24', { date: '2026-10-14', reason: 'Training' }] },
      'x',
      {},
    );
    expect(c.openingHours.sunday).toEqual([{ open: '00:00', close: '24:00' }]);
    expect(c.closures).toEqual([{ date: '2026-12-24' }, { date: '2026-10-14', reason: 'Training' }]);
  });

  it('names the file and the field of a bad opening time', () => {
    expect(errorOf({ ...base, openingHours: { monday: [{ open: '8.30', close: '18:00' }] } })).toBe(
      'config/practice.json: openingHours.monday[0].open: expected HH:MM',
    );
  });

  it.each([
    [{ openingHours: { monday: [{ open: '18:00', close: '08:30' }] } }, 'openingHours.monday[0].close: close must be later than open'],
    [{ openingHours: { monday: [{ open: '08:30', close: '13:00' }, { open: '12:00', close: '18:00' }] } }, 'openingHours.monday[1].open: must not start before'],
    [{ openingHours: { wendesday: [] } }, 'openingHours: unknown field "wendesday"'],
    [{ openingHours: { monday: [{ open: '24:00', close: '24:00' }] } }, 'openingHours.monday[0].close'],
    [{ odsCode: 'ABC' }, 'odsCode: expected a GP practice ODS code'],
    [{ phone: '12345' }, 'phone: expected a UK phone number'],
    [{ timeZone: 'Europe/Londn' }, 'timeZone: expected an IANA time zone'],
    [{ closures: ['2026-02-30'] }, 'closures[0]'],
    [{ bankHolidays: { region: 'WLS' } }, 'bankHolidays.region'],
    [{ routineDailyCapacity: 2.5 }, 'routineDailyCapacity'],
    [{ outOfHoursRoutine: 'ignore' }, 'outOfHoursRoutine'],
    [{ languagesOffered: ['en'] }, 'languagesOffered[0]: expected a three-letter language code'],
    [{ webhook: { url: 'ftp://x.example' , secret: 'x'.repeat(16) } }, 'webhook.url: expected an http(s) URL'],
    [{ webhook: { url: 'http://inbox.example/hook', secret: 'x'.repeat(16) } }, 'webhook.url: expected an https URL'],
    [{ webhook: { url: 'https://x.example' } }, 'webhook: give exactly one of secret or secretEnv'],
    [{ apiKeys: [{ name: 'desk', sha256: 'abc' }] }, 'apiKeys[0].sha256: expected the 64-character hex SHA-256'],
    [{ retentionDays: 0 }, 'retentionDays'],
    [{ colour: 'blue' }, '(top level): unknown field "colour"'],
  ])('rejects %j naming the field', (patch, expected) => {
    expect(errorOf({ ...base, ...patch })).toContain(`config/practice.json: ${expected}`);
  });

  it('names a missing required field', () => {
    const { name: _name, ...rest } = base;
    expect(errorOf(rest)).toContain('config/practice.json: name: required');
  });

  it('resolves the webhook secret from the environment and fails naming the variable', () => {
    const raw = { ...base, webhook: { url: 'https://inbox.example', secretEnv: 'HOOK_SECRET' } };
    const c = parsePracticeConfig(raw, 'x', { HOOK_SECRET: 's'.repeat(32) });
    expect(c.webhook).toEqual({ url: 'https://inbox.example', secretEnv: 'HOOK_SECRET', secret: 's'.repeat(32), timeoutMs: 5000, maxAttempts: 8 });
    expect(errorOf(raw)).toBe('config/practice.json: webhook.secretEnv: environment variable HOOK_SECRET is not set');
  });

  it.each(readdirSync('config').filter((f) => f.endsWith('.json')))('every shipped file is valid: config/%s', (file) => {
    expect(() => loadPracticeConfig(join('config', file), { PRACTICE_WEBHOOK_SECRET: 'k'.repeat(32) })).not.toThrow();
  });

  it('loads the shipped demo and example files', () => {
    expect(loadPracticeConfig('config/practice.demo.json', {}).name).toBe('Riverside Demo Surgery');
    const example = loadPracticeConfig('config/practice.example.json', { PRACTICE_WEBHOOK_SECRET: 'k'.repeat(32) });
    expect(example.openingHours.wednesday).toHaveLength(2);
  });

  it('names the file when it is missing or not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'practice-config-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "name": ');
    expect(() => loadPracticeConfig(bad, {})).toThrow(`${bad}: not valid JSON`);
    expect(() => loadPracticeConfig(join(dir, 'missing.json'), {})).toThrow(/missing\.json: cannot read the practice configuration \(ENOENT\)/);
  });
});
