import type { Texts } from './texts.js';

/**
 * The /chat page, rendered on the server so the emergency banner and labels are there before any
 * script runs (and with no script at all). Every interpolated value is HTML-escaped; the config
 * for the script is JSON in a non-executing <script type="application/json">, with '<' escaped.
 */
export interface PageModel {
  texts: Texts;
  /** Heading: the practice's chosen title or the default. */
  title: string;
  practiceName: string;
  colour: string;
  nonce: string;
  assets: { js: string; css: string };
  config: unknown;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** The emergency sentence with its markers turned into links; the text around them is escaped. */
function emergencyText(raw: string): string {
  const links: Record<string, string> = {
    '[999]': '<a href="tel:999">999</a>',
    '[111]': '<a href="tel:111">111</a>',
    '[111online]': '<a href="https://111.nhs.uk" target="_blank" rel="noopener">111.nhs.uk</a>',
  };
  return raw
    .split(/(\[999\]|\[111\]|\[111online\])/)
    .map((part) => links[part] ?? escapeHtml(part))
    .join('');
}

export function renderPage(m: PageModel): string {
  const { t } = m.texts;
  const e = escapeHtml;
  const json = JSON.stringify(m.config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="${e(m.texts.lang)}" dir="${m.texts.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, interactive-widget=resizes-content">
<title>${e(m.title)}</title>
<link rel="stylesheet" href="${e(m.assets.css)}">
<style nonce="${e(m.nonce)}">:root{--brand:${e(m.colour)}}</style>
<script src="${e(m.assets.js)}" defer></script>
</head>
<body>
<div class="top">
<header class="header">
<div class="header-row">
<h1>${e(m.title)}</h1>
<button type="button" id="end" class="end" hidden>${e(t('end'))}</button>
</div>
<p class="intro">${e(t('intro'))}</p>
</header>
<section class="emergency" aria-labelledby="emergency-heading">
<h2 id="emergency-heading">${e(t('emergency.heading'))}</h2>
<p class="emergency-full">${emergencyText(t('emergency.text'))}</p>
<p class="emergency-short">${emergencyText(t('emergency.short'))}</p>
</section>
</div>
<main>
<div id="end-confirm" class="panel" role="group" aria-labelledby="end-question" hidden>
<p id="end-question" tabindex="-1">${e(t('endQuestion'))}</p>
<div class="panel-actions">
<button type="button" id="end-yes" class="danger">${e(t('endYes'))}</button>
<button type="button" id="end-no" class="secondary">${e(t('endNo'))}</button>
</div>
</div>
<h2 class="visually-hidden" id="log-heading">${e(t('logLabel'))}</h2>
<div id="log" class="log" role="log" aria-live="polite" aria-relevant="additions" aria-labelledby="log-heading" tabindex="0"></div>
<p id="typing" class="typing" aria-hidden="true" hidden><span class="dots"><span></span><span></span><span></span></span> ${e(t('typing'))}</p>
<p id="status" class="status" role="status"></p>
<div class="problem">
<p id="error" class="error" role="alert"></p>
<button type="button" id="retry" class="retry" hidden>${e(t('retry'))}</button>
</div>
<div id="choices" class="choices" role="group" aria-label="${e(t('choicesLabel'))}" hidden></div>
<form id="composer" class="composer" novalidate>
<label for="input">${e(t('inputLabel'))}</label>
<p id="input-hint" class="hint">${e(t('inputHint'))}</p>
<textarea id="input" name="message" rows="2" aria-describedby="input-hint" autocomplete="off"></textarea>
<button type="submit" id="send" class="send">${e(t('send'))}</button>
</form>
<div id="ended" class="panel" hidden>
<p id="ended-text" role="status"></p>
<button type="button" id="start-again" class="send">${e(t('startAgain'))}</button>
</div>
<noscript><p>${e(t('noscript'))}</p></noscript>
</main>
<script type="application/json" id="chat-config">${json}</script>
</body>
</html>
`;
}
