/**
 * Login rate limit, per account (the e-mail typed, whether or not it exists, so that a lock does not
 * reveal which accounts exist) and per address. Kept in memory: the app is one process.
 */
export interface ThrottleOptions {
  maxFailures: number;
  lockMs: number;
  /** Failures from one address before it is locked, across all accounts. */
  maxFailuresPerAddress?: number;
}

interface Entry {
  failures: number[];
  lockedUntil: number;
}

export class LoginThrottle {
  private entries = new Map<string, Entry>();
  constructor(private readonly opts: ThrottleOptions) {}

  private keyFor(kind: 'account' | 'ip', value: string) {
    return `${kind}:${value.toLowerCase()}`;
  }

  /** The time until which this login is refused, or null when it may proceed. */
  lockedUntil(account: string, ip: string, now = Date.now()): Date | null {
    let until = 0;
    for (const key of [this.keyFor('account', account), this.keyFor('ip', ip)]) {
      const e = this.entries.get(key);
      if (e && e.lockedUntil > now) until = Math.max(until, e.lockedUntil);
    }
    return until ? new Date(until) : null;
  }

  /** Counts a failure; returns the lock's end when this failure caused one. */
  fail(account: string, ip: string, now = Date.now()): Date | null {
    let until: number | null = null;
    const limits: [string, number][] = [
      [this.keyFor('account', account), this.opts.maxFailures],
      [this.keyFor('ip', ip), this.opts.maxFailuresPerAddress ?? this.opts.maxFailures * 4],
    ];
    for (const [key, max] of limits) {
      const e = this.entries.get(key) ?? { failures: [], lockedUntil: 0 };
      e.failures = e.failures.filter((t) => now - t < this.opts.lockMs);
      e.failures.push(now);
      if (e.failures.length >= max) {
        e.lockedUntil = now + this.opts.lockMs;
        e.failures = [];
        until = Math.max(until ?? 0, e.lockedUntil);
      }
      this.entries.set(key, e);
    }
    this.prune(now);
    return until === null ? null : new Date(until);
  }

  succeed(account: string): void {
    this.entries.delete(this.keyFor('account', account));
  }

  private prune(now: number) {
    if (this.entries.size < 10_000) return;
    for (const [k, e] of this.entries) {
      if (e.lockedUntil < now && e.failures.every((t) => now - t >= this.opts.lockMs)) this.entries.delete(k);
    }
  }
}
