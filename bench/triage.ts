/**
 * npm run bench:triage — accuracy of triage on COMPLETE conversations driven through the statechart
 * (runTurn), one patient message at a time, each in the case's own language (bench/triageDialog.ts),
 * the simulated patient answering the emergency check from the case's `recognises999Sign` (and, for the
 * `-answering` sets, the area picker and direct questions from its `area` and `yesTo`).
 * Reported per set (tuning; frozen held-out; paraphrase) and per language: emergency sensitivity with
 * its Wilson 95% interval, under-triage, false 999 (non-emergencies ending in the emergency state),
 * exact tier, recall per tier, and median patient messages to an emergency disposition.
 * Held-out and paraphrase cases are never printed, only their ids and tiers; `--verbose` lists the
 * tuning set's mismatches with their text. The hard assertions live in tests/triage/dialog.test.ts
 * and tests/triage/heldout.test.ts.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { TIERS, TIER_RANK, type Tier } from '../src/domain/types.js';
import { createDialogDriver, type DialogRun } from './triageDialog.js';
import { loadFrozenSets } from './heldoutSets.js';
import { loadVignettes, simulate, type Vignette } from './triageSim.js';

const verbose = process.argv.includes('--verbose');
const skipSpeed = process.argv.includes('--no-speed');
/** `--skip heldout-2026-12b,paraphrase-2026-12b`: frozen sets not to run (e.g. a set kept for one final scoring). */
const skipSets = (process.argv[process.argv.indexOf('--skip') + 1] ?? '').split(',').filter(() => process.argv.includes('--skip'));
const driver = createDialogDriver({ timeScreens: true });
const engine = driver.engine;
const tuned = [...loadVignettes('tests/triage/vignettes'), ...loadVignettes('tests/triage/vignettes/heldout')];
const sets: { name: string; cases: Vignette[]; blind: boolean; answering?: boolean }[] = [
  { name: 'tuning (vignettes/ and the old vignettes/heldout/, both used to tune rules)', cases: tuned, blind: false },
  ...loadFrozenSets()
    .filter((set) => !skipSets.includes(set.key))
    .map((set) => ({ name: set.name, cases: set.cases, blind: true, answering: set.answering ?? false })),
];

interface Scored {
  v: Vignette;
  tier: Tier | undefined;
  run?: DialogRun;
}

interface Summary {
  n: number;
  sensitivity: [number, number];
  under: number;
  over: number;
  overToEmergency: [number, number];
  exact: number;
  errors: number;
  recall: Record<Tier, [number, number]>;
  turnsToEmergency: number[];
}

const rank = (t: Tier | undefined): number => (t ? TIER_RANK[t] : -1);
const pct = (n: number, d: number): string => `${((100 * n) / Math.max(d, 1)).toFixed(1)}% (${n}/${d})`;
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

