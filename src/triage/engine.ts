import { TIER_RANK, type Disposition, type LangCode, type RuleRef, type Tier, type TriageOutcome } from '../domain/types.js';
import type { Picture, RuleHit, Screening, TriageEngine, TriageQuestion } from './types.js';
import type { QuestionDef, RuleDef, TriageContent } from './contentSchema.js';
import { checkContent } from './checkContent.js';
import { compileLanguages, type CompiledLanguage, type CueList } from './compile.js';
import { dispositionRank, gatherEvidence, maxTier, rankOf, type Evidence } from './evidence.js';
import { buildQuestionIndex, confirmIdOf, effectOf } from './questions.js';
import { findOccurrences, type Occurrence } from './screen.js';
import { confirmQuestionId, linesForAge, type CheckVersion } from './safetySchema.js';
import { compileOxygenLanguage, oxygenReadingsOf } from './oxygenReading.js';
import { compileLanguageAge, foldForAge, statedAgesOf, withoutYoungAges, type StatedAge } from './statedAge.js';
import { DEFAULT_TIER_POLICY } from './tierPolicy.js';

/** The seam plus one extra for `npm run triage`: every occurrence with its negation/tense reading. */
/** An occurrence and the language whose lexicon found it. */
export type LangOccurrence = Occurrence & { lang: LangCode };

export interface ExplainingTriageEngine extends TriageEngine {
  explain(text: string, lang: LangCode | readonly LangCode[]): LangOccurrence[];
}

/** Tense cues only soften red flags: "had a sore throat" still needs the pharmacy. */
const TENSE_SENSITIVE_RANK = TIER_RANK.urgent;

