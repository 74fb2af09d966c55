/**
 * Errors the embedded store throws. Each names the file or directory involved so an operator can act
 * on it; none carries patient data (paths use hashed conversation ids and submission days only).
 */

export type StoreFileProblem = 'corrupt' | 'unreadable';

/** A data file could not be parsed or read. The file is left exactly as it was found. */
export class StoreFileError extends Error {
  readonly code = 'STORE_FILE';
  constructor(
    readonly file: string,
    readonly problem: StoreFileProblem,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(
      `Data file ${file} is ${problem} (${reason}). It has not been modified; ` +
        'move it aside or restore it from a backup, then start again.',
      options,
    );
    this.name = 'StoreFileError';
  }

  /** Classify a read/parse failure: bad JSON is 'corrupt', anything else (EACCES, EISDIR...) 'unreadable'. */
  static from(file: string, err: unknown): StoreFileError {
    if (err instanceof StoreFileError) return err;
    // By name, not instanceof: see errorCode().
    if (typeof err === 'object' && err !== null && 'name' in err && err.name === 'SyntaxError') {
      return new StoreFileError(file, 'corrupt', 'invalid JSON', { cause: err });
    }
    return new StoreFileError(file, 'unreadable', errorCode(err) ?? 'unknown error', { cause: err });
  }
}

/** Another process (or another store in this process) holds the data directory. */
export class StoreLockedError extends Error {
  readonly code = 'STORE_LOCKED';
  constructor(
    readonly lockFile: string,
    reason: string,
  ) {
    super(`Data directory is in use: ${reason} (lock file ${lockFile}).`);
    this.name = 'StoreLockedError';
  }
}

/** The store was used after close(). */
export class StoreClosedError extends Error {
  readonly code = 'STORE_CLOSED';
  constructor() {
    super('The store has been closed.');
    this.name = 'StoreClosedError';
  }
}

/**
 * The `code` of a Node system error (ENOENT, EEXIST...). Not `instanceof Error`: errors raised by
 * Node's fs come from another realm under jest's VM modules, and instanceof is false there.
 */
export function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  return typeof err.code === 'string' ? err.code : undefined;
}
