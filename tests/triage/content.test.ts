import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTriageContent } from '../../src/triage/index.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'triage-content-'));
  cpSync('dialogs/redflags', join(dir, 'redflags'), { recursive: true });
  cpSync('dialogs/complaints', join(dir, 'complaints'), { recursive: true });
  cpSync('dialogs/safety', join(dir, 'safety'), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const edit = (file: string, change: (data: { rules?: Record<string, unknown>[]; questions?: Record<string, unknown>[] }) => void): void => {
  const path = join(dir, file);
  const data = JSON.parse(readFileSync(path, 'utf8'));
  change(data);
  writeFileSync(path, JSON.stringify(data));
};

describe('loadTriageContent', () => {
  it('loads the shipped content', () => {
    const content = loadTriageContent('dialogs');
    expect(content.rules.length).toBeGreaterThan(60);
    expect(content.rulesetVersion).toMatch(/^rs-[0-9a-f]{12}$/);
  });

  it('names the file and field of a bad disposition', () => {
    edit('redflags/chest.json', (d) => { (d.rules as Record<string, unknown>[])[0]!['disposition'] = 'call_998'; });
    expect(() => loadTriageContent(dir)).toThrow(/redflags\/chest\.json[\s\S]*rules\.0\.disposition/);
  });

  it('refuses a message-wide exclusion on an emergency rule', () => {
    edit('redflags/chest.json', (d) => {
      const rule = (d.rules as Record<string, unknown>[]).find((r) => r['tier'] === 'emergency')!;
      rule['excludeInMessage'] = { eng: ['indigestion'] };
    });
    expect(() => loadTriageContent(dir)).toThrow(/excludeInMessage[\s\S]*not allowed on an emergency rule/);
  });

  it('refuses borrowed exclusions that name an unknown rule, and a message-wide one on an emergency rule', () => {
    edit('redflags/chest.json', (d) => {
      (d.rules as Record<string, unknown>[]).find((r) => r['id'] === 'cx.chest_pain')!['excludeFrom'] = ['cx.nope'];
    });
    expect(() => loadTriageContent(dir)).toThrow(/cx\.chest_pain\.excludeFrom[\s\S]*unknown rule cx\.nope/);
    edit('redflags/chest.json', (d) => {
      const rules = d.rules as Record<string, unknown>[];
      rules.find((r) => r['id'] === 'cx.chest_pain')!['excludeFrom'] = ['cx.blisters'];
      rules.find((r) => r['tier'] === 'emergency')!['excludeInMessageFrom'] = ['pf.chest_strain'];
    });
    expect(() => loadTriageContent(dir)).toThrow(/excludeInMessageFrom[\s\S]*not allowed on an emergency rule/);
  });

  it('names the rule a combination excludes when it does not exist', () => {
    edit('redflags/primary_care.json', (d) => {
      const rule = (d.rules as Record<string, unknown>[]).find((r) => r['id'] === 'rf.fever.infant')!;
      (rule['when'] as Record<string, unknown>[])[0]!['none'] = ['cx.nope'];
    });
    expect(() => loadTriageContent(dir)).toThrow(/rf\.fever\.infant\.when\.0\.none[\s\S]*unknown rule cx\.nope/);
  });

  it('names the file and field of a missing source url', () => {
    edit('redflags/breathing.json', (d) => { delete ((d.rules as Record<string, unknown>[])[1]!['source'] as Record<string, unknown>)['url']; });
    expect(() => loadTriageContent(dir)).toThrow(/redflags\/breathing\.json[\s\S]*rules\.1\.source\.url/);
  });

  it('names the complaint file when an answer raises an unknown rule', () => {
    edit('complaints/back_pain.json', (d) => { (d.questions as Record<string, unknown>[])[0]!['effects'] = { yes: { raise: ['rf.nope'] } }; });
    expect(() => loadTriageContent(dir)).toThrow(/complaints\/back_pain\.json[\s\S]*questions\.0\.effects\.yes: unknown rule rf\.nope/);
  });

  it('rejects an emergency-check line that raises a rule below the emergency tier', () => {
    const path = join(dir, 'safety', 'emergencyCheck.json');
    const data = JSON.parse(readFileSync(path, 'utf8'));
    data.lines.chest_heart.ruleId = 'cx.chest_pain';
    writeFileSync(path, JSON.stringify(data));
    expect(() => loadTriageContent(dir)).toThrow(/safety\/emergencyCheck\.json[\s\S]*lines\.chest_heart\.ruleId: a check line must raise an emergency rule/);
  });

  it('rejects an emergency check version of more than 8 lines', () => {
    const path = join(dir, 'safety', 'emergencyCheck.json');
    const data = JSON.parse(readFileSync(path, 'utf8'));
    data.versions.adult = [...data.versions.adult, 'child_baby', 'child_poison'];
    writeFileSync(path, JSON.stringify(data));
    expect(() => loadTriageContent(dir)).toThrow(/safety\/emergencyCheck\.json[\s\S]*versions\.adult/);
  });

  it('names a paired rule that does not exist, and refuses a rule paired with itself', () => {
    edit('redflags/back.json', (d) => { d.rules![0]!['triggersPaired'] = ['cx.word.numb', 'cx.nope']; });
    expect(() => loadTriageContent(dir)).toThrow(/back\.json[\s\S]*rf\.cauda_equina\.triggersPaired\.1[\s\S]*unknown rule cx\.nope/);
    edit('redflags/back.json', (d) => { d.rules![0]!['triggersPaired'] = ['rf.cauda_equina', 'cx.word.saddle']; });
    expect(() => loadTriageContent(dir)).toThrow(/cannot pair its own phrases/);
  });

  it('rejects invalid JSON with the file name', () => {
    writeFileSync(join(dir, 'redflags', 'broken.json'), '{ "area": ');
    expect(() => loadTriageContent(dir)).toThrow(/redflags\/broken\.json: not valid JSON/);
  });

  it('rejects a lexicon that adds triggers to an unknown rule', () => {
    writeFileSync(join(dir, 'redflags', 'lexicons', 'cym.json'), JSON.stringify({
      lang: 'cym', negation: ['dim'], breakers: ['ond'], strongPast: [], weakPast: [], recency: [], notNow: [], stopwords: [],
      triggers: { 'rf.unknown': ['poen yn y frest'] },
    }));
    expect(() => loadTriageContent(dir)).toThrow(/lexicons\/cym\.json[\s\S]*triggers\.rf\.unknown/);
  });
});
