import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const SCOPES = ['read', 'write', 'erase'] as const;
export type Scope = (typeof SCOPES)[number];
/** What a key configured without scopes may do: erasure is never implied, it must be granted by name. */
export const DEFAULT_SCOPES: readonly Scope[] = ['read', 'write'];

/** A configured key: only the SHA-256 of the secret is stored. Scopes default to read and write. */
export const ApiKeySchema = z.object({
  name: z.string().min(1).max(100),
  sha256: z.string().regex(/^[0-9a-f]{64}$/i, 'sha256 must be 64 hex characters'),
  scopes: z.array(z.enum(SCOPES)).min(1).optional(),
});
export type ApiKeyConfig = z.infer<typeof ApiKeySchema>;

export interface AuthenticatedKey {
  name: string;
  scopes: readonly Scope[];
}

/** For operators: `node -e` equivalent of what goes into the config for a given secret. */
export const hashApiKey = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/**
 * Bearer-key check. Hash the presented key and compare with every configured hash in constant time,
 * without stopping at the first match, so response time does not reveal which key (or how much of
 * one) matched. Hashing first also makes the compared buffers equal-length whatever was sent.
 */
export function createAuthenticator(keys: readonly ApiKeyConfig[]): (authorization: string | undefined) => AuthenticatedKey | undefined {
  const parsed = keys.map((k) => {
    const valid = ApiKeySchema.parse(k);
    return { name: valid.name, scopes: valid.scopes ?? [...DEFAULT_SCOPES], digest: Buffer.from(valid.sha256.toLowerCase(), 'hex') };
  });
  return (authorization) => {
    const m = /^Bearer ([\x21-\x7e]{1,512})$/.exec(authorization ?? '');
    if (!m?.[1]) return undefined;
    const presented = createHash('sha256').update(m[1], 'utf8').digest();
    let found: AuthenticatedKey | undefined;
    for (const k of parsed) {
      if (timingSafeEqual(presented, k.digest) && !found) found = { name: k.name, scopes: k.scopes };
    }
    return found;
  };
}
