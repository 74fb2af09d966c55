/**
 * npm run bench:typed — a simulated patient who never taps a button (SMS, WhatsApp, a screen-reader
 * user who types), in every language: conversations driven through the statechart (runTurn) from a
 * free-text opening to an outcome, answers typed the way people write them (the tuning phrasings of
 * tests/dialog/typed/tuning.json, with small typos). Figures, not a timed test.
 *
 * Tuning and held-out figures are printed apart. The held-out sets (tests/triage/heldout-2026-12/)
 * are read only here, by code, and only aggregate figures are printed: nobody tuning the reader
 * opens them (see their README). Patient text is never printed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { LangCode } from '../src/domain/types.js';
import { createIntakeMachine, type IntakeMachine } from '../src/dialog/machine/intakeMachine.js';
import { createLanguagePolicy } from '../src/dialog/languagePolicy.js';
import { sharedRecognisers } from '../src/dialog/interpret/recognizersText.js';
import { createWordbook } from '../src/i18n/wordbook.js';
import { loadContent } from '../src/server/content.js';
import { loadVignettes, type Vignette } from './triageSim.js';
import { loadFrozenSets } from './heldoutSets.js';
import { loadPatientSigns } from './answeringPatient.js';
import { buttonConversation, phrasebookFrom, rng, typedConversation, type Run } from './typedPatient.js';
import { NOW, createTypedReader, loadTuningTable, projectRoot, tuningCases, type TypedCase } from './typedAnswers.js';

const HELDOUT_DIR = join(projectRoot, 'tests/triage/heldout-2026-12');
const SEEDS = [1, 2, 3];

const content = loadContent(projectRoot);
const languages = content.languages.map((l) => l.code);
const words = createWordbook(content.resources, content.languages);
/** Choice titles in one language, for the typed patient to type by hand. */
const titlesIn = (lang: LangCode) => (code: string) => words.choiceTitle(lang, code);
const machine: IntakeMachine = createIntakeMachine({
  content: content.intake,
  triage: content.triage,
  words,
  language: createLanguagePolicy(content.languages, languages),
  languagesOffered: languages,
  recognisers: sharedRecognisers(),
});
const table = loadTuningTable();

