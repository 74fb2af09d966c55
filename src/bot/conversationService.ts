import type { Clock } from '../clock.js';
import type { LangCode, Tier } from '../domain/types.js';
import type { IntakeMachine } from '../dialog/machine/intakeMachine.js';
import type { Effect } from '../dialog/machine/types.js';
import { endedWithNothingKept, holdsNoPersonalData, withoutPersonalData } from '../dialog/forget.js';
import { effectsIn, runTurn, type TurnInput, type TurnResult } from '../dialog/turn.js';
import type { OutgoingActivity, Renderer } from '../i18n/render.js';
import type { Logger } from '../observability/logger.js';
import type { PracticeStatus } from '../practice/types.js';
import type { AnsweredActivity, Store } from '../store/types.js';
import { activityKey, IncomingActivitySchema, messageText, type IncomingActivity } from './incoming.js';
import { KeyedQueue } from './keyedQueue.js';
import { LiveConversations } from './liveConversations.js';
import { enqueueForDelivery } from '../handoff/delivery/enqueue.js';

export class BadActivityError extends Error {
  readonly status = 400;
}

/** Hooks for metrics; all optional so tests can leave them out. */
export interface TurnObserver {
  turn?(seconds: number, outcome: 'ok' | 'degraded'): void;
  requestStored?(tier: Tier, kind: 'request' | 'emergency-diversion'): void;
  /** A message already taken came again and was answered with its earlier replies. */
  repeated?(): void;
}

export interface ConversationServiceDeps {
  machine: IntakeMachine;
  store: Store;
  clock: Clock;
  render: Renderer;
  /** Never throws: falls back to what the configuration alone can say. */
  practiceStatus: (now: Date) => Promise<PracticeStatus>;
  /** Maps the channel's activity.locale to a supported language (null when unsupported). */
  localeToLang: (locale: string | undefined) => LangCode | null;
  idleMs: number;
  /**
   * Whether a practice webhook is configured. Without one there is nowhere to deliver: requests are
   * stored and read through the practice API, and are not queued (an outbox nobody drains would
   * grow, and with it the cost of every write).
   */
  deliveryEnabled: boolean;
  logger: Logger;
  observer?: TurnObserver;
  /** Most conversations whose statechart actor is kept running between turns (default 1,000; 0 = none). */
  liveConversations?: number;
  /** Messages per conversation remembered (with their replies) to answer a repeat (default 20). */
  answeredPerConversation?: number;
}

/**
 * What one activity produced. `forgotten`: the turn ended the conversation with nothing sent and
 * its details were dropped (dialog/forget.ts), so a channel that keeps its own copy of what was said
 * (the self-hosted Direct Line transcript) drops it too, keeping only these replies.
 */
export interface TurnOutcome {
  replies: OutgoingActivity[];
  forgotten: boolean;
}

/** The replies a remembered message produced, or undefined when it is not among them. */
function repliesFor(answered: readonly AnsweredActivity[] | undefined, key: string | undefined): OutgoingActivity[] | undefined {
  if (!key || !Array.isArray(answered)) return undefined;
  const hit = answered.find((a) => a.key === key);
  // Written by this service from rendered activities (conversations are our own files).
  return hit && Array.isArray(hit.replies) ? (structuredClone(hit.replies) as OutgoingActivity[]) : undefined;
}

/**
 * The bot's one entry point, shared by /api/messages (through botbuilder) and the self-hosted
 * Direct Line channel: activity in, activities out. Turns of one conversation run one at a time.
 * Order inside a turn: run the statechart → store its requests (and the outbox) and its snapshot at
 * the same time → reply. A request is never acknowledged to the patient before it is stored. The
 * snapshot of the turn that stores a request carries that request, so if the snapshot was saved but
 * the request was not (a crash between the two, or a failed write), the request is stored from the
 * snapshot when the conversation is next loaded, before anything else happens.
 *
 * Exactly once: a channel retries an activity whose reply was slow, and a patient presses send twice
 * after a lost response. The last messages taken (by `activityKey`) and the replies each produced are
 * stored in the same record as the snapshot, so a repeat (even after a crash or a restart) is
 * answered with those replies and runs nothing: no turn, no request, no audit line. Without that, a
 * "No" meant for one red-flag question could answer the next one, which the patient never saw.
 */
