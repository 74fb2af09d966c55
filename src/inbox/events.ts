import type { Response } from 'restify';
import type { Clock } from '../clock.js';
import type { RequestStore } from '../store/types.js';

/**
 * Server-sent events for the live queue. The store has no change feed (a database one can replace
 * this poll), so while at least one inbox page is open the hub looks for newly stored requests every
 * `pollMs` and tells every page "the queue changed"; pages then fetch their own rows, so nothing
 * about a patient travels in the event itself. Inbox actions announce themselves at once.
 */

interface Client {
  res: Response;
  /** Still signed in? Checked on each tick; a stream whose session ended is closed. */
  alive(): boolean;
}

const RECENT_MS = 30 * 60_000;

export interface EventHub {
  add(res: Response, alive: () => boolean): void;
  announce(kind: 'new' | 'changed', count?: number): void;
  close(): void;
  readonly clients: number;
}

export function createEventHub(options: { requests: Pick<RequestStore, 'list'>; clock: Clock; pollMs: number }): EventHub {
  const clients = new Set<Client>();
  let seen: Set<string> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let polling = false;

  const send = (kind: string, data: unknown) => {
    // A tick is a comment: it keeps proxies from closing the stream and lets us drop ended sessions.
    const frame = kind === 'tick' ? ': tick\n\n' : `event: queue\ndata: ${JSON.stringify({ kind, ...(data as object) })}\n\n`;
    for (const c of clients) {
      if (!c.alive()) {
        clients.delete(c);
        c.res.end();
        continue;
      }
      c.res.write(frame);
    }
    if (clients.size === 0) stop();
  };

  const poll = async () => {
    if (polling) return;
    polling = true;
    try {
      const since = new Date(options.clock.now().getTime() - RECENT_MS);
      const { items } = await options.requests.list({ since, limit: 1000, offset: 0 });
      const ids = items.map((r) => r.id);
      if (seen === undefined) seen = new Set(ids);
      else {
        const fresh = ids.filter((id) => !seen?.has(id));
        seen = new Set(ids);
        if (fresh.length) send('new', { count: fresh.length });
        else send('tick', {});
      }
    } finally {
      polling = false;
    }
  };

  const start = () => {
    if (timer) return;
    void poll();
    timer = setInterval(() => void poll().catch(() => undefined), options.pollMs);
    timer.unref();
  };
  function stop() {
    if (timer) clearInterval(timer);
    timer = undefined;
    seen = undefined;
  }

  return {
    add(res, alive) {
      const client = { res, alive };
      clients.add(client);
      res.on('close', () => {
        clients.delete(client);
        if (clients.size === 0) stop();
      });
      start();
    },
    announce(kind, count) {
      send(kind, count !== undefined ? { count } : {});
    },
    close() {
      stop();
      for (const c of clients) c.res.end();
      clients.clear();
    },
    get clients() {
      return clients.size;
    },
  };
}
