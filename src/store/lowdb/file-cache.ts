import { LowFile, type Guard, type Stringify } from './low-file.js';

/**
 * Exactly one LowFile per path in this process. Two lowdb instances on one file share one temp
 * file and lose updates, so every access goes through here. Instances are pinned while in use and the
 * least recently used unpinned ones are dropped beyond `max`, so memory does not grow with the number
 * of files. An operation must await its own write inside `use`, so an unpinned instance is idle.
 */

interface Entry<T> {
  ready: Promise<LowFile<T>>;
  pins: number;
}

export class LowFileCache<T> {
  readonly #entries = new Map<string, Entry<T>>();

  constructor(
    private readonly defaults: () => T,
    private readonly guard: Guard<T>,
    private readonly max: number,
    private readonly options: { stringify?: Stringify<T>; durable?: boolean } = {},
  ) {}

  async use<R>(path: string, fn: (file: LowFile<T>) => R | Promise<R>): Promise<R> {
    let entry = this.#entries.get(path);
    if (entry) {
      // Re-insert to mark as most recently used (Map keeps insertion order).
      this.#entries.delete(path);
    } else {
      const ready = LowFile.open(path, this.defaults(), this.guard, this.options);
      const created: Entry<T> = { ready, pins: 0 };
      entry = created;
      // A file that failed to open is forgotten, so the next access reports it again.
      ready.catch(() => {
        if (this.#entries.get(path) === created) this.#entries.delete(path);
      });
    }
    this.#entries.set(path, entry);
    entry.pins += 1;
    try {
      return await fn(await entry.ready);
    } finally {
      entry.pins -= 1;
      this.#evict();
    }
  }

  /** Forget a path (after its file was deleted). Only call while no other operation uses it. */
  drop(path: string): void {
    const entry = this.#entries.get(path);
    if (entry && entry.pins === 0) this.#entries.delete(path);
  }

  async idle(): Promise<void> {
    await Promise.all(
      [...this.#entries.values()].map((e) =>
        e.ready.then(
          (f) => f.idle(),
          () => undefined,
        ),
      ),
    );
  }

  get size(): number {
    return this.#entries.size;
  }

  #evict(): void {
    if (this.#entries.size <= this.max) return;
    for (const [path, entry] of this.#entries) {
      if (this.#entries.size <= this.max) break;
      if (entry.pins === 0) this.#entries.delete(path);
    }
  }
}
