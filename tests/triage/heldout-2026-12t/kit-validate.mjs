#!/usr/bin/env node
// Validator for the blind held-out triage set h20 (writers A-E).
// Usage: node validate.mjs --dir <folder> --group <A..E> [--lang <code>]
// Checks heldout-<lang>.json and paraphrase-<lang>.json of every language of the group (or one with --lang)
// against format.md, codes.json, signs.json, sources.json and kinds.json (all read from this kit's folder),
// and that notes-<group>.md exists. Prints PASS, or the list of problems (and exits 1).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SET = 'h20';
const KIT = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (n) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : undefined; };
const dir = opt('--dir');
const group = (opt('--group') || '').toUpperCase();
const onlyLang = opt('--lang');
if (!dir || !group) {
  console.error('usage: node validate.mjs --dir <folder> --group <A..E> [--lang <code>]');
  process.exit(2);
}
const readKit = (f) => JSON.parse(fs.readFileSync(path.join(KIT, f), 'utf8'));
const codes = readKit('codes.json');
const signs = new Set(Object.keys(readKit('signs.json').signs));
const sources = readKit('sources.json');
const kindsFile = readKit('kinds.json');
const langsFile = readKit('languages.json');
const kinds = new Map(kindsFile.kinds.map((k) => [k.id, k]));
const groups = langsFile.groups;
if (!groups[group]) { console.error(`unknown group ${group} (A..E)`); process.exit(2); }
let langs = groups[group];
if (onlyLang) {
  if (!langs.includes(onlyLang)) { console.error(`${onlyLang} is not in group ${group}`); process.exit(2); }
  langs = [onlyLang];
}

const TIERS = ['emergency', 'urgent', 'routine', 'selfcare'];
const PER = { emergency: 8, urgent: 5, routine: 3, selfcare: 4 };
const STYLES = new Set(codes.styles);
const NEEDS = new Set(codes.needs);
const AREAS = new Set(codes.areas);
const WHO = new Set(codes.who);
const FA = new Set(codes.falseAlarmDevices);
const CHECK = new Set([...codes.checkLines, ...codes.checkSignKinds]);
const CHILD_LINES = new Set(['child_breathing', 'child_unresponsive', 'child_skin', 'child_baby', 'child_injury', 'child_poison', 'heart_stroke']);
const ADULT_LINES = new Set(['chest_heart', 'stroke', 'breathing', 'unconscious_fit', 'injury_bleeding', 'sepsis', 'self_harm']);
const SELF_HARM_SIGNS = ['took_too_much', 'suicidal_thoughts', 'plan_or_place', 'harmed_today', 'not_safe_now'];
const KNOWN_KEYS = new Set(['id', 'lang', 'who', 'need', 'text', 'gold', 'answers', 'ageYears', 'pregnant', 'source', 'area', 'yesTo', 'recognises999Sign', 'tags', 'paraphraseOf', 'style']);

const problems = [];
const warnings = [];
const P = (m) => problems.push(m);
const W = (m) => warnings.push(m);

function sentences(text) {
  return text.split(/[.!?。！？؟।۔]+/u).map((s) => s.trim()).filter((s) => s.length > 1).length;
}
function norm(t) { return String(t).toLowerCase().replace(/\s+/g, ' ').trim(); }

