import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import {
  ComplaintSchema,
  LexiconSchema,
  RuleFileSchema,
  ShrinkFileSchema,
  TriggerFileSchema,
  type ComplaintDef,
  type LexiconDef,
  type RuleDef,
  type TriageContent,
} from './contentSchema.js';
import type { ReviewedShrink } from './checkShrinks.js';
import { checkContent } from './checkContent.js';
import { AreasSchema, EmergencyCheckSchema } from './safetySchema.js';
import { OxygenReadingSchema } from './oxygenReading.js';
import { StatedAgeSchema } from './statedAge.js';
import { TierPolicySchema } from './tierPolicy.js';

/**
 * Reads and validates triage content:
 *   <dir>/redflags/*.json           rule files (one per body area)
 *   <dir>/redflags/lexicons/*.json  one lexicon per language (cue words, text-speak, extra triggers)
 *   <dir>/redflags/shrinks/*.json   one language's reviewed trigger phrases that shrink once filler is dropped (H102)
 *   <dir>/complaints/*.json         one question set per complaint
 *   <dir>/safety/emergencyCheck.json the structured emergency check; <dir>/safety/areas.json the area picker
 *   <dir>/safety/statedAge.json      the forms of a stated age ("my 2 year old") in every language
 *   <dir>/safety/oxygenReading.json  the words of a stated blood oxygen reading ("my sats are 91") in every language
 *   <dir>/safety/tierPolicy.json     the floors a need or an intake answer puts under the tier (hazard H56)
 * Any problem throws an Error naming the file and the field path, so bad content stops start-up.
 */
export function loadTriageContent(dir: string): TriageContent {
  const content = readTriageContent(dir);
  checkContent(content);
  content.rulesetVersion = rulesetVersionOf(content);
  return content;
}

/**
 * The content as read and validated file by file, before the cross-file checks (checkContent): for tools
 * that must read content those checks refuse (`npm run triage:shrunk` lists the unreviewed shrinks).
 */
export function readTriageContent(dir: string): TriageContent {
  const origin: Record<string, string> = {};
  const rules: RuleDef[] = [];
  for (const file of jsonFiles(join(dir, 'redflags'))) {
    const parsed = parseFile(file, dir, RuleFileSchema);
    for (const r of parsed.rules) {
      origin[r.id] = relative(dir, file);
      rules.push(r);
    }
  }
  const lexicons: LexiconDef[] = jsonFiles(join(dir, 'redflags', 'lexicons')).map((file) => {
    const lex = parseFile(file, dir, LexiconSchema);
    origin[`lexicon:${lex.lang}`] = relative(dir, file);
    return lex;
  });
  // Translators may keep a language's trigger phrases in their own file, merged into its lexicon.
  for (const file of jsonFiles(join(dir, 'redflags', 'triggers'), true)) {
    const extra = parseFile(file, dir, TriggerFileSchema);
    const lex = lexicons.find((l) => l.lang === extra.lang);
    if (!lex) throw new Error(`triage content ${relative(dir, file)}: invalid\n  at lang: no lexicon for "${extra.lang}" in redflags/lexicons/`);
    for (const [ruleId, phrases] of Object.entries(extra.triggers)) {
      lex.triggers[ruleId] = [...(lex.triggers[ruleId] ?? []), ...phrases];
      origin[`triggers:${extra.lang}:${ruleId}`] = relative(dir, file);
    }
  }
  // Reviewed trigger phrases that shrink once filler is dropped (H102), one file per language.
  const reviewedShrinks: Record<string, ReviewedShrink[]> = {};
  for (const file of jsonFiles(join(dir, 'redflags', 'shrinks'), true)) {
    const list = parseFile(file, dir, ShrinkFileSchema);
    if (reviewedShrinks[list.lang]) throw new Error(`triage content ${relative(dir, file)}: invalid\n  at lang: a second shrinks file for "${list.lang}"`);
    reviewedShrinks[list.lang] = list.reviewed;
    origin[`shrinks:${list.lang}`] = relative(dir, file);
  }
  const complaints: ComplaintDef[] = jsonFiles(join(dir, 'complaints')).map((file) => {
    const c = parseFile(file, dir, ComplaintSchema);
    origin[`complaint:${c.id}`] = relative(dir, file);
    return c;
  });
  const emergencyCheck = parseFile(join(dir, 'safety', 'emergencyCheck.json'), dir, EmergencyCheckSchema);
  const areas = parseFile(join(dir, 'safety', 'areas.json'), dir, AreasSchema);
  origin['safety:emergencyCheck'] = join('safety', 'emergencyCheck.json');
  const statedAge = parseFile(join(dir, 'safety', 'statedAge.json'), dir, StatedAgeSchema);
  origin['safety:areas'] = join('safety', 'areas.json');
  origin['safety:statedAge'] = join('safety', 'statedAge.json');
  const oxygenReading = parseFile(join(dir, 'safety', 'oxygenReading.json'), dir, OxygenReadingSchema);
  origin['safety:oxygenReading'] = join('safety', 'oxygenReading.json');
  const tierPolicy = parseFile(join(dir, 'safety', 'tierPolicy.json'), dir, TierPolicySchema);
  origin['safety:tierPolicy'] = join('safety', 'tierPolicy.json');
  return { rulesetVersion: '', rules, complaints, lexicons, emergencyCheck, areas, statedAge, oxygenReading, tierPolicy, reviewedShrinks, origin };
}

function jsonFiles(dir: string, optional = false): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    if (optional && (err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`triage content: cannot read folder ${dir}`, { cause: err });
  }
  return names.filter((n) => n.endsWith('.json')).sort().map((n) => join(dir, n));
}

function parseFile<S extends z.ZodType>(file: string, dir: string, schema: S): z.infer<S> {
  const name = relative(dir, file);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`triage content ${name}: not valid JSON (${(err as Error).message})`, { cause: err });
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const lines = result.error.issues.slice(0, 5).map((i) => `  at ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`triage content ${name}: invalid\n${lines.join('\n')}`);
  }
  return result.data;
}

/** Stable across machines; changes whenever any rule, trigger, cue word or question changes. */
function rulesetVersionOf(content: TriageContent): string {
  const h = createHash('sha256');
  for (const r of [...content.rules].sort((a, b) => a.id.localeCompare(b.id))) {
    h.update(`${JSON.stringify(r)}\n`);
  }
  for (const c of [...content.complaints].sort((a, b) => a.id.localeCompare(b.id))) {
    h.update(`${c.id}:${JSON.stringify(c.questions)}\n`);
  }
  for (const l of [...content.lexicons].sort((a, b) => a.lang.localeCompare(b.lang))) h.update(`${JSON.stringify(l)}\n`);
  h.update(`${JSON.stringify(content.emergencyCheck)}\n${JSON.stringify(content.areas)}\n`);
  if (content.statedAge) h.update(`${JSON.stringify(content.statedAge)}\n`);
  if (content.oxygenReading) h.update(`${JSON.stringify(content.oxygenReading)}\n`);
  if (content.tierPolicy) h.update(`${JSON.stringify(content.tierPolicy)}\n`);
  return `rs-${h.digest('hex').slice(0, 12)}`;
}