const median = (xs: number[]): number | undefined => {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const pct = (n: number, d: number) => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

interface LangRow {
  lang: string;
  runs: Run[];
  buttonTurns: number[];
}

function printRows(title: string, rows: LangRow[]): void {
  console.log(`\n${title}`);
  console.log('lang  convs  finished  re-prompts/turn  openings understood  median turns typed (routine) / buttons');
  const all: Run[] = [];
  const allButtons: number[] = [];
  for (const row of rows) {
    all.push(...row.runs);
    allButtons.push(...row.buttonTurns);
    printRow(row.lang, row.runs, row.buttonTurns);
  }
  printRow('ALL', all, allButtons);
  const turns = all.reduce((s, r) => s + r.turns, 0);
  const reprompts = all.reduce((s, r) => s + r.reprompts, 0);
  const finished = all.filter((r) => r.finished).length;
  const openings = all.filter((r) => r.openingUnderstood).length;
  const mt = median(all.filter((r) => r.routine && r.submittedAt).map((r) => r.submittedAt as number));
  const mb = median(allButtons);
  console.log(`targets: finished 100% ${finished === all.length ? 'PASS' : 'FAIL'}; re-prompts <= 3% of turns ${reprompts / Math.max(turns, 1) <= 0.03 ? 'PASS' : 'FAIL'}; openings 100% ${openings === all.length ? 'PASS' : 'FAIL'}; median turns typed <= buttons ${mt !== undefined && mb !== undefined && mt <= mb ? 'PASS' : mt === undefined || mb === undefined ? 'n/a' : 'FAIL'}`);
  // Re-prompts by language and kind of question (counts only, never texts).
  const kinds = ['yes/no', 'check', 'duration', 'who', 'relationship', 'trend', 'impact', 'wants', 'contactMethod', 'contactTimes', 'review', 'details', 'opening', 'other'];
  console.log(`re-prompts/turns by kind: lang  ${kinds.map((k) => k.padEnd(13)).join(' ')}`);
  for (const row of [...rows, { lang: 'ALL', runs: all, buttonTurns: [] }]) {
    const cells = kinds.map((k) => {
      const t = row.runs.reduce((s, r) => s + (r.byKind[k]?.turns ?? 0), 0);
      const p = row.runs.reduce((s, r) => s + (r.byKind[k]?.reprompts ?? 0), 0);
      return `${p}/${t}`.padEnd(13);
    });
    console.log(`                          ${row.lang.padEnd(5)} ${cells.join(' ')}`);
  }
  const errors = all.filter((r) => r.error).map((r) => `${r.lang}: ${r.error} (${r.final})`);
  if (errors.length) console.log(`driver errors: ${[...new Set(errors)].slice(0, 10).join('; ')}`);
}

function printRow(lang: string, runs: Run[], buttons: number[]): void {
  const turns = runs.reduce((s, r) => s + r.turns, 0);
  const reprompts = runs.reduce((s, r) => s + r.reprompts, 0);
  const routine = runs.filter((r) => r.routine && r.submittedAt).map((r) => r.submittedAt as number);
  console.log(
    `${lang.padEnd(5)} ${String(runs.length).padStart(5)}  ${pct(runs.filter((r) => r.finished).length, runs.length)}   ${pct(reprompts, turns)} (${reprompts}/${turns})`.padEnd(52) +
      `${pct(runs.filter((r) => r.openingUnderstood).length, runs.length)}              ${median(routine) ?? '-'} / ${median(buttons) ?? '-'}`,
  );
}

// ---- tuning: the table's openings and phrasings, every language, three seeds ----
const tuningRows: LangRow[] = [];
const notes: string[] = [];
let convId = 0;
/** Whole turns through runTurn (JSON round trip of the snapshot included), typed and tapped. */
const turnTime = { typed: { ms: 0, turns: 0 }, buttons: { ms: 0, turns: 0 } };
const timed = <T,>(kind: 'typed' | 'buttons', f: () => T, turnsOf: (x: T) => number): T => {
  const start = performance.now();
  const x = f();
  turnTime[kind].ms += performance.now() - start;
  turnTime[kind].turns += turnsOf(x);
  return x;
};
for (const [lang, t] of Object.entries(table.languages)) {
  const runs: Run[] = [];
  const buttonTurns: number[] = [];
  for (const seed of SEEDS) {
    const r = rng(seed * 7919 + lang.length);
    const book = phrasebookFrom(t.answers, r, titlesIn(lang));
    for (const o of t.openings) {
      runs.push(typedConversation(machine, content.triage, lang, o.text, book, r, undefined, `typed:${++convId}`));
      if (seed === SEEDS[0]) {
        const b = buttonConversation(machine, content.triage, lang, o.text, o.need, `buttons:${++convId}`);
        if (b !== undefined) buttonTurns.push(b);
      }
    }
  }
  tuningRows.push({ lang, runs, buttonTurns });
}
// English: every tuning vignette as the opening, typed answers from the English table.
{
  // English cases only: the tuning folder also holds cases in the other 19 languages, which an English conversation would misread.
  const vignettes = loadVignettes('tests/triage/vignettes').filter((v) => (v.lang ?? 'eng') === 'eng');
  const runs: Run[] = [];
  const buttonTurns: number[] = [];
  const r = rng(42);
  const book = phrasebookFrom(table.languages.eng?.answers ?? {}, r, titlesIn('eng'));
  for (const v of vignettes) {
    const run = timed('typed', () => typedConversation(machine, content.triage, 'eng', v.text, book, r, v, `typed:${++convId}`), (x) => x.turns);
    runs.push(run);
    const b = timed('buttons', () => buttonConversation(machine, content.triage, 'eng', v.text, v.need, `buttons:${++convId}`), (x) => x ?? 0);
    if (b !== undefined && run.routine) buttonTurns.push(b);
  }
  tuningRows.push({ lang: 'eng-v', runs, buttonTurns });
  const emergencies = vignettes.map((v, i) => [v, runs[i]] as const).filter(([v]) => v.gold === 'emergency');
  const exact = vignettes.filter((v, i) => runs[i]?.tier === v.gold).length;
  notes.push(`typed patient, English tuning vignettes: emergency sensitivity ${emergencies.filter(([, r]) => r?.tier === 'emergency').length}/${emergencies.length}, exact tier ${exact}/${vignettes.length} (the button figures are bench:triage's)`);
}
printRows('TUNING (tests/dialog/typed/tuning.json; eng-v = the English tuning vignettes as openings)', tuningRows);
console.log(`\n${notes.join('\n')}`);
console.log(
  `\nwhole turns (eng-v, runTurn with the snapshot's JSON round trip): typed ${((turnTime.typed.ms * 1000) / Math.max(turnTime.typed.turns, 1)).toFixed(0)} us per turn, ` +
    `buttons ${((turnTime.buttons.ms * 1000) / Math.max(turnTime.buttons.turns, 1)).toFixed(0)} us per turn (same machine, same run; load average ${loadavg()[0]?.toFixed(1)})`,
);

// ---- per-call cost of reading typed answers ----
{
  const { read } = createTypedReader();
  const cases = tuningCases(table);
  const kinds = new Map<string, { n: number; us: number }>();
  for (let round = 0; round < 2; round++) {
    for (const c of cases) {
      const kind = c.kind === 'duration' ? (['eng', 'spa', 'fra', 'cmn'].includes(c.lang) ? 'duration (RT langs)' : 'duration (word lists)') : ['yesNo'].includes(c.kind) ? 'yes/no' : ['opening', 'smallTalk', 'need'].includes(c.kind) ? 'opening' : 'choice';
      const reps = 20;
      const start = performance.now();
      for (let i = 0; i < reps; i++) read(c);
      const us = ((performance.now() - start) * 1000) / reps;
      if (round === 1) {
        const k = kinds.get(kind) ?? { n: 0, us: 0 };
        kinds.set(kind, { n: k.n + 1, us: k.us + us });
      }
    }
  }
  console.log('\nreading one typed answer (mean microseconds per call, warm; the date-time model is only asked at "how long" and "when is best" when the word lists find nothing)');
  for (const [k, v] of kinds) console.log(`  ${k.padEnd(24)} ${(v.us / v.n).toFixed(0).padStart(6)} us  (${v.n} phrasings)`);
  // The Recognizers-Text date model on its own, where it is the fallback.
  const rt = sharedRecognisers();
  const samples = ['since last Tuesday', 'hace tres semanas', 'depuis mardi dernier', '三个星期'];
  const langsOf: LangCode[] = ['eng', 'spa', 'fra', 'cmn'];
  samples.forEach((s, i) => rt.durationDays(s, langsOf[i] as LangCode, NOW));
  const start = performance.now();
  for (let k = 0; k < 25; k++) samples.forEach((s, i) => rt.durationDays(s, langsOf[i] as LangCode, NOW));
  console.log(`  Recognizers-Text date-time model alone: ${(((performance.now() - start) * 1000) / (25 * samples.length)).toFixed(0)} us per call`);
}

// ---- held-out: read by code only, aggregate figures only ----
const heldoutCases = join(HELDOUT_DIR, 'heldout.json');
if (!existsSync(heldoutCases)) {
  console.log('\nHELD-OUT: tests/triage/heldout-2026-12/ not present (merge branch heldout-frozen)');
} else {
  const cases = (JSON.parse(readFileSync(heldoutCases, 'utf8')) as { cases: Vignette[] & { lang?: string }[] }).cases as (Vignette & { lang?: string })[];
  const rows = new Map<string, LangRow>();
  let i = 0;
  for (const v of cases) {
    const lang = (v.lang ?? 'eng') as LangCode;
    const r = rng(1000 + ++i);
    const book = phrasebookFrom(table.languages[lang]?.answers ?? table.languages.eng?.answers ?? {}, r, titlesIn(lang));
    const run = typedConversation(machine, content.triage, lang, v.text, book, r, { ...v, answers: {} }, `heldout:${i}`);
    const row = rows.get(lang) ?? { lang, runs: [], buttonTurns: [] };
    row.runs.push(run);
    if (run.routine) {
      const b = buttonConversation(machine, content.triage, lang, v.text, v.need ?? 'need.new', `heldout-b:${i}`);
      if (b !== undefined) row.buttonTurns.push(b);
    }
    rows.set(lang, row);
  }
  printRows('HELD-OUT OPENINGS (tests/triage/heldout-2026-12/heldout.json texts as the first message; answers from the tuning table)', [...rows.values()]);
  const items = heldoutTypedAnswers();
  // Whole conversations again, now answering yes/no, how long and who with the held-out phrasings.
  const typedRows = new Map<string, LangRow>();
  let j = 0;
  for (const v of cases) {
    const lang = (v.lang ?? 'eng') as LangCode;
    const r = rng(5000 + ++j);
    const run = typedConversation(machine, content.triage, lang, v.text, phrasebookFrom(heldoutAnswers(items, lang), r, titlesIn(lang)), r, { ...v, answers: {} }, `heldout-typed:${j}`);
    const row = typedRows.get(lang) ?? { lang, runs: [], buttonTurns: rows.get(lang)?.buttonTurns ?? [] };
    row.runs.push(run);
    typedRows.set(lang, row);
  }
  printRows('HELD-OUT CONVERSATIONS (held-out openings, and held-out phrasings for yes/no, how long, who and relationship; other answers from the tuning table)', [...typedRows.values()]);
}

// ---- the fourth, fifth and sixth held-out sets (2026-12d, 2026-12e, 2026-12f): blind openings AND blind typed answers, the answering patient ----
/** `--skip 2026-12e,2026-12d`: answering sets not to run (e.g. a set kept for one final scoring). */
const skipTags = process.argv.includes('--skip') ? (process.argv[process.argv.indexOf('--skip') + 1] ?? '').split(',') : [];
for (const tag of ['2026-12d', '2026-12e', '2026-12f', '2026-12g', '2026-12h', '2026-12i', '2026-12j', '2026-12k', '2026-12l', '2026-12m', '2026-12n', '2026-12o', '2026-12p', '2026-12q', '2026-12r', '2026-12s', '2026-12t'].filter((t) => !skipTags.includes(t))) {
  const dir = join(projectRoot, `tests/triage/heldout-${tag}`);
  const cases = loadFrozenSets(join(projectRoot, 'tests/triage')).find((set) => set.key === `heldout-${tag}`)?.cases ?? [];
  if (cases.length === 0) {
    console.log(`\nHELD-OUT ${tag}: not present`);
    continue;
  }
  const signs = loadPatientSigns(projectRoot);
  const rows = new Map<string, LangRow>();
  let found = 0;
  let k = 0;
  for (const v of cases) {
    const lang = (v.lang ?? 'eng') as LangCode;
    const file = join(dir, `typed-${lang}.json`);
    const blind = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { answers?: Record<string, Record<string, string[]>> }).answers ?? {} : {};
    const r = rng(9000 + ++k);
    // Blind phrasings for every step the writer covered; the tuning table only for steps they did not (names, dates).
    const book = phrasebookFrom({ ...(table.languages[lang]?.answers ?? {}), ...blind }, r, titlesIn(lang));
    const run = typedConversation(machine, content.triage, lang, v.text, book, r, v, `heldout-${tag}:${k}`, undefined, undefined, signs);
    if (v.gold === 'emergency' && run.tier === 'emergency') found++;
    const row = rows.get(lang) ?? { lang, runs: [], buttonTurns: [] };
    row.runs.push(run);
    rows.set(lang, row);
  }
  printRows(`HELD-OUT ${tag} (blind openings and blind typed answers for every question kind, tests/triage/heldout-${tag}/typed-<lang>.json; the answering patient)`, [...rows.values()]);
  const emergencies = cases.filter((v) => v.gold === 'emergency').length;
  console.log(`typed, answering patient: emergencies found ${found}/${emergencies} (compare bench:triage heldout-${tag}-answering, the same cases tapped)`);
  printTypedItems(tag, dir);
}

