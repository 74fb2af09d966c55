import type { ConversationRecord } from '../types.js';

/**
 * A conversation record read as JSON text and parsed only when something other than `updatedAt` is
 * read from it. Most turns keep their statechart running between turns and only compare
 * `updatedAt` with the stored one (conversationService), so parsing the whole record (snapshot and
 * remembered replies) on every turn was wasted. Anything else read from it (a property, its keys,
 * spreading or JSON.stringify) parses the text once and answers from the parsed record exactly.
 */
export function lazyRecord(text: string, updatedAt: string | null): ConversationRecord {
  let parsed: ConversationRecord | undefined;
  const full = (): ConversationRecord => (parsed ??= JSON.parse(text) as ConversationRecord);
  return new Proxy({} as ConversationRecord, {
    get: (_, key) => (key === 'updatedAt' && parsed === undefined && updatedAt !== null ? updatedAt : Reflect.get(full(), key)),
    has: (_, key) => Reflect.has(full(), key),
    ownKeys: () => Reflect.ownKeys(full()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(full(), key);
      return d && { ...d, configurable: true };
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

/**
 * The record a presumed turn runs on (TurnOptions.expectUpdatedAt): not read, so only `updatedAt` is
 * known. Reading anything else is a bug in the caller and throws rather than answering wrongly.
 */
export function presumedRecord(updatedAt: string): ConversationRecord {
  return new Proxy({} as ConversationRecord, {
    get: (_, key) => {
      if (key === 'updatedAt') return updatedAt;
      throw new Error(`a presumed turn's record holds only updatedAt (read: ${String(key)})`);
    },
    has: (_, key) => key === 'updatedAt',
    ownKeys: () => ['updatedAt'],
    getOwnPropertyDescriptor: (_, key) => (key === 'updatedAt' ? { value: updatedAt, enumerable: true, configurable: true, writable: false } : undefined),
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}
