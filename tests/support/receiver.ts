import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { verifySignature } from '../../src/handoff/delivery/signature.js';

/**
 * A real HTTP webhook receiver on 127.0.0.1 for delivery tests. It verifies the HMAC signature,
 * de-duplicates by Idempotency-Key (as we ask practices to), and can misbehave on demand:
 *   ok            200 {"status":"stored"}
 *   slow          like ok, after `slowMs`
 *   fail          503
 *   garbage       200 with a non-JSON body
 *   hang          reads the request and never answers
 *   close-socket  destroys the socket without a response
 * `down()` stops listening (connection refused); `up()` listens again on the same port.
 */
export type ReceiverMode = 'ok' | 'slow' | 'fail' | 'garbage' | 'hang' | 'close-socket';

export interface ReceivedAttempt {
  idempotencyKey: string | undefined;
  contentType: string | undefined;
  signatureValid: boolean;
  mode: ReceiverMode;
  at: number;
}

export interface Receiver {
  url: string;
  port: number;
  /** Every request that reached the handler, in order, whatever was answered. */
  attempts: ReceivedAttempt[];
  /** Stored deliveries: one per idempotency key (signature valid, answered ok/slow). */
  stored: Map<string, { body: unknown; count: number }>;
  setMode(mode: ReceiverMode, opts?: { slowMs?: number }): void;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Never chain `res.writeHead(...).end()`: restify (loaded by any test in the same process) patches
 * http.ServerResponse.prototype.writeHead globally and its version returns undefined.
 */
function reply(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'Content-Type': contentType });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startReceiver(opts: { secret: string; mode?: ReceiverMode; slowMs?: number; port?: number }): Promise<Receiver> {
  let mode: ReceiverMode = opts.mode ?? 'ok';
  let slowMs = opts.slowMs ?? 200;
  const attempts: ReceivedAttempt[] = [];
  const stored = new Map<string, { body: unknown; count: number }>();
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const header = (name: string) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const key = header('idempotency-key');
    const signatureValid = verifySignature({
      secret: opts.secret,
      timestamp: header('x-signature-timestamp'),
      signature: header('x-signature'),
      body,
    });
    const modeNow = mode;
    attempts.push({ idempotencyKey: key, contentType: header('content-type'), signatureValid, mode: modeNow, at: Date.now() });

    if (modeNow === 'hang') {
      hanging.add(res);
      return;
    }
    if (modeNow === 'close-socket') {
      req.socket.destroy();
      return;
    }
    if (modeNow === 'fail') {
      reply(res, 503, 'application/json', '{"error":"unavailable"}');
      return;
    }
    if (!signatureValid) {
      reply(res, 401, 'application/json', '{"error":"bad signature"}');
      return;
    }
    if (!key) {
      reply(res, 400, 'application/json', '{"error":"missing Idempotency-Key"}');
      return;
    }
    if (modeNow === 'slow') await new Promise((r) => setTimeout(r, slowMs));
    // Store first, then answer: a garbage answer after storing is the nasty case (stored but
    // the sender cannot tell), which is exactly what the idempotency key is for.
    const seen = stored.get(key);
    if (seen) seen.count += 1;
    else stored.set(key, { body: JSON.parse(body) as unknown, count: 1 });
    if (modeNow === 'garbage') {
      reply(res, 200, 'text/html', '<html>Bad gateway');
      return;
    }
    reply(res, 200, 'application/json', JSON.stringify({ status: seen ? 'duplicate' : 'stored' }));
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) reply(res, 500, 'application/json', '{}');
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const r of hanging) r.destroy();
      hanging.clear();
      for (const s of sockets) s.destroy();
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });

  const port = await listen(opts.port ?? 0);
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    port,
    attempts,
    stored,
    setMode(m, o) {
      mode = m;
      if (o?.slowMs !== undefined) slowMs = o.slowMs;
    },
    down: stop,
    async up() {
      await listen(port);
    },
    close: stop,
  };
}
