import { ageInYears, monthNamesFor, parseDateOfBirth } from '../../src/dialog/validate/dateOfBirth.js';
import { normaliseName } from '../../src/dialog/validate/name.js';
import { normaliseNhsNumber } from '../../src/dialog/validate/nhsNumber.js';
import { normalisePhone } from '../../src/dialog/validate/phone.js';
import { normalisePostcode } from '../../src/dialog/validate/postcode.js';

const today = new Date('2026-03-04T10:00:00Z');

describe('NHS number (modulus 11)', () => {
  it.each(['943 476 5919', '9434765919', '943-476-5919', '4010232137'])('accepts the valid number %s', (n) => {
    expect(normaliseNhsNumber(n)).toBe(n.replace(/\D/g, ''));
  });
  it.each(['9434765918', '943476591', '94347659190', 'abcdefghij', '1234567890'])('rejects %s', (n) => {
    expect(normaliseNhsNumber(n)).toBeNull();
  });
});

describe('date of birth', () => {
  it.each([
    ['31/12/1980', '1980-12-31'],
    ['1-3-80', '1980-03-01'],
    ['01.03.2025', '2025-03-01'],
    ['1 March 1980', '1980-03-01'],
    ['1st mar 1980', '1980-03-01'],
    ['1980-12-31', '1980-12-31'],
    ['4/3/26', '2026-03-04'],
  ])('reads %s as %s (day first)', (input, iso) => {
    expect(parseDateOfBirth(input, today)).toEqual({ ok: true, iso });
  });
  it.each(['31/02/1980', 'yesterday', '13/13/1980'])('rejects %s', (input) => {
    expect(parseDateOfBirth(input, today)).toEqual({ ok: false, reason: 'format' });
  });
  it.each([
    ['12/3/85', '1985-03-12'],
    ['12 March 1985', '1985-03-12'],
    ['1985-03-12', '1985-03-12'],
    ['12th march 85', '1985-03-12'],
    ['March 12 1985', '1985-03-12'],
    ['12-Mar-1985', '1985-03-12'],
    ['12 mar, 1985', '1985-03-12'],
  ])('reads the common form %s', (input, iso) => {
    expect(parseDateOfBirth(input, today)).toEqual({ ok: true, iso });
  });
  it('reads month names in the patient\'s language', () => {
    expect(parseDateOfBirth('12 marca 1985', today, monthNamesFor('pl'))).toEqual({ ok: true, iso: '1985-03-12' });
    expect(parseDateOfBirth('12 de marzo de 1985', today, monthNamesFor('es'))).toEqual({ ok: true, iso: '1985-03-12' });
  });
  it('rejects a date more than 120 years ago with its own reason', () => {
    expect(parseDateOfBirth('1/1/1850', today)).toEqual({ ok: false, reason: 'tooOld' });
    expect(parseDateOfBirth('03/03/1906', today)).toEqual({ ok: false, reason: 'tooOld' });
    expect(parseDateOfBirth('05/03/1906', today)).toEqual({ ok: true, iso: '1906-03-05' });
  });
  it('rejects a future date with its own reason', () => {
    expect(parseDateOfBirth('05/03/2026', today)).toEqual({ ok: false, reason: 'future' });
  });
  it('gives babies a fractional age', () => {
    expect(ageInYears('2026-01-04', today)).toBeLessThan(0.25);
    expect(ageInYears('1980-03-05', today)).toBe(45);
  });
});

describe('postcode, phone and name', () => {
  it('normalises UK postcodes', () => {
    expect(normalisePostcode('sw1a1aa')).toBe('SW1A 1AA');
    expect(normalisePostcode(' m1  1ae ')).toBe('M1 1AE');
    expect(normalisePostcode('12345')).toBeNull();
    expect(normalisePostcode('SW1A-1AA.')).toBe('SW1A 1AA');
    expect(normalisePostcode('my postcode is ls1 4ap')).toBe('LS1 4AP');
  });
  it('normalises UK phone numbers', () => {
    expect(normalisePhone('07700 900123')).toBe('07700900123');
    expect(normalisePhone('+44 7700 900123')).toBe('07700900123');
    expect(normalisePhone('(020) 7946 0000')).toBe('02079460000');
    expect(normalisePhone('+44 (0)7700 900123')).toBe('07700900123');
    expect(normalisePhone('0044 20 7946 0000')).toBe('02079460000');
    expect(normalisePhone('07700-900-123')).toBe('07700900123');
    expect(normalisePhone('+447700900123')).toBe('07700900123');
    expect(normalisePhone("it's 07700 900123 thanks")).toBe('07700900123');
    expect(normalisePhone('999')).toBeNull();
    expect(normalisePhone('+33 6 12 34 56 78')).toBeNull();
  });
  it('accepts names in any script but not numbers', () => {
    expect(normaliseName('  Zofia   Nowak ')).toBe('Zofia Nowak');
    expect(normaliseName('محمد علي')).toBe('محمد علي');
    expect(normaliseName('2')).toBeNull();
    expect(normaliseName('')).toBeNull();
  });
});
