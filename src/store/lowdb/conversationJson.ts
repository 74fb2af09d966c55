import { randomUUID } from 'node:crypto';
import type { ConversationRecord } from '../types.js';

/**
 * JSON.stringify(record), without stringifying again the remembered messages it carries on every
 * turn. A record holds up to 20 earlier messages with their rendered replies (about half of a 10 KB
 * journal line), and all but one of them are the same objects as on the turn before: each entry's
 * JSON is kept, by object, from the first time it was saved. The entries are written once by the
 * conversation service and never changed, so the result is the same text JSON.stringify gives.
 */
const entryJson = new WeakMap<object, string>();
/** Stands in for the list while the rest is stringified; no record can hold it (a fresh UUID). */
const PLACEHOLDER = JSON.stringify(`\u0000answered ${randomUUID()}`);

export function conversationJson(record: ConversationRecord): string {
  const { answered } = record;
  if (!Array.isArray(answered) || answered.length === 0) return JSON.stringify(record);
  const head = JSON.stringify({ ...record, answered: JSON.parse(PLACEHOLDER) as string });
  const at = head.lastIndexOf(PLACEHOLDER);
  const list = answered.map((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return JSON.stringify(entry) ?? 'null';
    let json = entryJson.get(entry);
    if (json === undefined) {
      json = JSON.stringify(entry);
      entryJson.set(entry, json);
    }
    return json;
  });
  return `${head.slice(0, at)}[${list.join(',')}]${head.slice(at + PLACEHOLDER.length)}`;
}
