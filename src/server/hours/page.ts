import { escapeHtml } from '../../directline/webchat/page.js';
import { WEEKDAYS, type OpeningRange, type Weekday } from '../../practice/config.js';
import type { PublishedHours } from '../../practice/publishedHours.js';
import { sayClock, sayWhen, weekdayNames } from '../../practice/say-time.js';

/**
 * The published hours as a small page a practice can link to from its website: one heading per
 * route, a table per week with row headers, the phone number as a tel: link, no script, system
 * fonts, contrast well above WCAG AA. Every text comes from locales (contract.hours.*), every value
 * is escaped.
 */

export interface HoursPageTexts {
  lang: string;
  dir: 'ltr' | 'rtl';
  t(key: string, params?: Record<string, string>): string;
}

export const HOURS_PAGE_CSS = `
body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#212b32;background:#fff}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.75rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
table{border-collapse:collapse;width:100%}
th,td{text-align:start;padding:.375rem .5rem;border-bottom:1px solid #aeb7bd;vertical-align:top}
thead th{border-bottom:2px solid #212b32}
.status{font-weight:600;padding:.75rem;border-inline-start:.375rem solid #005eb8;background:#eef7ff}
.warning{border-inline-start:.375rem solid #212b32;padding:.75rem;background:#fff9c4}
a{color:#004b93}
a:focus{outline:3px solid #ffb81c;outline-offset:2px;background:#ffb81c;color:#212b32}
`;

function ranges(list: readonly OpeningRange[], lang: string, closed: string): string {
  if (list.length === 0) return escapeHtml(closed);
  // Touching ranges (18:30 close, 18:30 open) read as one.
  const merged: { open: string; close: string }[] = [];
  for (const r of list) {
    const last = merged[merged.length - 1];
    if (last && last.close === r.open) last.close = r.close;
    else merged.push({ open: r.open, close: r.close });
  }
  return merged.map((r) => `${escapeHtml(sayClock(r.open, lang))}\u2013${escapeHtml(sayClock(r.close, lang))}`).join(', ');
}

function week(hours: Record<Weekday, OpeningRange[]>, texts: HoursPageTexts, id: string, caption: string): string {
  const names = weekdayNames(texts.lang);
  const rows = WEEKDAYS.map(
    (d, i) => `<tr><th scope="row">${escapeHtml(names[i] ?? d)}</th><td>${ranges(hours[d], texts.lang, texts.t('contract.hours.closed'))}</td></tr>`,
  ).join('');
  return `<table aria-describedby="${id}"><caption id="${id}">${escapeHtml(caption)}</caption><thead><tr><th scope="col">${escapeHtml(texts.t('contract.hours.day'))}</th><th scope="col">${escapeHtml(texts.t('contract.hours.times'))}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function renderHoursPage(h: PublishedHours, texts: HoursPageTexts, now: Date): string {
  const e = escapeHtml;
  const { t, lang } = texts;
  // Closures are local 'YYYY-MM-DDTHH:MM'; luxon reads those in the practice zone like instants.
  const when = (iso: string) => sayWhen(iso, h.timeZone, lang, now);
  let status: string;
  if (h.online.closedUntil) status = t('contract.closure', { when: when(h.online.closedUntil), phone: h.practice.phone });
  else if (h.online.openNow) status = t('contract.hours.openNow');
  else status = h.online.nextOpening ? t('contract.hours.closedNow', { when: when(h.online.nextOpening) }) : t('contract.hours.closedNowNoTime');
  const tel = h.practice.phone.replace(/[^\d+]/g, '');
  const closures = h.closures.length
    ? `<h2 id="closures">${e(t('contract.hours.closures'))}</h2><ul>${h.closures
        .map((c) => `<li>${e(t('contract.hours.closureRow', { from: when(c.from), until: when(c.until) }))}</li>`)
        .join('')}</ul>`
    : '';
  return `<!doctype html>
<html lang="${e(lang)}" dir="${texts.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(t('contract.hours.title', { practice: h.practice.name }))}</title>
<style>${HOURS_PAGE_CSS}</style>
</head>
<body>
<main>
<h1>${e(t('contract.hours.title', { practice: h.practice.name }))}</h1>
<p class="status" role="status">${e(status)}</p>
<p>${e(t('contract.hours.callPhone'))} <a href="tel:${e(tel)}">${e(h.practice.phone)}</a></p>
<h2 id="online">${e(t('contract.hours.online'))}</h2>
${week(h.online.hours, texts, 'online-caption', t('contract.hours.onlineCaption'))}
<p>${e(t(h.online.outsideHours === 'queue' ? 'contract.hours.outsideQueue' : 'contract.hours.outsideClosed'))}</p>
${h.bankHolidays.closed ? `<p>${e(t('contract.hours.bankHolidays'))}</p>` : ''}
${h.phone.hours ? `<h2 id="phone">${e(t('contract.hours.phone'))}</h2>${week(h.phone.hours, texts, 'phone-caption', t('contract.hours.phoneCaption'))}` : ''}
${closures}
<h2 id="replies">${e(t('contract.hours.replies'))}</h2>
<ul>
<li>${e(t('contract.hours.replyUrgent', { time: sayClock(h.replyTimes.urgentSameDayBefore, lang), morning: sayClock(h.replyTimes.urgentOtherwiseBy, lang) }))}</li>
<li>${e(t('contract.hours.replyRoutine'))}</li>
</ul>
<p class="warning">${e(t('contract.hours.emergency'))}</p>
</main>
</body>
</html>
`;
}
