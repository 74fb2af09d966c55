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
    expect(c.openingHours.monday).toEqual([{ open: '08:00', close: '18:30' }]);
    expect(c.openingHours.friday).toEqual([{ open: '08:00', close: '18:30' }]);
    expect(c.openingHours.saturday).toEqual([]);
    expect(c.openingHours.sunday).toEqual([]);
    expect(c.timeZone).toBe('Europe/London');
    expect(c.bankHolidays).toEqual({ region: 'ENG', observe: true });
    expect(c.busyDayThreshold).toBeNull();
    expect(c.outOfHoursRoutine).toBe('queue');
    expect(c.replyBy).toEqual({ urgentCutOff: '16:00', urgentNextDayBy: '12:00' });
    expect(c.phoneHours).toBeUndefined();
    expect(c.languagesOffered).toEqual(['eng']);
    expect(c.exceptionalClosures).toEqual([]);
    expect(c.apiKeys).toEqual([]);
    expect(c.webhook).toBeUndefined();
    expect(c.idleTimeoutMinutes).toBe(30);
    expect(c.retentionDays).toBe(90);
  });

  it('keeps the default for weekdays not given and lets a practice add hours around core hours', () => {
    const c = parsePracticeConfig(
      { ...base, openingHours: { wednesday: [{ open: '07:00', close: '12:00' }, { open: '12:00', close: '20:00' }], saturday: [{ open: '09:00', close: '12:00' }] } },
      'x',
      {},
    );
    expect(c.openingHours.monday).toEqual([{ open: '08:00', close: '18:30' }]);
    expect(c.openingHours.wednesday).toHaveLength(2);
    expect(c.openingHours.saturday).toEqual([{ open: '09:00', close: '12:00' }]);
  });

  it('accepts 24 hours as 00:00–24:00 and an exceptional closure with a reason and an end', () => {
    const c = parsePracticeConfig(
      {
        ...base,
        openingHours: { sunday: [{ open: '00:00', close: '24:00' }] },
        exceptionalClosures: [{ from: '2026-12-09T10:00', until: '2026-12-09T14:00', reason: 'Power cut' }],
      },
      'x',
      {},
    );
    expect(c.openingHours.sunday).toEqual([{ open: '00:00', close: '24:00' }]);
    expect(c.exceptionalClosures).toEqual([{ from: '2026-12-09T10:00', until: '2026-12-09T14:00', reason: 'Power cut' }]);
  });

  describe('the GP contract rules are enforced at start-up', () => {
    it.each([
      [{ openingHours: { monday: [{ open: '08:30', close: '18:00' }] } }, 'openingHours.monday: must include core hours 08:00-18:30 (GP contract 2025/26'],
      [{ openingHours: { wednesday: [] } }, 'openingHours.wednesday: must include core hours'],
      [{ openingHours: { friday: [{ open: '08:00', close: '12:00' }, { open: '13:00', close: '18:30' }] } }, 'openingHours.friday: must include core hours'],
      [{ routineDailyCapacity: 40 }, 'routineDailyCapacity: a daily cap is not allowed (GP contract 2026/27: online requests must not be capped during core hours)'],
      [{ outOfHoursRoutine: 'come-back' }, "outOfHoursRoutine: 'come-back' was withdrawn: patients must not be told to call back"],
      [{ closures: ['2026-12-24'] }, 'closures: replaced by exceptionalClosures'],
      [{ exceptionalClosures: [{ from: '2026-12-09T10:00', reason: 'Flood' }] }, 'exceptionalClosures[0].until: required: an exceptional closure must say when it ends'],
      [{ exceptionalClosures: [{ from: '2026-12-09T10:00', until: '2026-12-09T14:00' }] }, 'exceptionalClosures[0].reason: required'],
      [{ exceptionalClosures: [{ from: '2026-12-09T10:00', until: '2026-12-09T09:00', reason: 'x' }] }, 'exceptionalClosures[0].until: must be later than from'],
      [{ exceptionalClosures: [{ from: '2026-12-09', until: '2026-12-10T09:00', reason: 'x' }] }, 'exceptionalClosures[0].from: expected a real local date and time'],
      [{ replyBy: { urgentCutOff: '19:00' } }, 'replyBy.urgentCutOff: must be after 08:00 and no later than 18:30'],
      [{ busyDayThreshold: 0 }, 'busyDayThreshold'],
      [{ phoneHours: { monday: [{ open: '12:00', close: '09:00' }] } }, 'phoneHours.monday[0].close: close must be later than open'],
    ])('refuses %j naming the field and the rule', (patch, expected) => {
      expect(errorOf({ ...base, ...patch })).toContain(`config/practice.json: ${expected}`);
    });

    it('still accepts routineDailyCapacity: null (no cap), so older files that said so keep working', () => {
      expect(() => parsePracticeConfig({ ...base, routineDailyCapacity: null }, 'x', {})).not.toThrow();
    });
  });

  it('names the file and the field of a bad opening time', () => {
    expect(errorOf({ ...base, openingHours: { monday: [{ open: '8.30', close: '18:00' }] } })).toBe(
      'config/practice.json: openingHours.monday[0].open: expected HH:MM',
    );
  });

  it.each([
    [{ openingHours: { saturday: [{ open: '18:00', close: '08:30' }] } }, 'openingHours.saturday[0].close: close must be later than open'],
    [{ openingHours: { monday: [{ open: '08:00', close: '13:00' }, { open: '12:00', close: '18:30' }] } }, 'openingHours.monday[1].open: must not start before'],
    [{ openingHours: { wendesday: [] } }, 'openingHours: unknown field "wendesday"'],
    [{ openingHours: { monday: [{ open: '24:00', close: '24:00' }] } }, 'openingHours.monday[0].close'],
    [{ odsCode: 'ABC' }, 'odsCode: expected a GP practice ODS code'],
    [{ phone: '12345' }, 'phone: expected a UK phone number'],
    [{ timeZone: 'Europe/Londn' }, 'timeZone: expected an IANA time zone'],
    [{ exceptionalClosures: [{ from: '2026-02-30T10:00', until: '2026-03-01T10:00', reason: 'x' }] }, 'exceptionalClosures[0].from'],
    [{ bankHolidays: { region: 'WLS' } }, 'bankHolidays.region'],
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
    expect(c.webhook).toEqual({ url: 'https://inbox.example', secretEnv: 'HOOK_SECRET', secret: 's'.repeat(32), timeoutMs: 5000 });
    expect(errorOf(raw)).toBe('config/practice.json: webhook.secretEnv: environment variable HOOK_SECRET is not set');
  });

  it.each(readdirSync('config').filter((f) => f.endsWith('.json')))('every shipped file is valid: config/%s', (file) => {
    expect(() => loadPracticeConfig(join('config', file), { PRACTICE_WEBHOOK_SECRET: 'k'.repeat(32) })).not.toThrow();
  });

  it('loads the shipped demo and example files', () => {
    expect(loadPracticeConfig('config/practice.demo.json', {}).name).toBe('Riverside Demo Surgery');
    const example = loadPracticeConfig('config/practice.example.json', { PRACTICE_WEBHOOK_SECRET: 'k'.repeat(32) });
    expect(example.openingHours.wednesday).toHaveLength(2);
    expect(example.exceptionalClosures).toHaveLength(1);
  });

  it('names the file when it is missing or not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'practice-config-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "name": ');
    expect(() => loadPracticeConfig(bad, {})).toThrow(`${bad}: not valid JSON`);
    expect(() => loadPracticeConfig(join(dir, 'missing.json'), {})).toThrow(/missing\.json: cannot read the practice configuration \(ENOENT\)/);
  });
});
