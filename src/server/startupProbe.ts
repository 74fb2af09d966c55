import { createServer, type Server } from 'node:http';

/**
 * Answers health probes on the app's port while start-up waits for something outside the process
 * (the database, retried with backoff): `/health` 200 (the process is alive and trying, so a
 * supervisor should not restart it), `/ready` 503 with the reason, anything else 503. Closed just
 * before the app listens on the same port. The reason is a fixed phrase, never an error message
 * (those can carry host names and user names).
 */
export interface StartupProbe {
  setReason(reason: string): void;
  close(): Promise<void>;
}

export async function startStartupProbe(port: number, host: string, reason: string): Promise<StartupProbe> {
  let current = reason;
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const [status, body] =
      path === '/health' ? [200, { status: 'starting' }] : path === '/ready' ? [503, { status: 'not-ready', store: false, reason: current }] : [503, { error: 'starting' }];
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', Connection: 'close' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    setReason: (r) => {
      current = r;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
