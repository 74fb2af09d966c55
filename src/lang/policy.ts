/**
 * Which language the conversation uses, turn by turn. Order of trust:
 * explicit patient choice > channel locale (first message only) > detection (script, then franc + words).
 * Detection never switches by itself: it can only make the dialog ask once per language.
 * State is plain JSON so it can live in the statechart context and be persisted.
 */
import type { LangCode } from '../domain/types.js';
import { BUILTIN_CODES, BUILTIN_LANGUAGES } from './builtin.js';
import { detectLanguage } from './detect.js';
import { localeToLang } from './locale.js';

export interface LanguageState {
  current: LangCode;
  /** How `current` was set. After an explicit choice detection never offers again. */
  source: 'default' | 'channel' | 'explicit' | 'offer-accepted';
  /** Languages the patient declined (or ignored) when offered; never offered again. */
  declined: LangCode[];
  /** Offer made on the last turn and not yet answered. */
  pendingOffer: LangCode | null;
  /** Patient messages seen; the channel locale is trusted only on the first. */
  messagesSeen: number;
}

export interface LanguageMessage {
  text: string;
  /** activity.locale from the channel. */
  channelLocale?: string;
  /** The patient picked a language (menu, parseLanguageChoice, "change language"). */
  explicitChoice?: LangCode;
  /** The question being answered expects a short answer (name, date of birth, yes/no). */
  expectsShortAnswer?: boolean;
}

export type LanguageDecision =
  | { action: 'keep'; lang: LangCode }
  | { action: 'set'; to: LangCode; because: 'explicit' | 'channel' }
  | { action: 'offer-switch'; from: LangCode; to: LangCode };

export function initialLanguageState(defaultLang: LangCode = 'eng'): LanguageState {
  return { current: defaultLang, source: 'default', declined: [], pendingOffer: null, messagesSeen: 0 };
}

export function chooseLanguage(
  state: LanguageState,
  message: LanguageMessage,
  supported: readonly LangCode[] = BUILTIN_CODES,
): { decision: LanguageDecision; state: LanguageState } {
  // An offer the patient walked past counts as declined: asking again would be the flapping we avoid.
  const base: LanguageState = {
    ...state,
    declined: state.pendingOffer && !state.declined.includes(state.pendingOffer) ? [...state.declined, state.pendingOffer] : state.declined,
    pendingOffer: null,
    messagesSeen: state.messagesSeen + 1,
  };
  const keep = { decision: { action: 'keep', lang: base.current } as LanguageDecision, state: base };

  if (message.explicitChoice !== undefined && supported.includes(message.explicitChoice)) {
    const to = message.explicitChoice;
    return { decision: { action: 'set', to, because: 'explicit' }, state: { ...base, current: to, source: 'explicit' } };
  }
  if (base.source === 'explicit') return keep;

  if (state.messagesSeen === 0 && base.source === 'default') {
    const fromLocale = localeToLang(message.channelLocale, BUILTIN_LANGUAGES);
    if (fromLocale !== null && supported.includes(fromLocale) && fromLocale !== base.current) {
      const next: LanguageState = { ...base, current: fromLocale, source: 'channel' };
      return { decision: { action: 'set', to: fromLocale, because: 'channel' }, state: next };
    }
  }

  const found = detectLanguage(message.text, {
    current: base.current,
    supported,
    channelLocale: message.channelLocale,
    expectsShortAnswer: message.expectsShortAnswer,
  });
  const worthAsking = found.longEnough && (found.confidence === 'high' || found.reason === 'lexicon');
  if (found.lang === null || found.lang === base.current || !worthAsking || base.declined.includes(found.lang)) return keep;
  return {
    decision: { action: 'offer-switch', from: base.current, to: found.lang },
    state: { ...base, pendingOffer: found.lang },
  };
}

/** The patient answered "Would you like to continue in …?". */
export function answerOffer(state: LanguageState, accepted: boolean): LanguageState {
  const offered = state.pendingOffer;
  if (offered === null) return state;
  if (accepted) return { ...state, current: offered, source: 'offer-accepted', pendingOffer: null };
  return { ...state, pendingOffer: null, declined: state.declined.includes(offered) ? state.declined : [...state.declined, offered] };
}
