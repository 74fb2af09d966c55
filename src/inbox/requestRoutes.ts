import type { Bundle } from 'fhir/r4.js';
import type { Server } from 'restify';
import type { Clock } from '../clock.js';
import { OUTCOMES, TIERS, type IntakeRequest, type Outcome, type RequestStatus, type Tier } from '../domain/types.js';
import type { RequestStore } from '../store/types.js';
import type { EventHub } from './events.js';
import { InboxError, type Ctx, type Guard } from './guard.js';
import { queryOf, redirect, sendHtml, sendText } from './http.js';
import { MAX_NOTE_CHARS, MAX_NOTES, MAX_REASON_CHARS, MAX_REGRADES } from './limits.js';
import { requestPage, type RequestViewContext } from './views/request.js';
import { inboxStatusOf } from './views/labels.js';


export interface RequestRouteDeps {
  guard: Guard;
  requests: Pick<RequestStore, 'get' | 'setStatus' | 'updateWork'>;
  clock: Clock;
  hub: EventHub;
  toBundle: (request: IntakeRequest) => Bundle;
  viewContext: () => RequestViewContext;
}

/** What the page says after each change (post/redirect/get keeps a reload from repeating it). */
const FLASH: Record<string, string> = {
  status: 'Status saved.',
  assign: 'Assignment saved.',
  note: 'Note added.',
  regrade: 'Re-grade saved.',
};

const ID = /^[A-Za-z0-9-]{1,100}$/;
const INBOX_TO_STORE: Record<string, RequestStatus> = { new: 'new', 'in-progress': 'in-progress', done: 'closed' };

