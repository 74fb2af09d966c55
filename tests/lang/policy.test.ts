import { answerOffer, chooseLanguage, initialLanguageState, type LanguageState } from '../../src/lang/policy.js';
import { shortReplies } from './corpus/corpus.js';
import { BUILTIN_CODES } from '../../src/lang/builtin.js';

const POLISH = 'boli mnie brzuch od wczoraj i mam goraczke';
const midConversation = (current = 'eng'): LanguageState => ({ ...initialLanguageState(current), messagesSeen: 3 });

describe('chooseLanguage', () => {
  test('never switches or offers on a short reply, whatever the current language', () => {
    const offenders: string[] = [];
    for (const { text } of shortReplies()) {
      for (const current of BUILTIN_CODES) {
        for (const expectsShortAnswer of [false, true]) {
          const { decision } = chooseLanguage(midConversation(current), { text, expectsShortAnswer });
          if (decision.action !== 'keep') offenders.push(`${current}:${text}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  test('offers a switch once when a long message is in another language', () => {
    const first = chooseLanguage(midConversation(), { text: POLISH });
    expect(first.decision).toEqual({ action: 'offer-switch', from: 'eng', to: 'pol' });
    const declined = answerOffer(first.state, false);
    expect(declined.current).toBe('eng');
    const again = chooseLanguage(declined, { text: 'nadal bardzo boli mnie brzuch i glowa' });
    expect(again.decision).toEqual({ action: 'keep', lang: 'eng' });
  });

  test('an offer the patient ignores is not asked again', () => {
    const first = chooseLanguage(midConversation(), { text: POLISH });
    const second = chooseLanguage(first.state, { text: POLISH });
    expect(second.decision.action).toBe('keep');
    expect(second.state.declined).toEqual(['pol']);
  });

  test('accepting the offer switches and keeps the state plain JSON', () => {
    const first = chooseLanguage(midConversation(), { text: POLISH });
    const accepted = answerOffer(first.state, true);
    expect(accepted).toMatchObject({ current: 'pol', source: 'offer-accepted', pendingOffer: null });
    expect(JSON.parse(JSON.stringify(accepted))).toEqual(accepted);
  });

  test('declining one language does not stop an offer for another', () => {
    const declined = answerOffer(chooseLanguage(midConversation(), { text: POLISH }).state, false);
    const next = chooseLanguage(declined, { text: 'ma doare capul de trei zile si am febra' });
    expect(next.decision).toEqual({ action: 'offer-switch', from: 'eng', to: 'ron' });
  });

  test('explicit choice wins over the channel locale and over detection, and stops offers', () => {
    const chosen = chooseLanguage(initialLanguageState(), { text: 'polski', channelLocale: 'ar-SA', explicitChoice: 'pol' });
    expect(chosen.decision).toEqual({ action: 'set', to: 'pol', because: 'explicit' });
    const later = chooseLanguage(chosen.state, { text: 'my little boy has a high temperature and wont eat' });
    expect(later.decision).toEqual({ action: 'keep', lang: 'pol' });
  });

  test('the channel locale sets the language on the first message only', () => {
    const start = chooseLanguage(initialLanguageState(), { text: 'hi', channelLocale: 'cy-GB' });
    expect(start.decision).toEqual({ action: 'set', to: 'cym', because: 'channel' });
    const later = chooseLanguage(midConversation(), { text: 'hi', channelLocale: 'pl-PL' });
    expect(later.decision.action).toBe('keep');
  });

  test('an unknown channel locale changes nothing', () => {
    expect(chooseLanguage(initialLanguageState(), { text: 'ok', channelLocale: 'de-DE' }).decision).toEqual({ action: 'keep', lang: 'eng' });
  });

  test('Roman Urdu gets an offer of Urdu (low confidence, the patient decides)', () => {
    const { decision } = chooseLanguage(midConversation(), { text: 'mujhe teen din se sar mein dard hai' });
    expect(decision).toEqual({ action: 'offer-switch', from: 'eng', to: 'urd' });
  });
});
