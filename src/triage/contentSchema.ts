import { z } from 'zod';
import { DISPOSITIONS, NEEDS, TIERS } from '../domain/types.js';
import type { OxygenReadingDef } from './oxygenReading.js';
import type { StatedAgeDef } from './statedAge.js';
import type { TierPolicyDef } from './tierPolicy.js';
import type { ReviewedShrink } from './checkShrinks.js';
import { CHECK_VERSIONS, type AreasDef, type EmergencyCheckDef } from './safetySchema.js';

/**
 * Schemas for everything under dialogs/redflags and dialogs/complaints. Content is data written by
 * clinicians and translators, so it is checked strictly (unknown keys are errors) at start-up.
 */

/** A language code as used by franc (ISO 639-3), e.g. 'eng', 'cym', 'pol'. */
const LangCodeSchema = z.string().regex(/^[a-z]{3}$/, 'language codes are three lowercase letters (ISO 639-3)');
const RuleIdSchema = z.string().regex(/^(rf|cx|pf|rt)\.[a-z0-9_.]+$/, 'rule ids look like rf.chest_pain.now (prefix rf, cx, pf or rt)');
const QuestionIdSchema = z.string().regex(/^q\.[a-z0-9_.]+$/, 'question ids look like q.chest_pain.spread');
const PromptKeySchema = z.string().regex(/^(triage|safety)\.[a-zA-Z0-9_.]+$/, 'prompt keys live under triage.* (or safety.* for issue 15 questions)');
const PhraseSchema = z.string().trim().min(2);

export const SourceSchema = z
  .object({
    title: z.string().min(3),
    url: z.url().startsWith('https://'),
    section: z.string().min(1),
  })
  .strict();

export const TriggersSchema = z.record(LangCodeSchema, z.array(PhraseSchema).min(1));

