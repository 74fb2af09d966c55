import { join } from 'node:path';
import { lintContent } from '../../src/content/lintContent.js';
import { readability } from '../../src/content/readability.js';
import { projectRoot } from '../support/dialog.js';

describe('readability', () => {
  it('scores short plain sentences as easy and long clinical ones as hard', () => {
    expect(readability('Is the pain happening now?').readingAge).toBeLessThan(9);
    expect(readability('Characterise the anatomical distribution and temporal evolution of the symptomatology experienced.').readingAge).toBeGreaterThan(16);
  });

  it('does not count placeholders, phone numbers or web addresses as hard words', () => {
    expect(readability('Call {{practice}} on 0113 496 0000 or go to 111.nhs.uk.').readingAge).toBeLessThan(9);
  });
});

describe('English texts (npm run lint:content)', () => {
  it('stay within the agreed reading age', () => {
    const result = lintContent(join(projectRoot, 'locales', 'en'));
    expect(result.tooHard.map((s) => `${s.file}:${s.key}`)).toEqual([]);
    expect(result.averageReadingAge).toBeLessThanOrEqual(9);
  });
});
