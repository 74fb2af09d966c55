import type { Request, Server } from 'restify';
import type { Logger } from '../observability/logger.js';
import { requestTarget } from '../security/requestTarget.js';
import type { DirectLineChannel } from './channel.js';
import { DirectLineError, tooManyFromAddress } from './errors.js';
import { bearer, readJson, route, sendJson } from './http.js';
import type { TokenClaims, TokenService } from './tokens.js';
import type { AddressLimit, ConversationResponse } from './types.js';

/** The Direct Line 3.0 REST surface as DirectLineJS 0.15 calls it. Paths and shapes follow Azure's service. */
export const PREFIX = '/v3/directline';

export interface RouteOptions {
  channel: DirectLineChannel;
  tokens: TokenService;
  logger: Logger;
  maxBodyBytes: number;
  publicUrl?: string;
  addressLimit?: AddressLimit;
}

export function registerRoutes(server: Server, o: RouteOptions): void {
  const { channel, logger } = o;
  // Every route, polling included, spends from the caller's address budget before any work.
  const r = (h: Parameters<typeof route>[1]) =>
    route(logger, async (req, res) => {
      if (o.addressLimit && !(await o.addressLimit.allow(req))) throw tooManyFromAddress();
      await h(req, res);
    });

  server.post(`${PREFIX}/tokens/generate`, r(async (req, res) => {
    if (!o.tokens.isSecret(bearer(req))) throw new DirectLineError(403, 'BadToken', 'The Direct Line secret is required');
    sendJson(res, 200, await channel.issueToken());
  }));

  server.post(`${PREFIX}/tokens/refresh`, r(async (req, res) => {
    sendJson(res, 200, await channel.refresh(await channel.authenticate(bearer(req))));
  }));

  server.post(`${PREFIX}/conversations`, r(async (req, res) => {
    const caller = await channel.authenticate(bearer(req));
    const body = await readJson(req, o.maxBodyBytes);
    const locale = typeof body.locale === 'string' ? body.locale : undefined;
    const { token, claims } = await channel.start(caller, locale);
    const streamUrl = await streamUrlFor(req, o, claims, undefined);
    sendJson(res, 201, { ...token, streamUrl } satisfies ConversationResponse);
  }));

  // Reconnect: DirectLineJS asks for a fresh streamUrl (and token) after its socket closes.
  server.get(`${PREFIX}/conversations/:conversationId`, r(async (req, res) => {
    const caller = await channel.authenticate(bearer(req));
    const claims = await channel.claimsFor(caller, param(req));
    await channel.open(claims, undefined, param(req));
    const token = await channel.tokenFor(claims.conversationId, claims.userId, claims.since);
    const streamUrl = await streamUrlFor(req, o, claims, watermark(req));
    sendJson(res, 200, { ...token, streamUrl } satisfies ConversationResponse);
  }));

  server.post(`${PREFIX}/conversations/:conversationId/activities`, r(async (req, res) => {
    const claims = await channel.claimsFor(await channel.authenticate(bearer(req)), param(req));
    const body = await readJson(req, o.maxBodyBytes);
    sendJson(res, 200, { id: await channel.post(claims, body) });
  }));

  server.get(`${PREFIX}/conversations/:conversationId/activities`, r(async (req, res) => {
    const claims = await channel.claimsFor(await channel.authenticate(bearer(req)), param(req));
    sendJson(res, 200, await channel.activities(claims, param(req), watermark(req)));
  }));

  // Not in Azure's Direct Line: the web chat's "end and clear" (a shared computer) deletes the
  // transcript. Only the conversation's own token may; the bot's state follows its own retention.
  server.del(`${PREFIX}/conversations/:conversationId`, r(async (req, res) => {
    const caller = await channel.authenticate(bearer(req));
    if (caller.kind !== 'token') throw new DirectLineError(403, 'BadToken', 'Only the conversation\'s token can end it');
    await channel.end(await channel.claimsFor(caller, param(req)));
    res.writeHead(204, { 'Cache-Control': 'no-store' });
    res.end();
  }));

  // Uploads are refused: the intake takes no files, and storing them would hold patient data we do not need.
  server.post(`${PREFIX}/conversations/:conversationId/upload`, r(async (req) => {
    await channel.claimsFor(await channel.authenticate(bearer(req)), param(req));
    throw new DirectLineError(400, 'BadArgument', 'Attachments are not accepted');
  }));
}

function param(req: Request): string {
  const id: unknown = req.params?.conversationId;
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new DirectLineError(404, 'NotFound', 'Conversation not found');
  return id;
}

function watermark(req: Request): string | undefined {
  const w = requestTarget(req.url).searchParams.get('watermark');
  return w && /^\d{1,15}$/.test(w) ? w : undefined;
}

async function streamUrlFor(req: Request, o: RouteOptions, claims: TokenClaims, mark: string | undefined): Promise<string> {
  const { conversationId, userId, since } = claims;
  const base = o.publicUrl ? new URL(o.publicUrl) : requestOrigin(req);
  base.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
  base.pathname = `${base.pathname.replace(/\/$/, '')}${PREFIX}/conversations/${conversationId}/stream`;
  base.search = '';
  if (mark !== undefined) base.searchParams.set('watermark', mark);
  base.searchParams.set('t', await o.tokens.sign(conversationId, userId, 'stream', since));
  return base.toString();
}

function requestOrigin(req: Request): URL {
  const forwarded = req.headers['x-forwarded-proto'];
  const proto = typeof forwarded === 'string' && forwarded.split(',')[0]?.trim() === 'https' ? 'https' : req.isSecure() ? 'https' : 'http';
  const host = typeof req.headers.host === 'string' && /^[A-Za-z0-9.:[\]-]+$/.test(req.headers.host) ? req.headers.host : 'localhost';
  try {
    return new URL(`${proto}://${host}`);
  } catch {
    // A Host the character check lets through but URL cannot parse (`[::1`, `x:99999`).
    return new URL(`${proto}://localhost`);
  }
}
