import { and, not } from 'xstate';
import { CHECK_ANSWERS } from '../../../triage/safetySchema.js';
import type { PhaseStates } from '../setup.js';

/**
 * The structured emergency check (issue 15), straight after every description of a health problem
 * (`described` comes here unless the check was already done): one message listing the NHS "call 999"
 * signs for an adult (with the pregnancy line), a pregnancy or a child, then "Yes, one of these",
 * "No, none of these" or "Not sure". "Yes" and "not sure" ask which sign; a sign diverts with its
 * own advice (a line with a confirming question asks it first: safetyConfirm); "none of these"
 * after "yes" is a 999, after "not sure" it is urgent (call 111 now) and the conversation goes on.
 * Then, for every health problem (whether or not the words matched a complaint set), the area
 * picker, so that area's red-flag questions are asked too. These are safety steps (perceive.ts
 * isSafetyQuestion): never skipped; after content.maxTries answers the dialog cannot read, the
 * answer is taken as "not sure" (the check), "I cannot say which" (the sign, the area), the patient
 * is told why (sayIfAssumed), and the tier is never below urgent.
 */
const isCheck = (code: string) => ({ type: 'isAnswer' as const, params: { code } });

export const safetyCheckStates = {
  safetyCheck: {
    entry: 'askEmergencyCheck',
    on: {
      answer: [
        // A sign named in words ("chest pain") on the last try is that sign, not an assumed "not sure".
        { guard: and(['isAssumedAnswer', 'needsLineConfirm']), target: 'safetyConfirm', actions: 'holdLineForConfirm' },
        { guard: and(['isAssumedAnswer', 'isTypedCheckLine']), target: 'afterSafetyWhich', actions: 'recordTypedCheckLine' },
        // "No" that also names a sign ("no, I can't breathe") is not a no: ask again, then take it as "not sure".
        { guard: and([isCheck(CHECK_ANSWERS.no), 'isTypedCheckLine', not('isLastSafetyTry')]), actions: 'rejectSafetyAnswer' },
        { guard: and([isCheck(CHECK_ANSWERS.no), 'isTypedCheckLine']), target: 'safetyWhich', actions: 'recordCheckNotSure' },
        { guard: isCheck(CHECK_ANSWERS.no), target: 'afterSafetyCheck', actions: 'recordSafetyAnswer' },
        { guard: isCheck(CHECK_ANSWERS.yes), target: 'safetyWhich', actions: 'recordSafetyAnswer' },
        { guard: isCheck(CHECK_ANSWERS.unsure), target: 'safetyWhich', actions: 'recordSafetyAnswer' },
        { guard: 'needsLineConfirm', target: 'safetyConfirm', actions: 'holdLineForConfirm' },
        { guard: 'isTypedCheckLine', target: 'afterSafetyWhich', actions: 'recordTypedCheckLine' },
        { actions: 'rejectSafetyAnswer' },
      ],
    },
  },
  safetyWhich: {
    entry: 'askWhichSign',
    on: {
      answer: [
        { guard: 'needsLineConfirm', target: 'safetyConfirm', actions: 'holdLineForConfirm' },
        { guard: 'isValidAnswer', target: 'afterSafetyWhich', actions: 'recordSafetyAnswer' },
        { actions: 'rejectSafetyAnswer' },
      ],
    },
  },
  /**
   * One confirming question before a picked line diverts, when the patient's own description already
   * said something milder (dialogs/safety/emergencyCheck.json lines.<line>.confirm: a little spotting,
   * then the pregnancy line). "Yes" and "not sure" (and answers it cannot read) divert as before;
   * "no" goes on with the milder rule, never below urgent.
   */
  safetyConfirm: {
    entry: 'askLineConfirm',
    on: {
      answer: [
        { guard: { type: 'isAnswer', params: { code: 'no' } }, target: 'afterSafetyCheck', actions: 'recordLineConfirm' },
        { guard: 'isValidAnswer', target: 'afterSafetyWhich', actions: 'recordLineConfirm' },
        { actions: 'rejectSafetyAnswer' },
      ],
    },
  },
  afterSafetyWhich: {
    always: [
      { guard: 'isEmergencyNow', target: 'emergency', actions: 'divertFromCheck' },
      { target: 'afterSafetyCheck', actions: 'sayCheckNotSure' },
    ],
  },
  afterSafetyCheck: {
    always: [
      // A child check asked late (age known at the end) goes back to where it was asked.
      { guard: 'hasGivenDetails', target: 'reassess' },
      { guard: 'isEmergencyNow', target: 'emergency', actions: 'divertToEmergency' },
      { guard: 'needsAreaPick', target: 'areaPick' },
      { target: 'triageNext' },
    ],
  },
  areaPick: {
    entry: 'askArea',
    on: {
      answer: [{ guard: 'isValidAnswer', target: 'afterAreaPick', actions: 'recordSafetyAnswer' }, { actions: 'rejectAnswer' }],
    },
  },
  afterAreaPick: {
    always: [
      { guard: 'isEmergencyNow', target: 'emergency', actions: 'divertToEmergency' },
      { guard: 'needsChildCheck', target: 'safetyCheck' },
      { target: 'triageNext' },
    ],
  },
} satisfies PhaseStates;
