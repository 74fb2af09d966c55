import { parsePracticeConfig, type PracticeConfig, type PracticeConfigFile } from '../../src/practice/config.js';

/** A valid configuration with defaults applied; `overrides` replace top-level fields. */
export function practiceConfig(overrides: Partial<PracticeConfigFile> = {}): PracticeConfig {
  return parsePracticeConfig(
    {
      name: 'Test Surgery',
      odsCode: 'Y00001',
      phone: '0113 496 0000',
      address: { lines: ['1 River Lane', 'Leeds'], postcode: 'ZZ1 1ZZ' },
      ...overrides,
    },
    'test-config',
    {},
  );
}

/** Instant for a wall-clock time in London, e.g. london('2026-03-30T08:30'). */
export function london(local: string): Date {
  return new Date(`${local}:00${offsetIn2026(local)}`);
}

/** UK offsets in 2026/27: BST from 29 Mar 01:00Z to 25 Oct 01:00Z (2026), 28 Mar to 31 Oct (2027). */
function offsetIn2026(local: string): string {
  const d = local.slice(0, 10);
  const bst = (d > '2026-03-29' && d < '2026-10-25') || (d > '2027-03-28' && d < '2027-10-31');
  return bst ? '+01:00' : 'Z';
}
