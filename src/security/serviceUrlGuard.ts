import type { HttpRejection } from './rejection.js';
import { isHttpsOrLoopback } from './secureUrl.js';

/**
 * In anonymous mode nobody vouches for `serviceUrl`, and every reply is POSTed to it: an open relay
 * to any host the server can reach (verified against 127.0.0.1 in shared/notes/stack.md §2). So an
 * activity is accepted only if its replies come back in the HTTP body (`deliveryMode:
 * 'expectReplies'`) or its serviceUrl is on the operator's allow-list. With authentication on, the
 * token's `serviceurl` claim must name the same host (serviceUrlMatchesClaim), and the serviceUrl
 * must still be on the allow-list (by default the Azure Bot Service channels below): a leaked or
 * mis-issued token cannot point the bot elsewhere.
 */

/**
 * Where Azure Bot Service's channels (public cloud) take replies: Teams, Web Chat, Direct Line
 * (global and its regional endpoints) and SMS. The allow-list with an app id when
 * ALLOWED_SERVICE_URLS is empty.
 */
export const AZURE_BOT_SERVICE_URLS: readonly string[] = [
  'https://smba.trafficmanager.net/',
  'https://webchat.botframework.com/',
  'https://directline.botframework.com/',
  'https://europe.directline.botframework.com/',
  'https://india.directline.botframework.com/',
  'https://sms.botframework.com/',
];

export interface GuardOptions {
  anonymous: boolean;
  /** Entries as parsed by parseServiceUrlEntry (config/env.ts): https URLs, loopback http, `http://localhost:*`. */
  allowedServiceUrls: readonly string[];
}


function reject(status: 400 | 403, code: string, message: string): HttpRejection {
  return { status, code, message };
}

/** Does `serviceUrl` fall under `entry`? Same origin, and its path starts with the entry's path. */
export function serviceUrlAllowed(serviceUrl: string, entry: string): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const wildcard = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\]):\*$/.exec(entry);
  if (wildcard) return url.protocol === 'http:' && url.hostname === wildcard[1];
  let allowed: URL;
  try {
    allowed = new URL(entry);
  } catch {
    return false;
  }
  if (!isHttpsOrLoopback(url.href)) return false;
  if (url.origin !== allowed.origin) return false;
  // Compare on a path boundary so `/teams` does not allow `/teams-evil`.
  const base = allowed.pathname.endsWith('/') ? allowed.pathname : `${allowed.pathname}/`;
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return path.startsWith(base);
}

/** Returns undefined when the activity may go on to the adapter, else the rejection to send. */
export function checkInboundActivity(body: unknown, options: GuardOptions): HttpRejection | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return reject(400, 'BadActivity', 'Expected a JSON activity object');
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string' || activity.type === '') return reject(400, 'BadActivity', 'The activity needs a type');
  const serviceUrl = activity.serviceUrl;
  // Authenticated: the SDK makes an outbound client for any serviceUrl given, expectReplies or not.
  const needed = activity.deliveryMode !== 'expectReplies' || (!options.anonymous && serviceUrl !== undefined && serviceUrl !== '');
  if (!needed) return undefined;
  if (typeof serviceUrl !== 'string' || serviceUrl === '')
    return reject(403, 'ServiceUrlNotAllowed', 'Use deliveryMode "expectReplies" or an allowed serviceUrl');
  if (options.allowedServiceUrls.some((entry) => serviceUrlAllowed(serviceUrl, entry))) return undefined;
  return reject(403, 'ServiceUrlNotAllowed', 'Use deliveryMode "expectReplies" or an allowed serviceUrl');
}

/**
 * An authenticated caller's serviceUrl must be on the host its token names (the `serviceurl` claim
 * Azure Bot Service puts in channel tokens); a token without that claim leaves it to the allow-list.
 */
export function serviceUrlMatchesClaim(serviceUrl: string | undefined, claim: unknown): boolean {
  if (typeof claim !== 'string' || serviceUrl === undefined) return true;
  try {
    return new URL(serviceUrl).host.toLowerCase() === new URL(claim).host.toLowerCase();
  } catch {
    return false;
  }
}
