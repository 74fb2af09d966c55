import type {
  Answer, IntakeRequest, LangCode, NeedCode, PatientDetails, PatientText, RedFlagRecord, Subject, TriageOutcome,
} from '../../domain/types.js';
import type { PracticeStatus } from '../../practice/types.js';

/** One line of the review summary: a label key and either a literal value or a key to render. */
export interface ReviewLine {
  labelKey: string;
  value?: string;
  valueKey?: string;
}

/**
 * What the statechart asks the edge to say: a message key and parameters, never prose.
 * `when` params are ISO instants the renderer says in the practice's time zone.
 */
export interface OutMessage {
  key: string;
  params?: Record<string, string | number>;
  /** Language-neutral choice codes, shown as buttons and as a numbered list. */
  choices?: string[];
  lines?: ReviewLine[];
  /** Also render this message in these languages (the language offer is shown in both). */
  alsoIn?: LangCode[];
  /** Write the choices out as a numbered list as well as buttons (after failed tries). */
  numbered?: boolean;
  /** Parameters that are choice codes, said as the choice's title ("Did you mean {{first}} or {{second}}?"). */
  titles?: Record<string, string>;
}

/** What the statechart asks the edge to store. */
export type Effect = { type: 'request.store'; request: IntakeRequest };

export type ConfirmTarget = { questionId: string; ruleId: string };

/**
 * The statechart's context. At most 16 top-level keys (see CONTEXT_SHAPE in context.ts): the rest
 * lives in three nested groups, each a plain object replaced as a whole when one of its fields changes.
 */
export interface IntakeContext {
  conversationId: string;
  /** Incremented by "start again", so each request in one conversation gets its own id. */
  session: number;
  startedAt: string;
  lang: LangCode;
  step: string;
  /** Time of the event being handled (from the edge's clock). */
  now: string;
  practice: PracticeStatus;
  failures: number;
  lastPrompt?: OutMessage;
  /** Output of the current turn only (cleared at the start of each turn). */
  say: OutMessage[];
  effects: Effect[];
  queuedUntil?: string;
  request?: { id: string; reference: string };
  intake: IntakeFacts;
  triage: TriageProgress;
  flow: FlowState;
}

/** What the patient told us. */
export interface IntakeFacts {
  need?: NeedCode;
  texts: PatientText[];
  /** Every answer given (steps and triage questions), by id, in the order first given: the request's answers. */
  answers: Record<string, Answer>;
  subject?: Subject;
  patient: PatientDetails;
}

/** What the triage engine has found and asked so far. */
export interface TriageProgress {
  /** Answer codes to confirm and complaint questions, by question id: what the engine sees. */
  answers: Record<string, string>;
  presentRuleIds: string[];
  deniedRuleIds: string[];
  askedQuestionIds: string[];
  pendingConfirms: ConfirmTarget[];
  currentQuestionId?: string;
  /** A triage question to ask again when the patient goes back to it. */
  forcedQuestionId?: string;
  redFlags: RedFlagRecord[];
  outcome?: TriageOutcome;
}

/** Where the conversation is going: the way back, interruptions and the language offer. */
export interface FlowState {
  /** Steps answered, most recent last ("back" pops it). Triage questions appear as `tq:<id>`. */
  trail: string[];
  returnToReview: boolean;
  /** Where to go after an interruption (confirm question, language menu). */
  resumeStep?: string;
  /** Target of the transient `navigate` state (back, review changes, resuming). */
  navTo?: string;
  /** A message to answer again after the patient chose a language. */
  replayText?: string;
  /** The two choices of an "A or B?" question just asked: "1" and "2" then mean these. */
  narrowTo?: string[];
  offerLang?: LangCode;
  /** Languages the patient said no to when offered; never offered again. */
  declinedLangs: LangCode[];
}

export interface IntakeInput {
  conversationId: string;
  lang: LangCode;
  at: string;
  practice: PracticeStatus;
}

export type IntakeEvent =
  | { type: 'user.start'; at: string; practice: PracticeStatus }
  | { type: 'user.message'; text: string; at: string; practice: PracticeStatus; attachments?: number; /** A button's code, tapped (absent: typed). */ tapped?: boolean }
  | { type: 'answer'; text: string; attachments?: number; tapped?: boolean };
