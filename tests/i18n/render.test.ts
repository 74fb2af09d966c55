import { createRenderer } from '../../src/i18n/render.js';
import { content, openPractice } from '../support/dialog.js';

const render = createRenderer(content.i18n, content.languages);
const base = { lang: 'eng', practice: openPractice, now: new Date('2026-03-04T10:00:00Z'), state: 'need' };
const ask = [{ key: 'dialog.q.need', choices: ['need.new', 'need.admin'] }];

describe('rendering message keys into activities', () => {
  it('offers choices as buttons whose value is the language-neutral code', () => {
    const [activity] = render(ask, { ...base, channelId: 'webchat' });
    expect(activity?.text).toBe('What do you need help with?');
    expect(activity?.suggestedActions?.actions).toEqual([
      { type: 'postBack', title: 'A new health problem', value: 'need.new' },
      { type: 'postBack', title: 'A fit note, test results or a letter', value: 'need.admin' },
    ]);
    expect(activity?.channelData.intake).toEqual({ state: 'need', locale: 'en', dir: 'ltr' });
  });

  it('writes the choices as a numbered list on channels without buttons', () => {
    const [activity] = render(ask, { ...base, channelId: 'sms' });
    expect(activity?.suggestedActions).toBeUndefined();
    expect(activity?.text).toContain('1. A new health problem');
    expect(activity?.text).toContain('2. A fit note, test results or a letter');
  });

  it('uses titles as values where the channel only supports imBack', () => {
    const [activity] = render(ask, { ...base, channelId: 'msteams' });
    expect(activity?.suggestedActions?.actions[0]).toEqual({ type: 'imBack', title: 'A new health problem', value: 'A new health problem' });
  });

  it('says times the way people say them, in the practice time zone', () => {
    const [activity] = render([{ key: 'dialog.closedQueue', params: { when: '2026-03-05T08:30:00Z' } }], { ...base, channelId: 'webchat' });
    expect(activity?.text).toContain('tomorrow at 8:30am');
  });

  it('uses plural forms properly', () => {
    const one = render([{ key: 'dialog.nextStep.routine', params: { count: 1 } }], { ...base, channelId: 'webchat' });
    const two = render([{ key: 'dialog.nextStep.routine', params: { count: 2 } }], { ...base, channelId: 'webchat' });
    expect(one[0]?.text).toMatch(/within 1 working day\.$/);
    expect(two[0]?.text).toMatch(/within 2 working days\.$/);
  });

  it('carries urgency, disposition and the request id once known, and marks right-to-left languages', () => {
    const [activity] = render([{ key: 'dialog.safetyNet' }], { ...base, lang: 'urd', channelId: 'webchat', urgency: 'routine', disposition: 'gp_routine', requestId: 'r1' });
    expect(activity?.channelData.intake).toMatchObject({ locale: 'ur', dir: 'rtl', urgency: 'routine', disposition: 'gp_routine', requestId: 'r1' });
  });

  it('passes patient text through as plain text, never as markup', () => {
    const [activity] = render([{ key: 'dialog.q.review', lines: [{ labelKey: 'dialog.review.labels.describe', value: '<script>alert(1)</script>' }] }], { ...base, channelId: 'webchat' });
    expect(activity?.textFormat).toBe('plain');
    expect(activity?.text).toContain('<script>alert(1)</script>');
  });
});
