import { crc32 } from 'node:zlib';

/**
 * One line of the conversation journal, valid JSON on its own:
 *
 *   [<crc32>,"<sha256 key>",<updatedAt ms>,<value JSON or null>]\n
 *
 * The CRC-32 covers everything after the first comma up to the closing bracket, so a line damaged
 * anywhere is found without parsing its value; key and time sit at fixed places, so the start-up scan
 * reads them without parsing the value either. `null` is a deletion (a tombstone).
 */

const KEY = /^[0-9a-f]{64}$/;

export interface JournalEntry {
  key: string;
  /** Milliseconds since the epoch: when the value was last updated. */
  at: number;
  /** The value as JSON text, or null for a deletion. */
  json: string | null;
}

/**
 * A value's JSON text, whole or as pieces whose concatenation is it (each piece whole JSON or
 * punctuation, never half of a surrogate pair, so the pieces' UTF-8 bytes are the whole's).
 */
export type JsonText = string | readonly string[];

export function encodeLine(key: string, at: number, json: string | null): string {
  const body = bodyOf(key, at, json);
  return `[${crc32(body)},${body}]\n`;
}

/**
 * encodeLine() as the UTF-8 bytes written to disk, encoded once: the body goes straight into the
 * buffer, the CRC-32 is taken over those bytes, and its digits are put in front (a turn's line is
 * about 10 KB: encoding it twice, for the checksum and for the write, was a measurable part of a turn).
 */
export function encodeLineBytes(key: string, at: number, json: JsonText | null): Buffer {
  // The value's pieces are counted and written one by one: never joined into one string.
  const parts = json === null ? ['null'] : typeof json === 'string' ? [json] : json;
  const prefix = bodyOf(key, at, '');
  let bodyBytes = prefix.length;
  for (const part of parts) bodyBytes += Buffer.byteLength(part, 'utf8');
  // Room in front for "[" and up to 10 digits and ",", then "]\n" after.
  const line = Buffer.allocUnsafe(MAX_HEAD + bodyBytes + 2);
  let offset = MAX_HEAD + line.write(prefix, MAX_HEAD, 'latin1');
  for (const part of parts) offset += line.write(part, offset, 'utf8');
  const head = `[${crc32(line.subarray(MAX_HEAD, MAX_HEAD + bodyBytes))},`;
  const start = MAX_HEAD - head.length;
  line.write(head, start, 'latin1');
  line[MAX_HEAD + bodyBytes] = CLOSE;
  line[MAX_HEAD + bodyBytes + 1] = NEWLINE;
  return line.subarray(start);
}

function bodyOf(key: string, at: number, json: string | null): string {
  if (!KEY.test(key)) throw new TypeError('journal key must be 64 lowercase hex characters');
  if (!Number.isSafeInteger(at) || at < 0) throw new TypeError('journal time must be a non-negative integer');
  return `"${key}",${at},${json ?? 'null'}`;
}

/** "[" + a CRC-32 in decimal (at most 10 digits) + ",". */
const MAX_HEAD = 12;
const COMMA = 0x2c;
const QUOTE = 0x22;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const NEWLINE = 0x0a;

/**
 * Decodes one line (without its newline). Returns null when the line is damaged: wrong frame, a
 * checksum that does not match, or a key or time out of shape.
 */
export function decodeLine(line: Buffer): JournalEntry | null {
  if (line.length < 72 || line[0] !== OPEN || line[line.length - 1] !== CLOSE) return null;
  const firstComma = line.indexOf(COMMA);
  if (firstComma < 2 || firstComma > 11) return null;
  const crcText = line.toString('latin1', 1, firstComma);
  if (!/^\d+$/.test(crcText)) return null;
  const body = line.subarray(firstComma + 1, line.length - 1);
  if (crc32(body) !== Number(crcText)) return null;
  if (body[0] !== QUOTE || body[65] !== QUOTE || body[66] !== COMMA) return null;
  const key = body.toString('latin1', 1, 65);
  const timeEnd = body.indexOf(COMMA, 67);
  if (timeEnd < 0) return null;
  const timeText = body.toString('latin1', 67, timeEnd);
  if (!KEY.test(key) || !/^\d{1,16}$/.test(timeText)) return null;
  const value = body.toString('utf8', timeEnd + 1);
  return { key, at: Number(timeText), json: value === 'null' ? null : value };
}
