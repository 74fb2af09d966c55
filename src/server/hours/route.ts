import { createHash } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { Clock } from '../../clock.js';
import { RTL_LANGUAGES } from '../../directline/webchat/texts.js';
import type { Translate } from '../../i18n/translate.js';
import { publishedHours, type PublishedHoursConfig } from '../../practice/publishedHours.js';
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

export function registerHoursRoute(server: Server, deps: HoursRouteDeps): void {
  const langs = new Set(deps.languages);

  const json = (res: Response) => {
    res.sendRaw(200, JSON.stringify(publishedHours(deps.config, deps.clock.now())), {
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
    const now = deps.clock.now();
    const html = renderHoursPage(
      publishedHours(deps.config, now),
      { lang, dir: RTL_LANGUAGES.has(lang.split('-')[0] ?? '') ? 'rtl' : 'ltr', t: (key, params) => deps.t(key, lang, params) },
      now,
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
