import {
  AREA_QUESTION_ID, CHECK_ANSWERS, CHECK_NONE, CHECK_VERSIONS, CONFIRM_PREFIX, checkQuestionId, lineCode, whichQuestionId, type CheckVersion,
} from '../../triage/safetySchema.js';
import type { RedFlagRecord } from '../../domain/types.js';
import { pictureOf, unique } from './context.js';
import type { Kit, Patch, TurnArgs } from './kit.js';
import { buildRequest } from './request.js';
import type { IntakeContext, OutMessage } from './types.js';

/**
 * The structured emergency check and the area picker (issue 15): guards and actions for
 * phases/safetyCheck.ts. Their questions are engine questions (src/triage/questions.ts
 * safetyQuestions), so an answer raises the rule of its NHS sign and the tier follows from the rules.
 */

/** A text's words: each Han, kana or hangul character is one (those scripts write no spaces), else runs of letters and digits. */
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[^\s\p{P}\p{S}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
export const wordsOf = (text: string): string[] => text.match(WORD) ?? [];

/** Steps of this phase where the patient answers an engine question (its id is triage.currentQuestionId). */
export const SAFETY_STEPS = new Set(['safetyCheck', 'safetyWhich', 'safetyConfirm', 'areaPick']);
/** The check version a question id belongs to (q.check.<v>, q.check.which.<v>, q.check.which_unsure.<v>). */
const versionOfQuestion = (questionId: string | undefined): CheckVersion | undefined =>
  questionId?.startsWith('q.check.') ? CHECK_VERSIONS.find((v) => questionId.endsWith(`.${v}`)) : undefined;
const whichAnswered = (ctx: IntakeContext, version: CheckVersion): string | undefined =>
  ctx.triage.answers[whichQuestionId(version, 'yes')] ?? ctx.triage.answers[whichQuestionId(version, 'unsure')];

/** "No" to a line's confirming question (q.check.confirm.<line>.<version>): the check is done, milder than the line. */
const confirmedMilder = (ctx: IntakeContext, version: CheckVersion): boolean =>
  Object.entries(ctx.triage.answers).some(([qid, code]) => code === 'no' && qid.startsWith(CONFIRM_PREFIX) && qid.endsWith(`.${version}`));

/**
 * True when a version of the check was finished: "no", or which sign (or none) after "yes"/"not sure",
 * or "no" to the confirming question of the sign picked.
 */
export function checkDone(ctx: IntakeContext, version?: CheckVersion): boolean {
  return (version ? [version] : CHECK_VERSIONS).some(
    (v) => ctx.triage.answers[checkQuestionId(v)] === CHECK_ANSWERS.no || whichAnswered(ctx, v) !== undefined || confirmedMilder(ctx, v),
  );
}

export function createSafetyCheck(kit: Kit) {
  const { deps, see, say, decide } = kit;
  const { triage, content } = deps;
  const check = triage.emergencyCheck;

  // Guards and actions ask these of one context several times in a step; contexts are immutable in
  // XState (as kit.ts decide relies on), so each is worked out once per context object.
  const versions = new WeakMap<IntakeContext, CheckVersion>();
  const versionNow = (ctx: IntakeContext): CheckVersion => {
    let v = versions.get(ctx);
    if (v === undefined) versions.set(ctx, (v = triage.checkVersion(pictureOf(ctx))));
    return v;
  };
  /** The version being asked: the one whose question is current, else the one that fits now. */
  const versionAsked = (ctx: IntakeContext): CheckVersion => versionOfQuestion(ctx.triage.currentQuestionId) ?? versionNow(ctx);

  /** One answer to a safety question: kept in the request, and the rules it raises recorded with their versions. */
  const recordSafety = (ctx: IntakeContext, questionId: string, code: string): Patch => {
    const { intake, triage: before } = ctx;
    const effect = triage.answerEffect(questionId, code);
    const flags: RedFlagRecord[] = effect.raise.map((ruleId) => ({
      ruleId, ruleVersion: triage.rule(ruleId)?.version ?? 0, via: 'question', answer: code === CHECK_NONE || code === 'unsure' ? 'unsure' : code === 'no' ? 'no' : 'yes', present: true,
    }));
    const promptKey = triage.question(questionId).promptKey;
    return {
      intake: { ...intake, answers: { ...intake.answers, [questionId]: { questionId, questionKey: promptKey, code, at: ctx.now } } },
      triage: {
        ...before,
        answers: { ...before.answers, [questionId]: code },
        presentRuleIds: unique([...before.presentRuleIds, ...effect.raise]),
        redFlags: [...before.redFlags, ...flags],
      },
    };
  };
  /** Apply several patches to one context in order (each sees the one before). */
  const chain = (ctx: IntakeContext, ...steps: ((c: IntakeContext) => Patch)[]): Patch => {
    let c = ctx;
    for (const s of steps) c = { ...c, ...s(c) };
    const { intake, triage: t } = c;
    return { intake, triage: t };
  };

  /** The lines shown: an age-bound line ("a baby under 8 weeks") is left out once the age rules it out (engine checkLines). */
  const lines = new WeakMap<IntakeContext, Map<CheckVersion, readonly string[]>>();
  const linesShown = (ctx: IntakeContext, version: CheckVersion): readonly string[] => {
    let byVersion = lines.get(ctx);
    if (!byVersion) lines.set(ctx, (byVersion = new Map()));
    let shown = byVersion.get(version);
    if (!shown) byVersion.set(version, (shown = triage.checkLines(pictureOf(ctx), version)));
    return shown;
  };

  const typedLine = (ctx: IntakeContext, event: object): string | null => {
    const version = versionAsked(ctx);
    const lines = linesShown(ctx, version).map(lineCode);
    const text = see.textOf(event).trim();
    // Titles and typed words of the signs; never a number ("1" at the yes/no question means "Yes").
    if (/^\d+$/.test(text)) return null;
    return see.chooseTyped(text, lines, ctx);
  };

  /** The check line the patient picks with this message: the which-sign answer, or a sign typed at the check. */
  const pickedLine = (ctx: IntakeContext, event: object): string | null => {
    let code: string | null = null;
    if (ctx.step === 'safetyWhich') {
      const parsed = see.answer(event, ctx);
      code = parsed.ok ? parsed.code : null;
    } else if (ctx.step === 'safetyCheck') code = typedLine(ctx, event);
    return code?.startsWith('safety.line.') ? code.slice('safety.line.'.length) : null;
  };
  /** The confirming question to ask before the picked line diverts, or null (it diverts at once). */
  const lineConfirmOf = (ctx: IntakeContext, event: object): string | null => {
    const line = pickedLine(ctx, event);
    return line ? triage.lineConfirm(pictureOf(ctx), line, versionAsked(ctx)) : null;
  };

  const askQuestion = (ctx: IntakeContext, step: string, questionId: string, before: OutMessage[]): Patch => {
    const q = triage.question(questionId);
    const version = versionOfQuestion(questionId);
    const hidden = version ? new Set(check.versions[version].filter((l) => !linesShown(ctx, version).includes(l)).map(lineCode)) : new Set<string>();
    const prompt: OutMessage = { key: q.promptKey, choices: q.choices.filter((c) => !hidden.has(c)) };
    return {
      step,
      failures: 0,
      lastPrompt: prompt,
      triage: { ...ctx.triage, currentQuestionId: questionId, askedQuestionIds: unique([...ctx.triage.askedQuestionIds, questionId]) },
      say: say(ctx, ...before, prompt),
    };
  };
  const checkList = (ctx: IntakeContext, version: CheckVersion): OutMessage[] => [
    { key: `safety.check.intro.${version}` },
    ...linesShown(ctx, version).map((line) => ({ key: `safety.line.${line}` })),
  ];
  /** The which-sign question for the version just asked: after "yes", or after "not sure" (or unreadable answers). */
  const whichId = (ctx: IntakeContext): string => {
    const version = versionAsked(ctx);
    return whichQuestionId(version, ctx.triage.answers[checkQuestionId(version)] === CHECK_ANSWERS.yes ? 'yes' : 'unsure');
  };

  /** A health problem: a clinical need, or any need whose words name a symptom. */
  const mentions = new WeakMap<IntakeContext, boolean>();
  const mentionsSymptom = (ctx: IntakeContext): boolean => {
    let m = mentions.get(ctx);
    if (m === undefined) mentions.set(ctx, (m = triage.mentionsSymptom(pictureOf(ctx))));
    return m;
  };
  /**
   * More than a short request (hazard H52): the description has at least storyBeyondRequest.minWords
   * words besides those of the recognised request phrases ("repeat prescription", "fit note"). Decided
   * by length, not by words: a story told inside a request may hold an emergency in words no rule knows.
   */
  const { requestRules, minWords } = content.storyBeyondRequest;
  const requestSet = new Set(requestRules);
  for (const id of requestRules) if (!triage.rule(id)) throw new Error(`dialogs/intake.json storyBeyondRequest.requestRules: unknown rule ${id}`);
  const stories = new WeakMap<IntakeContext, boolean>();
  const isStory = (ctx: IntakeContext): boolean => {
    let s = stories.get(ctx);
    if (s === undefined) {
      const described = ctx.intake.texts.filter((t) => t.step === 'describe');
      const beyond = described.reduce((n, t) => {
        const hits = triage.screen(t.text, t.lang).hits.filter((h) => requestSet.has(h.ruleId));
        const requestWords = new Set(hits.flatMap((h) => h.matched.flatMap(wordsOf)));
        return n + Math.max(0, wordsOf(t.text).length - requestWords.size);
      }, 0);
      stories.set(ctx, (s = beyond >= minWords));
    }
    return s;
  };
  const aboutHealth = (ctx: IntakeContext): boolean =>
    (ctx.intake.need !== undefined && content.clinicalNeeds.includes(ctx.intake.need)) || mentionsSymptom(ctx) || isStory(ctx);

  const guards = {
    /** The check is asked once per conversation (again only when the patient turns out to be a child). */
    needsEmergencyCheck: ({ context }: TurnArgs): boolean => !checkDone(context) && aboutHealth(context),
    /** The patient is now known to be a child (age or words) and only the adult check was asked. */
    needsChildCheck: ({ context }: TurnArgs): boolean =>
      checkDone(context) && !checkDone(context, 'child') && versionNow(context) === 'child',
    /**
     * Every health problem is asked where it is, once, after the check (whatever the words matched:
     * a word that matched a set may not be where the danger is), so that area's red-flag questions are
     * asked too.
     */
    needsAreaPick: ({ context }: TurnArgs): boolean =>
      context.triage.answers[AREA_QUESTION_ID] === undefined && decide(context).tier !== 'emergency' && aboutHealth(context),
    /** The patient typed the name of one of the signs straight away ("chest pain", "stroke"). */
    isTypedCheckLine: ({ context, event }: TurnArgs): boolean => typedLine(context, event) !== null,
    /** The next failed try would be the last one (content.maxTries, the same number as every question). */
    isLastSafetyTry: ({ context }: TurnArgs): boolean => context.failures + 1 >= content.maxTries,
    /** The answer was taken after the last failed try (perceive.ts assumedAnswer), not read. */
    isAssumedAnswer: ({ context, event }: TurnArgs): boolean => {
      const parsed = see.answer(event, context);
      return parsed.ok && parsed.assumed !== undefined;
    },
    /** The picked line has a confirming question that fits the description (spotting, then the pregnancy line). */
    needsLineConfirm: ({ context, event }: TurnArgs): boolean => lineConfirmOf(context, event) !== null,
    hasGivenDetails: ({ context }: TurnArgs): boolean => context.flow.returnToReview || context.intake.answers.contactTimes !== undefined,
  };

  const actions = {
    askEmergencyCheck: ({ context }: TurnArgs): Patch => {
      const version = versionNow(context);
      return askQuestion(context, 'safetyCheck', checkQuestionId(version), checkList(context, version));
    },
    askWhichSign: ({ context }: TurnArgs): Patch => askQuestion(context, 'safetyWhich', whichId(context), []),
    askArea: ({ context }: TurnArgs): Patch => askQuestion(context, 'areaPick', AREA_QUESTION_ID, []),
    /**
     * The line picked is held (not recorded) while its confirming question is asked; a sign typed at
     * the check counts as "yes" to the check first, as recordTypedCheckLine does. safetyConfirm's
     * entry (askLineConfirm) asks it, also when the dialog comes back to it (after the language menu).
     */
    holdLineForConfirm: ({ context, event }: TurnArgs): Patch => {
      const qid = lineConfirmOf(context, event);
      if (!qid) return {};
      const c = context.step === 'safetyCheck' ? { ...context, ...recordSafety(context, checkQuestionId(versionAsked(context)), CHECK_ANSWERS.yes) } : context;
      return { intake: c.intake, triage: { ...c.triage, currentQuestionId: qid } };
    },
    askLineConfirm: ({ context }: TurnArgs): Patch => {
      const qid = context.triage.currentQuestionId;
      return qid?.startsWith(CONFIRM_PREFIX) ? askQuestion(context, 'safetyConfirm', qid, []) : {};
    },
    /** The confirming answer: "no" keeps the milder rule; "yes" or "not sure" record the line as picked (it diverts). */
    recordLineConfirm: ({ context, event }: TurnArgs): Patch => {
      const parsed = see.answer(event, context);
      const qid = context.triage.currentQuestionId;
      const version = versionOfQuestion(qid);
      if (!parsed.ok || !qid?.startsWith(CONFIRM_PREFIX) || !version) return {};
      const line = qid.slice(CONFIRM_PREFIX.length, -(version.length + 1));
      const answered = (c: IntakeContext): Patch => recordSafety(c, qid, parsed.code);
      if (parsed.code === 'no') return answered(context);
      const after = context.triage.answers[checkQuestionId(version)] === CHECK_ANSWERS.yes ? 'yes' : 'unsure';
      return chain(context, answered, (c) => recordSafety(c, whichQuestionId(version, after), lineCode(line)));
    },
    /** A safety question is asked again in full (the list too), with the offer of a call. */
    rejectSafetyAnswer: ({ context }: TurnArgs): Patch => {
      const failures = context.failures + 1;
      const list = context.step === 'safetyCheck' ? checkList(context, versionAsked(context)) : [];
      const messages: OutMessage[] = [{ key: 'dialog.invalid.choice' }];
      if (failures >= content.maxFailuresBeforeCallOffer) messages.push({ key: 'dialog.offerCall', params: { practice: context.practice.name, phone: context.practice.phone } });
      return { failures, say: say(context, ...messages, ...list, ...(context.lastPrompt ? [context.lastPrompt] : [])) };
    },
    recordSafetyAnswer: ({ context, event }: TurnArgs): Patch => {
      const parsed = see.answer(event, context);
      const qid = context.triage.currentQuestionId;
      return parsed.ok && qid ? recordSafety(context, qid, parsed.code) : {};
    },
    /** "Yes" with the sign named in the same words: both answers recorded. */
    recordTypedCheckLine: ({ context, event }: TurnArgs): Patch => {
      const line = typedLine(context, event);
      const version = versionAsked(context);
      if (!line) return {};
      return chain(context, (c) => recordSafety(c, checkQuestionId(version), CHECK_ANSWERS.yes), (c) => recordSafety(c, whichQuestionId(version, 'yes'), line));
    },
    /**
     * "No" that names a sign ("no, but I can't breathe"), still unclear on the last try: taken as
     * "not sure" (asks which sign, never below urgent), and the patient is told why.
     */
    recordCheckNotSure: ({ context }: TurnArgs): Patch => ({
      ...recordSafety(context, checkQuestionId(versionAsked(context)), CHECK_ANSWERS.unsure),
      say: say(context, { key: 'understand.safetyAssumed' }),
    }),
    /** The sign the patient picked: its own advice (999, A&E, maternity unit, crisis words), and no request. */
    divertFromCheck: ({ context }: TurnArgs): Patch => {
      const outcome = decide(context);
      const version = versionOfQuestion(context.triage.currentQuestionId);
      const line = version ? whichAnswered(context, version)?.replace(/^safety\.line\./, '') : undefined;
      const key = (line && check.lines[line]?.adviceKey) || `dialog.emergency.${outcome.disposition}`;
      const request = buildRequest({ ...context }, 'emergency-diversion', outcome);
      return {
        triage: { ...context.triage, outcome },
        step: 'emergency',
        say: say(context, { key }, { key: 'dialog.emergency.noRequest' }),
        lastPrompt: { key },
        effects: [...context.effects, { type: 'request.store' as const, request }],
      };
    },
    sayCheckNotSure: ({ context }: TurnArgs): Patch => ({ say: say(context, { key: 'safety.advice.unsure' }) }),
  };
  /** The check's list of signs while the check is asked (askingActions says it again with a repeated question). */
  const checkListShown = (ctx: IntakeContext): OutMessage[] => (ctx.step === 'safetyCheck' ? checkList(ctx, versionAsked(ctx)) : []);
  return { guards, actions, checkListShown };
}
