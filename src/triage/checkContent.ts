import { TIER_RANK } from '../domain/types.js';
import type { QuestionDef, TriageContent } from './contentSchema.js';
import { checkSelfcareQuestions } from './checkSelfcare.js';
import { describeShrink, reviewShrinks } from './checkShrinks.js';
import { defEffect } from './questions.js';
import { CHECK_VERSIONS, MAX_CHECK_LINES } from './safetySchema.js';
import { compileOxygenLanguage } from './oxygenReading.js';
import { compileLanguageAge } from './statedAge.js';

/**
 * Cross-file checks the schemas cannot express: ids unique, every reference resolves, every rule
 * can fire. Messages name the file and field so a content author can fix them without the code.
 */
export function checkContent(content: TriageContent): void {
  const where = (key: string): string => content.origin[key] ?? '(in memory)';
  const ruleIds = new Set<string>();
  for (const [i, r] of content.rules.entries()) {
    if (ruleIds.has(r.id)) fail(where(r.id), `rules[${i}].id`, `duplicate rule id ${r.id}`);
    ruleIds.add(r.id);
  }
  const questionIds = new Set<string>();
  const raisedByQuestion = new Set<string>();
  const addQuestion = (file: string, field: string, id: string): void => {
    if (questionIds.has(id)) fail(file, field, `duplicate question id ${id}`);
    questionIds.add(id);
  };
  for (const r of content.rules) {
    if (r.confirm) addQuestion(where(r.id), `rule ${r.id}.confirm.id`, r.confirm.id);
    if (r.triggersFrom && !ruleIds.has(r.triggersFrom)) {
      fail(where(r.id), `rule ${r.id}.triggersFrom`, `unknown rule ${r.triggersFrom}`);
    }
    for (const [i, id] of (r.triggersPaired ?? []).entries()) {
      if (!ruleIds.has(id)) fail(where(r.id), `rule ${r.id}.triggersPaired.${i}`, `unknown rule ${id}`);
      if (id === r.id) fail(where(r.id), `rule ${r.id}.triggersPaired.${i}`, 'a rule cannot pair its own phrases');
      // Pairs of pairs would multiply phrase lists (and could loop): a paired rule lists its own phrases.
      if (content.rules.find((o) => o.id === id)?.triggersPaired) {
        fail(where(r.id), `rule ${r.id}.triggersPaired.${i}`, `${id} is itself paired`);
      }
    }
  }
  for (const c of content.complaints) {
    const file = where(`complaint:${c.id}`);
    c.activatedBy.forEach((id, i) => {
      if (!ruleIds.has(id)) fail(file, `activatedBy.${i}`, `unknown rule ${id}`);
    });
    c.questions.forEach((q, qi) => {
      addQuestion(file, `questions.${qi}.id`, q.id);
      for (const [code, eff] of Object.entries(q.effects)) {
        if (!q.choices.includes(code)) fail(file, `questions.${qi}.effects.${code}`, `answer code not in choices`);
        for (const id of [...eff.raise, ...eff.deny]) {
          if (!ruleIds.has(id)) fail(file, `questions.${qi}.effects.${code}`, `unknown rule ${id}`);
          if (eff.raise.includes(id)) raisedByQuestion.add(id);
        }
      }
      for (const id of q.askIf?.anyPresent ?? []) {
        if (!ruleIds.has(id)) fail(file, `questions.${qi}.askIf.anyPresent`, `unknown rule ${id}`);
      }
    });
  }
  /**
   * A question that records a detail (`records`, H88) is asked even when it cannot move the tier, so it
   * must be asked only after named answers (askIf.answers), deny nothing, and raise only rules no
   * higher than those answers already raised: it names the sign and never changes the tier.
   */
  const defs = new Map(content.complaints.flatMap((c) => c.questions.map((q) => [q.id, q] as const)));
  const tierOf = new Map(content.rules.map((r) => [r.id, r.tier] as const));
  // Effects name known rules (checked above); an unknown one would rank highest, so it never passes as no higher.
  const tierRank = (id: string): number => TIER_RANK[tierOf.get(id) ?? 'emergency'];
  const checkRecords = (complaint: string, qi: number, q: QuestionDef): void => {
    const file = where(`complaint:${complaint}`);
    const after = Object.entries(q.askIf?.answers ?? {});
    if (after.length === 0) fail(file, `questions.${qi}.records`, 'a question that records a detail must name askIf.answers');
    const floor = Math.min(
      ...after.map(([qid, codes]) => Math.min(...codes.map((code) => Math.max(-1, ...(defs.get(qid)?.effects[code]?.raise ?? []).map(tierRank))))),
    );
    for (const [code, eff] of Object.entries(q.effects)) {
      if (eff.deny.length > 0) fail(file, `questions.${qi}.effects.${code}.deny`, 'a question that records a detail denies nothing');
      for (const id of eff.raise) {
        if (tierRank(id) > floor) fail(file, `questions.${qi}.effects.${code}`, `${id} is above the tier its askIf answers already raised`);
      }
    }
  };
  /**
   * The answer taken for an unreadable reply (`unreadable`) is a neutral one: it raises nothing, so it
   * adds no sign the patient never gave, and denies nothing, so it never lowers a tier. Only a question
   * that records a detail, which cannot move the tier, may take a neutral answer; it must name one,
   * since its choices need not hold the "unsure" or "yes" a safety question is otherwise taken as.
   */
  const checkUnreadable = (complaint: string, qi: number, q: QuestionDef): void => {
    const file = where(`complaint:${complaint}`);
    const code = q.unreadable;
    if (code === undefined) {
      if (q.records === true) fail(file, `questions.${qi}.unreadable`, 'a question that records a detail must name the answer an unreadable reply is taken as');
      return;
    }
    if (q.records !== true) fail(file, `questions.${qi}.unreadable`, 'only a question that records a detail (records: true) may name one');
    if (!q.choices.includes(code)) fail(file, `questions.${qi}.unreadable`, `${code} is not one of the choices`);
    const eff = defEffect(q, code);
    if (eff.raise.length > 0 || eff.deny.length > 0) fail(file, `questions.${qi}.unreadable`, `${code} must raise and deny nothing`);
  };
  for (const c of content.complaints) {
    c.questions.forEach((q, qi) => {
      for (const qid of Object.keys(q.askIf?.answers ?? {})) {
        if (!questionIds.has(qid)) fail(where(`complaint:${c.id}`), `questions.${qi}.askIf.answers.${qid}`, 'unknown question');
      }
      if (q.records === true) checkRecords(c.id, qi, q);
      checkUnreadable(c.id, qi, q);
    });
  }
  checkSelfcareQuestions(content, where, fail);
  // The emergency check and the area picker raise rules too; every line and area must resolve.
  const checkFile = where('safety:emergencyCheck');
  const check = content.emergencyCheck;
  for (const [code, line] of Object.entries(check.lines)) {
    const rule = content.rules.find((r) => r.id === line.ruleId);
    if (!rule) fail(checkFile, `lines.${code}.ruleId`, `unknown rule ${line.ruleId}`);
    if (rule.tier !== 'emergency') fail(checkFile, `lines.${code}.ruleId`, `a check line must raise an emergency rule (${line.ruleId} is ${rule.tier})`);
    raisedByQuestion.add(line.ruleId);
    if (line.confirm) {
      const { noRuleId, askWhenAny, unlessAny } = line.confirm;
      const milder = content.rules.find((r) => r.id === noRuleId);
      if (!milder) fail(checkFile, `lines.${code}.confirm.noRuleId`, `unknown rule ${noRuleId}`);
      // "No" to the confirming question of a 999 sign the patient picked must never end below urgent.
      if (milder.tier !== 'urgent' && milder.tier !== 'emergency') fail(checkFile, `lines.${code}.confirm.noRuleId`, `must be urgent or an emergency (${noRuleId} is ${milder.tier})`);
      raisedByQuestion.add(noRuleId);
      for (const id of [...askWhenAny, ...unlessAny]) if (!ruleIds.has(id)) fail(checkFile, `lines.${code}.confirm`, `unknown rule ${id}`);
    }
  }
  for (const v of CHECK_VERSIONS) {
    const lines = check.versions[v];
    if (lines.length > MAX_CHECK_LINES) fail(checkFile, `versions.${v}`, `at most ${MAX_CHECK_LINES} lines`);
    lines.forEach((code, i) => {
      if (!check.lines[code]) fail(checkFile, `versions.${v}.${i}`, `unknown line ${code}`);
    });
  }
  for (const [field, id] of [['yesButUnsureWhichRuleId', check.yesButUnsureWhichRuleId], ['notSureRuleId', check.notSureRuleId]] as const) {
    if (!ruleIds.has(id)) fail(checkFile, field, `unknown rule ${id}`);
    raisedByQuestion.add(id);
  }
  const notSure = content.rules.find((r) => r.id === check.notSureRuleId);
  if (notSure && notSure.tier !== 'urgent' && notSure.tier !== 'emergency') fail(checkFile, 'notSureRuleId', '"not sure" must never end below urgent');
  [...check.pregnancyMarkers, ...check.childMarkers].forEach((id) => {
    if (!ruleIds.has(id)) fail(checkFile, 'markers', `unknown rule ${id}`);
  });
  // The child-version marker is held live by the engine (never by words): it must be a marker, so it never sets the tier.
  const versionMarker = content.rules.find((r) => r.id === check.childVersionMarker);
  if (!versionMarker) fail(checkFile, 'childVersionMarker', `unknown rule ${check.childVersionMarker}`);
  if (!versionMarker.marker) fail(checkFile, 'childVersionMarker', `${check.childVersionMarker} must be a marker rule (marker: true)`);
  raisedByQuestion.add(versionMarker.id);
  // The tier policy (hazard H56): the pharmacy exception names self-care conditions only, and the
  // rule a long duration raises sets a tier of at least routine.
  if (content.tierPolicy) {
    const file = where('safety:tierPolicy');
    const { atLeastRoutine, pharmacyForMedicines, longStanding, selfcareCheckOver } = content.tierPolicy;
    pharmacyForMedicines.needs.forEach((need, i) => {
      if (!atLeastRoutine.includes(need)) fail(file, `pharmacyForMedicines.needs.${i}`, `${need} is not in atLeastRoutine: there is no floor to lift`);
    });
    pharmacyForMedicines.rules.forEach((id, i) => {
      const r = content.rules.find((x) => x.id === id);
      if (!r) fail(file, `pharmacyForMedicines.rules.${i}`, `unknown rule ${id}`);
      if (r.marker || r.tier !== 'selfcare') fail(file, `pharmacyForMedicines.rules.${i}`, `${id} must be a self-care rule that sets the tier (not a marker)`);
    });
    if (longStanding) {
      const r = content.rules.find((x) => x.id === longStanding.ruleId);
      if (!r) fail(file, 'longStanding.ruleId', `unknown rule ${longStanding.ruleId}`);
      if (r.marker || (r.tier !== 'routine' && r.tier !== 'urgent' && r.tier !== 'emergency')) fail(file, 'longStanding.ruleId', `${r.id} must set a tier of at least routine`);
      raisedByQuestion.add(r.id);
    }
    // Hazard H103: the self-care check may set aside only routine context rules that are not markers, never a rule
    // that the NHS page or the 'How long?' answer makes routine, nor anything above routine.
    if (selfcareCheckOver) {
      const check = content.rules.find((x) => x.id === selfcareCheckOver.ruleId);
      if (!check) fail(file, 'selfcareCheckOver.ruleId', `unknown rule ${selfcareCheckOver.ruleId}`);
      if (check.marker || check.tier !== 'selfcare') fail(file, 'selfcareCheckOver.ruleId', `${check.id} must be a self-care rule that sets the tier`);
      selfcareCheckOver.contexts.forEach((id, i) => {
        const r = content.rules.find((x) => x.id === id);
        if (!r) fail(file, `selfcareCheckOver.contexts.${i}`, `unknown rule ${id}`);
        if (!id.startsWith('cx.') || r.marker || r.tier !== 'routine' || r.when) fail(file, `selfcareCheckOver.contexts.${i}`, `${id} must be a routine context rule (cx.*, read from words, not a marker or a combination)`);
        if (id === longStanding?.ruleId) fail(file, `selfcareCheckOver.contexts.${i}`, `${id} is the 'How long?' floor`);
      });
    }
  }
  content.areas.areas.forEach((a, i) => {
    for (const id of a.raise) {
      if (!ruleIds.has(id)) fail(where('safety:areas'), `areas.${i}.raise`, `unknown rule ${id}`);
      raisedByQuestion.add(id);
    }
  });
  for (const r of content.rules) {
    (r.when ?? []).forEach((w, i) => {
      for (const id of w.all) if (!ruleIds.has(id)) fail(where(r.id), `rule ${r.id}.when.${i}.all`, `unknown rule ${id}`);
      for (const id of w.none ?? []) if (!ruleIds.has(id)) fail(where(r.id), `rule ${r.id}.when.${i}.none`, `unknown rule ${id}`);
    });
    if (r.when) raisedByQuestion.add(r.id);
    // Word-for-word phrases are for markers only: a rule that sets a tier must match the way all rules do.
    if (r.keepFiller && !r.marker) fail(where(r.id), `rule ${r.id}.keepFiller`, 'only a marker may keep filler words');
    // A message-wide exclusion must never silence an emergency told in another clause.
    if (r.excludeInMessage && r.tier === 'emergency') fail(where(r.id), `rule ${r.id}.excludeInMessage`, 'not allowed on an emergency rule');
    if (r.excludeInMessageFrom && r.tier === 'emergency') fail(where(r.id), `rule ${r.id}.excludeInMessageFrom`, 'not allowed on an emergency rule');
    for (const key of ['excludeFrom', 'excludeInMessageFrom', 'excludeOverlapFrom'] as const) {
      for (const id of r[key] ?? []) {
        if (!ruleIds.has(id)) fail(where(r.id), `rule ${r.id}.${key}`, `unknown rule ${id}`);
        if (id === r.id) fail(where(r.id), `rule ${r.id}.${key}`, 'a rule cannot exclude itself');
      }
    }
  }
  const lexTriggers = new Set<string>();
  for (const lex of content.lexicons) {
    for (const id of Object.keys(lex.triggers)) {
      if (!ruleIds.has(id)) fail(where(`lexicon:${lex.lang}`), `triggers.${id}`, `unknown rule ${id}`);
      lexTriggers.add(id);
    }
  }
  if (!content.lexicons.some((l) => l.lang === 'eng')) fail('redflags/lexicons', 'lang', 'an English (eng) lexicon is required');
  for (const r of content.rules) {
    const hasText = Boolean(r.triggersFrom) || Boolean(r.triggersPaired) || Object.keys(r.triggers ?? {}).length > 0 || lexTriggers.has(r.id);
    const byReading = content.oxygenReading?.bands.some((b) => b.ruleId === r.id) === true;
    if (!hasText && !raisedByQuestion.has(r.id) && !byReading) {
      fail(where(r.id), `rule ${r.id}.triggers`, 'rule can never fire: no trigger phrases and no question raises it');
    }
  }
  // Stated ages: every language with a lexicon has its forms, and every form compiles.
  if (content.statedAge) {
    const file = where('safety:statedAge');
    // A duration rule read without young ages (H100) is a known marker rule: it can only be taken away, never raise a tier.
    content.statedAge.durationRules.forEach((id, i) => {
      if (!ruleIds.has(id)) fail(file, `durationRules.${i}`, `unknown rule ${id}`);
    });
    for (const lex of content.lexicons) {
      const def = content.statedAge.languages[lex.lang];
      if (!def) fail(file, `languages.${lex.lang}`, `no stated-age forms for ${lex.lang}`);
      try {
        compileLanguageAge(def);
      } catch (err) {
        fail(file, `languages.${lex.lang}`, (err as Error).message);
      }
    }
  }
  // Oxygen readings: every band names a rule, every language with a lexicon has its words, every word compiles.
  if (content.oxygenReading) {
    const file = where('safety:oxygenReading');
    content.oxygenReading.bands.forEach((b, i) => {
      if (!ruleIds.has(b.ruleId)) fail(file, `bands.${i}.ruleId`, `unknown rule ${b.ruleId}`);
    });
    for (const lex of content.lexicons) {
      const def = content.oxygenReading.languages[lex.lang];
      if (!def) fail(file, `languages.${lex.lang}`, `no oxygen reading words for ${lex.lang}`);
      try {
        compileOxygenLanguage(def);
      } catch (err) {
        fail(file, `languages.${lex.lang}`, (err as Error).message);
      }
    }
  }
  checkShrinkingTriggers(content);
}

