import { TIERS } from '../../domain/types.js';
import { html, type Html } from '../html.js';
import type { GroupQuality, QualityReport, Rate } from '../quality.js';
import type { Session } from '../sessions.js';
import { page } from './layout.js';
import { languageLabel, TIER_LABEL } from './labels.js';

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
const rateText = (r: Rate, n: number) => (r.rate === null ? 'no reviews' : `${pct(r.rate)} (${r.count} of ${n}; 95% CI ${pct(r.low)} to ${pct(r.high)})`);

function groupTable(caption: string, first: string, groups: readonly GroupQuality[], label: (g: string) => string = (g) => g): Html {
  if (groups.length === 0) return html`<h2>${caption}</h2><p>No re-graded requests in this period.</p>`;
  return html`<div class="table-wrap"><table><caption><h2>${caption}</h2></caption>
<thead><tr><th scope="col">${first}</th><th scope="col">Reviewed</th><th scope="col">Agree</th><th scope="col">Under-triage</th><th scope="col">Over-triage</th></tr></thead>
<tbody>${groups.map((g) => html`<tr><th scope="row">${label(g.group)}</th><td>${g.reviewed}</td><td>${g.agree}</td><td>${rateText(g.under, g.reviewed)}</td><td>${rateText(g.over, g.reviewed)}</td></tr>`)}</tbody></table></div>`;
}

export function qualityPage(o: { practiceName: string; session: Session; report: QualityReport; fromDay: string; toDay: string }): Html {
  const { report } = o;
  const q = `from=${encodeURIComponent(o.fromDay)}&to=${encodeURIComponent(o.toDay)}`;
  return page({
    title: 'Triage quality',
    practiceName: o.practiceName,
    session: o.session,
    current: 'quality',
    body: html`<h1>Triage quality</h1>
<p>How often clinicians agreed with the bot's urgency. A request counts once a clinician has re-graded it (choosing the same tier counts as agreeing). Under-triage means the clinician judged it <strong>more</strong> urgent than the bot did.</p>
<form method="get" action="/inbox/quality" class="filters" aria-label="Choose the period">
  <div class="field"><label for="from">From (first day)</label><input id="from" name="from" type="date" value="${o.fromDay}" required></div>
  <div class="field"><label for="to">To (last day)</label><input id="to" name="to" type="date" value="${o.toDay}" required></div>
  <button type="submit">Show</button>
</form>
<p>${report.requests} request${report.requests === 1 ? '' : 's'} sent in this period; ${report.overall.reviewed} re-graded by a clinician.</p>
<dl class="pairs">
  <dt>Under-triage</dt><dd>${rateText(report.overall.under, report.overall.reviewed)}</dd>
  <dt>Over-triage</dt><dd>${rateText(report.overall.over, report.overall.reviewed)}</dd>
  <dt>Agreement</dt><dd>${report.overall.reviewed ? `${pct(report.overall.agree / report.overall.reviewed)} (${report.overall.agree} of ${report.overall.reviewed})` : 'no reviews'}</dd>
</dl>
<div class="tools"><a href="/inbox/quality.csv?${q}" download="triage-quality-${o.fromDay}-to-${o.toDay}.csv">Download as CSV</a> <a href="/inbox/api/quality?${q}">As JSON</a></div>
<div class="table-wrap"><table><caption><h2>Bot's tier against the clinician's tier</h2></caption>
<thead><tr><td></td>${TIERS.map((t) => html`<th scope="col">Clinician: ${TIER_LABEL[t]}</th>`)}</tr></thead>
<tbody>${TIERS.map((b) => html`<tr><th scope="row">Bot: ${TIER_LABEL[b]}</th>${TIERS.map((c) => html`<td>${report.matrix[b][c]}</td>`)}</tr>`)}</tbody></table></div>
${groupTable('By complaint', 'Complaint', report.byComplaint)}
${groupTable('By language', 'Language', report.byLanguage, (g) => `${languageLabel(g)} (${g})`)}`,
  });
}
