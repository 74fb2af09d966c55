import type { Disposition, LangCode, NeedCode, RuleRef, TriageOutcome, Tier } from '../domain/types.js';
import type { AreasDef, CheckVersion, EmergencyCheckDef } from './safetySchema.js';

/**
 * The seam between the dialog (statechart) and the safety engine. Everything is pure and
 * synchronous: no I/O, no clock. Implemented by `createTriageEngine(content)` in ./engine.ts.
 */

/** A rule that fired on a piece of free text. */
export interface RuleHit {
  ruleId: string;
  ruleVersion: number;
  tier: Tier;
  disposition: Disposition;
  /**
   * 'clear': divert (or record) at once without asking.
   * 'uncertain': ask the rule's confirm question first (e.g. "Is the pain happening now?").
   */
  certainty: 'clear' | 'uncertain';
  /** Id of the confirm question to ask when uncertain (a TriageQuestion id). */
  confirmQuestionId?: string;
  /** Words/phrases that matched (for `npm run triage` explanations; never logged). */
  matched: string[];
  /** Languages whose lexicons matched, so advice can be given in the language the patient wrote. */
  langs?: LangCode[];
}

export interface Screening {
  hits: RuleHit[];
  /** Triggers that matched but were negated or in the past ("no chest pain", "had a stroke in 2019"). */
  suppressed: { ruleId: string; phrase: string; reason: 'negated' | 'past' | 'not-now' }[];
}

/** A closed question asked by the engine: a red-flag confirm question or a complaint-specific question. */
export interface TriageQuestion {
  id: string;
  /** i18n key of the prompt, e.g. 'triage.q.chest_pain.spread'. */
  promptKey: string;
  /** Language-neutral answer codes, e.g. ['yes','no','unsure']. Titles come from locales: `choice.<code>`. */
  choices: string[];
  /** i18n keys of statements said before the prompt, one message each (a list the question asks about). */
  lines?: string[];
  /** The answer taken when the reply cannot be read after the last try (content `unreadable`), when the content names one. */
  unreadable?: string;
}

/** Everything known so far, as the engine sees it. */
export interface Picture {
  need: NeedCode | undefined;
  texts: { text: string; lang: LangCode }[];
  /** Answers to engine questions: question id -> answer code. */
  answers: Readonly<Record<string, string>>;
  /** Rules raised so far (from text hits or confirmed questions) that are present. */
  presentRuleIds: readonly string[];
  /** Rule ids that were asked about and denied. */
  deniedRuleIds: readonly string[];
  /**
   * Age in years from the date of birth, for age-specific rules. Before it is given the engine reads
   * an age stated in `texts` ("my 2 year old"), for some uses only (engine.ts agesOf, hazard H45).
   */
  ageYears?: number;
  /** True when the request is for someone else (e.g. a parent writing for a child). */
  forSomeoneElse?: boolean;
  /**
   * The answer code to the intake's "How long?" step ('duration.weeks'), once given: a problem of
   * weeks or months is at least routine (dialogs/safety/tierPolicy.json longStanding, hazard H56).
   */
  duration?: string;
}

export interface TriageEngine {
  /** Version of the whole rule set (recorded on every request). */
  readonly rulesetVersion: string;
  /**
   * Screen one free-text message with the lexicons of these languages (English is always included;
   * each language is read once). Must be fast (< 1 ms p99 for 500 chars per language).
   */
  screen(text: string, lang: LangCode | readonly LangCode[]): Screening;
  /** Look up a rule by id (its version and source are recorded on every request it touched). */
  rule(id: string): (RuleRef & { tier: Tier; disposition: Disposition }) | undefined;
  /** Look up a question (confirm or complaint question) by id. */
  question(id: string): TriageQuestion;
  /**
   * The next complaint-specific question that still matters for this picture, or null when
   * nothing more is needed. Only asks what the complaint needs.
   */
  nextQuestion(picture: Picture): TriageQuestion | null;
  /**
   * Effect of one answer to an engine question: the rule it raises (present) or denies, if any.
   * E.g. confirm question for rule 'rf.chest_pain' answered 'yes' -> { raise: ['rf.chest_pain'] }.
   */
  answerEffect(questionId: string, answer: string): { raise: string[]; deny: string[] };
  /** Decide the tier from the whole picture; conflicting evidence resolves upward. */
  decide(picture: Picture): TriageOutcome;
  /** The structured emergency check and the area picker (dialogs/safety/). */
  readonly emergencyCheck: EmergencyCheckDef;
  readonly areas: AreasDef;
  /** Which version of the emergency check fits this picture: pregnancy, else child, else adult. */
  checkVersion(picture: Picture): CheckVersion;
  /**
   * The lines of this version shown for this picture: an age-bound line (the baby line) is left out
   * once the date of birth, or an age stated in years (never in weeks or months), reaches its age.
   */
  checkLines(picture: Picture, version: CheckVersion): string[];
  /**
   * The confirming question to ask before a picked check line diverts (its `confirm`: the patient's
   * own words already said something milder), or null: the line diverts at once.
   */
  lineConfirm(picture: Picture, line: string, version: CheckVersion): string | null;
  /**
   * Ids of the complaint sets the picture activates (their red-flag questions will be asked), the
   * check's child-version marker included (emergencyCheck.childVersionMarker).
   */
  complaintsFor(picture: Picture): string[];
  /** True when the picture names a symptom (a clinical rule, not an admin or marker one). */
  mentionsSymptom(picture: Picture): boolean;
}
