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
  return conversationJsonParts(record).join('');
}

/**
 * conversationJson(record) in pieces, in order: each one whole JSON text or punctuation, so their
 * UTF-8 bytes one after the other are the bytes of the whole. The journal writes the pieces straight
 * into the line's buffer (a turn's record is about 10 KB: joining it, then flattening the joined
 * string to count its bytes, made about a sixth of the bytes a turn allocated).
 */
export function conversationJsonParts(record: ConversationRecord): string[] {
  const { answered } = record;
  if (!Array.isArray(answered) || answered.length === 0) return [JSON.stringify(record)];
  const head = JSON.stringify({ ...record, answered: JSON.parse(PLACEHOLDER) as string });
  const at = head.lastIndexOf(PLACEHOLDER);
  const parts = [head.slice(0, at), '['];
  answered.forEach((entry: unknown, i) => {
    if (i > 0) parts.push(',');
    if (typeof entry !== 'object' || entry === null) {
      parts.push(JSON.stringify(entry) ?? 'null');
      return;
    }
    let json = entryJson.get(entry);
    if (json === undefined) {
      json = JSON.stringify(entry);
      entryJson.set(entry, json);
    }
    parts.push(json);
  });
  parts.push(']', head.slice(at + PLACEHOLDER.length));
  return parts;
}
