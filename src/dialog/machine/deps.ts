import type { LangCode } from '../../domain/types.js';
import type { TriageEngine } from '../../triage/types.js';
import type { IntakeContent } from '../content.js';
import type { Recognisers } from '../interpret/recognizersText.js';
import type { Wordbook } from '../wordbook.js';

/** Pure language helpers the dialog needs (implemented in src/lang/). */
export interface LanguagePolicy {
  /**
   * A supported language this message seems to be written in, when it differs from `current`,
   * the message is long enough to be sure, and the patient has not declined it; else null.
   */
  suggestSwitch(text: string, current: LangCode, declined: readonly LangCode[]): LangCode | null;
  /** Languages whose red-flag lexicons this message is screened with (never fewer than current + English). */
  screeningLanguages(text: string, current: LangCode): LangCode[];
  /** A language named by the patient ("polski", "welsh", "ar"), among `offered`; else null. */
  parseChoice(text: string, offered: readonly LangCode[]): LangCode | null;
}

export interface IntakeDeps {
  content: IntakeContent;
  triage: TriageEngine;
  words: Wordbook;
  language: LanguagePolicy;
  /** Languages the practice offers, in menu order. */
  languagesOffered: readonly LangCode[];
  /** Microsoft Recognizers-Text where it supports the language (durations, yes/no); word lists do the rest. */
  recognisers?: Recognisers;
}
