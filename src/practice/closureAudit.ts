import type { Logger } from '../observability/logger.js';
import type { AuditLog } from '../store/types.js';
import type { PracticeConfig } from './config.js';
import { closureAt, localWallClock } from './hours.js';

/**
 * Exceptional closures switch the online route off in core hours, which the GP contract allows only
 * when agreed with the ICB; each one still to come or in force is logged and put in the audit log
 * when the bot starts with it, so the practice can show when the route was closed and why.
 */
export async function auditClosures(
  config: Pick<PracticeConfig, 'timeZone' | 'exceptionalClosures' | 'bankHolidays'>,
  now: Date,
  audit: Pick<AuditLog, 'append'>,
  logger: Logger,
): Promise<void> {
  for (const c of config.exceptionalClosures) {
    // Past closures were audited when they were configured; only current and future ones are news.
    if (c.until <= localWallClock(config, now)) continue;
    const detail = { from: c.from, until: c.until, reason: c.reason, timeZone: config.timeZone, inForce: closureAt({ ...config, exceptionalClosures: [c] }, now) !== null };
    logger.warn(detail, 'exceptional closure of the online route configured');
    await audit.append({ at: now.toISOString(), actor: 'system', action: 'closure.configured', detail });
  }
}
