import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../observability/logger.js';
import type { DirectLineChannel } from './channel.js';
import { DirectLineError } from './errors.js';
import type { TokenService } from './tokens.js';
import type { ActivitySet } from './types.js';

/**
 * The streamUrl socket: on connect it sends what the client missed since the streamUrl's watermark,
 * then one `{activities, watermark}` frame per append. Clients only listen (DirectLineJS sends empty
 * strings as keep-alives, which are ignored). Server pings find dead peers behind NAT or proxies.
 */
const STREAM_PATH = /^\/v3\/directline\/conversations\/([A-Za-z0-9_-]{1,64})\/stream$/;
const PING_MS = 30_000;

export interface StreamOptions {
  channel: DirectLineChannel;
  tokens: TokenService;
  logger: Logger;
}

export class StreamServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  private readonly sockets = new Map<string, Set<WebSocket>>();
  private readonly alive = new WeakSet<WebSocket>();
  private readonly pinger: NodeJS.Timeout;

  constructor(private readonly o: StreamOptions) {
    this.pinger = setInterval(() => this.ping(), PING_MS);
    this.pinger.unref();
  }

  attach(server: HttpServer): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const match = STREAM_PATH.exec(url.pathname);
      if (!match?.[1]) return; // not ours: another upgrade listener may want it
      void this.upgrade(req, socket, head, match[1], url.searchParams);
    });
  }

  /** Closes the conversation's sockets (evicted or shutting down). */
  closeConversation(conversationId: string): void {
    for (const ws of this.sockets.get(conversationId) ?? []) ws.close(1001, 'conversation closed');
    this.sockets.delete(conversationId);
  }

  close(): void {
    clearInterval(this.pinger);
    for (const id of [...this.sockets.keys()]) this.closeConversation(id);
    this.wss.close();
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, conversationId: string, q: URLSearchParams): Promise<void> {
    try {
      const token = q.get('t');
      if (!token) throw new DirectLineError(401, 'MissingToken', 'Stream token required');
      const claims = await this.o.tokens.verify(token, 'stream');
      const conversation = await this.o.channel.open({ ...claims, scope: 'conv' }, undefined, conversationId);
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        this.track(conversationId, ws);
        const missed = conversation.since(q.get('watermark') ?? undefined);
        if (missed.activities.length > 0) send(ws, missed);
        const unsubscribe = conversation.subscribe((set) => send(ws, set));
        ws.on('close', () => {
          unsubscribe();
          this.untrack(conversationId, ws);
        });
      });
    } catch (err) {
      const status = err instanceof DirectLineError ? err.status : 500;
      if (!(err instanceof DirectLineError)) this.o.logger.error({ err: err instanceof Error ? err.name : 'unknown' }, 'directline: stream upgrade failed');
      socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Error'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    }
  }

  private track(id: string, ws: WebSocket): void {
    this.alive.add(ws);
    ws.on('pong', () => this.alive.add(ws));
    ws.on('error', () => ws.terminate());
    const set = this.sockets.get(id) ?? new Set<WebSocket>();
    set.add(ws);
    this.sockets.set(id, set);
  }

  private untrack(id: string, ws: WebSocket): void {
    const set = this.sockets.get(id);
    set?.delete(ws);
    if (set && set.size === 0) this.sockets.delete(id);
  }

  private ping(): void {
    for (const set of this.sockets.values()) {
      for (const ws of set) {
        if (!this.alive.has(ws)) {
          ws.terminate();
          continue;
        }
        this.alive.delete(ws);
        ws.ping();
      }
    }
  }
}

function send(ws: WebSocket, set: ActivitySet): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(set));
}
