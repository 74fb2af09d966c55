import { createActor, type Actor, type SnapshotFrom } from 'xstate';
import type { LangCode, Tier, Disposition } from '../domain/types.js';
import type { PracticeStatus } from '../practice/types.js';
import { withFullContext } from './machine/context.js';
import { MACHINE_VERSION, type IntakeMachine } from './machine/intakeMachine.js';
import type { Effect, IntakeContext, IntakeInput, OutMessage } from './machine/types.js';

export interface StoredConversation {
  machineVersion: string;
  snapshot: unknown;
  updatedAt: string;
}

/**
 * A conversation's actor kept running between turns by the caller (the conversation service keeps
 * the most recent ones), so a turn need not parse and restore the snapshot it has just persisted.
 * Opaque to callers: hand back what `runTurn` returned, or nothing.
 */
export interface LiveConversation {
  readonly actor: IntakeActor;
  readonly updatedAt: string;
}

export type TurnInput =
  | { kind: 'start'; at: Date; practice: PracticeStatus; lang: LangCode }
  | {
      kind: 'message';
      at: Date;
      practice: PracticeStatus;
      lang: LangCode;
      text: string;
      /** A button tapped (its code sent), not typed: a bare "no" is then the code, in any language. */
      tapped: boolean;
      attachments: number;
    };

export interface TurnResult {
  snapshot: unknown;
  machineVersion: string;
  say: OutMessage[];
  effects: Effect[];
  state: string;
  lang: LangCode;
  urgency?: Tier;
  disposition?: Disposition;
  requestId?: string;
  /** True when the conversation has reached an end (submitted, diverted, stopped). */
  done: boolean;
  /** With `keepAlive`: the running actor, to pass to the next turn once `snapshot` is stored. */
  live?: LiveConversation;
}

type Snapshot = SnapshotFrom<IntakeMachine>;

/**
 * One turn: restore the stored snapshot (or continue a live actor, or start fresh), send one event,
 * read what the machine wants said and stored. Deadlines are checked here from stored timestamps
 * because XState does not persist delayed transitions. Without `keepAlive` the actor is stopped and
 * nothing outlives the call; with it, the caller owns the returned `live` actor (and must stop it if
 * it does not keep it). A live actor passed in is used up either way.
 */
export function runTurn(
  machine: IntakeMachine,
  conversationId: string,
  from: StoredConversation | LiveConversation | undefined,
  input: TurnInput,
  options: { idleMs: number; keepAlive?: boolean },
): TurnResult {
  const at = input.at.toISOString();
  const machineInput = { conversationId, lang: input.lang, at, practice: input.practice };
  const event =
    input.kind === 'start'
      ? ({ type: 'user.start', at, practice: input.practice } as const)
      : ({ type: 'user.message', text: input.text, tapped: input.tapped, at, practice: input.practice, attachments: input.attachments } as const);

  let notice: OutMessage | undefined;
  let actor: IntakeActor | undefined;
  if (from && 'actor' in from) actor = from.actor;
  else if (from) {
    actor = from.machineVersion === MACHINE_VERSION ? restore(machine, from.snapshot, machineInput) : undefined;
    if (!actor) notice = { key: 'dialog.versionRestart' };
  }
  if (from && actor && input.at.getTime() - Date.parse(from.updatedAt) > options.idleMs) {
    // An idle conversation starts again; only say so when something was left unfinished.
    const snap = actor.getSnapshot();
    if (!snap.hasTag('done') && snap.context.step !== 'welcome') notice = { key: 'dialog.expired' };
    const lang = snap.context.lang;
    actor.stop();
    actor = fresh(machine, { ...machineInput, lang });
  }
  actor ??= fresh(machine, machineInput);

  let failure: unknown;
  const subscription = actor.subscribe({ error: (err) => (failure = err) });
  actor.send(event);
  subscription.unsubscribe();
  const next = actor.getSnapshot();
  const persisted = persistedSnapshotOf(actor, next);
  const keep = options.keepAlive === true && failure === undefined && next.status === 'active';
  if (!keep) actor.stop();
  if (failure !== undefined || next.status === 'error') throw new Error('statechart failed', { cause: failure ?? next.error });

  const ctx: IntakeContext = next.context;
  return {
    snapshot: persisted,
    machineVersion: MACHINE_VERSION,
    say: notice ? [notice, ...ctx.say] : ctx.say,
    effects: ctx.effects,
    state: ctx.step,
    lang: ctx.lang,
    ...(ctx.triage.outcome ? { urgency: ctx.triage.outcome.tier, disposition: ctx.triage.outcome.disposition } : {}),
    ...(ctx.request ? { requestId: ctx.request.id } : {}),
    done: next.hasTag('done'),
    ...(keep ? { live: { actor, updatedAt: at } } : {}),
  };
}

type IntakeActor = Actor<IntakeMachine>;

/**
 * What `actor.getPersistedSnapshot()` returns, without its walk of the whole context looking for
 * actor references to replace (about 4% of the server's CPU under load): this machine spawns no actors, has no
 * history states, and its context is plain data, so the walk never changes anything. The object
 * shares the live context, which XState never mutates; the store stringifies it at once. Anything
 * unexpected (children, history) takes XState's own path. tests/dialog/turn.test.ts compares the two
 * at every step of scripted conversations.
 */
function persistedSnapshotOf(actor: IntakeActor, snapshot: Snapshot): unknown {
  if (Object.keys(snapshot.children).length > 0 || Object.keys(snapshot.historyValue).length > 0) return actor.getPersistedSnapshot();
  const { status, output, error, value, context } = snapshot;
  return { status, output, error, value, historyValue: {}, context, children: {} };
}

/**
 * The effects a persisted snapshot carries: the requests its turn asked to store. The snapshot is
 * saved alongside those requests, not after them, so after a crash or a failed write the edge
 * stores again any that are missing when it next loads the conversation.
 */
export function effectsIn(snapshot: unknown): Effect[] {
  if (typeof snapshot !== 'object' || snapshot === null || !('context' in snapshot)) return [];
  const { context } = snapshot;
  if (typeof context !== 'object' || context === null || !('effects' in context) || !Array.isArray(context.effects)) return [];
  return (context.effects as unknown[]).filter(
    (e): e is Effect =>
      typeof e === 'object' &&
      e !== null &&
      (e as { type?: unknown }).type === 'request.store' &&
      typeof (e as { request?: { id?: unknown } }).request?.id === 'string',
  );
}

function fresh(machine: IntakeMachine, input: IntakeInput): IntakeActor {
  const actor = createActor(machine, { input });
  actor.start();
  return actor;
}

/**
 * A started actor on the stored snapshot, or undefined when it cannot be restored: a snapshot from
 * another machine shape makes XState fail (and, with no error listener, crash the process).
 */
function restore(machine: IntakeMachine, persisted: unknown, input: IntakeInput): IntakeActor | undefined {
  try {
    const actor = createActor(machine, { snapshot: withFullContext(persisted) as Snapshot, input });
    let failed = false;
    const sub = actor.subscribe({ error: () => (failed = true) });
    actor.start();
    sub.unsubscribe();
    if (!failed && actor.getSnapshot().status === 'active') return actor;
    actor.stop();
    return undefined;
  } catch {
    return undefined;
  }
}
