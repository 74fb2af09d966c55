import { hash } from 'node:crypto';
import { join } from 'node:path';

/**
 * On-disk layout of the data directory. Conversation ids come from the channel and may hold anything,
 * so they never appear in a path or a file name: the conversation journal keys lines by sha256(id).
 */

export const DAY_MS = 86_400_000;

export function hashId(id: string): string {
  return hash('sha256', id, 'hex');
}

export function conversationsDir(dataDir: string): string {
  return join(dataDir, 'conversations');
}

/** Where earlier versions kept one file per conversation (now moved into the journal at start-up). */
export function legacyConversationPath(dataDir: string, hash: string): string {
  return join(conversationsDir(dataDir), hash.slice(0, 2), `${hash}.json`);
}

export function requestsDir(dataDir: string): string {
  return join(dataDir, 'requests');
}

export function requestPartitionPath(dataDir: string, partition: string): string {
  return join(requestsDir(dataDir), `${partition}.json`);
}

/** A UTC day's requests, one JSON request a line (request-log.ts). */
export function requestDayPath(dataDir: string, day: string): string {
  return join(requestsDir(dataDir), `${day}.jsonl`);
}

/**
 * A request's partition in the format before day files (moved into them at start-up): its UTC day of
 * submission and one of 16 shards by id (`2026-11-25.a`). Plain day files (`2026-11-25`) came before that.
 */
export function requestPartitionOf(id: string, submittedAt: string | Date | number): string {
  return `${dayOf(submittedAt)}.${hashId(id).charAt(0)}`;
}

export function outboxPath(dataDir: string): string {
  return join(dataDir, 'outbox', 'outbox.json');
}

export function deliveredDir(dataDir: string): string {
  return join(dataDir, 'outbox', 'delivered');
}

export function deliveredLogPath(dataDir: string, day: string): string {
  return join(deliveredDir(dataDir), `${day}.jsonl`);
}

export function auditDir(dataDir: string): string {
  return join(dataDir, 'audit');
}

export function auditLogPath(dataDir: string, day: string): string {
  return join(auditDir(dataDir), `${day}.jsonl`);
}

/** UTC calendar day of a timestamp; partitions are by UTC day so they never shift with BST. */
export function dayOf(time: string | Date | number): string {
  const d = new Date(time);
  const ms = d.getTime();
  if (Number.isNaN(ms)) throw new TypeError('Invalid timestamp for the store (expected an ISO date-time)');
  return d.toISOString().slice(0, 10);
}

export const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.json$/;
export const PARTITION_FILE = /^(\d{4}-\d{2}-\d{2}(?:\.[0-9a-f])?)\.json$/;
export const DAY_LOG_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;
export const HASH_FILE = /^([0-9a-f]{64})\.json$/;
