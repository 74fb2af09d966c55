import { join } from 'node:path';
import { checkContent } from '../../src/triage/checkContent.js';
import { loadTriageContent } from '../../src/triage/loadContent.js';
import { content, projectRoot } from '../support/dialog.js';

/**
 * The light-bleeding markers behind the pregnancy line's confirming question
 * (dialogs/redflags/pregnancy_spotting.json): light words, words the lexicons drop as filler matched
 * word for word (keepFiller), heavy words cancelling them, and the warning words that skip the question.
 */
const engine = content.triage;
const marks = (text: string, lang = 'eng') => engine.screen(text, lang).hits.map((h) => h.ruleId).filter((id) => id.startsWith('cx.vbleed.'));

describe('light bleeding in the patient\'s own words', () => {
  it('reads "a little" word for word: "a little bleeding" is light, bare "bleeding" is not', () => {
    expect(marks('I am pregnant and bleeding a little')).toContain('cx.vbleed.little');
    expect(marks('I am pregnant and bleeding')).toEqual([]);
    expect(marks('Estoy embarazada y tengo un poco de sangre', 'spa')).toContain('cx.vbleed.little');
    expect(marks('Estoy embarazada y tengo sangre', 'spa')).toEqual([]);
  });

  it('is cancelled by words for a lot of blood in the same clause', () => {
    expect(marks('a little bleeding but heavier than a period')).toEqual([]);
    expect(marks('light spotting with clots')).toEqual([]);
  });

  it('marks pain, cramps, dizziness, a side or the baby\'s movements beside it, but not when denied', () => {
    expect(marks('light spotting and cramps')).toContain('cx.vbleed.warning');
    expect(marks('light spotting, no pain')).not.toContain('cx.vbleed.warning');
    // Signs the rules may not know yet: a side, discomfort, the baby's movements.
    expect(marks('light spotting with discomfort on the left side')).toContain('cx.vbleed.warning');
    expect(marks('a small amount of blood and the baby has been quieter')).toContain('cx.vbleed.warning');
    expect(marks('Estoy embarazada, manchado y el bebé se mueve poco', 'spa')).toContain('cx.vbleed.warning');
  });

  it('allows keepFiller only on a marker', () => {
    const raw = loadTriageContent(join(projectRoot, 'dialogs'));
    const copy = structuredClone(raw);
    const rule = copy.rules.find((r) => r.id === 'rf.pregnancy.bleeding');
    if (!rule) throw new Error('rf.pregnancy.bleeding is missing');
    rule.keepFiller = true;
    expect(() => checkContent(copy)).toThrow(/only a marker may keep filler words/);
  });
});