export const RuleSchema = z
  .object({
    id: RuleIdSchema,
    version: z.number().int().positive(),
    tier: z.enum(TIERS),
    disposition: z.enum(DISPOSITIONS),
    /** 'uncertain' rules never divert from text alone: their confirm question is asked first. */
    certainty: z.enum(['clear', 'uncertain']).default('clear'),
    triggers: TriggersSchema.optional(),
    /** Reuse another rule's trigger phrases (all languages), so translators translate them once. */
    triggersFrom: RuleIdSchema.optional(),
    /**
     * Also every pairing of one phrase of the first rule with one of the second, in either order
     * ("nie czuje" + "krocza": "nie czuje krocza", "krocze nie czuje"), compiled per language. The two
     * words must still stand together in one clause (within the usual gap), so translators list two
     * short word lists (a sign, a body part) instead of every sentence that joins them.
     */
    triggersPaired: z.tuple([RuleIdSchema, RuleIdSchema]).optional(),
    confirm: z.object({ id: QuestionIdSchema, promptKey: PromptKeySchema }).strict().optional(),
    source: SourceSchema,
    /** Clinician-facing reason for the rule's tier; never shown to patients. */
    note: z.string().optional(),
    /**
     * How tense cues apply. soften: negation and clear past suppress, "had"/"gone" ask to confirm
     * (default for emergency/urgent). past-only: only negation and clear past suppress (default
     * otherwise). ignore: only negation suppresses.
     */
    tense: z.enum(['soften', 'past-only', 'ignore']).optional(),
    /** A marker only activates complaint questions (e.g. "this is a child") and never sets the tier. */
    marker: z.boolean().optional(),
    /**
     * Match the trigger phrases word for word, filler words included: for a marker whose meaning
     * lies in a word the lexicon drops as filler ("a little bleeding" is not bare "bleeding").
     * Only for markers (checkContent).
     */
    keepFiller: z.boolean().optional(),
    /** Phrases that cancel this rule when found in the same clause ("heavy periods" for heavy bleeding). */
    exclude: TriggersSchema.optional(),
    /**
     * Phrases that cancel this rule anywhere in the same message, not only in their clause: a routine
     * "rash" or "spots" told beside "chickenpox" is the chickenpox (a pharmacist can help). Only for
     * rules below the emergency tier.
     */
    excludeInMessage: TriggersSchema.optional(),
    /**
     * Other rules whose trigger phrases, in every language, cancel this rule in the same clause, as if
     * listed under `exclude`: a nosebleed's words cancel "coughing up blood" read across "blood ... cough",
     * a shingles rash's words cancel a chest pain read from "a rash that hurts on my chest". Translated once.
     */
    excludeFrom: z.array(RuleIdSchema).min(1).optional(),
    /**
     * Other rules whose trigger phrases, in every language, cancel this rule anywhere in the message, as
     * if listed under `excludeInMessage` (a strained chest muscle cancels the chest pain it causes). Only
     * for rules below the emergency tier.
     */
    excludeInMessageFrom: z.array(RuleIdSchema).min(1).optional(),
    /**
     * Other rules whose trigger phrases cancel only the occurrences of this rule that they overlap, not the
     * rest of the clause: a denial told around the trigger's own words ("kendime zarar verme düşüncem yok",
     * no thoughts of harming myself) cancels that reading, while "... yok ama ölmek istiyorum" (but I want
     * to die) in the same clause still raises the rule. For denials of a serious sign where a clause-wide
     * exclusion would hide a second, affirmed mention.
     */
    excludeOverlapFrom: z.array(RuleIdSchema).min(1).optional(),
    /**
     * How far the clause exclusions (exclude, excludeFrom) reach, when not the whole clause. 'part':
     * only trigger words in the same part of the clause, with no breaker word between ("and", "but"):
     * "the antibiotics are not responding" is no unconscious person, "I gave him his antibiotics and now
     * he is not responding" still is. 'words': only trigger words the exclusion itself covers: "39" in
     * "39 de ani" (39 years old) is no temperature, the "39" of "I am 40 years old with a temperature of
     * 39" still is. An exclusion read by skipping a content word never counts in either mode.
     */
    excludeBounded: z.enum(['part', 'words']).optional(),
    /**
     * A combination: the rule is present when, for any one entry, every listed rule is present (from
     * any message, any language, or an answer) and the age, when the entry names one, is known and in
     * range. Lets single-concept markers, easy to translate ("blood thinner", "sweating"), raise what
     * only their combination means (a head injury on blood thinners). `none`: rules that must not be
     * present for the entry to count (a baby's temperature in the two days after the jabs).
     */
    when: z
      .array(
        z
          .object({
            all: z.array(RuleIdSchema).min(1),
            none: z.array(RuleIdSchema).min(1).optional(),
            ageYears: z.object({ min: z.number().min(0).optional(), max: z.number().min(0).optional() }).strict().optional(),
          })
          .strict(),
      )
      .min(1)
      .optional(),
  })
  .strict();

export const RuleFileSchema = z.object({ area: z.string().min(1), rules: z.array(RuleSchema).min(1) }).strict();

const EffectSchema = z
  .object({ raise: z.array(RuleIdSchema).default([]), deny: z.array(RuleIdSchema).default([]) })
  .strict();

const AgeRangeSchema = z.object({ min: z.number().min(0).optional(), max: z.number().min(0).optional() }).strict();

