import { join } from 'node:path';
import type { LangCode } from '../../src/domain/types.js';
import { createIntakeMachine } from '../../src/dialog/machine/intakeMachine.js';
import { createLanguagePolicy } from '../../src/dialog/languagePolicy.js';
import { sharedRecognisers } from '../../src/dialog/interpret/recognizersText.js';
import { runTurn, type StoredConversation, type TurnResult } from '../../src/dialog/turn.js';
import { createRenderer, type OutgoingActivity } from '../../src/i18n/render.js';
import { createWordbook } from '../../src/i18n/wordbook.js';
import type { PracticeStatus } from '../../src/practice/types.js';
import { loadContent } from '../../src/server/content.js';
import type { TriageEngine } from '../../src/triage/types.js';

export const projectRoot = join(import.meta.dirname, '..', '..');
export const content = loadContent(projectRoot);
export const allLanguages = content.languages.map((l) => l.code);

/** The statechart over the project's content; `triage` swaps in an engine over content built in memory. */
export function buildMachine(languagesOffered: readonly LangCode[] = allLanguages, triage: TriageEngine = content.triage) {
  return createIntakeMachine({
    content: content.intake,
    triage,
    words: createWordbook(content.resources, content.languages),
    language: createLanguagePolicy(content.languages, allLanguages),
    languagesOffered,
    recognisers: sharedRecognisers(),
  });
}

export const openPractice: PracticeStatus = {
  name: 'Test Surgery',
  phone: '0113 496 0000',
  timeZone: 'Europe/London',
  open: true,
  outOfHoursRoutine: 'queue',
};

const render = createRenderer(content.i18n, content.languages);

/**
 * Drives one conversation through the statechart's public surface (runTurn), keeping the persisted
 * snapshot between turns as the store would, and renders English text for assertions.
 */
export function conversation(options: { practice?: Partial<PracticeStatus>; start?: Date; lang?: LangCode; id?: string; triage?: TriageEngine } = {}) {
  const machine = buildMachine(allLanguages, options.triage);
  let stored: StoredConversation | undefined;
  let now = options.start ?? new Date('2026-03-04T10:00:00Z');
  const practice: PracticeStatus = { ...openPractice, ...options.practice };
  const id = options.id ?? 'test:conv-1';
  const turns: TurnResult[] = [];
  const step = (result: TurnResult) => {
    stored = { machineVersion: result.machineVersion, snapshot: JSON.parse(JSON.stringify(result.snapshot)), updatedAt: now.toISOString() };
    turns.push(result);
    const activities = render(result.say, {
      lang: result.lang, channelId: 'test', practice, now, state: result.state,
      ...(result.urgency ? { urgency: result.urgency } : {}),
      ...(result.disposition ? { disposition: result.disposition } : {}),
      ...(result.requestId ? { requestId: result.requestId } : {}),
    });
    return { result, activities, text: activities.map((a) => a.text ?? '').join('\n') };
  };
  return {
    /** Typed words. */
    say(text: string, attachments = 0) {
      return step(runTurn(machine, id, stored, { kind: 'message', at: now, practice, lang: options.lang ?? 'eng', text, tapped: false, attachments }, { idleMs: 30 * 60_000 }));
    },
    /** A button tapped: its code. */
    tap(code: string) {
      return step(runTurn(machine, id, stored, { kind: 'message', at: now, practice, lang: options.lang ?? 'eng', text: code, tapped: true, attachments: 0 }, { idleMs: 30 * 60_000 }));
    },
    start() {
      return step(runTurn(machine, id, stored, { kind: 'start', at: now, practice, lang: options.lang ?? 'eng' }, { idleMs: 30 * 60_000 }));
    },
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
    get turns() {
      return turns;
    },
    get last(): TurnResult {
      const t = turns[turns.length - 1];
      if (!t) throw new Error('no turn yet');
      return t;
    },
    get stored() {
      return stored;
    },
    set stored(s: StoredConversation | undefined) {
      stored = s;
    },
  };
}

export type Reply = ReturnType<ReturnType<typeof conversation>['say']>;
export const choicesOf = (reply: Reply): string[] =>
  reply.activities.flatMap((a: OutgoingActivity) => a.suggestedActions?.actions.map((x) => String(x.value)) ?? []);

/**
 * Taps `answer` at any triage question until the dialog reaches `until` (or gives up). The
 * emergency check is answered "No, none of these" and the area picker "Something else".
 */
export function answerTriageQuestions(c: ReturnType<typeof conversation>, answer = 'no', until = 'duration'): Reply | undefined {
  let reply: Reply | undefined;
  const SAFETY: Record<string, string> = { safetyCheck: 'safety.no', areaPick: 'safety.area.other' };
  for (let i = 0; i < 14 && ['triageQuestion', 'confirm', 'safetyCheck', 'areaPick'].includes(c.last.state) && c.last.state !== until; i++) {
    reply = c.tap(SAFETY[c.last.state] ?? answer);
  }
  return reply;
}