// common checks for an original or a paraphrase case; returns its kind id (or null)
function checkCase(c, lang, where) {
  for (const k of Object.keys(c)) if (!KNOWN_KEYS.has(k)) P(`${where}: unknown field "${k}"`);
  if (c.lang !== lang) P(`${where}: lang "${c.lang}" should be "${lang}"`);
  if (!WHO.has(c.who)) P(`${where}: who "${c.who}" not in ${[...WHO].join('/')}`);
  if (!NEEDS.has(c.need)) P(`${where}: need "${c.need}" is not a need code`);
  if (typeof c.text !== 'string' || !c.text.trim()) P(`${where}: text missing or empty`);
  else {
    const n = sentences(c.text);
    if (n > 5) P(`${where}: text has about ${n} sentences (write 1 to 4)`);
    if (c.text.length > 700) P(`${where}: text is ${c.text.length} characters (one short first message)`);
  }
  if (!TIERS.includes(c.gold)) P(`${where}: gold "${c.gold}" not in ${TIERS.join('/')}`);
  if (!c.answers || typeof c.answers !== 'object' || Array.isArray(c.answers) || Object.keys(c.answers).length) P(`${where}: answers must be {}`);
  if (typeof c.ageYears !== 'number' || !Number.isFinite(c.ageYears) || c.ageYears < 0 || c.ageYears > 110) P(`${where}: ageYears must be a number 0-110`);
  if ('pregnant' in c && c.pregnant !== true) P(`${where}: pregnant is optional and only ever true`);
  if (typeof c.source !== 'string' || !(c.source in sources) || c.source === '$comment') P(`${where}: source "${c.source}" not in sources.json`);
  if (!AREAS.has(c.area)) P(`${where}: area "${c.area}" is not an area code`);
  if (!Array.isArray(c.yesTo) || !c.yesTo.length) P(`${where}: yesTo must be a non-empty list`);
  else {
    const seen = new Set();
    for (const s of c.yesTo) {
      if (!signs.has(s)) P(`${where}: yesTo sign "${s}" not in signs.json`);
      if (seen.has(s)) P(`${where}: yesTo repeats "${s}"`);
      seen.add(s);
    }
    if (seen.has('started_last_week') && seen.has('lasting_weeks')) P(`${where}: yesTo has both started_last_week and lasting_weeks`);
    if (c.pregnant === true && !seen.has('pregnant')) W(`${where}: pregnant is true but yesTo lacks "pregnant"`);
    if (seen.has('pregnant') && c.pregnant !== true) W(`${where}: yesTo has "pregnant" but the case has no "pregnant": true`);
  }
  // tags
  let kid = null;
  if (!Array.isArray(c.tags)) P(`${where}: tags must be a list`);
  else {
    const kt = c.tags.filter((t) => typeof t === 'string' && t.startsWith('kind:'));
    if (kt.length !== 1) P(`${where}: needs exactly one kind:<id> tag (has ${kt.length})`);
    else kid = kt[0].slice(5);
    const fa = c.tags.filter((t) => typeof t === 'string' && t.startsWith('fa:'));
    if (fa.length > 1) P(`${where}: more than one fa: tag`);
    for (const t of fa) if (!FA.has(t.slice(3))) P(`${where}: unknown false-alarm device "${t}"`);
    for (const t of c.tags) if (typeof t !== 'string' || !t.trim()) P(`${where}: empty or non-string tag`);
  }
  if (kid) {
    const k = kinds.get(kid);
    if (!k) P(`${where}: kind "${kid}" is not in kinds.json`);
    else {
      if (c.gold !== k.tier) P(`${where}: gold "${c.gold}" but kind ${kid} is ${k.tier}`);
      if (c.source !== k.source) P(`${where}: source "${c.source}" but kind ${kid} has source "${k.source}"`);
    }
  }
  // recognises999Sign shape
  const r = c.recognises999Sign;
  if (r !== null && r !== undefined && !CHECK.has(r)) P(`${where}: recognises999Sign "${r}" is not a check line or sign kind`);
  if (r === undefined) P(`${where}: recognises999Sign missing (use null)`);
  if (typeof r === 'string' && CHECK.has(r)) {
    if (c.gold !== 'emergency') P(`${where}: recognises999Sign must be null for a ${c.gold} case`);
    if (CHILD_LINES.has(r) && !(c.ageYears < 16)) P(`${where}: child line "${r}" for a patient aged ${c.ageYears} (child lines are for under 16)`);
    if (r === 'child_baby' && !(c.ageYears < 0.16)) P(`${where}: child_baby is for a baby under 8 weeks (ageYears < 0.16)`);
    if (ADULT_LINES.has(r) && c.ageYears < 16) W(`${where}: adult line "${r}" for a child aged ${c.ageYears} (children see the child list)`);
    if (r === 'pregnancy' && c.pregnant !== true) P(`${where}: pregnancy line but the case is not "pregnant": true`);
    if (['self_harm', 'self_harm_overdose', 'child_poison'].includes(r) && Array.isArray(c.yesTo) && !SELF_HARM_SIGNS.some((s) => c.yesTo.includes(s))) W(`${where}: ${r} without any of ${SELF_HARM_SIGNS.join('/')} in yesTo`);
  }
  return kid;
}