export const QuestionSchema = z
  .object({
    id: QuestionIdSchema,
    promptKey: PromptKeySchema,
    choices: z.array(z.string().min(1)).min(2).default(['yes', 'no', 'unsure']),
    /**
     * Statements said, one message each, before the prompt (a short list the question asks about:
     * "Do you have any of these?"), so the prompt stays one question. At most 5 (hazard H52); at most 8
     * since H80 (round 18: "Something else" lists 7 signs after its intro), as many as the emergency check.
     */
    lines: z.array(PromptKeySchema).min(1).max(8).optional(),
    /** Answer code -> rules raised/denied. A missing 'unsure' takes the 'yes' effect (resolve upward). */
    effects: z.record(z.string(), EffectSchema),
    askIf: z
      .object({
        /** Ask only when at least one of these rules is present. */
        anyPresent: z.array(RuleIdSchema).optional(),
        /** Ask only when each listed question was answered with one of the listed codes. */
        answers: z.record(QuestionIdSchema, z.array(z.string())).optional(),
        /** Ask only when the age is unknown or inside the range. */
        ageYears: AgeRangeSchema.optional(),
        /**
         * Ask only while the emergency check's version (the same test: by age when known, else a child's
         * words; pregnancy first) is one of these. The date of birth comes after every question, so
         * ageYears alone would ask both an adult's and a child's version of a list while the age is
         * unknown; this asks one (round 20, the urgent check, hazard H85).
         */
        checkVersions: z.array(z.enum(CHECK_VERSIONS)).min(1).optional(),
        /**
         * Ask only when the patient's need is one of these (round 22, the self-care check, hazard H89: a new
         * problem only; an ongoing problem, a medicine, a form or another request is never lowered).
         */
        needs: z.array(z.enum(NEEDS)).min(1).optional(),
        /** Ask only when none of these rules is live (present or waiting to be confirmed): a baby's words, a pregnancy. */
        nonePresent: z.array(RuleIdSchema).min(1).optional(),
        /**
         * Not asked when an age known so far is under this many years: the date of birth, or an age stated in the
         * words in any unit (weeks and months too). The reverse of ageYears, which asks while in doubt: for a
         * question whose yes lowers the tier (the self-care check, H89), a doubt about the age keeps it unasked.
         */
        notUnderYears: z.number().positive().optional(),
      })
      .strict()
      .optional(),
    /**
     * Asked to record a detail for the practice, not to move the tier (round 21, hazard H88): the engine
     * asks it whenever its askIf holds (it must name `askIf.answers`, so only after a given answer), even
     * when no answer could raise the tier or open a set: "Which one is it?" after "yes" to the urgent
     * check, so the request names the sign (its own rule, same tier) and the clinician need not ring to
     * ask. Like every question, it is never asked once the tier is an emergency (the 999 diverts first),
     * nor before a pending confirm question. Its answers may raise only rules no higher than the tier of
     * the rules its askIf answers already raised (checkContent), so it never changes the tier.
     */
    records: z.boolean().optional(),
    /**
     * The answer taken when the patient's reply still cannot be read after the last try (content.maxTries):
     * one of `choices` that raises and denies nothing ("None of these, or not sure" at "Which one is it?",
     * H88). Only on, and required on, a question that records a detail (`records`), which never moves the
     * tier; every other safety question is taken as "unsure", else "yes" (src/dialog/machine/perceive.ts).
     */
    unreadable: z.string().min(1).optional(),
  })
  .strict();

export const ComplaintSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/),
    /** Lower numbers are asked first when several complaints are active. */
    priority: z.number().int(),
    /** The complaint is active when any of these rules fired in text or is present. */
    activatedBy: z.array(RuleIdSchema).min(1),
    questions: z.array(QuestionSchema).min(1),
    source: SourceSchema,
  })
  .strict();

