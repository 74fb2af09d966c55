import type { Bundle } from 'fhir/r4.js';
import type { Server } from 'restify';
import type { Clock } from '../clock.js';
import type { IntakeRequest } from '../domain/types.js';
import type { Logger } from '../observability/logger.js';
import type { Store } from '../store/types.js';
import { createAuthenticator } from './auth.js';
import type { InboxConfig } from './config.js';
import { createEventHub } from './events.js';
import { registerQualityRoutes } from './qualityRoutes.js';
import { registerRequestRoutes } from './requestRoutes.js';
import { registerCoreRoutes } from './routes.js';
import { createSessionStore } from './sessions.js';
import { createSsoClient } from './oidc.js';

export interface InboxDeps {
  store: Pick<Store, 'requests' | 'audit'>;
  clock: Clock;
  logger: Logger;
  config: InboxConfig;
  practiceName: string;
  timeZone: string;
  toBundle: (request: IntakeRequest) => Bundle;
  /** English text for a message key (i18next returns the key when there is none). */
  english: (key: string) => string;
  /** How often the live queue looks for new requests while a page is open (default 2 s). */
  pollMs?: number;
}

export interface InboxHandle {
  /** Ends the live streams (they would otherwise keep server.close() waiting). */
  close(): void;
}

/** The practice inbox at /inbox: sign-in, the queue, a request, actions, triage quality. */
export function registerInbox(server: Server, deps: InboxDeps): InboxHandle {
  const { config, clock } = deps;
  const sessions = createSessionStore({ clock, idleMs: config.idleTimeoutMinutes * 60_000 });
  const authenticator = createAuthenticator({ staff: config.staff, clock, maxFailures: config.maxFailedSignIns, lockoutMs: config.lockoutMinutes * 60_000 });
  const hub = createEventHub({ requests: deps.store.requests, clock, pollMs: deps.pollMs ?? 2000 });
  const staffNames = config.staff.map((s) => s.displayName ?? s.username);
  const viewContext = () => ({ practiceName: deps.practiceName, timeZone: deps.timeZone, now: clock.now(), english: deps.english, staffNames });
  const { guard } = registerCoreRoutes(server, {
    sessions,
    audit: deps.store.audit,
    clock,
    logger: deps.logger,
    practiceName: deps.practiceName,
    authenticator,
    requests: deps.store.requests,
    hub,
    idleMinutes: config.idleTimeoutMinutes,
    lockoutMinutes: config.lockoutMinutes,
    timeZone: deps.timeZone,
    english: deps.english,
    ...(config.oidc ? { sso: createSsoClient(config.oidc) } : {}),
  });
  registerRequestRoutes(server, { guard, requests: deps.store.requests, clock, hub, toBundle: deps.toBundle, viewContext });
  registerQualityRoutes(server, { guard, requests: deps.store.requests, viewContext });
  return { close: () => hub.close() };
}
