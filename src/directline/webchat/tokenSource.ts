import type { DirectLineHandle, TokenResponse } from '../types.js';

/**
 * Where /chat/token gets a Direct Line token. Self-hosted: our own channel mints it. Azure: our
 * server exchanges the Azure Direct Line secret for a token, so the secret never reaches a browser.
 */
export type TokenSource = () => Promise<TokenResponse>;

export const AZURE_DIRECT_LINE = 'https://directline.botframework.com/v3/directline';

export function localTokenSource(directLine: Pick<DirectLineHandle, 'issueToken'>): TokenSource {
  return () => directLine.issueToken();
}

export function azureTokenSource(opts: { secret: string; domain?: string; fetch?: typeof fetch }): TokenSource {
  const doFetch = opts.fetch ?? fetch;
  const domain = opts.domain ?? AZURE_DIRECT_LINE;
  return async () => {
    const res = await doFetch(`${domain}/tokens/generate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${opts.secret}` },
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`Direct Line tokens/generate answered ${res.status}`);
    const body = (await res.json()) as Partial<TokenResponse>;
    if (typeof body.token !== 'string' || typeof body.conversationId !== 'string') throw new Error('Direct Line token response malformed');
    return { token: body.token, conversationId: body.conversationId, expires_in: Number(body.expires_in ?? 1800) };
  };
}

/**
 * Tokens are free to ask for, and each one can start a conversation that holds memory, so one
 * address may start only so many per minute. Fixed one-minute windows; the map is cleared each window.
 */
export class TokenRateLimit {
  private window = 0;
  private counts = new Map<string, number>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number,
  ) {}

  allow(key: string): boolean {
    const w = Math.floor(this.now() / 60_000);
    if (w !== this.window) {
      this.window = w;
      this.counts = new Map();
    }
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return n <= this.perMinute;
  }
}