export const LexiconSchema = z
  .object({
    lang: LangCodeSchema,
    /** Words that deny what follows in the same clause ("no", "not", "dont"). */
    negation: z.array(PhraseSchema),
    /**
     * Words that deny the symptom named just BEFORE them, in languages that negate after the noun
     * (Turkish "yok", Urdu "نہیں ہے", Persian "ندارم"). Read within 3 words after a trigger (filler words only between), in the
     * same clause and with no breaker between, and never for a trigger that holds a negation itself.
     * List only words that clearly deny the preceding symptom: a wrongly denied emergency is a missed one.
     */
    negationAfter: z.array(PhraseSchema).default([]),
    /**
     * Like negationAfter, but they deny only when nothing but filler words follows them in the clause:
     * Punjabi "ਬੁਖ਼ਾਰ ਵੀ ਨਹੀਂ" (no fever either) is a denial, "ਦਰਦ ਵੀ ਨਹੀਂ ਜਾ ਰਿਹਾ" (the pain will not go
     * either) is not, because there the negation belongs to the verb after it.
     */
    negationAfterAtEnd: z.array(PhraseSchema).default([]),
    /**
     * Words for "or" that a post-position denial reaches back across, to the item before them: Urdu
     * "سینے میں دباؤ یا بازو میں درد نہیں ہے" (no chest pressure or arm pain) denies both. Only "or" (and
     * "nor"): "and" is a breaker in these languages. The second item must hold a word of its own.
     */
    negationListOr: z.array(PhraseSchema).default([]),
    /**
     * Words for "and" that a post-position denial reaches back across, to the item right before them
     * (nothing between): Somali "qandho iyo matag ma qabo" (no fever and no vomiting), Chinese
     * "胸痛和气短都没有". Only words that join nouns, never clauses: Turkish "ve" and Persian "و" also
     * join clauses ("nefes alamıyorum ve ateşim yok": I cannot breathe, and no fever), so they are not
     * listed. The second item must hold a word of its own. The "and" stays a breaker otherwise.
     */
    // One letter may be a word here: Chinese 和, Persian و.
    negationListAnd: z.array(z.string().trim().min(1)).default([]),
    /**
     * Words a negation before its sign does not reach across: Spanish "sin fiebre y vomitando" (no
     * fever, and vomiting) denies the fever only. For languages where "and" is not a breaker.
     */
    negationStops: z.array(PhraseSchema).default([]),
    /**
     * Words just before a number that make it a clock time, not a count (Romanian "la 8", English "at
     * 8", Ukrainian "о 8"): read so only when nothing but the end of the clause, a breaker or a clock
     * word follows the number ("at 8 then", not "at 34 weeks"), and the number is 24 or less.
     */
    clockBefore: z.array(z.string().min(1)).default([]),
    /** Words just after a number that make it a clock time ("8 o'clock", "10点", "8 بجے"), for numbers up to 24. */
    clockAfter: z.array(z.string().min(1)).default([]),
    /**
     * Filler words that are verbs right after a negation word, and then kept: Portuguese and Spanish
     * "para" is "for" (filler) but "não para" / "no para" is "does not stop". Dropped, "não para de
     * sangrar" (will not stop bleeding) read as "não sangra" (does not bleed). One word each, as typed.
     */
    verbsAfterNegation: z.array(z.string()).default([]),
    /** Phrases that start with a negation word but do not deny ("not sure", "no one"). */
    negationExceptions: z.array(PhraseSchema).default([]),
    /** Words that end a negation or tense scope inside a clause ("but", "just", "and"). */
    breakers: z.array(PhraseSchema),
    /**
     * Words that a comma before them does not cut off: the clause goes on (Polish "nie czuję, kiedy
     * sikam" is one statement; the grammar requires that comma). Each is also a breaker, so a negation
     * before the comma never reaches past it.
     */
    clauseJoiners: z.array(PhraseSchema).default([]),
    /**
     * Clearly past: the trigger is ignored ("years ago", "in 2019", "history of"). In any cue list a
     * word "0" stands for any number: "acum 0 ani" matches "acum 5 ani".
     */
    strongPast: z.array(PhraseSchema),
    /** Possibly past: a clear hit becomes uncertain and is confirmed ("had", "yesterday"). */
    weakPast: z.array(PhraseSchema),
    /** Phrases that hold a possibly-past word but are not past ("had to use"; Bengali "0 ছিল", a reading that was 2.1). */
    pastExceptions: z.array(PhraseSchema).default([]),
    /** Words before "had" that make it present perfect ("ive had" = still going). */
    presentPerfect: z.array(PhraseSchema).default([]),
    /** Happening now: overrides past cues ("now", "today", "still"). */
    recency: z.array(PhraseSchema),
    /**
     * Phrases that hold a recency word but do not say now: Romanian "am luat" is "I took" ("am" is
     * also "I have"), so "acum doi ani am luat o supradoză" stays two years ago.
     */
    recencyExceptions: z.array(PhraseSchema).default([]),
    /** It has stopped: a clear hit becomes uncertain ("gone", "went away"). */
    notNow: z.array(PhraseSchema),
    /**
     * Phrases that hold a not-now cue but do not say a symptom stopped: Bengali "কমে গেছে" is "it has
     * eased" after a pain, but "সুগার কমে গেছে" is "the sugar has dropped", the emergency itself.
     */
    notNowExceptions: z.array(PhraseSchema).default([]),
    /** Filler words dropped before matching, so "face has dropped" meets "face dropped". */
    stopwords: z.array(z.string().min(1)),
    /** Text-speak and common spellings: word -> replacement (may be several words). */
    textSpeak: z.record(z.string(), z.string()).default({}),
    /**
     * Words of this language that are also English trigger words with another meaning (Italian "male" =
     * it hurts, not "male"; French "son" = his): the English reading of a message in this language
     * skips them. English is screened beside every language, so without this "mi fa male quando faccio
     * la pipì" read as a man's urine infection.
     */
    notEnglish: z.array(PhraseSchema).default([]),
    /**
     * Letters that negate a word from inside it (Turkish "m" of "görmüyor" = does not see, beside
     * "görüyor" = sees: list "miyor", "muyor"). A one-letter typo is never read across one, in either
     * direction: a sign must not be read from its denial, nor its denial from the sign.
     */
    negationInfixes: z.array(z.string().min(2)).default([]),
    /**
     * Groups of words one letter apart that are never typos of each other (Gujarati "દીકરી" daughter,
     * "દીકરો" son): each word of a group is read exactly, never as another word of its group.
     */
    notTypos: z.array(z.array(z.string().min(1)).min(2)).default([]),
    /** Extra trigger phrases for this language, by rule id (the translator's main job). */
    triggers: z.record(RuleIdSchema, z.array(PhraseSchema).min(1)).default({}),
  })
  .strict();

