import { randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../observability/logger.js';
import { clientAddress } from '../../security/rateLimit.js';
import { requestTarget } from '../../security/requestTarget.js';
import { sendJson } from '../http.js';
import { findAssetsDir, makeAsset, readAsset, sendCompressed, serveAsset, compressDynamic, type Asset } from './assets.js';
import { brandColour } from './colour.js';
import { renderPage } from './page.js';
import { BCP47, textsFor, type Lookup } from './texts.js';
import { TokenRateLimit, type TokenSource } from './tokenSource.js';

export { i18nextLookup, type I18nLike, type Lookup } from './texts.js';
export { localTokenSource, azureTokenSource, AZURE_DIRECT_LINE, type TokenSource } from './tokenSource.js';

/**
 * The light web chat: GET /chat (full page), GET /chat/embed.js and /chat/widget.js (the one-line
 * embed), GET /chat/assets/* (script and styles) and POST /chat/token (a Direct Line token).
 */
export interface WebChatDeps {
  /** Raw page texts by key and language; build it with `i18nextLookup(i18n)`. */
  lookup: Lookup;
  practice: { name: string; phone: string };
  tokenSource: TokenSource;
  clock: Clock;
  logger: Logger;
  /** Direct Line base URL the browser talks to. Default: our own channel at '/v3/directline'. */
  domain?: string;
  /** Must match the channel's limit so the page can explain a refusal. Default 2000. */
  maxMessageChars?: number;
  /** CSP frame-ancestors: which sites may embed /chat. Default '*' (any practice website). */
  frameAncestors?: string;
  /** Tokens per client address per minute. Default 30. */
  tokensPerMinute?: number;
  /** Reverse proxies in front (TRUST_PROXY_HOPS): the client address comes from X-Forwarded-For. */
  trustProxyHops?: number;
  /** Languages with webchat texts, for the embed's launcher. Default ['en']. */
  languages?: string[];
  assetsDir?: string;
}

export function registerWebChat(server: Server, deps: WebChatDeps): void {
  const dir = deps.assetsDir ?? findAssetsDir();
  const domain = (deps.domain ?? '/v3/directline').replace(/\/$/, '');
  const maxMessageChars = deps.maxMessageChars ?? 2000;
  const logger = deps.logger.child({ module: 'webchat' });
  const params = { practice: deps.practice.name, phone: deps.practice.phone, max: maxMessageChars };
  const assets: Record<string, Asset> = {
    'chat.js': readAsset(dir, 'chat.js', 'application/javascript; charset=utf-8'),
    'chat.css': readAsset(dir, 'chat.css', 'text/css; charset=utf-8'),
  };
  const embed = makeAsset('application/javascript; charset=utf-8', embedScript(dir, deps.lookup, deps.languages ?? ['en'], params));
  const limit = new TokenRateLimit(deps.tokensPerMinute ?? 30, () => deps.clock.now().getTime());
  const connectSrc = directLineOrigins(domain);

  server.get('/chat', (req: Request, res: Response, next) => {
    const q = requestTarget(req.url).searchParams;
    const requested = BCP47.test(q.get('lang') ?? '') ? (q.get('lang') as string) : 'en';
    const texts = textsFor(deps.lookup, requested, params);
    // The heading comes from the practice file (via the page texts), never from the URL: a link
    // with ?title= would otherwise put any words on the practice's own page.
    const title = texts.t('title');
    const nonce = randomBytes(16).toString('base64');
    const html = renderPage({
      texts,
      title,
      practiceName: deps.practice.name,
      colour: brandColour(q.get('colour') ?? undefined),
      nonce,
      assets: { js: `/chat/assets/chat.js?v=${assets['chat.js']!.hash}`, css: `/chat/assets/chat.css?v=${assets['chat.css']!.hash}` },
      config: {
        tokenUrl: '/chat/token',
        domain,
        locale: requested,
        maxMessageChars,
        embedded: q.get('embed') === '1',
        texts: {
          you: texts.t('you'),
          bot: texts.t('bot'),
          connecting: texts.t('status.connecting'),
          connected: '',
          reconnecting: texts.t('status.reconnecting'),
          failed: texts.t('status.failed'),
          ended: texts.t('status.ended'),
          sendFailed: texts.t('error.sendFailed'),
          tooLong: texts.t('error.tooLong'),
          offline: texts.t('error.offline'),
          restored: texts.t('status.restored'),
          cleared: texts.t('status.cleared'),
        },
      },
    });
    sendCompressed(req, res, compressDynamic('text/html; charset=utf-8', html), {
      'Cache-Control': 'no-store',
      'Content-Security-Policy': [
        "default-src 'none'",
        "script-src 'self'",
        `style-src 'self' 'nonce-${nonce}'`,
        `connect-src 'self' ${connectSrc}`.trim(),
        "img-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        `frame-ancestors ${deps.frameAncestors ?? '*'}`,
      ].join('; '),
      'Referrer-Policy': 'no-referrer',
    });
    next();
  });

  server.get('/chat/assets/:name', (req: Request, res: Response, next) => {
    const asset = assets[String(req.params?.name)];
    if (!asset) {
      sendJson(res, 404, { error: { code: 'NotFound', message: 'Not found' } });
      return next(false);
    }
    const versioned = requestTarget(req.url).searchParams.get('v') === asset.hash;
    serveAsset(req, res, asset, versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    next();
  });

  const serveEmbed = (req: Request, res: Response, next: (v?: boolean) => void): void => {
    // A fixed URL on practice websites: cache for an hour so an update reaches patients the same day.
    serveAsset(req, res, embed, 'public, max-age=3600');
    next();
  };
  server.get('/chat/embed.js', serveEmbed);
  server.get('/chat/widget.js', serveEmbed);

  server.post('/chat/token', (req: Request, res: Response, next) => {
    // Behind a proxy the socket address is the proxy's: every patient would share one bucket.
    if (!limit.allow(clientAddress(req, deps.trustProxyHops ?? 0) ?? 'unknown')) {
      sendJson(res, 429, { error: { code: 'TooManyRequests', message: 'Too many chats started; try again in a minute' } });
      return next(false);
    }
    deps.tokenSource().then(
      (token) => {
        sendJson(res, 200, token);
        next();
      },
      (err: unknown) => {
        logger.error({ err: err instanceof Error ? err.message : 'unknown' }, 'webchat: token source failed');
        sendJson(res, 503, { error: { code: 'Unavailable', message: 'Chat is not available just now' } });
        next(false);
      },
    );
  });
}

/** The launcher's texts for each language we have, put in place of EMBED_TEXTS in the built embed script. */
function embedScript(dir: string, lookup: Lookup, languages: string[], params: Record<string, string | number>): string {
  const byLang: Record<string, { open: string; close: string; frameTitle: string }> = {};
  for (const lng of new Set(['en', ...languages])) {
    const texts = textsFor(lookup, lng, params);
    if (texts.lang !== lng) continue;
    byLang[lng] = { open: texts.t('embed.open'), close: texts.t('embed.close'), frameTitle: texts.t('embed.frameTitle') };
  }
  const source = readAsset(dir, 'embed.js', 'application/javascript').raw.toString('utf8');
  // Wrapped so nothing leaks into the host page's global scope.
  return `(function(){var EMBED_TEXTS=${JSON.stringify(byLang).replace(/</g, '\\u003c')};\n${source}\n})();\n`;
}

/** Absolute Direct Line domains (Azure) need their https and wss origins in connect-src. */
function directLineOrigins(domain: string): string {
  if (!/^https?:\/\//.test(domain)) return '';
  const u = new URL(domain);
  return `${u.origin} ${u.protocol === 'https:' ? 'wss' : 'ws'}://${u.host}`;
}
