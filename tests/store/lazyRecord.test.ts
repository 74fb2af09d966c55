import { lazyRecord } from '../../src/store/postgres/lazyRecord.js';
import { conversation } from './helpers.js';

describe('a conversation record read lazily (PostgreSQL turns)', () => {
  const record = { ...conversation('c1', '2026-03-02T09:00:00.001Z'), answered: [{ key: 'k', replies: [{ type: 'message', text: 'hi' }] }] };

  it('answers updatedAt without parsing the record', () => {
    const lazy = lazyRecord('{ not json', '2026-03-02T09:00:00.001Z');
    expect(lazy.updatedAt).toBe('2026-03-02T09:00:00.001Z');
    expect(() => lazy.snapshot).toThrow(SyntaxError);
  });

  it('is the stored record for every other use: fields, keys, spread, JSON, equality', () => {
    const lazy = lazyRecord(JSON.stringify(record), record.updatedAt);
    expect(lazy.snapshot).toEqual(record.snapshot);
    expect(Object.keys(lazy)).toEqual(Object.keys(record));
    expect({ ...lazy }).toEqual(record);
    expect(JSON.parse(JSON.stringify(lazy))).toEqual(record);
    expect(lazy).toEqual(record);
    expect('answered' in lazy).toBe(true);
    expect('other' in lazy).toBe(false);
    expect(structuredClone(lazy.answered)).toEqual(record.answered);
    const { answered, ...rest } = lazyRecord(JSON.stringify({ ...record, answered: undefined }), null);
    expect(answered).toBeUndefined();
    expect(rest.updatedAt).toBe(record.updatedAt);
  });
});
