import { html, type Html } from '../html.js';
import type { Session } from '../sessions.js';
import { csrfInput, page } from './layout.js';

export function signInPage(practiceName: string, session: Session, idleMinutes: number, error?: string, username = '', ssoLabel?: string): Html {
  const errorId = 'signin-error';
  return page({
    title: 'Sign in',
    practiceName,
    body: html`<h1>Sign in to the practice inbox</h1>
${error ? html`<div class="error-summary" role="alert" id="${errorId}"><h2>There is a problem</h2><p>${error}</p></div>` : ''}
<form method="post" action="/inbox/signin" class="stack" novalidate>
  ${csrfInput(session)}
  <div class="field"><label for="username">Username</label>
    <input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required maxlength="64" value="${username}"${error ? html` aria-describedby="${errorId}" aria-invalid="true"` : ''}></div>
  <div class="field"><label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024"${error ? html` aria-describedby="${errorId}" aria-invalid="true"` : ''}></div>
  <button type="submit">Sign in</button>
</form>
${ssoLabel ? html`<h2>Or use single sign-on</h2><p><a href="/inbox/oidc/start">${ssoLabel}</a></p>` : ''}
<p class="hint">You are signed out after ${idleMinutes} minutes without activity. Ask the practice manager if you cannot sign in.</p>`,
  });
}
