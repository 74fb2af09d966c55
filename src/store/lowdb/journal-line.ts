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

export function encodeLine(key: string, at: number, json: string | null): string {
  if (!KEY.test(key)) throw new TypeError('journal key must be 64 lowercase hex characters');
  if (!Number.isSafeInteger(at) || at < 0) throw new TypeError('journal time must be a non-negative integer');
  const body = `"${key}",${at},${json ?? 'null'}`;
  return `[${crc32(body)},${body}]\n`;
}

const COMMA = 0x2c;
const QUOTE = 0x22;
const OPEN = 0x5b;
const CLOSE = 0x5d;

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
