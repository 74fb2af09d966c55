#!/usr/bin/env node
// Validator for the blind typed answers of set h20 (writer T).
// Usage: node validate-typed.mjs --dir <folder> [--all | --lang <code>]   (default --all)
// Checks typed-<lang>.json against typed-counts.json and typed-BRIEF.md; with --all also that notes-T.md exists.
// Prints PASS, or the list of problems (and exits 1).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SET = 'h20';
const KIT = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (n) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : undefined; };
const dir = opt('--dir');
const one = opt('--lang');
if (!dir) { console.error('usage: node validate-typed.mjs --dir <folder> [--all | --lang <code>]'); process.exit(2); }
const counts = JSON.parse(fs.readFileSync(path.join(KIT, 'typed-counts.json'), 'utf8'));
const langsFile = JSON.parse(fs.readFileSync(path.join(KIT, 'languages.json'), 'utf8'));
const allLangs = langsFile.languages.map((l) => l.code);
if (one && !allLangs.includes(one)) { console.error(`unknown language ${one}`); process.exit(2); }
const langs = one ? [one] : allLangs;

const problems = [];
const warnings = [];
const P = (m) => problems.push(m);
const W = (m) => warnings.push(m);
const norm = (s) => s.normalize('NFC').toLowerCase().replace(/[\s\u200c\u200d]+/g, ' ').replace(/[.!?,;:。！？،؟]+$/u, '').trim();

let perLangWant = 0;
for (const k of Object.values(counts.kinds)) for (const c of Object.values(k)) perLangWant += c.count;
if (perLangWant !== counts.perLanguage) W(`typed-counts.json: counts add up to ${perLangWant}, perLanguage says ${counts.perLanguage}`);

for (const lang of langs) {
  const F = `typed-${lang}.json`;
  const file = path.join(dir, F);
  if (!fs.existsSync(file)) { P(`missing file ${F}`); continue; }
  let d;
  try { d = JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) { P(`${F}: not valid JSON (${e.message})`); continue; }
  const topKeys = Object.keys(d);
  for (const k of topKeys) if (!['$comment', 'answers'].includes(k)) P(`${F}: unknown top-level field "${k}"`);
  if (typeof d.$comment !== 'string' || !d.$comment.includes(SET)) P(`${F}: $comment must name set ${SET}`);
  else if (!d.$comment.includes(`(${lang})`)) P(`${F}: $comment should name the language as "(${lang})"`);
  if (!d.answers || typeof d.answers !== 'object' || Array.isArray(d.answers)) { P(`${F}: "answers" must be an object`); continue; }
  const wantKinds = Object.keys(counts.kinds);
  const gotKinds = Object.keys(d.answers);
  if (gotKinds.join('|') !== wantKinds.join('|')) {
    for (const k of wantKinds) if (!gotKinds.includes(k)) P(`${F}: question kind "${k}" missing`);
    for (const k of gotKinds) if (!wantKinds.includes(k)) P(`${F}: unknown question kind "${k}"`);
    if (wantKinds.every((k) => gotKinds.includes(k)) && gotKinds.length === wantKinds.length) P(`${F}: question kinds not in the order of typed-counts.json`);
  }
  let total = 0;
  for (const kind of wantKinds) {
    const spec = counts.kinds[kind];
    const got = d.answers[kind];
    if (!got || typeof got !== 'object' || Array.isArray(got)) { if (got !== undefined) P(`${F}: ${kind} must be an object`); continue; }
    const wantCodes = Object.keys(spec);
    const gotCodes = Object.keys(got);
    for (const c of wantCodes) if (!gotCodes.includes(c)) P(`${F}: ${kind}: choice "${c}" missing`);
    for (const c of gotCodes) if (!wantCodes.includes(c)) P(`${F}: ${kind}: unknown choice code "${c}"`);
    if (wantCodes.every((c) => gotCodes.includes(c)) && gotCodes.length === wantCodes.length && gotCodes.join('|') !== wantCodes.join('|')) P(`${F}: ${kind}: choice codes not in the order of typed-counts.json`);
    const owner = new Map(); // normalised answer -> choice
    for (const code of wantCodes) {
      const list = got[code];
      if (list === undefined) continue;
      if (!Array.isArray(list)) { P(`${F}: ${kind}.${code} must be a list`); continue; }
      if (list.length !== spec[code].count) P(`${F}: ${kind}.${code} has ${list.length} answers, want ${spec[code].count}`);
      total += list.length;
      const seen = new Set();
      let verbatim = 0;
      for (const a of list) {
        if (typeof a !== 'string' || !a.trim()) { P(`${F}: ${kind}.${code}: empty or non-string answer`); continue; }
        if (a !== a.trim()) W(`${F}: ${kind}.${code}: answer "${a}" has leading/trailing spaces`);
        if (a.length > 200) P(`${F}: ${kind}.${code}: answer longer than 200 characters`);
        const n = norm(a);
        if (seen.has(n)) P(`${F}: ${kind}.${code}: duplicate answer "${a}"`);
        seen.add(n);
        if (owner.has(n) && owner.get(n) !== code) P(`${F}: ${kind}: answer "${a}" appears under both ${owner.get(n)} and ${code} (must mean one choice)`);
        owner.set(n, code);
        if (n === norm(spec[code].button)) verbatim++;
      }
      if (verbatim > 1) P(`${F}: ${kind}.${code}: ${verbatim} answers copy the English button "${spec[code].button}" (at most one)`);
    }
  }
  if (total !== counts.perLanguage) P(`${F}: ${total} answers in all, want ${counts.perLanguage}`);
}
if (!one && !fs.existsSync(path.join(dir, 'notes-T.md'))) P('missing file notes-T.md');

for (const w of warnings) console.log('warning: ' + w);
if (problems.length) {
  console.log(`FAIL: ${problems.length} problem(s)`);
  for (const m of problems) console.log(' - ' + m);
  process.exit(1);
}
console.log(`PASS (${langs.length} language(s)${warnings.length ? `; ${warnings.length} warning(s)` : ''})`);
