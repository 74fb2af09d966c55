/**
 * Shared domain vocabulary. Everything here is plain, JSON-safe data: it crosses the
 * statechart, the store, the practice API and the FHIR mapper.
 */

/** ISO 639-3-ish codes used throughout (franc codes), e.g. 'eng', 'cym', 'pol', 'arb'. */
export type LangCode = string;

export const TIERS = ['emergency', 'urgent', 'routine', 'selfcare'] as const;
export type Tier = (typeof TIERS)[number];

/** Higher is more urgent. Conflicting evidence resolves upward (max). */
export const TIER_RANK: Readonly<Record<Tier, number>> = { selfcare: 0, routine: 1, urgent: 2, emergency: 3 };

export const DISPOSITIONS = [
  'call_999',
  'go_to_ae',
  'crisis_line',
  'call_111',
  'gp_same_day',
  'gp_routine',
  'pharmacy',
] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export const NEEDS = ['need.new', 'need.ongoing', 'need.medicines', 'need.admin', 'need.other'] as const;
export type NeedCode = (typeof NEEDS)[number];

/** One thing the patient typed, kept verbatim with the language it was written in. */
export interface PatientText {
  /** The step (question id) at which it was written. */
  step: string;
  text: string;
  lang: LangCode;
  at: string;
}

/** One answered question: the language-neutral code plus the message key of the question asked. */
export interface Answer {
  questionId: string;
  /** i18n key of the question as asked (English display comes from locales/en). */
  questionKey: string;
  /** Language-neutral answer code, e.g. 'yes', 'duration.days'; for free text the literal value. */
  code: string;
  at: string;
}

export interface RuleRef {
  id: string;
  version: number;
  /** Public source the rule rests on. */
  source: { title: string; url: string; section?: string };
}

export interface TriageOutcome {
  tier: Tier;
  disposition: Disposition;
  /** Ids of the rules that set the tier (empty when the default tier applied). */
  ruleIds: string[];
  rules: RuleRef[];
  /** Version of the rule set as a whole. */
  rulesetVersion: string;
}

export interface RedFlagRecord {
  ruleId: string;
  ruleVersion: number;
  /** How the flag was raised: matched in free text, asked as a confirm question, or a complaint question. */
  via: 'text' | 'confirm' | 'question';
  /** Patient's answer when asked: 'yes' | 'no' | 'unsure'; absent when a clear text hit diverted at once. */
  answer?: 'yes' | 'no' | 'unsure';
  present: boolean;
}

export interface PatientDetails {
  name?: string;
  /** ISO date yyyy-mm-dd. */
  dateOfBirth?: string;
  /** Ten digits, modulus-11 checked. */
  nhsNumber?: string;
  postcode?: string;
  phone?: string;
  /** 'contact.phone' | 'contact.sms' | 'contact.email'... */
  contactMethod?: string;
  /** 'when.morning' | 'when.afternoon' | 'when.any' */
  contactTimes?: string;
}

export interface Subject {
  /** 'for.self' | 'for.other' */
  who: 'for.self' | 'for.other';
  /** Relationship code when for someone else, e.g. 'rel.child'. */
  relationship?: string;
}

export type RequestStatus = 'new' | 'received' | 'in-progress' | 'closed';

/** How the practice dealt with a request it closed (the inbox asks for one when marking it done). */
export const OUTCOMES = ['appointment', 'advice', 'pharmacy', 'referred'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What practice staff added to a request in the inbox. The bot's own triage is never changed. */
export interface PracticeWork {
  assignedTo?: string;
  outcome?: Outcome;
  notes: { by: string; at: string; text: string }[];
  /** Clinicians' re-grades of the tier, oldest first; the last one is the clinician's tier. */
  regrades: { by: string; at: string; from: Tier; to: Tier; reason: string }[];
}

/** What the practice receives. Stored when the patient consents (and, without delivery, for emergency diversions). */
export interface IntakeRequest {
  id: string;
  /** Short reference the patient is told, e.g. 'K7M-4QX'. */
  reference: string;
  kind: 'request' | 'emergency-diversion';
  conversationId: string;
  createdAt: string;
  submittedAt: string;
  practiceOds?: string;
  subject: Subject;
  patient: PatientDetails;
  need: NeedCode;
  /** Language the patient used most; interpreterMayBeNeeded when it is not English. */
  language: LangCode;
  interpreterMayBeNeeded: boolean;
  texts: PatientText[];
  answers: Answer[];
  redFlags: RedFlagRecord[];
  triage: TriageOutcome;
  /** Set when the practice was closed and the request was queued. */
  queuedUntil?: string;
  /**
   * ISO 8601 instant by which the practice should reply (GP contract 2026/27: urgent the same
   * working day or the next working morning, others by the end of the next working day); worked
   * out from the practice calendar when the request was sent. Absent on emergency diversions.
   */
  respondBy?: string;
  status: RequestStatus;
  statusHistory: { status: RequestStatus; by: string; at: string }[];
  /** Set once staff assign, note, re-grade or close it with an outcome in the inbox. */
  work?: PracticeWork;
}