/** Most unreviewed shrinks named in one start-up error (the rest are counted; `npm run triage:shrunk` lists them all). */
const MAX_SHRINKS_SHOWN = 12;

/**
 * Trigger phrases that shrink once filler words are dropped (H102, checkShrinks.ts): each must be listed as
 * reviewed, with the form it shrinks to, or be rewritten. Only for content loaded from files (reviewedShrinks
 * set, even empty); content built in memory by tests has no review lists and is not checked.
 */
function checkShrinkingTriggers(content: TriageContent): void {
  if (content.reviewedShrinks === undefined) return;
  const { unreviewed } = reviewShrinks(content);
  if (unreviewed.length === 0) return;
  const first = unreviewed[0] as (typeof unreviewed)[number];
  const more = unreviewed.length > MAX_SHRINKS_SHOWN ? `\n  ... and ${unreviewed.length - MAX_SHRINKS_SHOWN} more (npm run triage:shrunk lists them all)` : '';
  fail(
    first.file,
    `rule ${first.ruleId}.${first.kind === 'exclude' ? 'exclude' : 'triggers'}.${first.lang}`,
    `${unreviewed.length} trigger phrase(s) shrink to a broader phrase once filler words are dropped and are not reviewed:\n` +
      unreviewed.slice(0, MAX_SHRINKS_SHOWN).map((s) => `    ${describeShrink(s)}`).join('\n') +
      more +
      '\n  For each: if the shrunk form still means only what the phrase means, list it in redflags/shrinks/<lang>.json ' +
      '({ rule, kind, phrase, shrunk, note }); otherwise rewrite the phrase so the words that carry its meaning are not filler, ' +
      'or give it to a marker that keeps filler words (keepFiller) and read that marker (excludeFrom, when).',
  );
}

function fail(file: string, field: string, message: string): never {
  throw new Error(`triage content ${file}: invalid\n  at ${field}: ${message}`);
}
