import { conversationJson } from '../../src/store/lowdb/conversationJson.js';
import type { AnsweredActivity, ConversationRecord } from '../../src/store/types.js';
import { T0, open, tempDir } from './helpers.js';

/** A remembered message as the conversation service keeps it: the key and its rendered replies. */
function entry(n: number): AnsweredActivity {
  return {
    key: `client:msg-${n}`,
    replies: [
      {
        type: 'message',
        text: `Reply ${n}: "quoted", back\\slash, line\u2028separator, ਧੰਨਵਾਦ, emoji 👍, nul \u0000`,
        channelData: { intake: { state: 'duration', locale: 'en', dir: 'ltr' } },
        suggestedActions: { to: [], actions: [{ type: 'postBack', title: 'A few days', value: 'duration.days' }] },
      },
    ],
  };
}

function record(turn: number, answered: AnsweredActivity[] | undefined): ConversationRecord {
  return {
    id: 'webchat:conv-1',
    machineVersion: 'intake-11',
    snapshot: { value: 'duration', context: { turn, texts: [{ text: 'a rash "on my arm"' }] }, answered: 0 },
    createdAt: T0,
    updatedAt: new Date(Date.parse(T0) + turn * 1000).toISOString(),
    ...(answered ? { answered } : {}),
  };
}

describe('conversation JSON for the journal', () => {
  it('is exactly JSON.stringify of the record over turns that keep the same remembered entries', () => {
    let answered: AnsweredActivity[] = [];
    expect(conversationJson(record(0, undefined))).toBe(JSON.stringify(record(0, undefined)));
    expect(conversationJson(record(0, []))).toBe(JSON.stringify(record(0, [])));
    for (let turn = 1; turn <= 25; turn++) {
      answered = [...answered, entry(turn)].slice(-20);
      const r = record(turn, answered);
      expect(conversationJson(r)).toBe(JSON.stringify(r));
      // The same entries again (a second save of the turn) give the same text.
      expect(conversationJson(r)).toBe(JSON.stringify(r));
    }
    // The list need not be the last field.
    const { answered: list, ...rest } = record(26, answered);
    const first = { answered: list, ...rest } as ConversationRecord;
    expect(conversationJson(first)).toBe(JSON.stringify(first));
  });

  it('is exactly JSON.stringify of a record whose context groups are kept or replaced from turn to turn', () => {
    // As the statechart does: a group (intake, triage, flow) is replaced whole when a field changes,
    // and the entries of its lists and records are kept by object.
    const texts = [{ step: 'describe', text: 'a rash "on my arm" \\ \u2028', lang: 'eng', at: T0 }];
    let intake: Record<string, unknown> = { need: 'symptom', texts, answers: {}, subject: undefined, patient: {} };
    let triage: Record<string, unknown> = { answers: {}, presentRuleIds: [], redFlags: [], outcome: undefined };
    let flow: Record<string, unknown> = { trail: [], returnToReview: false, declinedLangs: [] };
    for (let turn = 1; turn <= 12; turn++) {
      const id = turn % 3 === 0 ? `q.${turn}` : String(turn);
      intake = { ...intake, answers: { ...(intake.answers as object), [id]: { questionId: id, code: 'yes', at: T0 } } };
      if (turn % 2 === 0) triage = { ...triage, redFlags: [...(triage.redFlags as unknown[]), { ruleId: `r${turn}`, present: true }, undefined] };
      if (turn % 4 === 0) flow = { ...flow, trail: [...(flow.trail as string[]), id] };
      const context = { conversationId: 'webchat:conv-1', step: 'duration', say: [], intake, triage, flow, queuedUntil: undefined };
      const r: ConversationRecord = { ...record(turn, [entry(turn)]), snapshot: { status: 'active', value: 'duration', context, children: {} } };
      expect(conversationJson(r)).toBe(JSON.stringify(r));
      expect(conversationJson(r)).toBe(JSON.stringify(r));
    }
  });

  it('the stored record reads back equal, also after the store is opened again', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      let store = await open(dir);
      let answered: AnsweredActivity[] = [];
      let last: ConversationRecord | undefined;
      for (let turn = 1; turn <= 22; turn++) {
        answered = [...answered, entry(turn)].slice(-20);
        last = record(turn, answered);
        await store.conversations.put(last);
        expect(await store.conversations.get(last.id)).toEqual(last);
      }
      await store.close();
      store = await open(dir);
      expect(await store.conversations.get('webchat:conv-1')).toEqual(last);
      await store.close();
    } finally {
      await cleanup();
    }
  });
});
