/** A held slot of a {@link ConcurrencyLimiter}. */
export interface Lease {
  /** Keeps the slot until `work` settles, even after the response went out (work that cannot be stopped). */
  hold(work: Promise<unknown>): void;
  /** Gives the slot back once every held piece of work has settled; idempotent. */
  release(): void;
}

/**
 * Bounds the evaluations that run at once: beyond the bound a request is refused (503 with `Retry-After`) rather than
 * queued, so that memory stays bounded.
 *
 * @example
 * ```ts
 * const limiter = new ConcurrencyLimiter(4);
 * const lease = limiter.tryAcquire();
 * if (lease === undefined) throw new HttpError(503, 'busy', '...');
 * ```
 */
export class ConcurrencyLimiter {
  private active = 0;

  /** @param max - the most slots held at once */
  constructor(readonly max: number) {}

  /** Slots held now. */
  get inFlight(): number {
    return this.active;
  }

  /**
   * Takes a slot when one is free.
   * @returns the lease, or undefined when every slot is taken
   */
  tryAcquire(): Lease | undefined {
    if (this.active >= this.max) return undefined;
    this.active += 1;
    let released = false;
    let pending = 0;
    let wanted = false;
    const settle = (): void => {
      if (!released && wanted && pending === 0) {
        released = true;
        this.active -= 1;
      }
    };
    return {
      hold(work) {
        pending += 1;
        void work.then(() => undefined, () => undefined).finally(() => { pending -= 1; settle(); });
      },
      release() {
        wanted = true;
        settle();
      },
    };
  }
}