function load(file) {
  if (!fs.existsSync(file)) { P(`missing file ${path.basename(file)}`); return null; }
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) { P(`${path.basename(file)}: not valid JSON (${e.message})`); return null; }
}

for (const lang of langs) {
  const mult = lang === 'eng' ? 2 : 1;
  const asg = kindsFile.assignment[lang];
  const hf = path.join(dir, `heldout-${lang}.json`);
  const h = load(hf);
  const originals = new Map();
  if (h) {
    const F = `heldout-${lang}.json`;
    if (typeof h.$comment !== 'string' || !h.$comment.includes(SET)) P(`${F}: $comment must name set ${SET}`);
    if (!Array.isArray(h.cases)) P(`${F}: "cases" must be a list`);
    else {
      const total = 20 * mult;
      if (h.cases.length !== total) P(`${F}: ${h.cases.length} cases, want ${total}`);
      const order = [];
      for (const t of TIERS) for (let i = 0; i < PER[t] * mult; i++) order.push(t);
      const usedKinds = new Map();
      let ticked = 0, faCount = 0, nonEm = 0;
      h.cases.forEach((c, i) => {
        const want = `${SET}-${lang}-${String(i + 1).padStart(2, '0')}`;
        const where = `${F} ${c && c.id ? c.id : '#' + (i + 1)}`;
        if (!c || typeof c !== 'object') { P(`${where}: not an object`); return; }
        if (c.id !== want) P(`${where}: id should be ${want} (ids in order, no gaps)`);
        if ('paraphraseOf' in c || 'style' in c) P(`${where}: paraphraseOf/style belong in paraphrase-${lang}.json`);
        if (order[i] && c.gold !== order[i]) P(`${where}: slot ${i + 1} should be ${order[i]} (emergencies, urgent, routine, self-care in that order; got ${c.gold})`);
        const kid = checkCase(c, lang, where);
        originals.set(c.id, { c, kid });
        if (kid) {
          if (usedKinds.has(kid)) P(`${where}: kind ${kid} already used by ${usedKinds.get(kid)}`);
          usedKinds.set(kid, c.id);
          const k = kinds.get(kid);
          if (k && !(asg[k.tier] || []).includes(kid)) P(`${where}: kind ${kid} is not assigned to ${lang} (see the assignment table)`);
          if (k && k.tier === 'emergency') {
            const meant = asg.tick[kid];
            const isT = typeof c.recognises999Sign === 'string';
            if (meant === 'ticked' && !isT) P(`${where}: kind ${kid} is meant to be ticked (* in the table): name the line in recognises999Sign`);
            if (meant === 'null' && c.recognises999Sign !== null) P(`${where}: kind ${kid} is meant NOT to be ticked: recognises999Sign must be null`);
          }
        }
        if (c.gold === 'emergency' && typeof c.recognises999Sign === 'string') ticked++;
        if (c.gold !== 'emergency') {
          nonEm++;
          if (Array.isArray(c.tags) && c.tags.some((t) => typeof t === 'string' && t.startsWith('fa:'))) faCount++;
        }
      });
      for (const t of TIERS) for (const kid of asg[t]) if (!usedKinds.has(kid)) P(`${F}: assigned kind ${kid} (${t}) not written`);
      const wantTicked = 4 * mult;
      if (ticked !== wantTicked) P(`${F}: ${ticked} emergencies ticked, want exactly ${wantTicked} (half)`);
      const wantFa = 6 * mult;
      if (faCount < wantFa) P(`${F}: ${faCount} urgent/routine/self-care cases carry an fa: device, want at least ${wantFa}`);
      const texts = new Map();
      for (const c of h.cases) if (c && typeof c.text === 'string') {
        const n = norm(c.text);
        if (texts.has(n)) P(`${F}: ${c.id} has the same text as ${texts.get(n)}`);
        texts.set(n, c.id);
      }
    }
  }
  // paraphrases
  const pf = path.join(dir, `paraphrase-${lang}.json`);
  if (!h) { if (!fs.existsSync(pf)) P(`missing file paraphrase-${lang}.json`); else P(`paraphrase-${lang}.json: not checked (heldout-${lang}.json missing or unreadable)`); continue; }
  const p = load(pf);
  if (p) {
    const F = `paraphrase-${lang}.json`;
    if (typeof p.$comment !== 'string' || !p.$comment.includes(SET)) P(`${F}: $comment must name set ${SET}`);
    if (!Array.isArray(p.cases)) P(`${F}: "cases" must be a list`);
    else {
      const ems = [...originals.values()].filter((o) => o.c.gold === 'emergency');
      if (p.cases.length !== 3 * 8 * mult) P(`${F}: ${p.cases.length} paraphrases, want ${3 * 8 * mult} (three per emergency)`);
      const per = new Map();
      const ids = new Set();
      for (const [i, c] of p.cases.entries()) {
        const where = `${F} ${c && c.id ? c.id : '#' + (i + 1)}`;
        if (!c || typeof c !== 'object') { P(`${where}: not an object`); continue; }
        const o = originals.get(c.paraphraseOf);
        if (!o) { P(`${where}: paraphraseOf "${c.paraphraseOf}" is not a case of heldout-${lang}.json`); }
        else if (o.c.gold !== 'emergency') P(`${where}: paraphraseOf ${c.paraphraseOf} is not an emergency`);
        if (!STYLES.has(c.style)) P(`${where}: style "${c.style}" not in ${[...STYLES].join('/')}`);
        const m = typeof c.paraphraseOf === 'string' ? c.paraphraseOf.match(/-(\d\d)$/) : null;
        const want = m ? `${SET}p-${lang}-${m[1]}-${c.style}` : null;
        if (c.id !== want) P(`${where}: id should be ${want}`);
        if (ids.has(c.id)) P(`${where}: duplicate id`);
        ids.add(c.id);
        const kid = checkCase(c, lang, where);
        if (!Array.isArray(c.tags) || !c.tags.includes(`style:${c.style}`)) P(`${where}: tags should include "style:${c.style}"`);
        if (o) {
          if (c.gold !== o.c.gold) P(`${where}: gold differs from the original`);
          if (c.source !== o.c.source) P(`${where}: source differs from the original`);
          if (kid && o.kid && kid !== o.kid) P(`${where}: kind:${kid} differs from the original's kind:${o.kid}`);
          if (c.style === 'relative' && c.who !== 'other') P(`${where}: style relative needs who "other"`);
          if (typeof c.text === 'string' && typeof o.c.text === 'string' && norm(c.text) === norm(o.c.text)) P(`${where}: text identical to the original`);
          const meant = o.kid ? (kindsFile.assignment[lang].tick[o.kid]) : undefined;
          if (meant === 'ticked' && typeof c.recognises999Sign !== 'string') P(`${where}: the kind is meant to be ticked: recognises999Sign must name a line`);
          if (meant === 'null' && c.recognises999Sign !== null) P(`${where}: the kind is meant NOT to be ticked: recognises999Sign must be null`);
          if (!per.has(c.paraphraseOf)) per.set(c.paraphraseOf, []);
          per.get(c.paraphraseOf).push(c);
        }
      }
      for (const o of ems) {
        const list = per.get(o.c.id) || [];
        if (list.length !== 3) P(`${F}: ${o.c.id} has ${list.length} paraphrases, want 3`);
        const st = list.map((c) => c.style);
        if (new Set(st).size !== st.length) P(`${F}: ${o.c.id} repeats a style (${st.join(', ')})`);
        const tx = list.map((c) => norm(c.text || ''));
        if (new Set(tx).size !== tx.length) P(`${F}: ${o.c.id} has two paraphrases with the same text`);
      }
    }
  }
}
if (!onlyLang && !fs.existsSync(path.join(dir, `notes-${group}.md`))) P(`missing file notes-${group}.md`);

for (const w of warnings) console.log('warning: ' + w);
if (problems.length) {
  console.log(`FAIL: ${problems.length} problem(s)`);
  for (const m of problems) console.log(' - ' + m);
  process.exit(1);
}
console.log(`PASS (group ${group}: ${langs.join(', ')}${warnings.length ? `; ${warnings.length} warning(s)` : ''})`);
