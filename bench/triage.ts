/**
 * npm run bench:triage — accuracy and speed of the triage engine on the vignette set.
 * Figures, not a pass/fail test (the hard safety assertion lives in tests/triage/vignettes.test.ts).
 */
import { performance } from 'node:perf_hooks';
import { TIERS, TIER_RANK, type Tier } from '../src/domain/types.js';
import { createTriageEngine, loadTriageContent } from '../src/triage/index.js';
import { loadVignettes, simulate } from './triageSim.js';

const engine = createTriageEngine(loadTriageContent('dialogs'));
const vignettes = loadVignettes('tests/triage/vignettes');
const matrix = new Map<string, number>();
let exact = 0;
let under = 0;
let over = 0;
let nonEmergency = 0;
let overToEmergency = 0;
let emergencies = 0;
let emergenciesCaught = 0;
const emergencyTurns: number[] = [];
const misses: string[] = [];

for (const v of vignettes) {
  const { outcome, turns } = simulate(engine, v);
  const key = `${v.gold}>${outcome.tier}`;
  matrix.set(key, (matrix.get(key) ?? 0) + 1);
  const diff = TIER_RANK[outcome.tier] - TIER_RANK[v.gold];
  if (diff === 0) exact++;
  else if (diff < 0) under++;
  else over++;
  if (diff !== 0) misses.push(`  ${v.id} gold=${v.gold} got=${outcome.tier} [${outcome.ruleIds.join(',')}]`);
  if (v.gold === 'emergency') {
    emergencies++;
    if (outcome.tier === 'emergency') emergenciesCaught++;
  } else {
    nonEmergency++;
    if (outcome.tier === 'emergency') overToEmergency++;
  }
  if (outcome.tier === 'emergency') emergencyTurns.push(turns);
}

const pct = (n: number, d: number): string => `${((100 * n) / Math.max(d, 1)).toFixed(1)}% (${n}/${d})`;
console.log(`Triage bench: ${vignettes.length} vignettes, ruleset ${engine.rulesetVersion}`);
console.log('Driven through the engine directly (describe -> confirm -> complaint questions -> decide).\n');
console.log(`emergency sensitivity        ${pct(emergenciesCaught, emergencies)}   target 100%`);
console.log(`under-triage (any tier)      ${pct(under, vignettes.length)}   target < 2%`);
console.log(`over-triage (any tier)       ${pct(over, vignettes.length)}`);
console.log(`over-triage to emergency     ${pct(overToEmergency, nonEmergency)}   target < 5% of non-emergencies`);
console.log(`exact accuracy               ${pct(exact, vignettes.length)}   target > 90%`);
console.log(`median turns to emergency    ${median(emergencyTurns)} (messages incl. the opening one; n=${emergencyTurns.length})`);

console.log('\nConfusion matrix (rows gold, columns engine):');
console.log(`${'gold \\ got'.padEnd(12)}${TIERS.map((t) => t.padStart(10)).join('')}`);
for (const g of TIERS) {
  console.log(`${g.padEnd(12)}${TIERS.map((t: Tier) => String(matrix.get(`${g}>${t}`) ?? 0).padStart(10)).join('')}`);
}

// Timing: every vignette text many times, plus a 500-character message with a buried red flag.
const long = `Hello, I need to ask about my repeat prescription for my blood pressure tablets and my inhaler, and I also want to know about my test results from last month because nobody called me back. My daughter needs her vaccinations booking and I need a fit note for work as my back has been bad since I lifted boxes. By the way my dads face has dropped on one side and his speech is slurred since this afternoon. Could someone call me after 3pm please, thanks so much for your help with all this.`;
const texts = [...vignettes.map((v) => v.text), long.slice(0, 500)];
for (let i = 0; i < 200; i++) for (const t of texts) engine.screen(t, 'eng'); // warm up
const all: number[] = [];
const longTimes: number[] = [];
for (let round = 0; round < 50; round++) {
  for (const t of texts) {
    const start = performance.now();
    engine.screen(t, 'eng');
    all.push(performance.now() - start);
  }
}
const fresh = long.slice(0, 500);
for (let i = 0; i < 2000; i++) {
  // Vary one word so the per-word memo cannot hide the cost of fuzzy lookups.
  const text = fresh.replace('boxes', `boxes${i}`);
  const start = performance.now();
  engine.screen(text, 'eng');
  longTimes.push(performance.now() - start);
}
console.log(`\nscreen() per message: p50 ${q(all, 0.5)} ms, p99 ${q(all, 0.99)} ms (n=${all.length})`);
console.log(`screen() 500-char message: p50 ${q(longTimes, 0.5)} ms, p99 ${q(longTimes, 0.99)} ms   target p99 < 1 ms`);

if (process.argv.includes('--verbose')) console.log(`\nMismatches:\n${misses.join('\n')}`);
else console.log(`\n${misses.length} mismatches (run with -- --verbose to list them)`);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[Math.floor((s.length - 1) / 2)] as number);
}
function q(xs: number[], p: number): string {
  const s = [...xs].sort((a, b) => a - b);
  return (s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0).toFixed(3);
}
