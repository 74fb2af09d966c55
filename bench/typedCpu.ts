/**
 * CPU of the typed-answer reader, by reading: every tuning phrasing (tests/dialog/typed/tuning.json)
 * read in its own language and, as a patient who types in another language would, in an English
 * conversation and in the languages that have Recognizers-Text models. Prints µs per reading by
 * language × kind and the slowest readings. Figures, not a test; a busy machine only scales them.
 *
 *   npx tsx bench/typedCpu.ts [--repeat 5] [--top 20]
 */
import { performance } from 'node:perf_hooks';
import type { LangCode } from '../src/domain/types.js';
import { createTypedReader, tuningCases, type TypedCase } from './typedAnswers.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i > 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}
const REPEAT = arg('repeat', 5);
const TOP = arg('top', 20);
const CROSS: LangCode[] = ['eng', 'spa', 'fra', 'cmn'];
const KINDS = new Set(['yesNo', 'safetyCheck', 'duration', 'trend', 'impact', 'who', 'relationship']);

const { read } = createTypedReader();
const cases = tuningCases();
const runs: { c: Omit<TypedCase, 'expect'>; cross: boolean }[] = [];
for (const c of cases) {
  runs.push({ c, cross: false });
  if (KINDS.has(c.kind)) for (const lang of CROSS) if (lang !== c.lang) runs.push({ c: { ...c, lang }, cross: true });
}
// Warm: build every lexicon and model once.
for (const r of runs) read(r.c);

const timed = runs.map((r) => {
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    read(r.c);
    times.push((performance.now() - t0) * 1000);
  }
  times.sort((a, b) => a - b);
  return { ...r, us: times[Math.floor(times.length / 2)] as number };
});

const groups = new Map<string, number[]>();
for (const t of timed) {
  const key = `${t.cross ? 'other→' : ''}${t.c.lang} ${t.c.kind}`;
  (groups.get(key) ?? groups.set(key, []).get(key)!).push(t.us);
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const own = timed.filter((t) => !t.cross);
const cross = timed.filter((t) => t.cross);
console.log(`readings: ${own.length} own-language, ${cross.length} in another language's conversation; median of ${REPEAT}`);
console.log(`own language: mean ${(sum(own.map((t) => t.us)) / own.length).toFixed(1)} µs; other language: mean ${(sum(cross.map((t) => t.us)) / cross.length).toFixed(1)} µs`);
console.log('\nslowest groups (language × kind: mean µs, max µs, n)');
[...groups.entries()]
  .map(([k, xs]) => ({ k, mean: sum(xs) / xs.length, max: Math.max(...xs), n: xs.length }))
  .sort((a, b) => b.mean - a.mean)
  .slice(0, TOP)
  .forEach((g) => console.log(`${g.k.padEnd(28)} ${g.mean.toFixed(0).padStart(7)} ${g.max.toFixed(0).padStart(7)} ${String(g.n).padStart(4)}`));
console.log('\nslowest readings (µs, conversation language, kind, typed in)');
[...timed]
  .sort((a, b) => b.us - a.us)
  .slice(0, TOP)
  .forEach((t) => console.log(`${t.us.toFixed(0).padStart(7)}  ${t.c.lang} ${t.c.kind.padEnd(12)} ${(cases.find((c) => c.text === t.c.text)?.lang ?? '')}  ${JSON.stringify(t.c.text)}`));
