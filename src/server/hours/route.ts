import { createHash } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { Clock } from '../../clock.js';
import { RTL_LANGUAGES } from '../../directline/webchat/texts.js';
import type { Translate } from '../../i18n/translate.js';
import { DateTime } from 'luxon';
import { publishedHours, type PublishedHours, type PublishedHoursConfig } from '../../practice/publishedHours.js';
import { HOURS_PAGE_CSS, renderHoursPage } from './page.js';

/**
 * GET /hours: the published hours of every route, as a page (default) or JSON (`Accept:
 * application/json`, or /hours.json). Public: it says nothing a practice's website does not.
 */
export interface HoursRouteDeps {
  config: PublishedHoursConfig;
  clock: Clock;
  t: Translate;
  /** BCP-47 tags the page can be shown in (those with texts). */
  languages: readonly string[];
}

const STYLE_HASH = `'sha256-${createHash('sha256').update(HOURS_PAGE_CSS).digest('base64')}'`;
const CSP = ["default-src 'none'", `style-src ${STYLE_HASH}`, "base-uri 'none'", "form-action 'none'"].join('; ');

/** Prefers JSON only when asked for it over HTML (browsers send text/html first). */
function wantsJson(req: Request): boolean {
  const accept = req.header('accept') ?? '';
  return /application\/json/i.test(accept) && !/text\/html/i.test(accept);
}

/** A page takes a few ms to build; the same one is served until anything on it could change. */
const KEEP_MS = 60_000;

interface Kept {
  from: number;
  until: number;
  body: string;
}

export function registerHoursRoute(server: Server, deps: HoursRouteDeps): void {
  const langs = new Set(deps.languages);
  const kept = new Map<string, Kept>();

  /** Body for `key` at now, rebuilt at the next opening or closing, at midnight, after a minute, or when the clock went back. */
  const cached = (key: string, build: (hours: PublishedHours, now: Date) => string): string => {
    const now = deps.clock.now();
    const t = now.getTime();
    const hit = kept.get(key);
    if (hit && hit.from <= t && t < hit.until) return hit.body;
    const hours = publishedHours(deps.config, now);
    const boundary = Date.parse(hours.online.closesAt ?? hours.online.nextOpening ?? '') || Infinity;
    const until = Math.min(t + KEEP_MS, boundary, nextMidnight(deps.config.timeZone, now));
    const body = build(hours, now);
    kept.set(key, { from: t, until, body });
    return body;
  };

  const json = (res: Response) => {
    res.sendRaw(200, cached('\u0000json', (hours) => JSON.stringify(hours)), {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-cache',
      'Access-Control-Allow-Origin': '*',
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Accept',
    });
  };

  server.get('/hours.json', (_req: Request, res: Response, next) => {
    json(res);
    next();
  });

  server.get('/hours', (req: Request, res: Response, next) => {
    if (wantsJson(req)) {
      json(res);
      return next();
    }
    const asked = new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang') ?? '';
    const lang = langs.has(asked) ? asked : langs.has(asked.split('-')[0] ?? '') ? (asked.split('-')[0] ?? 'en') : 'en';
    const html = cached(lang, (hours, now) =>
      renderHoursPage(hours, { lang, dir: RTL_LANGUAGES.has(lang.split('-')[0] ?? '') ? 'rtl' : 'ltr', t: (key, params) => deps.t(key, lang, params) }, now),
    );
    res.sendRaw(200, html, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': CSP,
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Accept',
    });
    next();
  });
}

/** "Today" and "tomorrow" on the page change at local midnight. */
function nextMidnight(timeZone: string, now: Date): number {
  return DateTime.fromJSDate(now, { zone: timeZone }).plus({ days: 1 }).startOf('day').toMillis();
}
