import { createHash } from 'node:crypto';

/**
 * Deterministic UUIDs (name-based, RFC 4122 layout, version 5 style over SHA-256) derived from the
 * request id and a resource role. The same request always maps to the same resource ids, so a
 * receiver that sees a retried delivery gets byte-for-byte the same references and can dedupe.
 */
export function stableUuid(requestId: string, role: string): string {
  const h = createHash('sha256').update(`gp-intake-bot:${requestId}:${role}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export const urn = (uuid: string): string => `urn:uuid:${uuid}`;