export function createTriageEngine(content: TriageContent): ExplainingTriageEngine {
  checkContent(content);
  const rules = new Map(content.rules.map((r) => [r.id, r]));
  const languages = compileLanguages(content);
  const questions = buildQuestionIndex(content);
  const complaints = [...content.complaints].sort((a, b) => a.priority - b.priority);
  const combinations = content.rules.filter((r) => r.when !== undefined);

  const notEnglish = new Map(content.lexicons.map((l) => [l.lang, new Set(l.notEnglish.map((w) => w.toLowerCase()))] as const));
  /** The message as the English lexicon reads it: the other languages' false friends left out. */
  const forEnglish = (text: string, langs: readonly LangCode[]): string => {
    const skip = new Set(langs.flatMap((l) => [...(notEnglish.get(l) ?? [])]));
    return skip.size === 0 ? text : text.replace(/[\p{L}\p{M}]+/gu, (w) => (skip.has(w.toLowerCase()) ? '' : w));
  };

  /**
   * The English lexicon with the post-position denials of the patient's languages: an English word in
   * an Urdu, Punjabi or Turkish sentence is denied by that language's word after it ("pregnant نہیں",
   * not pregnant), which the English lexicon alone cannot see.
   */
  const mergeCues = (a: CueList, b: CueList): CueList => {
    const out = new Map<string, (readonly string[])[]>();
    for (const list of [a, b]) for (const [k, v] of list) out.set(k, [...(out.get(k) ?? []), ...v]);
    return out;
  };
  const englishWith = new Map<string, CompiledLanguage>();
  const englishFor = (others: readonly LangCode[]): CompiledLanguage | undefined => {
    const eng = languages.get('eng');
    const after = others
      .map((l) => languages.get(l))
      .filter(
        (c): c is CompiledLanguage =>
          !!c && (c.negationAfter.size > 0 || c.negationAfterAtEnd.size > 0 || c.clockBefore.size > 0 || c.clockAfter.size > 0),
      );
    if (!eng || others.length === 0) return eng;
    const key = after.map((c) => c.lang).join(',');
    let merged = englishWith.get(key);
    if (!merged) {
      // The English reading of another language's message denies nothing from inside a phrase: "pain
      // no testicle" is Portuguese "no" (in the), not English "no".
      merged = after.reduce<CompiledLanguage>(
        (e, c) => ({
          ...e,
          negationAfter: mergeCues(e.negationAfter, c.negationAfter),
          negationAfterAtEnd: mergeCues(e.negationAfterAtEnd, c.negationAfterAtEnd),
          negationExceptions: mergeCues(e.negationExceptions, c.negationExceptions),
          negationListOr: mergeCues(e.negationListOr, c.negationListOr),
          negationListAnd: mergeCues(e.negationListAnd, c.negationListAnd),
          // ... and its clock words: "la 8" in a Romanian message is a time for the English reading too.
          clockBefore: new Set([...e.clockBefore, ...c.clockBefore]),
          clockAfter: new Set([...e.clockAfter, ...c.clockAfter]),
          clockFollow: new Set([...e.clockFollow, ...c.clockFollow]),
        }),
        { ...eng, gapNegation: false },
      );
      englishWith.set(key, merged);
    }
    return merged;
  };

  const explain = (text: string, lang: LangCode | readonly LangCode[]): LangOccurrence[] => {
    // English is always screened too: patients mix English symptom words into other languages.
    const langs = new Set<LangCode>(['eng', ...(typeof lang === 'string' ? [lang] : lang)].filter((l) => languages.has(l)));
    const others = [...langs].filter((l) => l !== 'eng');
    const all = [...langs].flatMap((l) => {
      const compiled = l === 'eng' ? englishFor(others) : languages.get(l);
      const read = l === 'eng' ? forEnglish(text, others) : text;
      return compiled ? findOccurrences(read, compiled).map((o) => ({ ...o, lang: l })) : [];
    });
    // English words inside the patient's own language ("je ne prends pas d'anticoagulant") are read
    // without that language's negation and time words: where the patient's language denies a phrase
    // of a rule, or sets words clearly in the past ("une overdose l'an dernier"), the English reading
    // of the same words is read the same way (a denial only for the same rule).
    const denied = all.filter((o) => o.lang !== 'eng' && (o.status === 'negated' || o.status === 'past'));
    if (denied.length === 0) return all;
    return all.map((o) => {
      if (o.lang !== 'eng' || o.status === 'negated') return o;
      const by = denied.find((d) => (d.ruleId === o.ruleId || d.status === 'past') && o.words.every((w) => d.words.includes(w)));
      return by ? { ...o, status: by.status, ...(by.cue ? { cue: by.cue } : {}) } : o;
    });
  };

  // The same texts are screened again and again (every decide() re-reads the whole picture, and
  // "yes", "no" and "2" arrive in every conversation), so results are kept in a small LRU of texts,
  // each with its results by language list. Keyed by the text itself, not a string joined from
  // language and text: a joined key is a new string, copied and hashed in full at every lookup (a
  // picture's texts are looked up on every decision); the text keeps its hash once computed.
  const recent = new Map<string, Map<string, Screening>>();
  const RECENT_MAX = 2000;
  const screen = (text: string, lang: LangCode | readonly LangCode[]): Screening => {
    const langKey = typeof lang === 'string' ? lang : lang.join(',');
    let byLang = recent.get(text);
    if (byLang) {
      recent.delete(text);
      recent.set(text, byLang);
      const hit = byLang.get(langKey);
      if (hit) return hit;
    } else {
      byLang = new Map();
      recent.set(text, byLang);
      if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value as string);
    }
    const result = screenUncached(text, lang);
    byLang.set(langKey, result);
    return result;
  };

  const oxygen = content.oxygenReading;
  const oxygenForms = new Map(Object.entries(oxygen?.languages ?? {}).map(([l, def]) => [l, compileOxygenLanguage(def)] as const));
  /**
   * A stated blood oxygen reading ("my sats are 91", hazard H90) raises its band's rule, as clear as the
   * rule says; the reading itself stands in `matched` (never logged).
   */
  const readingHits = (text: string, lang: LangCode | readonly LangCode[]): RuleHit[] => {
    if (!oxygen) return [];
    const readings = oxygenReadingsOf(text, typeof lang === 'string' ? [lang] : lang, oxygen, (l) => oxygenForms.get(l));
    const byRule = new Map<string, number[]>();
    for (const r of readings) byRule.set(r.ruleId, [...(byRule.get(r.ruleId) ?? []), r.value]);
    return [...byRule].map(([ruleId, values]) => {
      const rule = rules.get(ruleId) as RuleDef;
      return {
        ruleId,
        ruleVersion: rule.version,
        tier: rule.tier,
        disposition: rule.disposition,
        certainty: rule.certainty,
        ...(rule.certainty === 'uncertain' ? { confirmQuestionId: confirmIdOf(rule) } : {}),
        matched: [...new Set(values.map((v) => `oxygen ${v}%`))],
      };
    });
  };

  const durationRules = new Set(content.statedAge?.durationRules ?? []);
  // Compiled once: read here for durations and below for the stated ages.
  const statedForms = new Map(Object.entries(content.statedAge?.languages ?? {}).map(([lang, def]) => [lang, compileLanguageAge(def)] as const));
  /**
   * A rule that says how long the problem has lasted, read only in words that are not an age in
   * months, weeks or days ("my 7 month old" is not 7 months of it; "for 7 months" is): hazard H100.
   */
  const dropAgesAsDurations = (text: string, lang: LangCode | readonly LangCode[], byRule: Map<string, LangOccurrence[]>): void => {
    if (![...byRule.keys()].some((id) => durationRules.has(id))) return;
    let blanked = text;
    for (const l of typeof lang === 'string' ? [lang] : lang) blanked = withoutYoungAges(blanked, l, (c) => statedForms.get(c));
    if (blanked === foldForAge(text)) return;
    const still = new Set(explain(blanked, lang).map((o) => o.ruleId));
    for (const id of [...byRule.keys()]) if (durationRules.has(id) && !still.has(id)) byRule.delete(id);
  };

  const screenUncached = (text: string, lang: LangCode | readonly LangCode[]): Screening => {
    const byRule = new Map<string, LangOccurrence[]>();
    for (const occ of explain(text, lang)) {
      const list = byRule.get(occ.ruleId) ?? [];
      list.push(occ);
      byRule.set(occ.ruleId, list);
    }
    dropAgesAsDurations(text, lang, byRule);
    const hits: RuleHit[] = [];
    const suppressed: Screening['suppressed'] = [];
    for (const [ruleId, occs] of byRule) {
      const rule = rules.get(ruleId) as RuleDef;
      const mode = rule.tense ?? (TIER_RANK[rule.tier] >= TENSE_SENSITIVE_RANK ? 'soften' : 'past-only');
      const status = (o: Occurrence): Occurrence['status'] => {
        if (o.status === 'negated' || mode === 'soften') return o.status;
        return mode === 'past-only' && o.status === 'past' ? 'past' : 'present';
      };
      const present = occs.filter((o) => status(o) === 'present');
      const softened = occs.filter((o) => status(o) === 'not-now' || status(o) === 'maybe-past');
      if (present.length === 0 && softened.length === 0) {
        const seen = new Set<string>();
        for (const o of occs) {
          if (seen.has(o.phrase)) continue;
          seen.add(o.phrase);
          suppressed.push({ ruleId, phrase: o.phrase, reason: o.status === 'negated' ? 'negated' : 'past' });
        }
        continue;
      }
      const certainty = present.length > 0 ? rule.certainty : 'uncertain';
      const used = present.length > 0 ? present : softened;
      hits.push({
        ruleId,
        ruleVersion: rule.version,
        tier: rule.tier,
        disposition: rule.disposition,
        certainty,
        ...(certainty === 'uncertain' ? { confirmQuestionId: confirmIdOf(rule) } : {}),
        matched: [...new Set(used.map((o) => o.words.join(' ')))],
        langs: [...new Set(used.map((o) => o.lang))],
      });
    }
    hits.push(...readingHits(text, lang));
    hits.sort((a, b) => rankOf(rules.get(b.ruleId) as RuleDef) - rankOf(rules.get(a.ruleId) as RuleDef));
    return { hits, suppressed };
  };

  /** Each text's stated ages (a picture's texts are read again as it grows: only the new one is read). */
  const statedCache = new Map<string, Map<LangCode, StatedAge[]>>();
  const statedAgesOfText = (text: string, lang: LangCode): StatedAge[] => {
    let byLang = statedCache.get(text);
    if (!byLang) {
      byLang = new Map();
      statedCache.set(text, byLang);
      if (statedCache.size > RECENT_MAX) statedCache.delete(statedCache.keys().next().value as string);
    }
    let ages = byLang.get(lang);
    if (ages === undefined) {
      ages = statedAgesOf(text, lang, (l) => statedForms.get(l));
      byLang.set(lang, ages);
    }
    return ages;
  };
  /**
   * The youngest age the patient's own words state ("my 2 year old"), or undefined. An adult age not
   * said of a kinship word ("I'm 34", "34 years old") is left out when the words say it is a child
   * ("I'm 26 and my newborn..."): it may be the writer's; "my son (34)" is kept.
   */
  const statedAgeOf = (picture: Picture): StatedAge | undefined => {
    const ages = picture.texts.flatMap((t) => statedAgesOfText(t.text, t.lang));
    const check = content.emergencyCheck;
    const maybeWriters = ages.some((a) => !a.ofKin && a.years >= check.childUnderYears);
    const childWords = (): boolean => {
      const { ageYears: _dob, ...rest } = picture;
      const live = liveOf(gatherEvidence(rest, screen, questions, combinations));
      return check.childMarkers.some((id) => live.has(id));
    };
    const usable = maybeWriters && childWords() ? ages.filter((a) => a.ofKin || a.years < check.childUnderYears) : ages;
    return usable.reduce<StatedAge | undefined>((y, a) => (!y || a.years < y.years ? a : y), undefined);
  };
  /**
   * The age each use may take (hazard log H45). The date of birth, once given, is the age for every
   * use. Before it, an age stated in the words:
   *   - version: chooses the check's version (child under childUnderYears, else adult; pregnancy first);
   *   - adds: feeds the age-bound combinations, which can only add a rule (unknown age: none fires),
   *     so a baby's fever, a child's sepsis signs and the Pharmacy First age limits fire from the words;
   *   - hides: skips an age-bound question (and, when statedAge.json hidesCheckLines allows it, hides
   *     an age-bound check line) only when stated in years and at least 1 year: weeks or months never
   *     hide the baby line nor skip a baby's question (a misread unit must never hide them from a young baby).
   */
  type Ages = { version?: number; adds?: number; hides?: number };
  const agesOf = (picture: Picture): Ages => {
    if (picture.ageYears !== undefined) return { version: picture.ageYears, adds: picture.ageYears, hides: picture.ageYears };
    const stated = statedAgeOf(picture);
    if (!stated) return {};
    return { version: stated.years, adds: stated.years, ...(stated.unit === 'years' && stated.years >= 1 ? { hides: stated.years } : {}) };
  };
  /** The evidence with the age each use may take; pass `ages` when the caller needs them too (read once). */
  const evidenceOf = (picture: Picture, ages: Ages = agesOf(picture)): Evidence => {
    const { adds } = ages;
    const { ageYears: _dob, ...rest } = picture;
    return gatherEvidence(adds === undefined ? rest : { ...rest, ageYears: adds }, screen, questions, combinations);
  };

  const question = (id: string): TriageQuestion => {
    const entry = questions.get(id);
    if (!entry) throw new Error(`unknown triage question ${id}`);
    return entry.question;
  };

  const answerEffect = (questionId: string, answer: string): { raise: string[]; deny: string[] } =>
    effectOf(questions.get(questionId), answer);

  const policy = content.tierPolicy ?? DEFAULT_TIER_POLICY;
  /** Hazard H103: the self-care check's rule and the routine contexts a yes to it sets aside (tierPolicy selfcareCheckOver). */
  const overRuleId = policy.selfcareCheckOver?.ruleId;
  const overContexts = new Set(policy.selfcareCheckOver?.contexts ?? []);

  const nextQuestion = (picture: Picture): TriageQuestion | null => {
    const ages = agesOf(picture);
    const ev = evidenceOf(picture, ages);
    // A marker (an area picked, a word count) carries a nominal tier but never sets one (decide leaves
    // it out); counted here it hid every question that raises a routine rule (hazard H59).
    const tiered = [...ev.present].filter((id) => rules.get(id)?.marker !== true);
    const current = maxTier(tiered, rules);
    if (current === 'emergency') return null; // divert now; nothing else matters
    // Hazard H103: the self-care check's rule is judged against the tier without the routine contexts a yes sets aside.
    const beside = maxTier(tiered.filter((id) => !overContexts.has(id)), rules);
    const besideRank = beside ? TIER_RANK[beside] : -1;
    // Settle uncertain red flags first, most serious first: that is the shortest path to 999.
    for (const hit of ev.pending) {
      const qid = hit.confirmQuestionId;
      if (qid && picture.answers[qid] === undefined) return question(qid);
    }
    const version = versionFrom(ev, ages.version);
    const live = withVersionMarker(new Set([...ev.present, ...ev.pending.map((h) => h.ruleId)]), version);
    const currentRank = current ? TIER_RANK[current] : -1;
    const age = ages.hides;
    const raisesTier = (id: string): boolean =>
      !ev.present.has(id) && TIER_RANK[(rules.get(id) as RuleDef).tier] > (id === overRuleId ? besideRank : currentRank);
    const couldMove = (q: QuestionDef): boolean => picture.answers[q.id] === undefined && Object.values(q.effects).some((e) => e.raise.some(raisesTier));
    const opens = (id: string): boolean =>
      !live.has(id) &&
      complaints.some((c) =>
        (c.activatedBy.includes(id) && c.questions.some(couldMove)) ||
        (c.activatedBy.some((a) => live.has(a) || a === id) && c.questions.some((q) => q.askIf?.anyPresent?.includes(id) === true && couldMove(q))));
    for (const complaint of complaints) {
      if (!complaint.activatedBy.some((id) => live.has(id))) continue;
      for (const def of complaint.questions) {
        if (picture.answers[def.id] !== undefined) continue;
        const cond = def.askIf;
        if (cond?.anyPresent && !cond.anyPresent.some((id) => ev.present.has(id))) continue;
        if (cond?.answers && !Object.entries(cond.answers).every(([q, codes]) => codes.includes(picture.answers[q] ?? ''))) continue;
        if (cond?.checkVersions && !cond.checkVersions.includes(version)) continue;
        if (cond?.needs && (picture.need === undefined || !cond.needs.includes(picture.need))) continue;
        if (cond?.nonePresent?.some((id) => live.has(id))) continue;
        if (cond?.notUnderYears !== undefined && ages.version !== undefined && ages.version < cond.notUnderYears) continue;
        if (cond?.ageYears && age !== undefined) {
          if ((cond.ageYears.min !== undefined && age < cond.ageYears.min) || (cond.ageYears.max !== undefined && age > cond.ageYears.max)) continue;
        }
        // Ask only when some answer could still move the tier up, or open a question that could
        // (hazard H52): a rule that activates a set ("any of these?", then the question of each; since
        // H59 any rule, not only a marker: "hit your head?" opens the head-injury set even when the tier
        // is already urgent), or a rule another question waits for (askIf.anyPresent: thoughts of
        // suicide, then a plan).
        // A question that records a detail (`records`, H88: which urgent sign) is asked whenever its
        // askIf holds; the emergency tier has already returned above.
        if (def.records === true) return question(def.id);
        const targets = Object.values(def.effects).flatMap((e) => e.raise);
        if (targets.some((id) => raisesTier(id) || opens(id))) return question(def.id);
      }
    }
    return null;
  };


  const pharmacyNeeds = new Set<string>(policy.pharmacyForMedicines?.needs ?? []);
  const pharmacyRules = new Set(policy.pharmacyForMedicines?.rules ?? []);
  /** The rule the "How long?" answer raises, if any (weeks or months: at least routine). */
  const durationRule = (picture: Picture): string | undefined => {
    const long = policy.longStanding;
    return long && picture.duration !== undefined && long.answers.includes(picture.duration) ? long.ruleId : undefined;
  };

  const decide = (picture: Picture): TriageOutcome => {
    const ev = evidenceOf(picture);
    const fromDuration = durationRule(picture);
    // Unconfirmed uncertain hits count: a question the dialog never asked must not lower the tier.
    const ids = new Set([...ev.present, ...ev.pending.map((h) => h.ruleId), ...(fromDuration ? [fromDuration] : [])]);
    // Hazard H103: a yes to the self-care check (present, not pending) sets the routine contexts aside.
    const setAside = overRuleId !== undefined && ev.present.has(overRuleId) ? overContexts : undefined;
    const considered = [...ids]
      .filter((id) => !setAside?.has(id))
      .map((id) => rules.get(id))
      .filter((r): r is RuleDef => r !== undefined && !r.marker);
    const top = considered.reduce<RuleDef | undefined>((best, r) => (!best || rankOf(r) > rankOf(best) ? r : best), undefined);
    // A request for a medicine or a form is the practice's work, at least routine; but a medicines
    // request about a condition a pharmacist treats, with nothing above self-care, is the pharmacy's
    // (the dialog offers it; the patient may still send it to the practice). Hazard H56.
    const pharmacyCondition =
      picture.need !== undefined && pharmacyNeeds.has(picture.need) && top?.tier === 'selfcare' && considered.some((r) => pharmacyRules.has(r.id));
    const needsGp = picture.need !== undefined && policy.atLeastRoutine.includes(picture.need) && !pharmacyCondition;
    if (!top || (needsGp && TIER_RANK[top.tier] < TIER_RANK.routine)) {
      return { tier: 'routine', disposition: 'gp_routine', ruleIds: [], rules: [], rulesetVersion: content.rulesetVersion };
    }
    const setting = considered
      .filter((r) => r.tier === top.tier)
      .sort((a, b) => dispositionRank(a.disposition) - dispositionRank(b.disposition) || a.id.localeCompare(b.id));
    return {
      tier: top.tier,
      disposition: top.disposition,
      ruleIds: setting.map((r) => r.id),
      rules: setting.map(refOf),
      rulesetVersion: content.rulesetVersion,
    };
  };

  /** Rules live in this evidence: present (text, answers) or pending confirmation, and not denied. */
  const liveOf = (ev: Evidence): Set<string> =>
    new Set([...ev.present, ...ev.pending.map((h) => h.ruleId)].filter((id) => !ev.denied.has(id)));
  /** Rules live in this picture: present (text, answers) or pending confirmation. */
  const liveRules = (picture: Picture): Set<string> => liveOf(evidenceOf(picture));

  /** The check version for this evidence: pregnancy, else child (by age, or a child's words while the age is unknown), else adult. */
  const versionFrom = (ev: Evidence, age: number | undefined): CheckVersion => {
    const live = liveOf(ev);
    const check = content.emergencyCheck;
    if (check.pregnancyMarkers.some((id) => live.has(id))) return 'pregnancy';
    if ((age !== undefined && age < check.childUnderYears) || (age === undefined && check.childMarkers.some((id) => live.has(id)))) return 'child';
    return 'adult';
  };
  const checkVersion = (picture: Picture): CheckVersion => {
    const ages = agesOf(picture);
    return versionFrom(evidenceOf(picture, ages), ages.version);
  };
  /** The baby line hides by a stated age only when statedAge.json allows it (hidesCheckLines); the date of birth always may. */
  const checkLines = (picture: Picture, version: CheckVersion): string[] =>
    linesForAge(content.emergencyCheck, version, picture.ageYears ?? (content.statedAge?.hidesCheckLines ? agesOf(picture).hides : undefined));
  /**
   * The live rules with the check's child-version marker added while the child version applies, so
   * a complaint set may be activated by it (the child questions for every child).
   */
  const withVersionMarker = (live: Set<string>, version: CheckVersion): Set<string> =>
    version === 'child' ? live.add(content.emergencyCheck.childVersionMarker) : live;

  const lineConfirm = (picture: Picture, line: string, version: CheckVersion): string | null => {
    const confirm = content.emergencyCheck.lines[line]?.confirm;
    if (!confirm || !content.emergencyCheck.versions[version].includes(line)) return null;
    const live = liveRules(picture);
    const ask = confirm.askWhenAny.some((id) => live.has(id)) && !confirm.unlessAny.some((id) => live.has(id));
    return ask ? confirmQuestionId(line, version) : null;
  };

  const complaintsFor = (picture: Picture): string[] => {
    const ages = agesOf(picture);
    const ev = evidenceOf(picture, ages);
    const live = withVersionMarker(liveOf(ev), versionFrom(ev, ages.version));
    return complaints.filter((c) => c.activatedBy.some((id) => live.has(id))).map((c) => c.id);
  };

  const mentionsSymptom = (picture: Picture): boolean =>
    [...liveRules(picture)].some((id) => {
      const r = rules.get(id);
      return r !== undefined && !r.marker && !id.startsWith('rt.');
    });

  const rule = (id: string): (RuleRef & { tier: Tier; disposition: Disposition }) | undefined => {
    const r = rules.get(id);
    return r ? { ...refOf(r), tier: r.tier, disposition: r.disposition } : undefined;
  };

  return {
    rulesetVersion: content.rulesetVersion, screen, rule, question, nextQuestion, answerEffect, decide, explain,
    emergencyCheck: content.emergencyCheck, areas: content.areas, checkVersion, checkLines, lineConfirm, complaintsFor, mentionsSymptom,
  };
}

function refOf(rule: RuleDef): RuleRef {
  return { id: rule.id, version: rule.version, source: { ...rule.source } };
}
