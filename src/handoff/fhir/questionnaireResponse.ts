import type { QuestionnaireResponse, QuestionnaireResponseItem, QuestionnaireResponseItemAnswer } from 'fhir/r4.js';
import type { Answer } from '../../domain/types.js';
import { EXT_TEXT_LANGUAGE } from '../codes.js';
import type { BuildContext } from './context.js';
import { ownCoding } from './context.js';
import { languageName, toBcp47 } from './language.js';

/** Shape of our language-neutral answer codes ('yes', 'duration.days'); anything else is free text. */
const CODE_SHAPE = /^[a-z0-9_]+(\.[a-z0-9_-]+)*$/i;

/**
 * An answer is coded when it looks like a code AND has an English choice title; otherwise it is the
 * patient's literal text and goes out verbatim as valueString (never translated, never trimmed).
 */
function answerValue(ctx: BuildContext, a: Answer): QuestionnaireResponseItemAnswer {
  if (CODE_SHAPE.test(a.code) && ctx.english(`choice.${a.code}`)) return { valueCoding: ownCoding(ctx, a.code) };
  return { valueString: a.code };
}

function answerItems(ctx: BuildContext): QuestionnaireResponseItem[] {
  return ctx.request.answers.map((a) => ({
    linkId: a.questionId,
    // English question text so the clinician reads what was asked; the key is kept when untranslated.
    text: ctx.english(a.questionKey) ?? a.questionKey,
    answer: [answerValue(ctx, a)],
  }));
}

/** The patient's own words, verbatim, each tagged with the language it was written in. */
function patientWordsItem(ctx: BuildContext): QuestionnaireResponseItem | undefined {
  const texts = ctx.request.texts;
  if (texts.length === 0) return undefined;
  return {
    linkId: 'patient-words',
    text: "Patient's own words (verbatim, not translated)",
    item: texts.map((t, i) => {
      const lang = toBcp47(t.lang);
      return {
        linkId: `patient-words.${i + 1}`,
        extension: [{ url: EXT_TEXT_LANGUAGE, valueCode: lang }],
        text: `Written at step "${t.step}" in ${languageName(lang)} [${lang}] at ${t.at}`,
        answer: [{ valueString: t.text }],
      };
    }),
  };
}

export function buildQuestionnaireResponse(ctx: BuildContext): QuestionnaireResponse {
  const r = ctx.request;
  const items = answerItems(ctx);
  const words = patientWordsItem(ctx);
  if (words) items.push(words);
  return {
    resourceType: 'QuestionnaireResponse',
    id: ctx.uuid('questionnaire-response'),
    language: toBcp47(r.language),
    status: 'completed',
    subject: ctx.ref('patient'),
    encounter: ctx.ref('encounter'),
    authored: r.submittedAt,
    author: r.subject.who === 'for.other' ? ctx.ref('related-person') : ctx.ref('patient'),
    source: r.subject.who === 'for.other' ? ctx.ref('related-person') : ctx.ref('patient'),
    ...(items.length ? { item: items } : {}),
  };
}
