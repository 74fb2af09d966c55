/**
 * Varied patients for load runs: every conversation opens with different text. English patients
 * describe a routine or self-care tuning vignette (tests/triage/vignettes) in a long free-text message
 * (the vignette plus a few everyday sentences, 200–500 characters, as people write to a practice);
 * patients in the other 19 languages open with the tuning openings of tests/dialog/typed/tuning.json.
 * Half of them type their answers (the tuning phrasings of their language), half tap buttons.
 * Never the held-out sets. Seeded, so every run replays the same patients.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './child.js';
import { prng, send, type Reply } from './driver.js';

export interface Patient {
  id: string;
  lang: string;
  need: string;
  description: string;
  typed: boolean;
  /** Typed phrasings of this language: step → code → texts. */
  phrasings: Record<string, Record<string, string[]>>;
  name: string;
  dob: string;
  postcode: string;
  phone: string;
}

interface Vignette {
  id: string;
  text: string;
  need: string;
  gold: string;
  answers: Record<string, string>;
}
interface TypedLanguage {
  openings: { text: string; need: string }[];
  answers: Record<string, Record<string, string[]>>;
}

/** Everyday sentences with no red-flag meaning, added to English descriptions to make them long. */
const CONTEXT = [
  'It started gradually and has been bothering me on and off.',
  'I have tried the usual things from the chemist but they have not helped much.',
  'I am otherwise well and eating and drinking normally.',
  'It is worse in the evenings and when I am tired.',
  'I work long shifts so it is hard to get to the surgery during the day.',
  'I would like someone to have a look and tell me what to do next.',
  'I looked it up online but could not find a clear answer.',
  'My partner said I should get it checked before it gets any worse.',
  'I have not had anything like this before as far as I can remember.',
  'It is not stopping me from working but it is annoying.',
  'I saw the nurse about something else last year and she said to come back if anything changed.',
  'Sorry for the long message, I just wanted to give you the whole picture.',
];
const NAMES = ['Zofia Nowak', 'Amir Khan', 'Siobhan O\'Neill', 'Chen Wei', 'Ayesha Begum', 'Tomasz Wiśniewski', 'Grace Adeyemi', 'Rhys Evans'];
const DOBS = ['02/05/1979', '14 March 1990', '1985-11-23', '7/1/2001', '30.06.1962'];
const POSTCODES = ['M1 1AE', 'LS1 4AP', 'B33 8TH', 'CR2 6XH', 'SW1A 1AA'];
const PHONES = ['07700 900123', '07700900456', '+44 7700 900789', '0113 496 0001'];

let cached: Patient[] | undefined;

export function loadPracticeOverrides(): Record<string, unknown> {
  const allDay = [{ open: '00:00', close: '24:00' }];
  return {
    routineDailyCapacity: null,
    openingHours: Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map((d) => [d, allDay])),
    bankHolidays: { region: 'ENG', observe: false },
  };
}

/** The patients, always in the same order. */
export function patients(): Patient[] {
  if (cached) return cached;
  const r = prng(20261206);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const typed = JSON.parse(readFileSync(join(projectRoot, 'tests', 'dialog', 'typed', 'tuning.json'), 'utf8')) as { languages: Record<string, TypedLanguage> };
  const details = () => ({ name: pick(NAMES), dob: pick(DOBS), postcode: pick(POSTCODES), phone: pick(PHONES) });
  const list: Patient[] = [];
  for (const file of ['routine', 'selfcare']) {
    const { cases } = JSON.parse(readFileSync(join(projectRoot, 'tests', 'triage', 'vignettes', `${file}.json`), 'utf8')) as { cases: Vignette[] };
    for (const v of cases) {
      if (Object.keys(v.answers).length > 0) continue;
      const extra = Array.from({ length: 2 + Math.floor(r() * 4) }, () => pick(CONTEXT));
      const description = [v.text.replace(/[.!]?$/, '.'), ...new Set(extra)].join(' ');
      list.push({ id: v.id, lang: 'eng', need: v.need, description, typed: r() < 0.5, phrasings: typed.languages.eng?.answers ?? {}, ...details() });
    }
  }
  for (const [lang, t] of Object.entries(typed.languages)) {
    if (lang === 'eng') continue;
    t.openings.forEach((o, i) => {
      list.push({ id: `${lang}-${i}`, lang, need: o.need, description: o.text, typed: r() < 0.5, phrasings: t.answers, ...details() });
    });
  }
  // Interleave English and other languages rather than running all English first.
  cached = list.map((p) => ({ p, k: r() })).sort((a, b) => a.k - b.k).map(({ p }) => p);
  return cached;
}

/** A typed phrasing of `code` at `step` when this patient types and has one; else the button's code. */
function answer(p: Patient, step: string, code: string, r: () => number): string {
  const list = p.typed ? p.phrasings[step]?.[code] : undefined;
  return list && list.length > 0 ? (list[Math.floor(r() * list.length)] as string) : code;
}

const CHOICE_STEPS: Record<string, string> = {
  duration: 'duration.weeks',
  trend: 'trend.same',
  impact: 'impact.some',
  wants: 'wants.appointment',
  who: 'for.self',
  relationship: 'rel.child',
  contactMethod: 'contact.text',
  contactTimes: 'when.morning',
  review: 'review.send',
};

/** What this patient says at `state`, or undefined when the conversation has ended for them. */
function say(p: Patient, state: string, r: () => number): string | undefined {
  switch (state) {
    case '':
      return 'hello';
    case 'need':
      return answer(p, 'need', p.need, r);
    case 'describe':
      return p.description;
    case 'safetyCheck':
      return p.typed ? answer(p, 'yesNo', 'no', r) : 'safety.no';
    case 'safetyWhich':
      return 'safety.none';
    case 'areaPick':
      return 'safety.area.other';
    case 'languageOffer':
    case 'languageMenu':
      return `lang.${p.lang}`;
    case 'triageQuestion':
    case 'confirm':
      return answer(p, 'yesNo', 'no', r);
    case 'pharmacyOffer':
    case 'urgentClosed':
      return 'yes';
    case 'name':
      return p.name;
    case 'dob':
      return p.dob;
    case 'nhs':
      return '943 476 5919';
    case 'postcode':
      return p.postcode;
    case 'phone':
      return p.phone;
    case 'consent':
      return 'yes';
    default: {
      const code = CHOICE_STEPS[state];
      return code === undefined ? undefined : answer(p, state, code, r);
    }
  }
}

/**
 * One patient's whole conversation, from hello to the end the bot gives it (a stored request for most,
 * self-care advice for some). Bounded: 40 turns. Throws on an HTTP error; a re-asked question is
 * answered again the same way (and counts as a turn, as it does for a real patient).
 */
export async function runPatient(
  url: string,
  conversationId: string,
  p: Patient,
  onTurn?: (r: Reply, state: string) => void,
  /** Give each message an activity id, as every real channel does (the bot remembers it for exactly-once replies). */
  ids = process.env.LOAD_NO_IDS === undefined,
): Promise<{ turns: number; finalState: string }> {
  const r = prng(conversationId.length * 7919 + p.id.length);
  let state = '';
  let turns = 0;
  for (let text = say(p, state, r); text !== undefined && state !== 'submitted' && turns < 40; text = say(p, state, r)) {
    const reply = await send(url, conversationId, text, undefined, ids ? `${conversationId}|${turns}` : undefined);
    turns += 1;
    onTurn?.(reply, state);
    if (reply.status !== 200) throw new Error(`conversation ${conversationId}: HTTP ${reply.status} after state '${state}'`);
    state = reply.state;
  }
  return { turns, finalState: state };
}
