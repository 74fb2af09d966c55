import { createActor, type SnapshotFrom } from 'xstate';
import type { LangCode, Tier, Disposition } from '../domain/types.js';
import type { PracticeStatus } from '../practice/types.js';
import { MACHINE_VERSION, type IntakeMachine } from './machine/intakeMachine.js';
import type { Effect, IntakeContext, OutMessage } from './machine/types.js';

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
  let notice: OutMessage | undefined;
  let snapshot: Snapshot | undefined;
  let lang = input.lang;

  if (stored) {
    const restored = stored.machineVersion === MACHINE_VERSION ? restore(machine, stored.snapshot, input) : undefined;
    if (restored) lang = restored.context.lang;
    if (!restored) {
      notice = { key: 'dialog.versionRestart' };
    } else if (input.at.getTime() - Date.parse(stored.updatedAt) > options.idleMs) {
      // An idle conversation starts again; only say so when something was left unfinished.
      if (!restored.hasTag('done') && restored.context.step !== 'welcome') notice = { key: 'dialog.expired' };
    } else {
      snapshot = stored.snapshot as Snapshot;
    }
  }

  const machineInput = { conversationId, lang, at, practice: input.practice };
  const actor = createActor(machine, snapshot ? { snapshot, input: machineInput } : { input: machineInput });
  let failure: unknown;
  actor.subscribe({ error: (err) => (failure = err) });
  actor.start();
  if (input.kind === 'start') actor.send({ type: 'user.start', at, practice: input.practice });
  else actor.send({ type: 'user.message', text: input.text, at, practice: input.practice, attachments: input.attachments });
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

/** A snapshot from another machine shape makes XState throw: treat it as "nothing to restore". */
function restore(machine: IntakeMachine, persisted: unknown, input: TurnInput): Snapshot | undefined {
  try {
    const placeholder = { conversationId: '', lang: input.lang, at: input.at.toISOString(), practice: input.practice };
    const actor = createActor(machine, { snapshot: persisted as Snapshot, input: placeholder });
    let failed = false;
    actor.subscribe({ error: () => (failed = true) });
    actor.start();
    const snap = actor.getSnapshot();
    actor.stop();
    return failed || snap.status !== 'active' ? undefined : snap;
  } catch {
    return undefined;
  }
}
