import type { ActivitySet, WireActivity } from './types.js';

/**
 * A Direct Line 3.0 client: token from our server, then the stream socket; while the socket is
 * down it polls with the watermark and keeps trying to get a new streamUrl. Each activity is
 * delivered once (deduped by id), so a socket and a poll that overlap never show a message twice.
 * A saved conversation (after a reload) is resumed: its transcript is fetched and replayed first.
 */
export type Status = 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'ended';

/** status 0 means the request never got an answer (offline, or the network dropped). */
export class SendError extends Error {
  constructor(readonly status: number, readonly code: string) {
    super(code);
  }
}

export interface Credentials {
  conversationId: string;
  token: string;
}

export interface Callbacks {
  /** Each activity once; `history` is true for those replayed when a saved conversation resumes. */
  onActivity: (a: WireActivity, history: boolean) => void;
  onStatus: (s: Status) => void;
  /** A new or refreshed token, to be saved for a reload. */
  onCredentials: (c: Credentials) => void;
}

interface Started {
  conversationId: string;
  token: string;
  streamUrl?: string;
  expires_in?: number;
}

const POLL_MS = 1000;

export class Connection {
  userId = '';
  private token = '';
  private conversationId = '';
  private watermark = '';
  private readonly seen = new Set<string>();
  private socket: WebSocket | undefined;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private retries = 0;
  private closed = false;

  private readonly onActivity: Callbacks['onActivity'];
  private readonly onStatus: Callbacks['onStatus'];
  private readonly onCredentials: Callbacks['onCredentials'];

  constructor(
    private readonly domain: string,
    private readonly tokenUrl: string,
    private readonly locale: string,
    callbacks: Callbacks,
  ) {
    this.onActivity = callbacks.onActivity;
    this.onStatus = callbacks.onStatus;
    this.onCredentials = callbacks.onCredentials;
  }

  /**
   * Resumes `saved` when given and the server still has it, else starts a new conversation.
   * Resolves with which it did.
   */
  async start(saved?: Credentials): Promise<'resumed' | 'new' | 'failed'> {
    this.onStatus('connecting');
    if (saved && (await this.resume(saved).catch(() => false))) return 'resumed';
    try {
      const issued = await json<Started>(await fetch(this.tokenUrl, { method: 'POST', credentials: 'omit' }));
      this.token = issued.token;
      const conv = await json<Started>(await this.call('POST', '/conversations', { locale: this.locale }));
      this.token = conv.token || this.token;
      this.conversationId = conv.conversationId;
      this.userId = userFromToken(this.token);
      this.onCredentials({ conversationId: this.conversationId, token: this.token });
      this.scheduleRefresh(conv.expires_in ?? issued.expires_in ?? 1800);
      this.onStatus('connected');
      if (conv.streamUrl && typeof WebSocket !== 'undefined') this.openSocket(conv.streamUrl);
      else this.poll();
      return 'new';
    } catch {
      this.onStatus('failed');
      return 'failed';
    }
  }

  /**
   * The saved conversation's transcript (GET activities), then a socket from its watermark. False
   * when the token has expired or the conversation is gone (then a new one is started).
   */
  private async resume(saved: Credentials): Promise<boolean> {
    this.token = saved.token;
    this.conversationId = saved.conversationId;
    const res = await this.call('GET', `/conversations/${encodeURIComponent(this.conversationId)}/activities`);
    if (!res.ok) return false;
    const history = await json<ActivitySet>(res);
    const q = history.watermark ? `?watermark=${encodeURIComponent(history.watermark)}` : '';
    const conv = await json<Started>(await this.call('GET', `/conversations/${encodeURIComponent(this.conversationId)}${q}`));
    // Shown only once both answered, so a failed resume never leaves half a transcript on screen.
    this.userId = userFromToken(this.token);
    this.receive(history, true);
    if (conv.token) this.token = conv.token;
    this.onCredentials({ conversationId: this.conversationId, token: this.token });
    this.scheduleRefresh(conv.expires_in ?? 1800);
    this.onStatus('connected');
    if (conv.streamUrl && typeof WebSocket !== 'undefined') this.openSocket(conv.streamUrl);
    else this.poll();
    return true;
  }

  /** Fetches what arrived since the watermark (before re-sending, to see whether the first try got through). */
  async catchUp(): Promise<void> {
    const q = this.watermark ? `?watermark=${encodeURIComponent(this.watermark)}` : '';
    const res = await this.call('GET', `/conversations/${encodeURIComponent(this.conversationId)}/activities${q}`);
    if (res.ok) this.receive(await json<ActivitySet>(res));
  }

  /** "End and clear": asks our channel to delete the transcript (Azure's has no such call), then stops. */
  async discard(): Promise<void> {
    const id = this.conversationId;
    this.close();
    if (id) await this.call('DELETE', `/conversations/${encodeURIComponent(id)}`).catch(() => undefined);
  }