/**
 * A set's typed answers (typed-<lang>.json) read one at a time, out of any conversation: per
 * question kind and per language, how many are re-prompted (nothing read, or "which of these two?")
 * and how many are MISREAD (another code: the figure that must not rise). Counts only, never texts.
 * The first question ("need") is read as an opening, where a sentence is a description of a new
 * problem by design, so its misreads are printed apart.
 */
function printTypedItems(tag: string, dir: string): void {
  const { outcome } = createTypedReader();
  const byKind = new Map<string, [number, number, number]>();
  const byLang = new Map<string, [number, number, number]>();
  const count = (m: Map<string, [number, number, number]>, k: string, reprompt: boolean, misread: boolean) => {
    const r = m.get(k) ?? [0, 0, 0];
    m.set(k, [r[0] + 1, r[1] + (reprompt ? 1 : 0), r[2] + (misread ? 1 : 0)]);
  };
  for (const lang of languages) {
    const file = join(dir, `typed-${lang}.json`);
    if (!existsSync(file)) continue;
    const answers = (JSON.parse(readFileSync(file, 'utf8')) as { answers?: Record<string, Record<string, string[]>> }).answers ?? {};
    for (const [kind, byCode] of Object.entries(answers)) {
      for (const [code, texts] of Object.entries(byCode)) {
        for (const text of texts) {
          const got = outcome({ lang, kind, text });
          const ok = got === code || got === `choice:${code}`;
          const reprompt = !ok && (got === '?' || got === 'smallTalk' || got.includes('|'));
          count(byKind, kind, reprompt, !ok && !reprompt);
          if (kind !== 'need') count(byLang, lang, reprompt, !ok && !reprompt);
        }
      }
    }
  }
  if (byKind.size === 0) return;
  const line = (k: string, [n, r, m]: [number, number, number]) => `  ${k.padEnd(14)} re-prompted ${pct(r, n)} (${r}/${n})  misread ${m}`;
  console.log(`\nHELD-OUT ${tag} TYPED ANSWERS ONE AT A TIME (typed-<lang>.json; by question kind, then by language without "need")`);
  for (const [k, v] of byKind) console.log(line(k, v));
  for (const [k, v] of byLang) console.log(line(k, v));
  const all = [...byLang.values()].reduce((a, b) => [a[0] + b[0], a[1] + b[1], a[2] + b[2]] as [number, number, number], [0, 0, 0] as [number, number, number]);
  console.log(line('ALL but need', all));
}

