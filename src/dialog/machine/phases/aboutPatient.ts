import type { PhaseStates } from '../setup.js';
import { answered, ask } from './transitions.js';

/** About the patient: who the request is for, their details and how to reach them. */
export const aboutPatientStates = {
  who: {
    entry: ask('who'),
    on: {
      answer: [
        { guard: 'hasRelationship', target: 'name', actions: 'recordAnswer' },
        { guard: { type: 'isAnswer', params: { code: 'for.other' } }, target: 'relationship', actions: 'recordAnswer' },
        ...answered('name'),
      ],
    },
  },
  relationship: { entry: ask('relationship'), on: { answer: answered('name') } },
  name: { entry: ask('name'), on: { answer: answered('dob') } },
  dob: { entry: ask('dob'), on: { answer: answered('nhs') } },
  nhs: { entry: ask('nhs'), on: { answer: answered('postcode') } },
  postcode: { entry: ask('postcode'), on: { answer: answered('phone') } },
  phone: { entry: ask('phone'), on: { answer: answered('contactMethod') } },
  contactMethod: { entry: ask('contactMethod'), on: { answer: answered('contactTimes') } },
  contactTimes: { entry: ask('contactTimes'), on: { answer: answered('reassess') } },
} satisfies PhaseStates;
