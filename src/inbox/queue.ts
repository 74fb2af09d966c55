import { NEEDS, TIER_RANK, TIERS, type IntakeRequest, type NeedCode, type RequestStatus, type Tier } from '../domain/types.js';
import type { RequestStore } from '../store/types.js';
import { effectiveTier, inboxStatusOf, type InboxStatus } from './views/labels.js';

/** Queue filters as they come from the query string; anything unknown is ignored, never an error. */
export interface QueueFilter {
  status: 'open' | InboxStatus | 'all';
  urgency?: Tier;
  need?: NeedCode;
}

const STATUS_FILTERS = ['open', 'new', 'in-progress', 'done', 'all'] as const;

export function parseFilter(q: Record<string, string>): QueueFilter {
  const status = (STATUS_FILTERS as readonly string[]).includes(q.status ?? '') ? (q.status as QueueFilter['status']) : 'open';
  const urgency = (TIERS as readonly string[]).includes(q.urgency ?? '') ? (q.urgency as Tier) : undefined;
  const need = (NEEDS as readonly string[]).includes(q.need ?? '') ? (q.need as NeedCode) : undefined;
  return { status, ...(urgency ? { urgency } : {}), ...(need ? { need } : {}) };
}

/** How many rows the page shows; the count of all matches is always given. */
export const QUEUE_PAGE = 200;
/** Most requests read for one queue (the retention period bounds what is stored). */
const MAX_READ = 5_000;

const time = (iso: string | undefined) => (iso ? Date.parse(iso) : Number.POSITIVE_INFINITY);

/**
 * Most urgent first (the clinician's re-grade when there is one), then the earliest reply-by time,
 * then the oldest. A request without a reply-by time (an emergency diversion) sorts by age.
 */
export function compareForInbox(a: IntakeRequest, b: IntakeRequest): number {
  return (
    TIER_RANK[effectiveTier(b)] - TIER_RANK[effectiveTier(a)] ||
    Math.min(time(a.respondBy), Number.MAX_SAFE_INTEGER) - Math.min(time(b.respondBy), Number.MAX_SAFE_INTEGER) ||
    Date.parse(a.submittedAt) - Date.parse(b.submittedAt) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Store statuses to read for a filter; open work is read status by status, so closed history never crowds it out. */
const STORE_STATUSES: Record<QueueFilter['status'], readonly (RequestStatus | undefined)[]> = {
  open: ['new', 'received', 'in-progress'],
  new: ['new', 'received'],
  'in-progress': ['in-progress'],
  done: ['closed'],
  all: [undefined],
};

export async function loadQueue(requests: Pick<RequestStore, 'list'>, filter: QueueFilter): Promise<{ total: number; items: IntakeRequest[] }> {
  const pages = await Promise.all(STORE_STATUSES[filter.status].map((status) => requests.list({ ...(status ? { status } : {}), limit: MAX_READ, offset: 0 })));
  const matches = pages.flatMap((p) => p.items).filter((r) => {
    const s = inboxStatusOf(r.status);
    if (filter.status === 'open' && s === 'done') return false;
    if (filter.status !== 'open' && filter.status !== 'all' && s !== filter.status) return false;
    if (filter.urgency && effectiveTier(r) !== filter.urgency) return false;
    if (filter.need && r.need !== filter.need) return false;
    return true;
  });
  matches.sort(compareForInbox);
  return { total: matches.length, items: matches.slice(0, QUEUE_PAGE) };
}