/**
 * The held-out typed-answers file, read without anyone looking at it: its layout is not known
 * here, so items are found by shape (a text with an expected code, or lists of texts under a code
 * or a kind), the question kind from the keys around them. Items it cannot place are counted.
 */
function heldoutTypedAnswers(): (TypedCase & { validity?: boolean })[] {
  const file = join(HELDOUT_DIR, 'typed-answers.json');
  if (!existsSync(file)) return [];
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const { read } = createTypedReader();
  const langCodes = new Map(content.languages.flatMap((l) => [[l.code, l.code], [l.bcp47, l.code], [l.bcp47.toLowerCase(), l.code]] as [string, LangCode][]));
  const items: (TypedCase & { validity?: boolean })[] = [];
  let unplaced = 0;
  const kindOf = (path: string[]): string | undefined => {
    const p = path.join('/').toLowerCase();
    if (/dur|how.?long/.test(p)) return 'duration';
    if (/relat/.test(p)) return 'relationship';
    if (/who|for.?(self|other)/.test(p)) return 'who';
    if (/need|opening/.test(p)) return 'need';
    if (/greet|small|hello/.test(p)) return 'smallTalk';
    if (/birth|dob|date/.test(p)) return 'dob';
    if (/phone|tel/.test(p)) return 'phone';
    if (/post.?code|postal/.test(p)) return 'postcode';
    if (/name/.test(p)) return 'name';
    if (/yes|no|unsure|bool|confirm/.test(p)) return 'yesNo';
    return undefined;
  };
  const TEXT_KEYS = ['text', 'typed', 'input', 'answer', 'utterance', 'message', 'say', 'value'];
  const CODE_KEYS = ['code', 'expect', 'expected', 'gold', 'band', 'meaning', 'answerCode', 'intent', 'label', 'choice', 'valid'];
  const walk = (node: unknown, path: string[], lang: LangCode | undefined): void => {
    if (Array.isArray(node)) {
      for (const x of node) {
        if (typeof x === 'string') add(x, path, lang, path[path.length - 1]);
        else walk(x, path, lang);
      }
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    const ownLang = typeof o.lang === 'string' ? langCodes.get(o.lang) : undefined;
    const textKey = TEXT_KEYS.find((k) => typeof o[k] === 'string');
    const codeKey = CODE_KEYS.find((k) => typeof o[k] === 'string' || typeof o[k] === 'boolean');
    if (textKey && codeKey && textKey !== codeKey) {
      add(o[textKey] as string, [...path, ...(typeof o.kind === 'string' ? [o.kind] : []), ...(typeof o.question === 'string' ? [o.question] : [])], ownLang ?? lang, String(o[codeKey]));
      return;
    }
    for (const [k, v] of Object.entries(o)) {
      if (k.startsWith('$')) continue;
      const asLang = langCodes.get(k) ?? langCodes.get(k.toLowerCase());
      walk(v, asLang ? path : [...path, k], asLang ?? ownLang ?? lang);
    }
  };
  function add(text: string, path: string[], lang: LangCode | undefined, expect: string | undefined): void {
    const kind = kindOf(path);
    if (!lang || !kind) {
      unplaced++;
      return;
    }
    const p = path.join('/').toLowerCase();
    if (['name', 'dob', 'phone', 'postcode'].includes(kind)) {
      const invalid = /invalid|not.?a|reject|bad|wrong/.test(p) || expect === 'false' || expect === 'invalid';
      items.push({ lang, kind, text, expect: '', validity: !invalid });
    } else items.push({ lang, kind, text, expect: expect ?? '' });
  }
  walk(data, [], undefined);

  const suffix = (code: string) => code.split('.').pop()?.toLowerCase() ?? '';
  const byLang = new Map<string, { n: number; ok: number; kinds: Map<string, [number, number]>; misread: Map<string, number>; reprompt: Map<string, number> }>();
  for (const c of items) {
    let ok: boolean;
    if (c.validity !== undefined) {
      const parsed = c.kind === 'dob' || c.kind === 'name' || c.kind === 'phone' || c.kind === 'postcode' ? read(c) : read(c);
      ok = parsed.ok === c.validity;
      if (!ok) {
        const r = byLang.get(c.lang) ?? { n: 0, ok: 0, kinds: new Map(), misread: new Map(), reprompt: new Map() };
        const label = `${c.kind}:${c.validity ? 'valid-refused' : 'invalid-accepted'}`;
        (c.validity ? r.reprompt : r.misread).set(label, ((c.validity ? r.reprompt : r.misread).get(label) ?? 0) + 1);
        byLang.set(c.lang, r);
      }
    } else if (c.kind === 'smallTalk') {
      const parsed = read({ ...c, kind: 'opening' });
      ok = !parsed.ok && parsed.smallTalk !== undefined;
    } else {
      const parsed = read(c.kind === 'need' ? { ...c, kind: 'opening' } : c);
      const got = parsed.ok ? parsed.code : '?';
      const want = c.expect;
      ok = want === '' ? parsed.ok : suffix(got) === suffix(want) || (c.kind === 'who' && parsed.ok && suffix(want) === suffix(parsed.relationship ?? ''));
      if (!ok) {
        const r = byLang.get(c.lang) ?? { n: 0, ok: 0, kinds: new Map(), misread: new Map(), reprompt: new Map() };
        const which = parsed.ok ? r.misread : r.reprompt;
        // A misread kind names what it was read as when the safety of a "no" is at stake.
        const label = parsed.ok && c.kind === 'yesNo' ? `${c.kind}:${suffix(want)}->${suffix(got)}` : c.kind;
        which.set(label, (which.get(label) ?? 0) + 1);
        byLang.set(c.lang, r);
      }
    }
    const row = byLang.get(c.lang) ?? { n: 0, ok: 0, kinds: new Map(), misread: new Map(), reprompt: new Map() };
    row.n++;
    if (ok) row.ok++;
    const k = row.kinds.get(c.kind) ?? [0, 0];
    row.kinds.set(c.kind, [k[0] + (ok ? 1 : 0), k[1] + 1]);
    byLang.set(c.lang, row);
  }
  console.log('\nHELD-OUT TYPED ANSWERS (tests/triage/heldout-2026-12/typed-answers.json, read one at a time; per language: read as expected)');
  let n = 0;
  let ok = 0;
  for (const [lang, row] of byLang) {
    n += row.n;
    ok += row.ok;
    const kinds = [...row.kinds].map(([k, [a, b]]) => `${k} ${a}/${b}`).join(', ');
    console.log(`${lang.padEnd(5)} ${pct(row.ok, row.n)} (${row.ok}/${row.n})   ${kinds}`);
    const fmt = (m: Map<string, number>) => [...m].map(([k, v]) => `${k} ${v}`).join(', ') || '-';
    console.log(`        not read: ${fmt(row.reprompt)};  MISREAD: ${fmt(row.misread)}`);
  }
  const total = (f: (r: { misread: Map<string, number>; reprompt: Map<string, number> }) => Map<string, number>) => [...byLang.values()].reduce((s, r) => s + [...f(r).values()].reduce((a, b) => a + b, 0), 0);
  console.log(`not read (re-prompt) ${total((r) => r.reprompt)}, misread ${total((r) => r.misread)}`);
  console.log(`ALL   ${pct(ok, n)} (${ok}/${n}); items whose question kind or language the bench could not place: ${unplaced}`);
  return items;
}

/**
 * The held-out phrasings as a phrasebook: for each step and code, the held-out texts expected to
 * mean it (codes matched by their last part, "days" = "duration.days"); steps without held-out
 * phrasings keep the tuning ones.
 */
function heldoutAnswers(items: (TypedCase & { validity?: boolean })[], lang: string): Record<string, Record<string, string[]>> {
  const tuning = table.languages[lang]?.answers ?? {};
  const out: Record<string, Record<string, string[]>> = {};
  const stepChoices: Record<string, readonly string[]> = {
    yesNo: ['yes', 'no', 'unsure'],
    duration: content.intake.steps.duration.choices ?? [],
    relationship: content.intake.steps.relationship.choices ?? [],
    who: content.intake.steps.who.choices ?? [],
  };
  for (const c of items) {
    const choices = stepChoices[c.kind];
    if (c.lang !== lang || !choices || c.validity !== undefined) continue;
    const want = c.expect.split('.').pop()?.toLowerCase();
    const code = choices.find((x) => x.split('.').pop() === want);
    if (!code) continue;
    ((out[c.kind] ??= {})[code] ??= []).push(c.text);
  }
  return { ...tuning, ...out };
}

