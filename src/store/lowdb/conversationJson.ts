import { randomUUID } from 'node:crypto';
import type { ConversationRecord } from '../types.js';

/**
 * JSON.stringify(record), without stringifying again, on every turn, the parts of it that have not
 * changed since the turn before:
 *   - the remembered messages: a record holds up to 20 earlier messages with their rendered replies
 *     (about half of a 10 KB journal line), and all but one are the same objects as on the turn
 *     before. The conversation service writes each entry once and never changes it.
 *   - the statechart context's groups (intake, triage, flow) and, inside them, the patient's texts,
 *     the answers and the red flags: the statechart never changes a context object in place, it
 *     replaces a group as a whole when one of its fields changes (src/dialog/machine/context.ts), so
 *     a group or an entry kept from the turn before is the same object with the same content.
 * Each such object's JSON is kept, by object, from the first time it was saved. The result is the
 * same text JSON.stringify gives (tests/store/conversationJson.test.ts).
 */
const jsonOf = new WeakMap<object, string>();
/** Stands in for a part while the rest is stringified; no record can hold it (a fresh UUID). */
const MARK = `\u0000part ${randomUUID()}`;
const placeholder = (i: number): string => `${MARK} ${i}`;

type Plain = Record<string, unknown>;
const isObject = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON of an object kept by identity (see above), made by `make` the first time. */
function kept(value: object, make: () => string): string {
  let json = jsonOf.get(value);
  if (json === undefined) {
    json = make();
    jsonOf.set(value, json);
  }
  return json;
}

/** An entry of a list or a record: its own JSON kept when it is an object, as JSON.stringify would write it in place. */
const entryJson = (entry: unknown): string =>
  typeof entry === 'object' && entry !== null ? kept(entry, () => JSON.stringify(entry)) : (JSON.stringify(entry) ?? 'null');

/** A list, each entry's JSON kept (a hole is written as null, as JSON.stringify does). */
function listJson(list: unknown[]): string {
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) out.push(entryJson(list[i]));
  return `[${out.join(',')}]`;
}

/** A record of objects ("answers" by id); anything else in it and it is stringified whole. */
function recordJson(record: Plain): string {
  const keys = Object.keys(record);
  if (!keys.every((k) => typeof record[k] === 'object' && record[k] !== null)) return JSON.stringify(record);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${entryJson(record[k])}`).join(',')}}`;
}

/**
 * JSON.stringify(value), with the named fields' JSON given: each stands as a placeholder while the
 * rest is stringified, then is put in its place. Fields kept in the object's own key order.
 */
function withParts(value: Plain, parts: [key: string, json: () => string][]): string {
  if (parts.length === 0) return JSON.stringify(value);
  const copy: Plain = { ...value };
  parts.forEach(([key], i) => (copy[key] = placeholder(i)));
  let out = JSON.stringify(copy);
  parts.forEach(([, json], i) => {
    const mark = JSON.stringify(placeholder(i));
    const at = out.indexOf(mark);
    out = `${out.slice(0, at)}${json()}${out.slice(at + mark.length)}`;
  });
  return out;
}

/** The fields of `value` named in `lists` (arrays) and `records` (objects), as parts. */
function partsOf(value: Plain, lists: readonly string[], records: readonly string[]): [string, () => string][] {
  const parts: [string, () => string][] = [];
  for (const key of lists) {
    const v = value[key];
    if (Array.isArray(v) && v.length > 0) parts.push([key, () => listJson(v)]);
  }
  for (const key of records) {
    const v = value[key];
    if (isObject(v)) parts.push([key, () => recordJson(v)]);
  }
  return parts;
}

const GROUPS: Readonly<Record<string, { lists: readonly string[]; records: readonly string[] }>> = {
  intake: { lists: ['texts'], records: ['answers'] },
  triage: { lists: ['redFlags'], records: [] },
  flow: { lists: [], records: [] },
};

function contextJson(context: Plain): string {
  const parts: [string, () => string][] = [];
  for (const [name, { lists, records }] of Object.entries(GROUPS)) {
    const group = context[name];
    if (isObject(group)) parts.push([name, () => kept(group, () => withParts(group, partsOf(group, lists, records)))]);
  }
  return withParts(context, parts);
}

export function conversationJson(record: ConversationRecord): string {
  const parts: [string, () => string][] = [];
  const { snapshot, answered } = record;
  if (isObject(snapshot) && isObject(snapshot.context)) {
    const context = snapshot.context;
    parts.push(['snapshot', () => withParts(snapshot, [['context', () => contextJson(context)]])]);
  }
  if (Array.isArray(answered) && answered.length > 0) parts.push(['answered', () => listJson(answered)]);
  return withParts(record as unknown as Plain, parts);
}
