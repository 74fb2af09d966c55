/** The small stemmer (src/triage/normalise.ts): words it must keep apart (hazard log H51). */
import { stem } from '../../src/triage/normalise.js';

describe('stem', () => {
  it('keeps "burning" (a feeling) apart from "burn" (an injury)', () => {
    expect(stem('burning')).toBe('burning');
    expect(stem('burned')).toBe('burn');
    expect(stem('burns')).toBe('burn');
  });
  it('still stems other -ing words', () => {
    expect(stem('breathing')).toBe('breath');
    expect(stem('bleeding')).toBe('bleed');
  });
});
