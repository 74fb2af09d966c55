import type { Clock } from '../clock.js';
import type { Logger } from '../observability/logger.js';
import type { RequestStore } from '../store/types.js';
import type { PracticeConfig } from './config.js';
import { getPracticeStatus } from './status.js';
import type { PracticeStatus } from './types.js';

const NO_COUNT: Pick<RequestStore, 'countSubmitted'> = { countSubmitted: async () => 0 };

/**
 * Practice status for a turn at `now`. It never throws: if the store cannot count today's requests,
 * the status comes from the configuration alone (capacity unknown = not full), so an outage
 * elsewhere never stops a turn, and never stops an emergency being diverted.
 */
export function createPracticeStatusSource(
  config: PracticeConfig,
  _clock: Clock,
  requests: Pick<RequestStore, 'countSubmitted'>,
  logger: Logger,
): (now: Date) => Promise<PracticeStatus> {
  return async (now) => {
    const at: Clock = { now: () => now };
    try {
      return await getPracticeStatus(config, at, requests);
    } catch (err) {
      logger.error({ err: (err as Error).message }, 'practice status without capacity: counting requests failed');
      return getPracticeStatus(config, at, NO_COUNT);
    }
  };
}