export function registerRequestRoutes(server: Server, deps: RequestRouteDeps): void {
  const { guard, requests, clock } = deps;

  /** The request, or a 404 with an audit line (an unknown or malformed id changes nothing). */
  const load = async (ctx: Ctx): Promise<IntakeRequest> => {
    const id = String(ctx.req.params?.id ?? '');
    const r = ID.test(id) ? await requests.get(id) : undefined;
    if (!r) {
      await ctx.audit('inbox.request.missing', undefined, { route: String(ctx.req.getRoute()?.path ?? '') });
      throw new InboxError(404, 'Request not found', 'There is no request with this reference. It may have been deleted after the retention period.');
    }
    return r;
  };
  const bad = async (ctx: Ctx, r: IntakeRequest, action: string, reason: string, message: string, status = 400): Promise<never> => {
    await ctx.audit(`${action}.rejected`, r.id, { reason });
    throw new InboxError(status, 'Nothing was changed', message);
  };
  const done = (ctx: Ctx, r: IntakeRequest, what: keyof typeof FLASH) => {
    deps.hub.announce('changed');
    redirect(ctx.res, `/inbox/requests/${r.id}?saved=${what}`);
  };
  const who = (ctx: Ctx) => ctx.user.name;

  server.get(
    '/inbox/requests/:id',
    guard({ unauthenticated: 'redirect' }, async (ctx) => {
      const r = await load(ctx);
      await ctx.audit('inbox.request.view', r.id);
      const flash = FLASH[queryOf(ctx.req).saved ?? ''];
      sendHtml(ctx.res, 200, requestPage(r, ctx.session, deps.viewContext(), flash));
    }),
  );

  server.get(
    '/inbox/requests/:id/fhir',
    guard({ unauthenticated: 'redirect' }, async (ctx) => {
      const r = await load(ctx);
      await ctx.audit('inbox.request.fhir', r.id);
      sendText(ctx.res, 200, JSON.stringify(deps.toBundle(r), null, 2), 'application/fhir+json; charset=utf-8', {
        'Content-Disposition': `attachment; filename="request-${r.reference.replace(/[^A-Za-z0-9-]/g, '')}.fhir.json"`,
      });
    }),
  );

  server.post(
    '/inbox/requests/:id/status',
    guard({ change: true }, async (ctx) => {
      const r = await load(ctx);
      const next = INBOX_TO_STORE[ctx.form.status ?? ''];
      if (!next) return bad(ctx, r, 'inbox.status', 'unknown-status', 'Choose new, in progress or done.');
      const outcome = ctx.form.outcome ?? '';
      if (next === 'closed' && !(OUTCOMES as readonly string[]).includes(outcome)) {
        return bad(ctx, r, 'inbox.status', 'no-outcome', 'To mark a request done, choose its outcome (appointment booked, advice given, pharmacy or referred).');
      }
      // 'received' already reads as new: only a change the inbox can see is recorded.
      if (inboxStatusOf(r.status) !== inboxStatusOf(next)) await requests.setStatus(r.id, next, who(ctx), clock.now());
      if (next === 'closed') await requests.updateWork(r.id, (w) => ({ ...w, outcome: outcome as Outcome }));
      await ctx.audit('inbox.status', r.id, { from: r.status, to: next, ...(next === 'closed' ? { outcome } : {}) });
      done(ctx, r, 'status');
    }),
  );

  server.post(
    '/inbox/requests/:id/assign',
    guard({ change: true }, async (ctx) => {
      const r = await load(ctx);
      const assignee = (ctx.form.assignee ?? '').trim();
      const names = deps.viewContext().staffNames;
      if (assignee !== '' && !names.includes(assignee)) return bad(ctx, r, 'inbox.assign', 'unknown-person', 'Choose someone from the list.');
      await requests.updateWork(r.id, (w) => {
        const { assignedTo: _old, ...rest } = w;
        return assignee ? { ...rest, assignedTo: assignee } : rest;
      });
      await ctx.audit('inbox.assign', r.id, { to: assignee || 'nobody' });
      done(ctx, r, 'assign');
    }),
  );

  server.post(
    '/inbox/requests/:id/notes',
    guard({ change: true }, async (ctx) => {
      const r = await load(ctx);
      const text = (ctx.form.note ?? '').trim();
      if (text.length === 0) return bad(ctx, r, 'inbox.note', 'empty', 'Write a note before adding it.');
      if (text.length > MAX_NOTE_CHARS) return bad(ctx, r, 'inbox.note', 'too-long', `A note can be up to ${MAX_NOTE_CHARS} characters; this one has ${text.length}.`, 413);
      if ((r.work?.notes.length ?? 0) >= MAX_NOTES) return bad(ctx, r, 'inbox.note', 'too-many', `A request can have up to ${MAX_NOTES} notes.`, 409);
      await requests.updateWork(r.id, (w) => ({ ...w, notes: [...w.notes, { by: who(ctx), at: clock.now().toISOString(), text }] }));
      // The note's text stays with the request; the audit line says only that one was added.
      await ctx.audit('inbox.note', r.id, { chars: text.length });
      done(ctx, r, 'note');
    }),
  );

  server.post(
    '/inbox/requests/:id/regrade',
    guard({ change: true, role: 'clinician' }, async (ctx) => {
      const r = await load(ctx);
      const tier = ctx.form.tier ?? '';
      const reason = (ctx.form.reason ?? '').trim();
      if (!(TIERS as readonly string[]).includes(tier)) return bad(ctx, r, 'inbox.regrade', 'unknown-tier', 'Choose a tier.');
      if (reason.length === 0) return bad(ctx, r, 'inbox.regrade', 'no-reason', 'Give a reason for the re-grade.');
      if (reason.length > MAX_REASON_CHARS) return bad(ctx, r, 'inbox.regrade', 'too-long', `A reason can be up to ${MAX_REASON_CHARS} characters.`, 413);
      if ((r.work?.regrades.length ?? 0) >= MAX_REGRADES) return bad(ctx, r, 'inbox.regrade', 'too-many', `A request can be re-graded up to ${MAX_REGRADES} times.`, 409);
      const from = r.work?.regrades.at(-1)?.to ?? r.triage.tier;
      await requests.updateWork(r.id, (w) => ({
        ...w,
        regrades: [...w.regrades, { by: who(ctx), at: clock.now().toISOString(), from, to: tier as Tier, reason }],
      }));
      await ctx.audit('inbox.regrade', r.id, { bot: r.triage.tier, from, to: tier });
      done(ctx, r, 'regrade');
    }),
  );
}
