import type { Clock } from '../clock.js';
import type { IntakeRequest, LangCode, Tier } from '../domain/types.js';
import type { IntakeMachine } from '../dialog/machine/intakeMachine.js';
import type { Effect } from '../dialog/machine/types.js';
import { endedWithNothingKept, holdsNoPersonalData, withoutPersonalData } from '../dialog/forget.js';
import { effectsIn, runTurn, type TurnInput, type TurnResult } from '../dialog/turn.js';
import type { OutgoingActivity, Renderer } from '../i18n/render.js';
import type { Logger } from '../observability/logger.js';
import type { PracticeStatus } from '../practice/types.js';
import type { AnsweredActivity, AuditEntry, Store, TurnSession } from '../store/types.js';
import { activityKey, isTapped, messageText, parseIncomingActivity, type IncomingActivity } from './incoming.js';
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

/**
 * The audit lines for a request a turn newly stored: that it was stored (or the diversion recorded)
 * and, with delivery on, that it was queued or, for a diversion, deliberately not (handoff/delivery/enqueue.ts).
 */
export function auditLines(request: IntakeRequest, at: Date, deliveryEnabled: boolean): AuditEntry[] {
  const when = at.toISOString();
  const stored: AuditEntry = {
    at: when,
    actor: 'bot',
    action: request.kind === 'request' ? 'request.stored' : 'emergency.recorded',
    requestId: request.id,
    detail: { tier: request.triage.tier },
  };
  if (!deliveryEnabled) return [stored];
  return request.kind === 'request'
    ? [stored, { at: when, actor: 'system', action: 'delivery.enqueued', requestId: request.id }]
    : [stored, { at: when, actor: 'system', action: 'delivery.not-enqueued', requestId: request.id, detail: { reason: 'emergency-diversion' } }];
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
 * Direct Line channel: activity in, activities out. Turns of one conversation run one at a time,
 * in this process (a queue) and across processes sharing a store (`Store.turn` holds the
 * conversation's lock). Order inside a turn: read the record under the lock → run the statechart →
 * commit its snapshot, requests, outbox entries and audit lines together → reply. A request is never
 * acknowledged to the patient before it is stored. On PostgreSQL the commit is one transaction. On
 * lowdb the snapshot of the turn that stores a request carries that request, so if the snapshot was
 * saved but the request was not (a crash between the two, or a failed write), the request is stored
 * from the snapshot when the conversation is next loaded, before anything else happens.
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
   * Stores each request on its own (lowdb only: replaying what a loaded snapshot carries, and a turn
   * whose own snapshot is not saved). Returns the ids newly created; throws when a consented request
   * could not be stored (a diversion has already told the patient what to do: logged, not thrown).
   */
  async function storeEffectsAlone(effects: readonly Effect[], at: Date): Promise<string[]> {
    const created: string[] = [];
    let failed: unknown;
    for (const { request } of effects) {
      try {
        if ((await store.requests.put(request)).created) {
          created.push(request.id);
          for (const line of auditLines(request, at, false)) await store.audit.append(line);
        }
        if (deps.deliveryEnabled) await enqueueForDelivery(store, request, { now: () => at });
      } catch (err) {
        logger.error({ err: (err as Error).message, requestId: request.id, kind: request.kind }, 'storing a request failed');
        if (request.kind === 'request') failed ??= err;
      }
    }
    if (failed !== undefined) throw failed;
    return created;
  }

  /** Stores any request a loaded snapshot carries that the request store lacks; false if that failed. */
  async function replayEffects(snapshot: unknown, at: Date): Promise<boolean> {
    const carried = effectsIn(snapshot);
    if (carried.length === 0) return true;
    const missing: Effect[] = [];
    for (const effect of carried) if (!(await store.requests.get(effect.request.id))) missing.push(effect);
    if (missing.length === 0) return true;
    logger.warn({ requests: missing.length }, 'storing requests a saved conversation carries but the request store lacks');
    return storeEffectsAlone(missing, at).then(
      () => true,
      () => false,
    );
  }

  /**
   * What a turn decided inside the conversation's lock. On PostgreSQL the transaction commits only
   * once the session's task resolves, so whatever must wait for the data to be stored (keeping the
   * actor, counting requests, the replies that say a request was sent) waits for `store.turn()`.
   */
  interface Planned {
    result: TurnResult;
    replies: OutgoingActivity[];
    renderContext: Omit<Parameters<Renderer>[1], 'state'>;
    forget: boolean;
    /** The record as stored by this turn (what a kept actor must match on a shared store). */
    createdAt: string;
    updatedAt: string;
    answered: AnsweredActivity[];
    created: string[];
    /** A request a loaded snapshot carries could not be stored (lowdb): the turn stands, the patient is told. */
    degraded: boolean;
  }

  type Early = { early: TurnOutcome };

  async function turn(key: string, activity: IncomingActivity, kind: TurnInput['kind']): Promise<TurnOutcome> {
    const outcome = (replies: OutgoingActivity[], forgotten = false): TurnOutcome => ({ replies, forgotten });
    const started = performance.now();
    const now = deps.clock.now();
    const lang = deps.localeToLang(activity.locale) ?? 'eng';
    // Asked before the lock: on PostgreSQL the turn holds a pooled connection, and the practice's
    // status may need another one (demand today); waiting for it while holding one can starve the pool.
    const practice = await deps.practiceStatus(now);
    const input: TurnInput =
      kind === 'start'
        ? { kind, at: now, practice, lang }
        : { kind, at: now, practice, lang, text: messageText(activity), tapped: isTapped(activity), attachments: activity.attachments?.length ?? 0 };
    const messageKey = kind === 'message' ? activityKey(activity) : undefined;
    const options = { idleMs: deps.idleMs, keepAlive: true };
    let planned: Planned | undefined;
    // On a shared store the kept actor is taken before the turn so the store can skip reading the
    // record (TurnOptions): the first run is presumed, and runs again, reading it, if the copy was stale.
    // Turns of one conversation are queued in this process, so nothing else takes it meanwhile.
    const held = store.shared ? live.take(key) : undefined;
    let runs = 0;

    const inSession = async (session: TurnSession): Promise<Early | Planned> => {
      runs += 1;
      if (runs > 1) {
        // A run before this one was on a stale copy and stored nothing: its actor (the held one, which
        // it may have advanced, or one it put back) is dropped, and this run restores from the record.
        planned?.result.live?.actor.stop();
        planned = undefined;
        held?.live.actor.stop();
        live.take(key)?.live.actor.stop();
      }
      // A running actor is used only while the store holds exactly its state: on a shared store
      // another process may have taken a turn of this conversation (or erased it) since.
      let kept = store.shared ? (runs === 1 ? held : undefined) : live.take(key);
      // A presumed run has no record but its updatedAt: it must run on the held actor.
      if (session.presumed && !kept) throw new Error('a presumed turn without the actor it presumed');
      if (kept && store.shared && kept.updatedAt !== session.record?.updatedAt) {
        kept.live.actor.stop();
        kept = undefined;
      }
      // An actor kept on a store no other process writes holds everything the record would give:
      // every use of `stored` below looks at `kept` first, so the record is not read at all (the
      // embedded store parses it only when asked, lowdb/turn.ts: most turns skip that parse).
      const stored = kept && !store.shared ? undefined : session.record;
      // lowdb writes the snapshot beside its requests: one the snapshot carries may be missing.
      const degraded = !kept && !store.shared && stored !== undefined && !(await replayEffects(stored.snapshot, now));
      if (kind === 'start' && (stored || kept)) {
        if (kept) live.put(key, kept);
        return { early: outcome([]) };
      }
      const answered = kept?.answered ?? stored?.answered ?? [];
      const again = repliesFor(answered, messageKey);
      if (again) {
        if (kept) live.put(key, kept);
        deps.observer?.repeated?.();
        // The snapshot says the turn happened; if a request it carries could not be stored, say so.
        if (!degraded) return { early: outcome(again) };
        return { early: outcome(deps.render([{ key: 'dialog.error' }], { lang, channelId: activity.channelId, practice, now, state: 'error' })) };
      }

      let result: TurnResult;
      try {
        result = runTurn(deps.machine, key, kept?.live ?? stored, input, options);
      } catch (err) {
        logger.error({ err: (err as Error).message }, 'restoring a conversation failed; starting again');
        result = runTurn(deps.machine, key, undefined, input, options);
      }
      const createdAt = kept?.createdAt ?? stored?.createdAt ?? now.toISOString();
      // On a shared store updatedAt also tells processes apart: strictly later than what it replaces,
      // even when two hosts' clocks disagree, so a kept actor can never match a newer record.
      const previous = stored ? Date.parse(stored.updatedAt) : NaN;
      const updatedAt = store.shared && previous >= now.getTime() ? new Date(previous + 1).toISOString() : now.toISOString();
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
      const plan: Planned = { result, replies, renderContext, forget, createdAt, updatedAt, answered: nowAnswered, created: [], degraded };
      planned = plan;
      if (degraded) {
        // The stored snapshot stays as it was (this turn is not saved over a request still missing);
        // this turn's own requests are stored on their own, as a consented request must not wait.
        plan.created = await storeEffectsAlone(result.effects, now);
        return plan;
      }
      // Snapshot, requests, outbox and audit lines together: one transaction on PostgreSQL; on lowdb
      // the snapshot carries the requests, so one lost to a crash is stored again from it on load.
      const committed = await session.commit({
        conversation: {
          id: key,
          machineVersion: result.machineVersion,
          snapshot,
          createdAt,
          updatedAt,
          ...(keptAnswered.length > 0 ? { answered: keptAnswered } : {}),
        },
        options: { forgetEarlier: purge },
        requests: result.effects.map((e) => e.request),
        ...(deps.deliveryEnabled ? { enqueueAt: now } : {}),
        audit: (request) => auditLines(request, now, deps.deliveryEnabled),
        // Nothing below can fail: PostgreSQL commits with these writes, one round trip fewer.
        last: true,
      });
      plan.created = committed.created;
      return plan;
    };

    let done: Early | Planned | undefined;
    try {
      done = await store.turn(key, inSession, held ? { expectUpdatedAt: held.updatedAt } : {});
    } catch (err) {
      logger.error({ err: (err as Error).message }, planned ? 'storing a turn failed' : 'reading a conversation failed');
      // Not run at all (the store could not begin): the held actor is dropped; the next turn restores.
      if (runs === 0) held?.live.actor.stop();
    }
    if (done && 'early' in done) return done.early;
    if (!done || done.degraded) {
      // Nothing of this turn is stored (lowdb: perhaps part of it, replayed on load), so its actor is
      // dropped and the next turn restores from the store. A turn the store could not even begin
      // (the database down) is still screened, on a fresh dialog, so an emergency is diverted.
      const result = planned?.result ?? screenAlone(key, input, options);
      result.live?.actor.stop();
      if (done) for (const id of done.created) observeStored(result, id);
      deps.observer?.turn?.((performance.now() - started) / 1000, 'degraded');
      const renderContext = planned?.renderContext ?? { lang: result.lang, channelId: activity.channelId, practice, now, ...(result.urgency ? { urgency: result.urgency } : {}) };
      // When state could not be kept, say so, except for an emergency: its advice stands on its own.
      if (result.urgency === 'emergency') return outcome(deps.render(result.say, { ...renderContext, state: result.state }));
      return outcome(deps.render([{ key: 'dialog.error' }], { ...renderContext, state: 'error' }));
    }

    const { result, replies, forget, createdAt, updatedAt, answered } = done;
    for (const id of done.created) observeStored(result, id);
    // Keep the actor only when the store holds exactly its state; otherwise the next turn restores.
    if (result.live && !forget) live.put(key, { live: result.live, createdAt, updatedAt, answered });
    else result.live?.actor.stop();
    deps.observer?.turn?.((performance.now() - started) / 1000, 'ok');
    // Callers copy activities before changing them (botbuilder's sendActivities, botReplies), so the
    // kept list and the patient's replies may share these objects; a repeat gets its own copy.
    // Forgotten only once the reduced snapshot is saved: otherwise the store still holds the details
    // and the next message resumes from them, so the channel's transcript stays in step.
    return outcome(replies, forget);
  }

  function observeStored(result: TurnResult, id: string): void {
    const request = result.effects.find((e) => e.request.id === id)?.request;
    if (request) deps.observer?.requestStored?.(request.triage.tier, request.kind);
  }

  /** The statechart on a fresh dialog, for screening when the stored conversation cannot be read. */
  function screenAlone(key: string, input: TurnInput, options: { idleMs: number; keepAlive: boolean }): TurnResult {
    const result = runTurn(deps.machine, key, undefined, input, options);
    logger.warn({ urgency: result.urgency ?? 'none' }, 'answered from a fresh dialog: the conversation could not be read');
    return result;
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
    const parsed = parseIncomingActivity(raw);
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
