import { NEEDS, TIERS, type IntakeRequest } from '../../domain/types.js';
import { html, type Html } from '../html.js';
import type { QueueFilter } from '../queue.js';
import type { Session } from '../sessions.js';
import { page } from './layout.js';
import { ageAt, duration, effectiveTier, inboxStatusOf, languageLabel, overdueBy, STATUS_LABEL, TIER_LABEL, when } from './labels.js';

export interface QueueContext {
  practiceName: string;
  timeZone: string;
  now: Date;
  english: (key: string) => string;
}

const option = (value: string, label: string, selected: boolean) => html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;

export function badges(r: IntakeRequest, ctx: QueueContext): Html {
  const out: Html[] = [];
  const late = overdueBy(r, ctx.now);
  if (late !== undefined) out.push(html`<span class="badge badge-overdue"><strong>Overdue</strong> by ${duration(late)}</span>`);
  if (r.kind === 'emergency-diversion') out.push(html`<span class="badge badge-flag">Sent to emergency care</span>`);
  const flags = r.redFlags.filter((f) => f.present).length;
  if (flags) out.push(html`<span class="badge badge-flag">Red flag${flags > 1 ? 's' : ''}: ${flags} answered yes</span>`);
  if (r.interpreterMayBeNeeded) out.push(html`<span class="badge badge-lang">Interpreter may be needed (${languageLabel(r.language)})</span>`);
  if (r.subject.who === 'for.other') {
    const rel = r.subject.relationship ? ctx.english(`choice.${r.subject.relationship}`) : '';
    out.push(html`<span class="badge badge-other">For someone else${rel ? html` (${rel})` : ''}</span>`);
  }
  return html`${out}`;
}

export function queueRows(items: readonly IntakeRequest[], ctx: QueueContext): Html {
  if (items.length === 0) return html`<tr><td colspan="6">No requests match these filters.</td></tr>`;
  return html`${items.map((r) => {
    const tier = effectiveTier(r);
    const regraded = tier !== r.triage.tier;
    const age = ageAt(r.patient.dateOfBirth, new Date(r.submittedAt));
    const late = overdueBy(r, ctx.now) !== undefined;
    return html`<tr class="tier-${tier}${late ? ' overdue' : ''}">
  <td data-label="Urgency"><span class="tier tier-${tier}">${TIER_LABEL[tier]}</span>${regraded ? html`<br><small>re-graded from ${TIER_LABEL[r.triage.tier]}</small>` : ''}</td>
  <td data-label="Reply by">${r.respondBy ? when(r.respondBy, ctx.timeZone) : html`<span>none</span>`}</td>
  <td data-label="Patient"><a href="/inbox/requests/${r.id}">${r.patient.name ?? 'Name not given'}</a>${age !== undefined ? html`, ${age}` : ''}<br><small>Ref ${r.reference}</small></td>
  <td data-label="Need">${ctx.english(`choice.${r.need}`)}</td>
  <td data-label="Flags">${badges(r, ctx)}</td>
  <td data-label="Status">${STATUS_LABEL[inboxStatusOf(r.status)]}${r.work?.assignedTo ? html`<br><small>with ${r.work.assignedTo}</small>` : ''}<br><small>sent ${when(r.submittedAt, ctx.timeZone)}</small></td>
</tr>`;
  })}`;
}

export function queuePage(ctx: QueueContext, session: Session, filter: QueueFilter, result: { total: number; items: IntakeRequest[] }, query: string): Html {
  const shown = result.items.length;
  return page({
    title: 'Requests',
    practiceName: ctx.practiceName,
    session,
    current: 'queue',
    body: html`<h1>Requests</h1>
<form method="get" action="/inbox" class="filters" aria-label="Filter requests">
  <div class="field"><label for="f-status">Status</label>
    <select id="f-status" name="status">${[
      option('open', 'Open (new and in progress)', filter.status === 'open'),
      option('new', 'New', filter.status === 'new'),
      option('in-progress', 'In progress', filter.status === 'in-progress'),
      option('done', 'Done', filter.status === 'done'),
      option('all', 'All', filter.status === 'all'),
    ]}</select></div>
  <div class="field"><label for="f-urgency">Urgency</label>
    <select id="f-urgency" name="urgency">${option('', 'Any', !filter.urgency)}${TIERS.map((t) => option(t, TIER_LABEL[t], filter.urgency === t))}</select></div>
  <div class="field"><label for="f-need">Need</label>
    <select id="f-need" name="need">${option('', 'Any', !filter.need)}${NEEDS.map((n) => option(n, ctx.english(`choice.${n}`), filter.need === n))}</select></div>
  <button type="submit">Apply filters</button>
</form>
<p id="queue-count">${shown < result.total ? `Showing the first ${shown} of ${result.total} requests.` : `${result.total} request${result.total === 1 ? '' : 's'}.`} Most urgent first, then by reply-by time.</p>
<p id="live" class="live" role="status" aria-live="polite"></p>
<table class="queue" id="queue" data-query="${query}">
<caption class="visually-hidden">Requests, most urgent first</caption>
<thead><tr><th scope="col">Urgency</th><th scope="col">Reply by</th><th scope="col">Patient</th><th scope="col">Need</th><th scope="col">Flags</th><th scope="col">Status</th></tr></thead>
<tbody id="queue-rows">
${queueRows(result.items, ctx)}
</tbody>
</table>`,
  });
}
