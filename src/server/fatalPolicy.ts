import type { Logger } from '../observability/logger.js';

/**
 * What the process does after an uncaught exception or an unhandled rejection. Its state may be
 * wrong from then on, so it stops taking requests, gives turns in flight a bounded time to finish
 * (each either completes and is stored, or is refused; nothing is half-applied, because a turn's
 * snapshot is written whole), and exits with code 1 so its supervisor (Docker `restart:`, systemd
 * `Restart=always`, App Service) starts a clean one. A second fault while stopping exits at once.
 *
 * The log line carries the error's class, code, stack frames and a redacted message: V8 quotes
 * the input it choked on (`Unexpected token … "my chest hurts" is not valid JSON`), so quoted text,
 * digits and anything outside printable ASCII are cut; our own code never puts patient text in an
 * error message.
 */
export interface FatalPolicyOptions {
  logger: Logger;
  /** How long turns in flight may take to finish before the exit. */
  graceMs: number;
  /** Stops accepting connections, finishes or refuses turns in flight, flushes storage (App.close). */
  shutdown: () => Promise<void>;
  exit?: (code: number) => void;
  /** The process whose events are handled (a stand-in in tests of this module). */
  target?: Pick<NodeJS.Process, 'on' | 'off'>;
}

export interface FatalPolicy {
  /** Points the policy at the app once it exists (faults during start-up just exit). */
  setShutdown(shutdown: () => Promise<void>): void;
  uninstall(): void;
}

export function installFatalPolicy(options: Omit<FatalPolicyOptions, 'shutdown'> & { shutdown?: () => Promise<void> }): FatalPolicy {
  const target = options.target ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let shutdown = options.shutdown;
  let failing = false;

  const onFault = (origin: 'uncaughtException' | 'unhandledRejection') => (fault: unknown) => {
    if (failing) {
      options.logger.fatal({ origin, fault: describeFault(fault) }, 'second fault while stopping: exiting now');
      exit(1);
      return;
    }
    failing = true;
    options.logger.fatal({ origin, fault: describeFault(fault), graceMs: options.graceMs }, 'fatal fault: refusing new requests, finishing turns in flight, then exiting');
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), options.graceMs);
    });
    const stopped = (shutdown ? shutdown() : Promise.resolve()).then(
      () => 'stopped' as const,
      (err: unknown) => {
        options.logger.error({ fault: describeFault(err) }, 'shutdown after a fatal fault failed');
        return 'failed' as const;
      },
    );
    void Promise.race([stopped, grace]).then((outcome) => {
      clearTimeout(timer);
      if (outcome === 'timeout') options.logger.error({ graceMs: options.graceMs }, 'turns still in flight at the end of the grace period');
      exit(1);
    });
  };
  const onException = onFault('uncaughtException');
  const onRejection = onFault('unhandledRejection');
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return {
    setShutdown: (s) => {
      shutdown = s;
    },
    uninstall: () => {
      target.off('uncaughtException', onException);
      target.off('unhandledRejection', onRejection);
    },
  };
}

export interface FaultDescription {
  type: string;
  code?: string;
  message: string;
  stack: string[];
}

/** A log-safe description of anything thrown. */
export function describeFault(fault: unknown): FaultDescription {
  if (!(fault instanceof Error)) return { type: fault === null ? 'null' : typeof fault, message: '[not an Error]', stack: [] };
  const code = (fault as { code?: unknown }).code;
  return {
    type: fault.constructor?.name || fault.name || 'Error',
    ...(typeof code === 'string' && /^[A-Z0-9_]{1,64}$/.test(code) ? { code } : {}),
    message: redactMessage(fault.message),
    // Frames only: the stack's first lines repeat the message.
    stack: (fault.stack ?? '')
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .slice(0, 20)
      .map((line) => redactText(line.trim())),
  };
}

const QUOTED = /"[^"]*"?|'[^']*'?|`[^`]*`?|“[^”]*”?|‘[^’]*’?/g;

/** Quoted text and anything outside printable ASCII go (frames keep their line numbers). */
function redactText(text: string): string {
  return text.replace(QUOTED, '[redacted]').replace(/[^\x20-\x7e]+/g, '[redacted]').slice(0, 300);
}

/** Also digits: an NHS number, a date of birth or a phone number is all digits. */
export function redactMessage(message: string): string {
  return redactText(message).replace(/\d+/g, '#').slice(0, 200);
}