/** `redflags/triggers/<lang>.json`: one language's trigger phrases by rule id (merged into its lexicon). */
export const TriggerFileSchema = z
  .object({ lang: LangCodeSchema, triggers: z.record(RuleIdSchema, z.array(PhraseSchema).min(1)) })
  .strict();

/**
 * `redflags/shrinks/<lang>.json`: trigger phrases of one language that shrink once filler words are dropped
 * and were reviewed as harmless (checkShrinks.ts, H102). `shrunk` is the form reviewed: when the filler list
 * or the phrase changes it, the phrase is unreviewed again.
 */
export const ShrinkFileSchema = z
  .object({
    lang: LangCodeSchema,
    reviewed: z.array(
      z
        .object({
          rule: RuleIdSchema,
          kind: z.enum(['trigger', 'exclude']),
          phrase: PhraseSchema,
          shrunk: z.string(),
          note: z.string().min(3).optional(),
        })
        .strict(),
    ),
  })
  .strict();

export type RuleDef = z.infer<typeof RuleSchema>;
export type QuestionDef = z.infer<typeof QuestionSchema>;
export type ComplaintDef = z.infer<typeof ComplaintSchema>;
export type LexiconDef = z.infer<typeof LexiconSchema>;
export type SourceDef = z.infer<typeof SourceSchema>;

/** Everything the engine needs, already validated. Produced by loadTriageContent(). */
export interface TriageContent {
  rulesetVersion: string;
  rules: RuleDef[];
  complaints: ComplaintDef[];
  lexicons: LexiconDef[];
  /** The structured emergency check (dialogs/safety/emergencyCheck.json). */
  emergencyCheck: EmergencyCheckDef;
  /** The area picker (dialogs/safety/areas.json). */
  areas: AreasDef;
  /** Stated-age forms per language (dialogs/safety/statedAge.json); without it no age is read from the words. */
  statedAge?: StatedAgeDef;
  /** Oxygen reading words per language and the bands' rules (dialogs/safety/oxygenReading.json, H90); without it no reading is read. */
  oxygenReading?: OxygenReadingDef;
  /** Floors under the tier by need and by intake answer (dialogs/safety/tierPolicy.json); without it only admin and medicines requests are at least routine. */
  tierPolicy?: TierPolicyDef;
  /** Reviewed shrinking trigger phrases by language (dialogs/redflags/shrinks/, H102); without it none is reviewed. */
  reviewedShrinks?: Record<string, ReviewedShrink[]>;
  /** Which file each rule/complaint/lexicon came from, for error messages. */
  origin: Record<string, string>;
}
