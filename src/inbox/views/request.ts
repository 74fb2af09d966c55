import { OUTCOMES, TIERS, type IntakeRequest } from '../../domain/types.js';
import { toBcp47 } from '../../handoff/fhir/language.js';
import { html, type Html } from '../html.js';
import type { Session } from '../sessions.js';
import { MAX_NOTE_CHARS, MAX_REASON_CHARS } from '../limits.js';
import { badges, type QueueContext } from './queue.js';
import { csrfInput, page } from './layout.js';
import { ageAt, effectiveTier, inboxStatusOf, languageLabel, OUTCOME_LABEL, STATUS_LABEL, TIER_LABEL, when } from './labels.js';

/** Shape of a language-neutral answer code; anything else is the patient's literal text (as in the FHIR builder). */
const CODE_SHAPE = /^[a-z0-9_]+(\.[a-z0-9_-]+)*$/i;

export interface RequestViewContext extends QueueContext {
  /** Names staff can assign to (display names of the accounts). */
  staffNames: readonly string[];
}

function answerText(r: IntakeRequest['answers'][number], english: (key: string) => string): { text: string; verbatim: boolean } {
  if (CODE_SHAPE.test(r.code)) {
    const t = english(`choice.${r.code}`);
    if (t && t !== `choice.${r.code}`) return { text: t, verbatim: false };
  }
  return { text: r.code, verbatim: true };
}

const englishOr = (english: (key: string) => string, key: string | undefined, fallback = ''): string => {
  if (!key) return fallback;
  const t = english(key);
  return t && t !== key ? t : key;
};

/** One line a clinician reads first: who, age, need, tier and why. */
export function summaryLine(r: IntakeRequest, ctx: QueueContext): Html {
  const age = ageAt(r.patient.dateOfBirth, new Date(r.submittedAt));
  const tier = effectiveTier(r);
  const reasons = r.triage.ruleIds.length ? r.triage.ruleIds.join(', ') : 'no rule (default tier)';
  const who = r.subject.who === 'for.other' ? `sent by someone else for their ${englishOr(ctx.english, r.subject.relationship ? `choice.${r.subject.relationship}` : undefined, 'relative').toLowerCase().replace(/^my /, '')}` : 'sent by the patient';
  return html`<p class="summary"><strong>${r.patient.name ?? 'Name not given'}</strong>${age !== undefined ? `, ${age}` : ''}, ${who} · ${englishOr(ctx.english, `choice.${r.need}`)} · <span class="tier tier-${tier}">${TIER_LABEL[tier]}</span>${
    tier !== r.triage.tier ? ` (bot said ${TIER_LABEL[r.triage.tier]})` : ''
  } · because: ${reasons}</p>`;
}

function actions(r: IntakeRequest, session: Session, ctx: RequestViewContext): Html {
  const user = session.user;
  const status = inboxStatusOf(r.status);
  const regrade =
    user?.role === 'clinician'
      ? html`<form method="post" action="/inbox/requests/${r.id}/regrade">${csrfInput(session)}
  <fieldset><legend>Re-grade the urgency</legend>
  <div class="field"><label for="tier">Your tier</label>
  <select id="tier" name="tier">${TIERS.map((t) => html`<option value="${t}"${t === effectiveTier(r) ? html` selected` : ''}>${TIER_LABEL[t]}</option>`)}</select></div>
  <div class="field"><label for="reason">Reason (required)</label>
  <textarea id="reason" name="reason" rows="3" maxlength="${MAX_REASON_CHARS}" required></textarea></div>
  </fieldset><button type="submit">Save re-grade</button></form>`
      : html`<p>Only a clinician can re-grade the urgency.</p>`;
  return html`<section class="actions" aria-labelledby="h-actions"><h2 id="h-actions" class="visually-hidden">Actions</h2>
<form method="post" action="/inbox/requests/${r.id}/status">${csrfInput(session)}
  <fieldset><legend>Status: ${STATUS_LABEL[status]}</legend>
  <div class="field"><label for="status">New status</label>
  <select id="status" name="status">
    <option value="new"${status === 'new' ? html` selected` : ''}>New</option>
    <option value="in-progress"${status === 'in-progress' ? html` selected` : ''}>In progress</option>
    <option value="done"${status === 'done' ? html` selected` : ''}>Done</option>
  </select></div>
  <div class="field"><label for="outcome">Outcome (needed for done)</label>
  <select id="outcome" name="outcome"><option value="">Choose an outcome</option>${OUTCOMES.map((o) => html`<option value="${o}"${r.work?.outcome === o ? html` selected` : ''}>${OUTCOME_LABEL[o]}</option>`)}</select></div>
  </fieldset><button type="submit">Save status</button></form>
<form method="post" action="/inbox/requests/${r.id}/assign">${csrfInput(session)}
  <fieldset><legend>Assigned to: ${r.work?.assignedTo ?? 'nobody'}</legend>
  <div class="field"><label for="assignee">Assign to</label>
  <select id="assignee" name="assignee"><option value="">Nobody</option>${ctx.staffNames.map((n) => html`<option value="${n}"${r.work?.assignedTo === n ? html` selected` : ''}>${n}</option>`)}</select></div>
  </fieldset><button type="submit">Save assignment</button></form>
<form method="post" action="/inbox/requests/${r.id}/notes">${csrfInput(session)}
  <fieldset><legend>Internal note</legend>
  <div class="field"><label for="note">Note (staff only, up to ${MAX_NOTE_CHARS} characters)</label>
  <textarea id="note" name="note" rows="3" maxlength="${MAX_NOTE_CHARS}" required></textarea></div>
  </fieldset><button type="submit">Add note</button></form>
${regrade}
</section>`;
}

