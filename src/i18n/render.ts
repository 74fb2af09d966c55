import type { Activity, CardAction } from '../bot/activity.js';
import type { i18n } from 'i18next';
import type { Disposition, LangCode, Tier } from '../domain/types.js';
import type { OutMessage } from '../dialog/machine/types.js';
import type { Language } from '../lang/registry.js';
import { sayDay, sayWhen } from '../practice/say-time.js';
import type { PracticeStatus } from '../practice/types.js';
import { createTranslate } from './translate.js';

/** Channels that cannot show buttons: choices are written out as a numbered list. */
const NO_BUTTON_CHANNELS = new Set(['sms', 'twilio-sms', 'email', 'telegram-text']);
/**
 * Teams shows suggested actions only as imBack, which posts (and shows) the value as the patient's
 * message: there the value is the title, which the dialog matches as typed text.
 */
const IMBACK_CHANNELS = new Set(['msteams']);

export interface IntakeChannelData {
  state: string;
  locale: string;
  dir: 'ltr' | 'rtl';
  urgency?: Tier;
  disposition?: Disposition;
  requestId?: string;
}

export interface RenderContext {
  lang: LangCode;
  channelId: string;
  practice: PracticeStatus;
  now: Date;
  state: string;
  urgency?: Tier;
  disposition?: Disposition;
  requestId?: string;
}

export type OutgoingActivity = Partial<Activity> & { channelData: { intake: IntakeChannelData } };

/** Turns the statechart's message keys into Bot Framework activities, in the patient's language. */
export function createRenderer(i18n: i18n, languages: readonly Language[]) {
  const byCode = new Map(languages.map((l) => [l.code, l]));
  const tagOf = (lang: LangCode) => byCode.get(lang)?.bcp47 ?? 'en';
  const t = createTranslate(i18n);

  const title = (code: string, lang: LangCode) =>
    code.startsWith('lang.') ? (byCode.get(code.slice(5))?.endonym ?? code) : t(`choice.${code}`, tagOf(lang));

  function text(message: OutMessage, lang: LangCode, rc: RenderContext): string {
    const lng = tagOf(lang);
    const params: Record<string, string | number> = { ...(message.params ?? {}) };
    if (typeof params.when === 'string') {
      params.when = params.when ? sayWhen(params.when, rc.practice.timeZone, lng, rc.now) : t('dialog.whenOpen', lng);
    }
    // A reply-by day ("by the end of Tuesday 9 December"): the date only, in the patient's language.
    if (typeof params.day === 'string' && params.day) params.day = sayDay(params.day, rc.practice.timeZone, lng, rc.now);
    if (typeof params.language === 'string') params.language = byCode.get(params.language)?.endonym ?? params.language;
    for (const [name, code] of Object.entries(message.titles ?? {})) params[name] = title(code, lang);
    const head = t(message.key, lng, params);
    const lines = (message.lines ?? []).map((line) =>
      t('dialog.review.line', lng, {
        label: t(line.labelKey, lng),
        value: line.valueKey ? t(line.valueKey, lng) : (line.value ?? ''),
      }),
    );
    return [head, ...lines].join('\n');
  }

  return function render(messages: readonly OutMessage[], rc: RenderContext): OutgoingActivity[] {
    const lang = byCode.get(rc.lang);
    const intake: IntakeChannelData = {
      state: rc.state,
      locale: tagOf(rc.lang),
      dir: lang?.dir ?? 'ltr',
      ...(rc.urgency ? { urgency: rc.urgency } : {}),
      ...(rc.disposition ? { disposition: rc.disposition } : {}),
      ...(rc.requestId ? { requestId: rc.requestId } : {}),
    };
    const activities: OutgoingActivity[] = [];
    let pending: string[] = [];
    const flush = (choices?: string[], numbered = false) => {
      if (pending.length === 0) return;
      const activity: OutgoingActivity = {
        type: 'message',
        text: pending.join('\n\n'),
        textFormat: 'plain',
        locale: intake.locale,
        inputHint: choices ? 'expectingInput' : 'acceptingInput',
        channelData: { intake },
      };
      if (choices?.length) {
        const imBack = IMBACK_CHANNELS.has(rc.channelId);
        const actions: CardAction[] = choices.map((code) => {
          const shown = title(code, rc.lang);
          return imBack ? { type: 'imBack', title: shown, value: shown } : { type: 'postBack', title: shown, value: code };
        });
        const noButtons = NO_BUTTON_CHANNELS.has(rc.channelId);
        // After failed tries the list is written out on every channel: some patients never see buttons.
        if (noButtons || numbered) {
          activity.text += `\n\n${t('dialog.listIntro', tagOf(rc.lang))}\n${actions.map((a, i) => `${i + 1}. ${a.title}`).join('\n')}`;
        }
        if (!noButtons) activity.suggestedActions = { to: [], actions };
      }
      activities.push(activity);
      pending = [];
    };
    for (const message of messages) {
      pending.push(text(message, rc.lang, rc));
      for (const other of message.alsoIn ?? []) if (other !== rc.lang) pending.push(text(message, other, rc));
      if (message.choices) flush(message.choices, message.numbered === true);
    }
    flush();
    return activities;
  };
}

export type Renderer = ReturnType<typeof createRenderer>;
