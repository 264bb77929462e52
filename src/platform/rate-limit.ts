/**
 * A sliding-window rate limit kept in memory (the app is one process): at most `limit` accepted
 * actions per key within `windowMs`. Used where no account exists to lock, such as the public
 * catalog's inquiry form (per client address and per e-mail address).
 */
export interface RateLimitOptions {
  limit: number;
  windowMs: number;
  /** Keys kept before old ones are swept (a flood of addresses cannot grow memory without bound). */
  maxKeys?: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

export class RateLimiter {
  private hits = new Map<string, number[]>();

  constructor(private readonly opts: RateLimitOptions) {}

  private recent(key: string, now: number): number[] {
    const times = (this.hits.get(key) ?? []).filter((t) => now - t < this.opts.windowMs);
    if (times.length) this.hits.set(key, times);
    else this.hits.delete(key);
    return times;
  }

  /** Whether one more action for every key may go ahead now, without counting it. */
  check(keys: readonly string[], now = Date.now()): RateDecision {
    let wait = 0;
    for (const key of keys) {
      const times = this.recent(key, now);
      if (times.length >= this.opts.limit) {
        const oldest = times[times.length - this.opts.limit]!;
        wait = Math.max(wait, oldest + this.opts.windowMs - now);
      }
    }
    return wait > 0 ? { ok: false, retryAfterMs: wait } : { ok: true };
  }

  /** Counts one action for every key. */
  record(keys: readonly string[], now = Date.now()): void {
    for (const key of keys) {
      const times = this.recent(key, now);
      times.push(now);
      this.hits.set(key, times);
    }
    this.sweep(now);
  }

  private sweep(now: number): void {
    if (this.hits.size < (this.opts.maxKeys ?? 10_000)) return;
    for (const [key, times] of this.hits) {
      if (times.every((t) => now - t >= this.opts.windowMs)) this.hits.delete(key);
    }
  }
}