export function requestPage(r: IntakeRequest, session: Session, ctx: RequestViewContext, flash?: string): Html {
  const p = r.patient;
  const z = ctx.timeZone;
  const work = r.work;
  const body = html`<h1>Request ${r.reference}</h1>
${flash ? html`<p class="notice" role="status">${flash}</p>` : ''}
${summaryLine(r, ctx)}
<p>${badges(r, ctx)}</p>
<div class="tools"><a href="/inbox/requests/${r.id}/fhir" download="request-${r.reference}.fhir.json">Download FHIR JSON</a>
<button type="button" id="print" class="secondary" hidden>Print</button>
<a href="/inbox">Back to the requests</a></div>
<dl class="pairs">
  <dt>Sent</dt><dd>${when(r.submittedAt, z)}</dd>
  <dt>Reply by</dt><dd>${r.respondBy ? when(r.respondBy, z) : 'none'}</dd>
  <dt>Status</dt><dd>${STATUS_LABEL[inboxStatusOf(r.status)]}${work?.outcome ? ` – ${OUTCOME_LABEL[work.outcome]}` : ''}</dd>
  <dt>Assigned to</dt><dd>${work?.assignedTo ?? 'nobody'}</dd>
  <dt>Bot's tier</dt><dd>${TIER_LABEL[r.triage.tier]} (${r.triage.disposition}; rules ${r.triage.ruleIds.join(', ') || 'none'}; ruleset ${r.triage.rulesetVersion})</dd>
</dl>
<section aria-labelledby="h-flags"><h2 id="h-flags">Red flags asked</h2>
${r.redFlags.length
  ? html`<div class="table-wrap"><table><thead><tr><th scope="col">Rule</th><th scope="col">How</th><th scope="col">Answer</th><th scope="col">Counts as</th></tr></thead><tbody>
${r.redFlags.map((f) => html`<tr><td>${f.ruleId}</td><td>${f.via === 'text' ? 'found in their words' : f.via === 'confirm' ? 'asked to confirm' : 'asked'}</td><td>${f.answer ?? '–'}</td><td>${f.present ? html`<strong>Present</strong>` : 'Not present'}</td></tr>`)}
</tbody></table></div>`
  : html`<p>No red flags were asked about.</p>`}
</section>
<section aria-labelledby="h-words"><h2 id="h-words">In their own words</h2>
<p>Written in ${languageLabel(r.language)}${r.interpreterMayBeNeeded ? html` – <strong>interpreter may be needed</strong>` : ''}. Shown exactly as typed, not translated.</p>
${r.texts.length ? r.texts.map((t) => html`<blockquote lang="${toBcp47(t.lang)}">${t.text}</blockquote>`) : html`<p>They did not write anything in their own words.</p>`}
</section>
<section aria-labelledby="h-answers"><h2 id="h-answers">Answers (in English)</h2>
${r.answers.length
  ? html`<dl class="pairs">${r.answers.map((a) => {
      const answer = answerText(a, ctx.english);
      return html`<dt>${englishOr(ctx.english, a.questionKey)}</dt><dd>${answer.verbatim ? html`<span lang="${toBcp47(r.language)}">${answer.text}</span> <small>(their words)</small>` : answer.text}</dd>`;
    })}</dl>`
  : html`<p>No answers recorded.</p>`}
</section>
<section aria-labelledby="h-contact"><h2 id="h-contact">Contact</h2>
<dl class="pairs">
  <dt>Name</dt><dd>${p.name ?? 'not given'}</dd>
  <dt>Date of birth</dt><dd>${p.dateOfBirth ?? 'not given'}</dd>
  <dt>NHS number</dt><dd>${p.nhsNumber ?? 'not given'}</dd>
  <dt>Phone</dt><dd>${p.phone ?? 'not given'}</dd>
  <dt>Postcode</dt><dd>${p.postcode ?? 'not given'}</dd>
  <dt>Contact by</dt><dd>${englishOr(ctx.english, p.contactMethod ? `choice.${p.contactMethod}` : undefined, 'not given')}</dd>
  <dt>Best time</dt><dd>${englishOr(ctx.english, p.contactTimes ? `choice.${p.contactTimes}` : undefined, 'not given')}</dd>
</dl>
</section>
<section aria-labelledby="h-work"><h2 id="h-work">Practice notes and re-grades</h2>
${work?.regrades.length ? html`<ul class="notes">${work.regrades.map((g) => html`<li><strong>Re-graded ${TIER_LABEL[g.from]} → ${TIER_LABEL[g.to]}</strong> by ${g.by}, ${when(g.at, z)}: ${g.reason}</li>`)}</ul>` : ''}
${work?.notes.length ? html`<ul class="notes">${work.notes.map((n) => html`<li><strong>${n.by}, ${when(n.at, z)}:</strong> ${n.text}</li>`)}</ul>` : html`<p>No notes yet.</p>`}
<details><summary>Status history</summary><ul>${r.statusHistory.map((h) => html`<li>${h.status} by ${h.by}, ${when(h.at, z)}</li>`)}</ul></details>
</section>
${actions(r, session, ctx)}`;
  return page({ title: `Request ${r.reference}`, practiceName: ctx.practiceName, session, current: 'queue', body });
}
