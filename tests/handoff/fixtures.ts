import type { IntakeRequest } from '../../src/domain/types.js';

/** Realistic IntakeRequest fixtures for hand-off, delivery and API tests (no real patients). */
export const ENGLISH: Readonly<Record<string, string>> = {
  'dialog.q.need': 'What do you need help with today?',
  'triage.q.chest_pain.spread': 'Does the pain spread to your arm, neck, jaw or back?',
  'dialog.q.duration': 'How long have you had this?',
  'dialog.q.describe': 'Tell us in your own words what is wrong.',
  'choice.yes': 'Yes',
  'choice.no': 'No',
  'choice.duration.days': 'A few days',
  'choice.need.new': 'A new health problem',
  'choice.need.admin': 'An admin request (fit note, letter, form)',
  'choice.rel.child': 'My child',
};

/** i18next-like: a missing key comes back as the key itself. */
export const englishText = (key: string): string => ENGLISH[key] ?? key;

const BASE: IntakeRequest = {
  id: 'req-0001',
  reference: 'K7M-4QX',
  kind: 'request',
  conversationId: 'conv-1',
  createdAt: '2026-11-25T09:00:00.000Z',
  submittedAt: '2026-11-25T09:06:00.000Z',
  practiceOds: 'A12345',
  subject: { who: 'for.self' },
  patient: {
    name: 'Alex Example',
    dateOfBirth: '1980-02-29',
    nhsNumber: '9434765919',
    postcode: 'LS1 4AP',
    phone: '07700900123',
    contactMethod: 'contact.phone',
    contactTimes: 'when.morning',
  },
  need: 'need.new',
  language: 'eng',
  interpreterMayBeNeeded: false,
  texts: [{ step: 'describe', text: 'I have had a cough for 4 days', lang: 'eng', at: '2026-11-25T09:01:00.000Z' }],
  answers: [
    { questionId: 'need', questionKey: 'dialog.q.need', code: 'need.new', at: '2026-11-25T09:00:30.000Z' },
    { questionId: 'duration', questionKey: 'dialog.q.duration', code: 'duration.days', at: '2026-11-25T09:02:00.000Z' },
    { questionId: 'describe', questionKey: 'dialog.q.describe', code: 'I have had a cough for 4 days', at: '2026-11-25T09:01:00.000Z' },
  ],
  redFlags: [],
  triage: {
    tier: 'routine',
    disposition: 'gp_routine',
    ruleIds: [],
    rules: [],
    rulesetVersion: '2026.11.1',
  },
  status: 'new',
  statusHistory: [{ status: 'new', by: 'bot', at: '2026-11-25T09:06:00.000Z' }],
};

export function routineRequest(over: Partial<IntakeRequest> = {}): IntakeRequest {
  return structuredClone({ ...BASE, ...over });
}

export function urgentRequest(over: Partial<IntakeRequest> = {}): IntakeRequest {
  return routineRequest({
    id: 'req-urgent',
    reference: 'URG-0001',
    redFlags: [{ ruleId: 'rf.breathing.now', ruleVersion: 2, via: 'confirm', answer: 'yes', present: true }],
    triage: {
      tier: 'urgent',
      disposition: 'gp_same_day',
      ruleIds: ['rf.breathing.now'],
      rules: [{ id: 'rf.breathing.now', version: 2, source: { title: 'NHS 111: shortness of breath', url: 'https://www.nhs.uk/conditions/shortness-of-breath/', section: 'Ask for an urgent GP appointment' } }],
      rulesetVersion: '2026.11.1',
    },
    ...over,
  });
}

export function emergencyDiversion(over: Partial<IntakeRequest> = {}): IntakeRequest {
  return routineRequest({
    id: 'req-emergency',
    reference: 'EMG-0001',
    kind: 'emergency-diversion',
    texts: [{ step: 'describe', text: 'crushing chest pain going down my left arm', lang: 'eng', at: '2026-11-25T09:01:00.000Z' }],
    answers: [
      { questionId: 'chest_pain.spread', questionKey: 'triage.q.chest_pain.spread', code: 'yes', at: '2026-11-25T09:01:30.000Z' },
    ],
    redFlags: [
      { ruleId: 'rf.chest_pain.now', ruleVersion: 3, via: 'text', present: true },
      { ruleId: 'rf.unknown_to_snomed', ruleVersion: 1, via: 'confirm', answer: 'yes', present: true },
      { ruleId: 'rf.stroke', ruleVersion: 1, via: 'confirm', answer: 'no', present: false },
    ],
    triage: {
      tier: 'emergency',
      disposition: 'call_999',
      ruleIds: ['rf.chest_pain.now'],
      rules: [{ id: 'rf.chest_pain.now', version: 3, source: { title: 'NHS: when to call 999', url: 'https://www.nhs.uk/nhs-services/urgent-and-emergency-care-services/when-to-call-999/' } }],
      rulesetVersion: '2026.11.1',
    },
    ...over,
  });
}

export function forSomeoneElse(over: Partial<IntakeRequest> = {}): IntakeRequest {
  return routineRequest({
    id: 'req-child',
    reference: 'CHD-0001',
    subject: { who: 'for.other', relationship: 'rel.child' },
    patient: { name: 'Sam Example', dateOfBirth: '2019-06-01', phone: '07700900456' },
    ...over,
  });
}

export function polishWithInterpreter(over: Partial<IntakeRequest> = {}): IntakeRequest {
  return routineRequest({
    id: 'req-pl',
    reference: 'POL-0001',
    language: 'pol',
    interpreterMayBeNeeded: true,
    patient: { name: 'Zofia Przykład', dateOfBirth: '1975-05-05', postcode: 'M1 1AE' },
    texts: [{ step: 'describe', text: 'Od tygodnia boli mnie gardło i mam gorączkę', lang: 'pol', at: '2026-11-25T09:01:00.000Z' }],
    ...over,
  });
}

export const SCRIPT_TEXT = '<script>alert("x")</script><img src=x onerror=alert(1)> & "quotes" </div>';

export function htmlInText(over: Partial<IntakeRequest> = {}): IntakeRequest {
  return routineRequest({
    id: 'req-html',
    reference: 'HTM-0001',
    texts: [{ step: 'describe', text: SCRIPT_TEXT, lang: 'eng', at: '2026-11-25T09:01:00.000Z' }],
    answers: [{ questionId: 'describe', questionKey: 'dialog.q.describe', code: SCRIPT_TEXT, at: '2026-11-25T09:01:00.000Z' }],
    ...over,
  });
}
