import { conversationJson, conversationJsonParts } from '../../src/store/lowdb/conversationJson.js';
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
      // The pieces the journal writes one by one are the same text, and the same UTF-8 bytes.
      const parts = conversationJsonParts(r);
      expect(parts.join('')).toBe(JSON.stringify(r));
      expect(Buffer.concat(parts.map((p) => Buffer.from(p, 'utf8'))).equals(Buffer.from(JSON.stringify(r), 'utf8'))).toBe(true);
    }
    // The list need not be the last field.
    const { answered: list, ...rest } = record(26, answered);
    const first = { answered: list, ...rest } as ConversationRecord;
    expect(conversationJson(first)).toBe(JSON.stringify(first));
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
