import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTimeRecognizer } from '@microsoft/recognizers-text-date-time';
import { mayRead, sharedRecognisers } from '../../src/dialog/interpret/recognizersText.js';
import { projectRoot } from '../support/dialog.js';

interface TypedLanguage {
  openings: { text: string }[];
  smallTalk: string[];
  answers: Record<string, Record<string, string[]>>;
}

/** Every tuning phrase (openings, small talk, typed answers) of every language. */
const phrases = (() => {
  const { languages } = JSON.parse(readFileSync(join(projectRoot, 'tests', 'dialog', 'typed', 'tuning.json'), 'utf8')) as { languages: Record<string, TypedLanguage> };
  return Object.values(languages).flatMap((l) => [
    ...l.openings.map((o) => o.text),
    ...l.smallTalk,
    ...Object.values(l.answers).flatMap((byCode) => Object.values(byCode).flat()),
  ]);
})();

describe('Recognizers-Text date models are asked only about text in a script they read', () => {
  const now = new Date('2026-12-06T10:00:00Z');
  const cultures = ['en-us', 'es-es', 'fr-fr', 'zh-cn'];

  it.each(cultures)('%s finds nothing in any tuning phrase it is not asked about', (culture) => {
    const model = new DateTimeRecognizer(culture, undefined, true).getDateTimeModel(culture, false);
    const skipped = phrases.filter((p) => p.length <= 60 && !mayRead(culture, p));
    expect(skipped.length).toBeGreaterThan(culture === 'zh-cn' ? 5 : 40);
    expect(skipped.filter((p) => model.parse(p, now).length > 0)).toEqual([]);
  });

  it('still reads durations written in its script or with digits', () => {
    const r = sharedRecognisers();
    expect(r.durationDays('since the 1st of last month', 'eng', now)).toBeGreaterThan(28);
    expect(r.durationDays('hace tres días', 'spa', now)).toBe(3);
    expect(r.durationDays('两周', 'cmn', now)).toBe(14);
    expect(r.durationDays('இரண்டு வாரம்', 'eng', now)).toBeNull();
  });
});
