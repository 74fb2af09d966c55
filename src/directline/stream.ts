import { STATUS_CODES, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../observability/logger.js';
import { requestTarget } from '../security/requestTarget.js';
import type { DirectLineChannel } from './channel.js';
import { DirectLineError, tooManyFromAddress } from './errors.js';
import type { TokenService } from './tokens.js';
import type { ActivitySet, AddressLimit } from './types.js';

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
  /** Open sockets in all (each holds buffers and a listener): past it, new sockets get 503. */
  maxSockets: number;
  /** Open sockets per conversation (tabs, reconnects): past it, 429. */
  maxSocketsPerConversation: number;
  addressLimit?: AddressLimit;
}

export class StreamServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  private readonly sockets = new Map<string, Set<WebSocket>>();
  private readonly alive = new WeakSet<WebSocket>();
  private readonly pinger: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly o: StreamOptions) {
    this.pinger = setInterval(() => this.ping(), PING_MS);
    this.pinger.unref();
  }

  /**
   * The server's only 'upgrade' listener, so every upgrade request is answered here: ours are
   * upgraded or refused with a status, anything else gets 404 and its socket is closed (an
   * unanswered upgrade keeps its socket open for ever: Node's request timeouts no longer apply).
   * Nothing in here may throw: an exception in an 'upgrade' listener exits the process.
   */
  attach(server: HttpServer): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      // Node takes its own 'error' listener off an upgraded socket; without ours a peer that resets
      // while its token is checked raises an unhandled 'error' event, which also exits the process.
      socket.on('error', () => socket.destroy());
      try {
        const { pathname, searchParams } = requestTarget(req.url);
        const match = STREAM_PATH.exec(pathname);
        if (!match?.[1]) return refuse(socket, 404);
        if (this.closed) return refuse(socket, 503);
        if (this.openCount >= this.o.maxSockets) return refuse(socket, 503);
        void this.upgrade(req, socket, head, match[1], searchParams);
      } catch (err) {
        this.o.logger.error({ err: err instanceof Error ? err.name : 'unknown' }, 'directline: upgrade refused after an error');
        refuse(socket, 400);
      }
    });
  }

  /** Closes the conversation's sockets (evicted or shutting down). */
  closeConversation(conversationId: string): void {
    for (const ws of this.sockets.get(conversationId) ?? []) ws.close(1001, 'conversation closed');
    this.sockets.delete(conversationId);
  }

  close(): void {
    this.closed = true;
    clearInterval(this.pinger);
    for (const id of [...this.sockets.keys()]) this.closeConversation(id);
    this.wss.close();
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, conversationId: string, q: URLSearchParams): Promise<void> {
    try {
      if (this.o.addressLimit && !(await this.o.addressLimit.allow(req))) throw tooManyFromAddress();
      const token = q.get('t');
      if (!token) throw new DirectLineError(401, 'MissingToken', 'Stream token required');
      const claims = await this.o.tokens.verify(token, 'stream');
      const conversation = await this.o.channel.open({ ...claims, scope: 'conv' }, undefined, conversationId);
      // Checked again after the await: others may have connected meanwhile.
      if (this.closed || this.openCount >= this.o.maxSockets) throw new DirectLineError(503, 'Unavailable', 'Too many open streams');
      if ((this.sockets.get(conversationId)?.size ?? 0) >= this.o.maxSocketsPerConversation) {
        throw new DirectLineError(429, 'TooManyRequests', 'Too many streams for this conversation');
      }
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
      refuse(socket, status);
    }
  }

  private get openCount(): number {
    let n = 0;
    for (const set of this.sockets.values()) n += set.size;
    return n;
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

/** Answers an upgrade request we will not take, then closes the socket whether or not the peer does. */
function refuse(socket: Duplex, status: number): void {
  if (socket.destroyed) return;
  const reason = STATUS_CODES[status] ?? 'Error';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
}

function send(ws: WebSocket, set: ActivitySet): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(set));
}
