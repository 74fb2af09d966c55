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

export type TurnInput =
  | { kind: 'start'; at: Date; practice: PracticeStatus; lang: LangCode }
  | { kind: 'message'; at: Date; practice: PracticeStatus; lang: LangCode; text: string; attachments: number };

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
}

type Snapshot = SnapshotFrom<IntakeMachine>;

/**
 * One turn, pure: restore the stored snapshot (or start fresh), send one event, read what the
 * machine wants said and stored. Deadlines are checked here from stored timestamps because XState
 * does not persist delayed transitions.
 */
export function runTurn(
  machine: IntakeMachine,
  conversationId: string,
  stored: StoredConversation | undefined,
  input: TurnInput,
  options: { idleMs: number },
): TurnResult {
  const at = input.at.toISOString();
  const machineInput = { conversationId, lang: input.lang, at, practice: input.practice };
  const event =
    input.kind === 'start'
      ? ({ type: 'user.start', at, practice: input.practice } as const)
      : ({ type: 'user.message', text: input.text, at, practice: input.practice, attachments: input.attachments } as const);

  let notice: OutMessage | undefined;
  let actor = stored && stored.machineVersion === MACHINE_VERSION ? restore(machine, stored.snapshot, machineInput) : undefined;
  if (stored && !actor) notice = { key: 'dialog.versionRestart' };
  if (stored && actor && input.at.getTime() - Date.parse(stored.updatedAt) > options.idleMs) {
    // An idle conversation starts again; only say so when something was left unfinished.
    const snap = actor.getSnapshot();
    if (!snap.hasTag('done') && snap.context.step !== 'welcome') notice = { key: 'dialog.expired' };
    const lang = snap.context.lang;
    actor.stop();
    actor = fresh(machine, { ...machineInput, lang });
  }
  actor ??= fresh(machine, machineInput);

  let failure: unknown;
  actor.subscribe({ error: (err) => (failure = err) });
  actor.send(event);
  const next = actor.getSnapshot();
  const persisted = actor.getPersistedSnapshot();
  actor.stop();
  if (failure !== undefined || next.status === 'error') throw new Error('statechart failed', { cause: failure ?? next.error });

  const ctx: IntakeContext = next.context;
  return {
    snapshot: persisted,
    machineVersion: MACHINE_VERSION,
    say: notice ? [notice, ...ctx.say] : ctx.say,
    effects: ctx.effects,
    state: ctx.step,
    lang: ctx.lang,
    ...(ctx.outcome ? { urgency: ctx.outcome.tier, disposition: ctx.outcome.disposition } : {}),
    ...(ctx.request ? { requestId: ctx.request.id } : {}),
    done: next.hasTag('done'),
  };
}

type IntakeActor = Actor<IntakeMachine>;

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
