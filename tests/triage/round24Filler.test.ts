/**
 * Round 24 (s24-filler, hazard H102): trigger phrases that shrink to a broader phrase once filler words are dropped.
 * Start-up refuses a shrinking phrase nobody has reviewed (src/triage/checkShrinks.ts), accepts it once listed in
 * dialogs/redflags/shrinks/<lang>.json with its shrunk form, and re-opens it when that form changes (a change to the
 * filler list). The check runs on a copy of the real content in a temp folder, with real files.
 * Then the phrases the audit rewrote: clause exclusions that had shrunk to one word ("slept on it" -> "slept",
 * "in the cold" -> "cold", "for years" -> "years") and bite phrases that had shrunk to "him" or to nothing.
 * Phrasings written for this test from the NHS pages, not copied from any evaluation set.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findShrinks, reviewShrinks } from '../../src/triage/checkShrinks.js';
import { loadTriageContent, readTriageContent } from '../../src/triage/loadContent.js';
import { content } from '../support/dialog.js';
import { tierOf } from '../support/triage.js';

const DIALOGS = join(import.meta.dirname, '..', '..', 'dialogs');

/** A marker whose one English trigger shrinks to one word: "very" is English filler. */
const NEW_RULE = {
  area: 'zz_test',
  rules: [
    {
      id: 'cx.test.wobbly',
      version: 1,
      tier: 'routine',
      disposition: 'gp_routine',
      marker: true,
      source: { title: 'NHS.uk: Dizziness', url: 'https://www.nhs.uk/conditions/dizziness/', section: 'Symptoms' },
      triggers: { eng: ['very wobbly', 'wobbly legs today'] },
    },
  ],
};