  /**
   * Posts an activity; resolves with its id. Throws SendError with the HTTP status and Direct Line
   * code, or status 0 when no answer came (the caller re-sends with the same clientActivityID).
   */
  async post(activity: Record<string, unknown>): Promise<string> {
    let res: Response;
    try {
      res = await this.call('POST', `/conversations/${encodeURIComponent(this.conversationId)}/activities`, {
        ...activity,
        from: { id: this.userId, role: 'user' },
        locale: this.locale,
      });
    } catch {
      throw new SendError(0, 'Network');
    }
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { error?: { code?: string } };
      throw new SendError(res.status, body.error?.code ?? 'Error');
    }
    return ((await res.json().catch(() => ({}))) as { id?: string }).id ?? '';
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.pollTimer);
    clearTimeout(this.retryTimer);
    clearTimeout(this.refreshTimer);
    this.socket?.close();
  }

  /** For tests and diagnostics: drops the socket as a network failure would. */
  dropSocket(): void {
    this.socket?.close();
  }

  private openSocket(url: string): void {
    const ws = new WebSocket(url);
    this.socket = ws;
    ws.onopen = () => {
      this.retries = 0;
      clearTimeout(this.pollTimer);
      this.pollTimer = undefined;
      this.onStatus('connected');
    };
    ws.onmessage = (e: MessageEvent) => {
      if (typeof e.data === 'string' && e.data) this.receive(JSON.parse(e.data) as ActivitySet);
    };
    ws.onclose = () => {
      if (this.socket !== ws || this.closed) return;
      this.socket = undefined;
      this.onStatus('reconnecting');
      if (this.pollTimer === undefined) this.poll();
      this.retryTimer = setTimeout(() => void this.reconnect(), Math.min(30_000, 1000 * 2 ** this.retries++));
    };
  }

  /** Asks for a new streamUrl from where we are (the watermark); polling carries on meanwhile. */
  private async reconnect(): Promise<void> {
    try {
      const q = this.watermark ? `?watermark=${encodeURIComponent(this.watermark)}` : '';
      const res = await this.call('GET', `/conversations/${encodeURIComponent(this.conversationId)}${q}`);
      if (res.status === 404) return this.end();
      const conv = await json<Started>(res);
      if (conv.token) {
        this.token = conv.token;
        this.onCredentials({ conversationId: this.conversationId, token: this.token });
      }
      if (conv.streamUrl && !this.closed) this.openSocket(conv.streamUrl);
    } catch {
      if (!this.closed) this.retryTimer = setTimeout(() => void this.reconnect(), Math.min(30_000, 1000 * 2 ** this.retries++));
    }
  }

  private poll(): void {
    const tick = async (): Promise<void> => {
      if (this.closed || this.socket?.readyState === 1) {
        this.pollTimer = undefined;
        return;
      }
      try {
        const q = this.watermark ? `?watermark=${encodeURIComponent(this.watermark)}` : '';
        const res = await this.call('GET', `/conversations/${encodeURIComponent(this.conversationId)}/activities${q}`);
        if (res.status === 404) return this.end();
        if (res.status === 403) await this.refresh();
        else this.receive(await json<ActivitySet>(res));
      } catch {
        // Network blip: try again on the next tick; nothing is lost because the watermark did not move.
      }
      if (!this.closed && this.socket?.readyState !== 1) this.pollTimer = setTimeout(() => void tick(), POLL_MS);
      else this.pollTimer = undefined;
    };
    this.pollTimer = setTimeout(() => void tick(), 0);
  }

  private receive(set: ActivitySet, history = false): void {
    for (const a of set.activities ?? []) {
      if (a.id) {
        if (this.seen.has(a.id)) continue;
        this.seen.add(a.id);
      }
      this.onActivity(a, history);
    }
    // Watermarks only grow; an older frame (a late poll) must not move us back.
    if (set.watermark && !(Number(set.watermark) < Number(this.watermark || 0))) this.watermark = set.watermark;
  }

  private scheduleRefresh(expiresIn: number): void {
    const ms = Math.max(60, expiresIn / 2) * 1000;
    this.refreshTimer = setTimeout(() => {
      void this.refresh()
        .catch(() => undefined) // offline: the next poll or reconnect gets a fresh token
        .finally(() => !this.closed && this.scheduleRefresh(expiresIn));
    }, ms);
  }

  private async refresh(): Promise<void> {
    const res = await this.call('POST', '/tokens/refresh');
    if (res.ok) {
      this.token = (await json<Started>(res)).token;
      this.onCredentials({ conversationId: this.conversationId, token: this.token });
    }
  }

  private end(): void {
    this.closed = true;
    clearTimeout(this.refreshTimer);
    this.onStatus('ended');
  }

  private call(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.domain}${path}`, {
      method,
      credentials: 'omit',
      headers: { Authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
}

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new SendError(res.status, 'Error');
  return (await res.json()) as T;
}

/** Our tokens and Azure's both carry the user id in a `user` claim when the server fixed it. */
function userFromToken(token: string): string {
  try {
    const payload = token.split('.')[1] ?? '';
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { user?: unknown };
    if (typeof claims.user === 'string') return claims.user;
  } catch {
    // Not a JWT we can read (Azure tokens may differ): use our own id ('dl_' is reserved by Azure).
  }
  return `user_${Math.random().toString(36).slice(2)}`;
}
