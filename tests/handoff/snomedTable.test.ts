import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SnomedTableSchema, defaultSnomedPath, loadSnomedTable } from '../../src/handoff/snomed.js';

describe('dialogs/snomed.json', () => {
  it('matches the table schema (keys, concept ids, terms, where each code was checked)', () => {
    const raw: unknown = JSON.parse(readFileSync(defaultSnomedPath(), 'utf8'));
    const parsed = SnomedTableSchema.safeParse(raw);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('has a Verhoeff-valid SCTID for every code (catches typos in concept ids)', () => {
    // SNOMED CT identifiers end in a Verhoeff check digit.
    const d = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],[5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]];
    const p = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],[4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]];
    const verhoeff = (s: string) => [...s].reverse().reduce((c, ch, i) => d[c]![p[i % 8]![Number(ch)]!]!, 0) === 0;
    for (const e of loadSnomedTable().entries) expect([e.key, verhoeff(e.code)]).toEqual([e.key, true]);
  });

  it('rejects a table with a duplicate key or a malformed code, naming the field', () => {
    const bad = { system: 'http://snomed.info/sct', entries: [
      { key: 'a', code: '29857009', term: 'x', checked: { url: 'https://example.org', on: '2026-01-01' } },
      { key: 'a', code: '12', term: 'y', checked: { url: 'https://example.org', on: '2026-01-01' } },
    ] };
    const r = SnomedTableSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['entries.1.code']));
  });
});

describe('dialogs/snomed.json keys', () => {
  it('every rule key names a real rule in dialogs/redflags (a renamed rule would silently lose its code)', () => {
    const dir = join(dirname(defaultSnomedPath()), 'redflags');
    const ids = new Set<string>();
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/"id"\s*:\s*"(rf\.[^"]+)"/g)) ids.add(m[1] as string);
    }
    const missing = loadSnomedTable().entries.map((e) => e.key).filter((k) => k.startsWith('rf.') && !ids.has(k));
    expect(missing).toEqual([]);
  });
});