export function createConversationService(deps: ConversationServiceDeps) {
  const queue = new KeyedQueue();
  const live = new LiveConversations(deps.liveConversations ?? 1000);
  const remember = Math.max(0, deps.answeredPerConversation ?? 20);
  const { store, logger } = deps;

  /**
   * Stores each request (and queues it for delivery). Resolves once the requests are stored; the
   * audit lines are still being written then (`audits`), so the caller can save the snapshot
   * meanwhile instead of after them.
   */
  async function storeEffects(effects: readonly Effect[], at: Date): Promise<{ ok: boolean; audits: Promise<boolean> }> {
    let ok = true;
    const audits: Promise<boolean>[] = [];
    for (const effect of effects) {
      const { request } = effect;
      // Logs a failure and says whether the turn can stand: an emergency diversion has already told
      // the patient what to do; only a consented request must not be lost.
      const tolerate = (err: unknown, what: string): boolean => {
        logger.error({ err: (err as Error).message, requestId: request.id, kind: request.kind }, what);
        return request.kind !== 'request';
      };
      try {
        const { created } = await store.requests.put(request);
        if (created) {
          const entry = {
            at: at.toISOString(),
            actor: 'bot',
            action: request.kind === 'request' ? 'request.stored' : 'emergency.recorded',
            requestId: request.id,
            detail: { tier: request.triage.tier },
          };
          audits.push(store.audit.append(entry).then(() => true, (err: unknown) => tolerate(err, 'auditing a stored request failed')));
          deps.observer?.requestStored?.(request.triage.tier, request.kind);
        }
        // Idempotent: a request stored again after a crash is not enqueued twice; diversions never are.
        if (deps.deliveryEnabled) await enqueueForDelivery(store, request, { now: () => at });
      } catch (err) {
        if (!tolerate(err, 'storing a request failed')) ok = false;
      }
    }
    return { ok, audits: Promise.all(audits).then((results) => results.every(Boolean)) };
  }

  /** Stores any request a loaded snapshot carries that the request store lacks; false if that failed. */
  async function replayEffects(snapshot: unknown, at: Date): Promise<boolean> {
    const carried = effectsIn(snapshot);
    if (carried.length === 0) return true;
    const missing: Effect[] = [];
    for (const effect of carried) if (!(await store.requests.get(effect.request.id))) missing.push(effect);
    if (missing.length === 0) return true;
    logger.warn({ requests: missing.length }, 'storing requests a saved conversation carries but the request store lacks');
    const replayed = await storeEffects(missing, at);
    return replayed.ok && (await replayed.audits);
  }

  async function turn(key: string, activity: IncomingActivity, kind: TurnInput['kind']): Promise<TurnOutcome> {
    const outcome = (replies: OutgoingActivity[], forgotten = false): TurnOutcome => ({ replies, forgotten });
    const started = performance.now();
    const now = deps.clock.now();
    let degraded = false;
    // A conversation whose actor is still running needs no read; any other is read from the store.
    const kept = live.take(key);
    let stored: Awaited<ReturnType<Store['conversations']['get']>>;
    if (!kept) {
      try {
        stored = await store.conversations.get(key);
      } catch (err) {
        degraded = true;
        logger.error({ err: (err as Error).message }, 'loading a conversation failed; screening on a fresh dialog');
      }
      if (stored && !(await replayEffects(stored.snapshot, now))) degraded = true;
    }
    if (kind === 'start' && (stored || kept)) {
      if (kept) live.put(key, kept);
      return outcome([]);
    }
    const answered = kept?.answered ?? stored?.answered ?? [];
    const messageKey = kind === 'message' ? activityKey(activity) : undefined;
    const again = repliesFor(answered, messageKey);
    if (again) {
      if (kept) live.put(key, kept);
      deps.observer?.repeated?.();
      // The snapshot says the turn happened; if a request it carries could not be stored, say so.
      if (!degraded) return outcome(again);
    }

    const practice = await deps.practiceStatus(now);
    const lang = deps.localeToLang(activity.locale) ?? 'eng';
    if (again) return outcome(deps.render([{ key: 'dialog.error' }], { lang, channelId: activity.channelId, practice, now, state: 'error' }));
    const input: TurnInput =
      kind === 'start'
        ? { kind, at: now, practice, lang }
        : { kind, at: now, practice, lang, text: messageText(activity), attachments: activity.attachments?.length ?? 0 };

    const options = { idleMs: deps.idleMs, keepAlive: true };
    let result: TurnResult;
    try {
      result = runTurn(deps.machine, key, kept?.live ?? stored, input, options);
    } catch (err) {
      logger.error({ err: (err as Error).message }, 'restoring a conversation failed; starting again');
      result = runTurn(deps.machine, key, undefined, input, options);
    }
    const createdAt = kept?.createdAt ?? stored?.createdAt ?? now.toISOString();
    // Ended with nothing sent: keep nothing the patient said, on disk or in memory (dialog/forget.ts).
    const forget = endedWithNothingKept(result);
    const snapshot = forget ? (withoutPersonalData(result.snapshot) ?? null) : result.snapshot;
    // Earlier versions on disk are purged (a journal compaction) once, not on every message after the end.
    const purge = forget && (kept !== undefined || stored === undefined || !holdsNoPersonalData(stored.snapshot));
    const renderContext = {
      lang: result.lang,
      channelId: activity.channelId,
      practice,
      now,
      ...(result.urgency ? { urgency: result.urgency } : {}),
      ...(result.disposition ? { disposition: result.disposition } : {}),
    };
    // Rendered before saving because they are saved with the snapshot: a repeat of this message gets
    // these (a request the snapshot carries is stored again on load before a repeat is answered).
    const replies = deps.render(result.say, {
      ...renderContext,
      state: result.state,
      ...(result.requestId ? { requestId: result.requestId } : {}),
    });
    const nowAnswered: AnsweredActivity[] = messageKey && remember > 0 ? [...answered, { key: messageKey, replies }].slice(-remember) : answered;
    // Earlier replies can hold the review summary (name, date of birth): an unsent ending keeps only this turn's.
    const keptAnswered = forget ? nowAnswered.filter((a) => a.key === messageKey) : nowAnswered;

    // The snapshot is saved while the requests are stored, not after them: it carries them, so one
    // missing after a crash is stored again from it (replayEffects). The patient is answered after both.
    const saving =
      degraded
        ? Promise.resolve(true)
        : store.conversations
            .put(
              {
                id: key,
                machineVersion: result.machineVersion,
                snapshot,
                createdAt,
                updatedAt: now.toISOString(),
                ...(keptAnswered.length > 0 ? { answered: keptAnswered } : {}),
              },
              { forgetEarlier: purge },
            )
            .then(
              () => true,
              (err: unknown) => {
                logger.error({ err: (err as Error).message }, 'saving a conversation failed');
                return false;
              },
            );
    const effects = await storeEffects(result.effects, now);
    const [audited, saved] = await Promise.all([effects.audits, saving]);
    const failed = !effects.ok || degraded || !audited || !saved;
    // Keep the actor only when the store holds exactly its state; otherwise the next turn restores.
    if (result.live && !failed && !forget) live.put(key, { live: result.live, createdAt, answered: nowAnswered });
    else result.live?.actor.stop();
    deps.observer?.turn?.((performance.now() - started) / 1000, failed ? 'degraded' : 'ok');
    // Callers copy activities before changing them (botbuilder's sendActivities, botReplies), so the
    // kept list and the patient's replies may share these objects; a repeat gets its own copy.
    // Forgotten only once the reduced snapshot is saved: otherwise the store still holds the details
    // and the next message resumes from them, so the channel's transcript stays in step.
    if (!failed) return outcome(replies, forget);
    // When state could not be kept, say so, except for an emergency: its advice stands on its own.
    if (result.urgency === 'emergency') return outcome(deps.render(result.say, { ...renderContext, state: result.state }));
    return outcome(deps.render([{ key: 'dialog.error' }], { ...renderContext, state: 'error' }));
  }

  function respondParsed(activity: IncomingActivity): Promise<TurnOutcome> {
    let kind: TurnInput['kind'];
    if (activity.type === 'message') kind = 'message';
    else if (activity.type === 'conversationUpdate' && activity.membersAdded?.some((m) => m.id !== activity.recipient?.id)) kind = 'start';
    else return Promise.resolve({ replies: [], forgotten: false });
    const key = `${activity.channelId}:${activity.conversation.id}`;
    return queue.run(key, () => turn(key, activity, kind));
  }

  /** Throws BadActivityError for an activity without the fields a conversation needs. */
  function respond(raw: unknown): Promise<TurnOutcome> {
    const parsed = IncomingActivitySchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return Promise.reject(new BadActivityError(`invalid activity: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}`));
    }
    return respondParsed(parsed.data);
  }

  return {
    /** The replies to one activity. Throws BadActivityError for an activity without the fields a conversation needs. */
    handle: async (raw: unknown): Promise<OutgoingActivity[]> => (await respond(raw)).replies,
    /** For an activity the caller has already checked against IncomingActivitySchema. */
    handleParsed: async (activity: IncomingActivity): Promise<OutgoingActivity[]> => (await respondParsed(activity)).replies,
    /** The replies and whether the conversation's details were just dropped (for a channel that keeps a transcript). */
    respond,
    /**
     * Runs `task` between this conversation's turns, with its running statechart (which holds what
     * the patient said) dropped first, so no turn writes the conversation back meanwhile: for erasure.
     */
    withConversation<T>(key: string, task: () => Promise<T>): Promise<T> {
      return queue.run(key, async () => {
        live.take(key)?.live.actor.stop();
        return task();
      });
    },
    /** Resolves when every turn in flight has finished (graceful shutdown). */
    drain: () => queue.drain(),
    get inFlight(): number {
      return queue.size;
    },
  };
}

export type ConversationService = ReturnType<typeof createConversationService>;
