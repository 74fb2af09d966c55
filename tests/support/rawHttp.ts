import { connect } from 'node:net';

/**
 * Raw bytes to the server on a plain TCP socket, for requests fetch() cannot send (bad targets,
 * odd methods, broken framing). Resolves with what came back and how the exchange ended; never
 * hangs: after `timeoutMs` the socket is destroyed and `ended` is 'timeout'.
 */
export interface RawExchange {
  /** Everything the server sent, as latin1 (byte for byte). */
  response: string;
  /** The status code of the first response line, if there was one. */
  status: number | undefined;
  /** 'closed': the server closed the socket; 'answered': a full response came and `closeAfter` ended it; 'timeout': neither. */
  ended: 'closed' | 'answered' | 'timeout';
}

export interface RawOptions {
  timeoutMs?: number;
  /** Close our side as soon as a complete response (headers plus Content-Length body) has arrived. Default true. */
  closeAfterResponse?: boolean;
  /** Called once the socket is connected, before `data` is written (e.g. to write in pieces). */
  write?: (write: (chunk: string | Buffer) => void) => void | Promise<void>;
}

export function rawRequest(port: number, data: string | Buffer, options: RawOptions = {}): Promise<RawExchange> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const closeAfter = options.closeAfterResponse ?? true;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = connect(port, '127.0.0.1');
    const finish = (ended: RawExchange['ended']) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const response = Buffer.concat(chunks).toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(finalResponse(response));
      resolve({ response, status: m?.[1] ? Number(m[1]) : undefined, ended });
    };
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      if (closeAfter && complete(Buffer.concat(chunks).toString('latin1'))) finish('answered');
    });
    socket.on('error', () => finish('closed'));
    socket.on('close', () => finish('closed'));
    socket.on('connect', () => {
      void (async () => {
        try {
          if (options.write) await options.write((c) => socket.write(c));
          if (data.length > 0) socket.write(data);
        } catch {
          /* the server may close first; the outcome is read from what came back */
        }
      })();
    });
  });
}

/** The response after any interim 1xx responses (100 Continue). */
function finalResponse(text: string): string {
  let rest = text;
  while (/^HTTP\/1\.[01] 1\d\d/.test(rest)) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) return rest;
    rest = rest.slice(end + 4);
  }
  return rest;
}

/** A whole final response: headers ended and, when there is a Content-Length, that many body bytes. */
function complete(whole: string): boolean {
  const text = finalResponse(whole);
  if (/^HTTP\/1\.[01] 1\d\d/.test(text) || text === '') return false;
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(text.slice(0, end));
  if (!length?.[1]) return /\r\ntransfer-encoding:\s*chunked/i.test(text.slice(0, end)) ? text.endsWith('0\r\n\r\n') : true;
  return Buffer.byteLength(text.slice(end + 4), 'latin1') >= Number(length[1]);
}
