import type { Kit, Patch, TurnArgs } from '../kit.js';
import { greeting, hoursNote, practiceParams, replyByMessage } from '../speech.js';

/** Actions that only add messages to this turn's reply. */
export function createSayingActions({ deps, say }: Kit) {
  const { content } = deps;
  return {
    greet: ({ context }: TurnArgs): Patch => ({ flow: { ...context.flow, replayText: undefined }, say: say(context, ...greeting(context)) }),
    greetIfFirst: ({ context }: TurnArgs): Patch => ({ say: context.step === 'welcome' ? say(context, ...greeting(context)) : context.say }),
    /** Never leave the patient with no reply. */
    hintIfSilent: ({ context }: TurnArgs): Patch => ({ say: context.say.length > 0 ? context.say : say(context, { key: 'dialog.endedHint' }) }),
    sayConfirmed: ({ context }: TurnArgs): Patch => ({ say: say(context, { key: 'dialog.confirmed' }) }),
    sayHelp: ({ context }: TurnArgs): Patch => ({ say: say(context, { key: 'dialog.help' }) }),
    sayPerson: ({ context }: TurnArgs): Patch => ({
      say: say(context, { key: 'dialog.person', params: practiceParams(context) }, hoursNote(context)),
    }),
    sayStopped: ({ context }: TurnArgs): Patch => ({ say: say(context, { key: context.request ? 'dialog.safetyNet' : 'dialog.stopped' }) }),
    sayEnded: ({ context }: TurnArgs): Patch => ({
      say: say(context, context.request ? { key: 'dialog.alreadySent', params: { reference: context.request.reference } } : { key: 'dialog.endedHint' }),
    }),
    sayNotSent: ({ context }: TurnArgs): Patch => ({ say: say(context, { key: 'dialog.notSent' }, { key: 'dialog.endedHint' }) }),
    sayPharmacy: ({ context }: TurnArgs): Patch => ({ say: say(context, { key: 'dialog.pharmacy' }) }),
    /** Not sent because the route is closed: when it reopens, and during an exceptional closure the phone number. */
    sayRouteClosed: ({ context }: TurnArgs): Patch => {
      const { closure, nextOpenAt } = context.practice;
      return {
        say: say(
          context,
          closure
            ? { key: 'contract.closureEnd', params: { when: closure.until, phone: context.practice.phone } }
            : { key: 'contract.closedEnd', params: { when: nextOpenAt ?? '' } },
        ),
      };
    },
    sayRestarted: ({ context }: TurnArgs): Patch => ({ say: say(context, { key: 'dialog.restarted' }) }),
    sayEmergencyAgain: ({ context }: TurnArgs): Patch => ({
      say: say(context, { key: context.triage.outcome ? `dialog.emergency.${context.triage.outcome.disposition}` : 'dialog.emergency.repeat' }),
    }),
    saySubmitted: ({ context }: TurnArgs): Patch => {
      const tier = context.triage.outcome?.tier ?? 'routine';
      const queued = context.queuedUntil !== undefined;
      const nextKey = tier === 'urgent' ? (queued ? 'urgentQueued' : 'urgent') : tier === 'emergency' ? 'emergency' : queued ? 'routineQueued' : tier;
      return {
        say: say(
          context,
          { key: 'dialog.submitted', params: { reference: context.request?.reference ?? '' } },
          // The reply-by time from the practice calendar (worked out at the edge); the older wording only without one.
          replyByMessage(context) ?? { key: `dialog.nextStep.${nextKey}`, params: { when: context.queuedUntil ?? '', count: content.routineResponseWorkingDays } },
          { key: 'dialog.safetyNet' },
        ),
        lastPrompt: { key: 'dialog.alreadySent', params: { reference: context.request?.reference ?? '' } },
      };
    },
  };
}
