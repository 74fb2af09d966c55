import type { PhaseStates } from '../setup.js';
import { answered, ask, yesOrNo } from './transitions.js';

/** Follow-ups: how long, which way it is going, its impact, what the patient wants; then the tier. */
export const followUpStates = {
  duration: { entry: ask('duration'), on: { answer: answered('trend') } },
  trend: { entry: ask('trend'), on: { answer: answered('impact') } },
  impact: { entry: ask('impact'), on: { answer: answered('wants') } },
  wants: { entry: ask('wants'), on: { answer: answered('assess') } },
  assess: {
    always: [
      { guard: 'isEmergencyNow', target: 'emergency', actions: 'divertToEmergency' },
      { guard: 'isUrgentWhileClosed', target: 'urgentClosed', actions: 'setOutcome' },
      { guard: 'isRoutineAndComeBack', target: 'ended', actions: ['setOutcome', 'sayComeBack'] },
      { guard: 'isRoutineAndFull', target: 'ended', actions: ['setOutcome', 'sayFull'] },
      { guard: 'isSelfcare', target: 'pharmacyOffer', actions: ['setOutcome', 'queueIfClosed'] },
      { target: 'who', actions: ['setOutcome', 'queueIfClosed'] },
    ],
  },
  pharmacyOffer: {
    entry: ask('pharmacyOffer'),
    on: {
      answer: yesOrNo({ target: 'who', actions: ['recordAnswer'] }, { target: 'ended', actions: ['recordAnswer', 'sayPharmacy', 'sayNotSent'] }),
    },
  },
  urgentClosed: {
    entry: ask('urgentClosed'),
    on: {
      answer: yesOrNo({ target: 'who', actions: ['recordAnswer', 'queueIfClosed'] }, { target: 'ended', actions: ['recordAnswer', 'sayNotSent'] }),
    },
  },
} satisfies PhaseStates;