describe('round 24 (H102): the shrinking-trigger check', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shrinks-'));
    cpSync(DIALOGS, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (file: string, data: unknown): void => writeFileSync(join(dir, file), JSON.stringify(data, null, 1));
  const reviewed = (): { lang: string; reviewed: Record<string, string>[] } =>
    JSON.parse(readFileSync(join(dir, 'redflags', 'shrinks', 'eng.json'), 'utf8')) as { lang: string; reviewed: Record<string, string>[] };
  const entry = { rule: 'cx.test.wobbly', kind: 'trigger', phrase: 'very wobbly', shrunk: 'wobly', note: 'test: wobbly alone still names it' };

  it('the real content loads: every shrinking phrase is reviewed and none is stale', () => {
    const c = readTriageContent(DIALOGS);
    expect(reviewShrinks(c).unreviewed).toEqual([]);
    expect(reviewShrinks(c).stale).toEqual([]);
    expect(findShrinks(c).length).toBeGreaterThan(0);
  });

  it('refuses a new shrinking trigger, naming file, rule, language, phrase and shrunk form', () => {
    write('redflags/zz_test.json', NEW_RULE);
    expect(() => loadTriageContent(dir)).toThrow(/redflags\/zz_test\.json/);
    expect(() => loadTriageContent(dir)).toThrow(/rule cx\.test\.wobbly, eng, trigger "very wobbly" reads as "wobly" once filler is dropped \(one word; dropped: very\)/);
    // The two-word form keeps a meaning of its own: not flagged.
    expect(() => loadTriageContent(dir)).not.toThrow(/wobbly legs today/);
  });

  it('accepts it once reviewed with its shrunk form', () => {
    write('redflags/zz_test.json', NEW_RULE);
    const list = reviewed();
    write('redflags/shrinks/eng.json', { ...list, reviewed: [...list.reviewed, entry] });
    expect(() => loadTriageContent(dir)).not.toThrow();
  });

  it('re-opens the review when the filler list changes the shrunk form', () => {
    write('redflags/zz_test.json', NEW_RULE);
    const list = reviewed();
    write('redflags/shrinks/eng.json', { ...list, reviewed: [...list.reviewed, entry] });
    const lexFile = join(dir, 'redflags', 'lexicons', 'eng.json');
    const lex = JSON.parse(readFileSync(lexFile, 'utf8')) as { stopwords: string[] };
    writeFileSync(lexFile, JSON.stringify({ ...lex, stopwords: [...lex.stopwords, 'wobbly'] }, null, 1));
    expect(() => loadTriageContent(dir)).toThrow(/"very wobbly" reads as "" once filler is dropped \(nothing left; .*reviewed when it read "wobly": review it again/);
  });

  it('reports a review entry whose phrase is gone as stale (lint:content fails on it, start-up does not)', () => {
    const list = reviewed();
    write('redflags/shrinks/eng.json', { ...list, reviewed: [...list.reviewed, entry] });
    expect(() => loadTriageContent(dir)).not.toThrow();
    expect(reviewShrinks(readTriageContent(dir)).stale.map((s) => s.entry.phrase)).toEqual(['very wobbly']);
  });

  it('flags a dropped negation, number or time word even when more than one word is left', () => {
    write('redflags/zz_test.json', {
      ...NEW_RULE,
      rules: [{ ...NEW_RULE.rules[0], triggers: { eng: ['wobbly legs about 3 weeks'], ita: ['gambe deboli da 3 anni'] } }],
    });
    const lex = join(dir, 'redflags', 'lexicons', 'eng.json');
    const eng = JSON.parse(readFileSync(lex, 'utf8')) as { stopwords: string[] };
    // Make a number and a time unit filler, as a careless change to the list would.
    writeFileSync(lex, JSON.stringify({ ...eng, stopwords: [...eng.stopwords, '3', 'weeks'] }, null, 1));
    const mine = findShrinks(readTriageContent(dir)).filter((s) => s.ruleId === 'cx.test.wobbly');
    expect(mine.map((s) => [s.lang, s.shrunk, s.reasons])).toEqual([['eng', 'wobly legs', ['number', 'time']]]);
  });
});

type Lang = Parameters<typeof content.triage.screen>[1];
const fires = (text: string, ruleId: string, lang = 'eng'): boolean =>
  content.triage.screen(text, lang as Lang).hits.some((h) => h.ruleId === ruleId);

describe('round 24 (H102): exclusions that had shrunk to one word', () => {
  it.each([
    'his face dropped after he slept',
    'She slept badly and this morning one side of her face has drooped',
    'my 70 years old dad cannot lift his arm and his face has dropped',
    'She has always had migraines and now her face has dropped on one side',
  ])('a stroke sign beside "slept", "years" or "always" still calls 999: %s', (text) => {
    expect(tierOf(text)).toBe('emergency');
  });

  it.each(['my arm went numb, I think I slept on it', 'woke up with a dead arm, I was lying on it all night'])(
    'a limb slept on is still no stroke: %s',
    (text) => {
      expect(fires(text, 'rf.stroke.fast')).toBe(false);
    },
  );

  it('a deep burn held under cold water is still a burn for A&E', () => {
    expect(fires('I burned my arm with boiling water, the skin is white and charred, I held it under cold water', 'rf.burn.severe')).toBe(true);
  });

  it('white skin after hours out in the cold is no burn', () => {
    expect(fires('my toes are white and waxy after a night out in the cold', 'rf.burn.severe')).toBe(false);
  });
});

describe('round 24 (H102): bite phrases that had shrunk to "him" or to nothing', () => {
  it.each(['I am worried about him, he has a cough', 'our dog was barking at him all night'])('"him" is no bite: %s', (text) => {
    expect(fires(text, 'cx.word.bite')).toBe(false);
    expect(fires(text, 'cx.f24.bit')).toBe(false);
  });

  it.each(['a dog bit him on the hand and the redness is spreading up his arm', 'the cat bit me and the red area is getting bigger'])(
    'a bite with spreading redness is still same-day urgent: %s',
    (text) => {
      expect(tierOf(text)).toBe('urgent');
    },
  );

  it('"no" alone is no numb limb and no frostbite sign', () => {
    const text = 'I have a headache but no pain in my arm';
    expect(fires(text, 'cx.e23.word.limbsign')).toBe(false);
    expect(fires(text, 'cx.k19a.frost_white')).toBe(false);
  });

  it('Urdu "فیور" (fever) alone is no hay fever', () => {
    expect(fires('بچے کو تیز فیور ہے', 'pf.hay_fever', 'urd')).toBe(false);
  });
});

describe('round 24 (H102): "been shot" had shrunk to "shot"', () => {
  it.each(["I've been shot in the leg", 'my brother got shot outside the shop', 'he was shot in the chest', 'someone shot him'])(
    'a gunshot still calls 999: %s',
    (text) => {
      expect(tierOf(text)).toBe('emergency');
    },
  );

  it.each(['I took a shot of whisky and now I feel sick', 'I had my flu shot today and my arm aches'])('a shot that is no gunshot is no 999: %s', (text) => {
    expect(tierOf(text)).not.toBe('emergency');
  });
});