/** Wilson score interval for a proportion, 95% (z = 1.96): honest for small n and for 0% or 100%. */
export function wilson(x: number, n: number, z = 1.96): [number, number] {
  if (n === 0) return [0, 1];
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
const ci = ([x, n]: [number, number]): string => {
  const [lo, hi] = wilson(x, n);
  return `[${(100 * lo).toFixed(1)}–${(100 * hi).toFixed(1)}]`;
};

function summarise(rows: Scored[]): Summary {
  const emergencies = rows.filter((r) => r.v.gold === 'emergency');
  const others = rows.filter((r) => r.v.gold !== 'emergency');
  const recall = Object.fromEntries(
    TIERS.map((t) => {
      const gold = rows.filter((r) => r.v.gold === t);
      return [t, [gold.filter((r) => r.tier === t).length, gold.length]];
    }),
  ) as Record<Tier, [number, number]>;
  return {
    n: rows.length,
    sensitivity: [emergencies.filter((r) => r.tier === 'emergency').length, emergencies.length],
    // A conversation the driver could not finish has no tier: it counts as under-triage (never as a pass).
    under: rows.filter((r) => rank(r.tier) < TIER_RANK[r.v.gold]).length,
    over: rows.filter((r) => rank(r.tier) > TIER_RANK[r.v.gold]).length,
    overToEmergency: [others.filter((r) => r.tier === 'emergency').length, others.length],
    exact: rows.filter((r) => r.tier === r.v.gold).length,
    errors: rows.filter((r) => r.run?.error !== undefined).length,
    recall,
    turnsToEmergency: emergencies.flatMap((r) => (r.run?.messagesToEmergency !== undefined ? [r.run.messagesToEmergency] : [])),
  };
}

function printSummary(s: Summary, withTargets: boolean): void {
  const t = (label: string, ok: boolean): string => (withTargets ? `   ${label}  ${verdict(ok)}` : '');
  const median = quantile(s.turnsToEmergency, 0.5);
  console.log(`emergency sensitivity        ${pct(...s.sensitivity)} 95% CI ${ci(s.sensitivity)}${t('target 100%', s.sensitivity[0] === s.sensitivity[1])}`);
  console.log(`under-triage (any tier)      ${pct(s.under, s.n)}${t('target < 2%', s.under / Math.max(s.n, 1) < 0.02)}`);
  console.log(`over-triage (any tier)       ${pct(s.over, s.n)}`);
  console.log(
    `false 999 (of non-emerg.)    ${pct(...s.overToEmergency)}${t('target < 5%', s.overToEmergency[0] / Math.max(s.overToEmergency[1], 1) < 0.05)}`,
  );
  console.log(`exact tier                   ${pct(s.exact, s.n)}${t('target >= 85%', s.exact / Math.max(s.n, 1) >= 0.85)}`);
  console.log(`recall per tier              ${TIERS.map((tier) => `${tier} ${pct(...s.recall[tier])}`).join(', ')}`);
  console.log(
    `turns to emergency           median ${median}, p90 ${quantile(s.turnsToEmergency, 0.9)}, max ${Math.max(0, ...s.turnsToEmergency)} ` +
      `(patient messages from the description, which counts as 1; n=${s.turnsToEmergency.length})${t('target <= 3', median <= 3)}`,
  );
  if (s.errors > 0) console.log(`conversations not finished   ${s.errors} (driver or dialog dead end; counted as under-triage)`);
}

/**
 * The structured net alone (issue 15: a structured check must back up free-text matching): every case
 * again with its opening text withheld (bench/triageDialog.ts WITHHELD_TEXT), the answering patient
 * answering the check, the area picker and the questions. Emergencies found this way do not depend on wording.
 */
function printStructuredNet(cases: Vignette[]): void {
  const rows = cases.map((v) => ({ v, run: driver.run(v, { answering: true, withholdText: true }) }));
  const found = (rs: typeof rows) => rs.filter((r) => r.run.finalState === 'emergency').length;
  const em = rows.filter((r) => r.v.gold === 'emergency');
  const unticked = em.filter((r) => !r.v.recognises999Sign);
  const others = rows.filter((r) => r.v.gold !== 'emergency');
  const s: [number, number] = [found(em), em.length];
  console.log(
    `structured net alone         ${pct(...s)} 95% CI ${ci(s)}; not ticked on the check ${pct(found(unticked), unticked.length)}; ` +
      `false 999 ${pct(found(others), others.length)} (opening text withheld)`,
  );
}

function printByLanguage(rows: Scored[]): void {
  const langs = [...new Set(rows.map((r) => r.v.lang ?? 'eng'))].sort();
  console.log(`\nPer language: n | emergency sensitivity [95% CI] | under-triage | false 999 | exact | recall E/U/R/S | median turns to 999`);
  for (const lang of langs) {
    const s = summarise(rows.filter((r) => (r.v.lang ?? 'eng') === lang));
    const f = (x: number, d: number) => (d === 0 ? '  -  ' : `${((100 * x) / d).toFixed(0)}%`);
    const recall = TIERS.map((t) => `${s.recall[t][0]}/${s.recall[t][1]}`).join(' ');
    console.log(
      `  ${lang}  n=${String(s.n).padStart(3)} | ${`${s.sensitivity[0]}/${s.sensitivity[1]}`.padStart(7)} ${ci(s.sensitivity).padEnd(13)} | ` +
        `${f(s.under, s.n).padStart(4)} | ${f(...s.overToEmergency).padStart(4)} | ${f(s.exact, s.n).padStart(4)} | ${recall.padEnd(22)} | ${quantile(s.turnsToEmergency, 0.5)}`,
    );
  }
}

function printMatrix(rows: Scored[], label: string): void {
  const matrix = new Map<string, number>();
  for (const r of rows) matrix.set(`${r.v.gold}>${r.tier ?? 'none'}`, (matrix.get(`${r.v.gold}>${r.tier ?? 'none'}`) ?? 0) + 1);
  console.log(`\nConfusion matrix (rows gold, columns ${label}):`);
  console.log(`${'gold \\ got'.padEnd(12)}${TIERS.map((t) => t.padStart(10)).join('')}`);
  for (const g of TIERS) {
    console.log(`${g.padEnd(12)}${TIERS.map((t: Tier) => String(matrix.get(`${g}>${t}`) ?? 0).padStart(10)).join('')}`);
  }
}

/** Per language, the confusion matrix's off-diagonal cells only (gold>got count), e.g. "urgent>routine 2". */
function printOffDiagonalByLanguage(rows: Scored[]): void {
  console.log('\nWrong tiers per language (gold>got count):');
  const langs = [...new Set(rows.map((r) => r.v.lang ?? 'eng'))].sort();
  for (const lang of langs) {
    const cells = new Map<string, number>();
    for (const r of rows.filter((x) => (x.v.lang ?? 'eng') === lang && x.tier !== x.v.gold)) {
      const key = `${r.v.gold}>${r.tier ?? 'none'}`;
      cells.set(key, (cells.get(key) ?? 0) + 1);
    }
    const list = [...cells].sort().map(([k, n]) => `${k} ${n}`).join(', ');
    console.log(`  ${lang}  ${list || 'none'}`);
  }
}

/** Ids and tiers only for the frozen sets: their texts are never shown to the people tuning rules. */
function listMismatches(rows: Scored[], blind: boolean): void {
  const bad = rows.filter((r) => r.tier !== r.v.gold || r.run?.error);
  const missed = rows.filter((r) => r.v.gold === 'emergency' && r.tier !== 'emergency');
  console.log(`missed emergencies: ${missed.length === 0 ? 'none' : missed.map((r) => `${r.v.id}(${r.v.lang ?? 'eng'}>${r.tier ?? 'none'})`).join(', ')}`);
  if (!verbose) {
    console.log(`${bad.length} mismatches (run with -- --verbose to list ${blind ? 'their ids and tiers' : 'them'})`);
    return;
  }
  // Missed emergencies and every under-triaged case first (the safety failures), then the rest.
  const under = rows.filter((r) => rank(r.tier) < TIER_RANK[r.v.gold]);
  console.log(`Under-triaged, emergencies missed included (${under.length}):`);
  for (const r of under) console.log(describeRow(r, blind));
  const other = bad.filter((r) => !under.includes(r));
  console.log(`Other mismatches (${other.length}):`);
  for (const r of other) console.log(describeRow(r, blind));
}

/**
 * One line per case: id, language, expected and given tier, the rules that fired, the case's own
 * `source` and `tags` fields, the questions the dialog asked and the emergency check's answers (both the
 * dialog's own codes). Never the case's text for the frozen sets.
 */
function describeRow(r: Scored, blind: boolean): string {
  const run = r.run;
  const why = run ? `rules=[${run.ruleIds.join(',')}]${run.error ? ` ERROR ${run.error}` : ''}` : '';
  const meta = `source=${r.v.source} tags=[${r.v.tags.join(',')}]${r.v.ageYears !== undefined ? ` age=${r.v.ageYears}` : ''}`;
  const asked = run ? ` asked=[${run.asked.join(',')}]` : '';
  const check = run?.check ? ` check=${run.check.version}:${run.check.answers.join('>')}` : '';
  return `  ${r.v.id} ${r.v.lang ?? 'eng'} gold=${r.v.gold} got=${r.tier ?? 'none'} ${why} ${meta}${asked}${check}${blind ? '' : `  "${r.v.text}"`}`;
}

console.log(`Triage bench, ruleset ${engine.rulesetVersion}: ${sets.map((x) => `${x.cases.length} ${x.name.split(' (')[0]}`).join(', ')}`);
console.log('hello -> need -> description -> emergency check -> area -> questions -> follow-ups -> details -> review -> consent');
const t0 = performance.now();

sets.forEach((set, i) => {
  if (set.cases.length === 0) {
    console.log(`\n== ${i + 1}. ${set.name}: no cases yet ==`);
    return;
  }
  const rows: Scored[] = set.cases.map((v) => {
    const run = driver.run(v, { answering: set.answering ?? false });
    return { v, tier: run.tier, run };
  });

  console.log(`\n== ${i + 1}. ${set.name} (${rows.length} conversations) ==\n`);
  printSummary(summarise(rows), true);
  if (set.answering) printStructuredNet(set.cases);
  printByLanguage(rows);
  printMatrix(rows, 'dialog');
  if (verbose) printOffDiagonalByLanguage(rows);
  listMismatches(rows, set.blind);
});
const dialogMs = performance.now() - t0;
const dialogScreens = [...driver.screenTimes];
console.log(`\n(${(dialogMs / 1000).toFixed(1)} s for all conversations, ${dialogScreens.length} screen() calls)`);

// ---- 3. Engine only (the previous bench: describe -> questions -> decide, no dialog) ---------
const engineRows: Scored[] = tuned.map((v) => ({ v, tier: simulate(engine, v).outcome.tier }));

console.log(`\n== Engine only, no dialog and no emergency check (previous bench; tuning set) ==\n`);
printSummary(summarise(engineRows), false);
printMatrix(engineRows, 'engine');

// ---- 4. Speed ------------------------------------------------------------------------------
if (skipSpeed) process.exit(0);
console.log('\n== Engine time ==\n');
console.log(
  `screen() per message inside the dialog: p50 ${fmt(quantile(dialogScreens, 0.5))} ms, p99 ${fmt(quantile(dialogScreens, 0.99))} ms ` +
    `(n=${dialogScreens.length}, cold memo, one call per message and language)`,
);
const long = `Hello, I need to ask about my repeat prescription for my blood pressure tablets and my inhaler, and I also want to know about my test results from last month because nobody called me back. My daughter needs her vaccinations booking and I need a fit note for work as my back has been bad since I lifted boxes. By the way my dads face has dropped on one side and his speech is slurred since this afternoon. Could someone call me after 3pm please, thanks so much for your help with all this.`.slice(0, 500);
// Many short runs: on a shared machine at least one usually lands in a quiet window (min of runs).
const RUNS = 10;
const ITER = 1000;
// Warm-up: let the JIT settle before anything is timed.
for (let i = 0; i < 2000; i++) engine.screen(long.replace('boxes', `boxes${i}`), 'eng');
const runs: { p50: number; p99: number; cpu50: number; cpu99: number }[] = [];
for (let run = 0; run < RUNS; run++) {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < ITER; i++) {
    // A new word every call, so the per-word memos cannot hide the cost of fuzzy lookups.
    const text = long.replace('boxes', `boxes${run}x${i}`);
    const c0 = process.cpuUsage();
    const start = performance.now();
    engine.screen(text, 'eng');
    times.push(performance.now() - start);
    // CPU time of this process (µs): unlike wall time it does not grow while the OS runs someone else.
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  runs.push({ p50: quantile(times, 0.5), p99: quantile(times, 0.99), cpu50: quantile(cpu, 0.5), cpu99: quantile(cpu, 0.99) });
}
const minP99 = Math.min(...runs.map((r) => r.p99));
const minP50 = Math.min(...runs.map((r) => r.p50));
const minCpu99 = Math.min(...runs.map((r) => r.cpu99));
console.log(`screen() on a ${long.length}-char message, ${RUNS} runs x ${ITER} calls after ${2000} warm-up calls (wall clock; process CPU time):`);
runs.forEach((r, i) => console.log(`  run ${String(i + 1).padStart(2)}: wall p50 ${fmt(r.p50)} ms, p99 ${fmt(r.p99)} ms;  cpu p50 ${fmt(r.cpu50)} ms, p99 ${fmt(r.cpu99)} ms`));
console.log(`  min of runs: wall p50 ${fmt(minP50)} ms, p99 ${fmt(minP99)} ms   target p99 < 1 ms  ${verdict(minP99 < 1)}`);
console.log(`  min of runs: cpu p99 ${fmt(minCpu99)} ms (${verdict(minCpu99 < 1)} on CPU time; wall p99 above 1 ms with cpu p99 below it means the OS preempted us)`);
console.log(`  worst run wall p99 ${fmt(Math.max(...runs.map((r) => r.p99)))} ms; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs`);

function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[Math.min(s.length - 1, Math.floor(p * s.length))] as number);
}
function fmt(ms: number): string {
  return ms.toFixed(3);
}
