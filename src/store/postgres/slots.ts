/** A counting semaphore: at most `size` tasks run at once; the rest wait in arrival order. */
export class Slots {
  #free: number;
  readonly #waiting: (() => void)[] = [];
  #running = 0;
  readonly #idle: (() => void)[] = [];

  constructor(size: number) {
    this.#free = Math.max(1, Math.floor(size));
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free -= 1;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#running += 1;
    try {
      return await task();
    } finally {
      this.#running -= 1;
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free += 1;
      if (this.#running === 0 && this.#waiting.length === 0) for (const done of this.#idle.splice(0)) done();
    }
  }

  /** Resolves once nothing runs or waits. */
  idle(): Promise<void> {
    if (this.#running === 0 && this.#waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }
}
