import { html, type Html, type HtmlValue } from '../html.js';
import { CSRF_FIELD } from '../csrf.js';
import type { Session } from '../sessions.js';

export interface PageOptions {
  title: string;
  practiceName: string;
  session?: Session;
  /** Which nav link is the current page. */
  current?: 'queue' | 'quality';
  body: HtmlValue;
  /** Go on to this same-site path at once (after single sign-on; see ssoRoutes.ts). */
  refreshTo?: string;
}

export const csrfInput = (session: Session): Html => html`<input type="hidden" name="${CSRF_FIELD}" value="${session.csrf}">`;

/** Every inbox page: one stylesheet and one small deferred script, both from /inbox/assets. */
export function page(o: PageOptions): Html {
  const user = o.session?.user;
  const nav = user
    ? html`<nav aria-label="Inbox"><ul>
        <li><a href="/inbox"${o.current === 'queue' ? html` aria-current="page"` : ''}>Requests</a></li>
        <li><a href="/inbox/quality"${o.current === 'quality' ? html` aria-current="page"` : ''}>Triage quality</a></li>
      </ul></nav>
      <form method="post" action="/inbox/signout" class="signout">${csrfInput(o.session as Session)}
        <p>Signed in as <strong>${user.name}</strong> (${user.role})</p>
        <button type="submit">Sign out</button>
      </form>`
    : '';
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} – ${o.practiceName} inbox</title>
${o.refreshTo ? html`<meta http-equiv="refresh" content="0;url=${o.refreshTo}">` : ''}
<link rel="stylesheet" href="/inbox/assets/inbox.css">
<script src="/inbox/assets/inbox.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header class="top"><p class="brand">${o.practiceName} · Practice inbox</p>${nav}</header>
<main id="main" tabindex="-1">
${o.body}
</main>
</body>
</html>`;
}

export function errorPage(practiceName: string, session: Session | undefined, title: string, message: string): Html {
  return page({
    title,
    practiceName,
    session: session?.user ? session : undefined,
    body: html`<h1>${title}</h1><p>${message}</p><p><a href="/inbox">Back to the requests</a></p>`,
  });
}
