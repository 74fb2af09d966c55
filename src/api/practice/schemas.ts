import { z } from 'zod';
import { TIERS } from '../../domain/types.js';

export const REQUEST_STATUSES = ['new', 'received', 'in-progress', 'closed'] as const;
/** Statuses a practice may set ('new' is only ever set by the bot). */
export const SETTABLE_STATUSES = ['received', 'in-progress', 'closed'] as const;
export const MAX_LIMIT = 100;

export const ListQuerySchema = z
  .object({
    status: z.enum(REQUEST_STATUSES).optional(),
    urgency: z.enum(TIERS).optional(),
    since: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(25),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

export const StatusBodySchema = z
  .object({
    status: z.string(),
    by: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

/** Request ids are short tokens (UUIDs from the bot); anything else is a client error, not a lookup. */
export const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

const hasNoControlCharacters = (s: string): boolean => ![...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/** Exactly one of the two; conversation ids are `<channelId>:<id>` as in a request's conversationId. */
export const ErasureBodySchema = z.union([
  z.object({ requestId: z.string().regex(REQUEST_ID) }).strict(),
  z.object({ conversationId: z.string().min(1).max(1024).refine(hasNoControlCharacters) }).strict(),
]);

export const DeliveriesQuerySchema = z.object({ state: z.enum(['pending', 'delivered', 'dead']).optional() }).strict();
