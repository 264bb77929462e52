import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './throttle.ts';

describe('LoginThrottle', () => {
  const minute = 60_000;

  it('locks an account after the allowed failures, until the lock ends', () => {
    const t = new LoginThrottle({ maxFailures: 3, lockMs: 15 * minute });
    const now = Date.UTC(2026, 10, 28, 9, 0);
    expect(t.fail('a@x.id', '1.1.1.1', now)).toBeNull();
    expect(t.fail('A@x.id', '1.1.1.2', now + 1)).toBeNull();
    const until = t.fail('a@x.id', '1.1.1.3', now + 2);
    expect(until?.getTime()).toBe(now + 2 + 15 * minute);
    expect(t.lockedUntil('a@x.id', '9.9.9.9', now + 3)).toEqual(until);
    expect(t.lockedUntil('a@x.id', '9.9.9.9', now + 2 + 15 * minute)).toBeNull();
    expect(t.lockedUntil('b@x.id', '9.9.9.9', now + 3)).toBeNull();
  });

  it('locks an address that tries many accounts', () => {
    const t = new LoginThrottle({ maxFailures: 3, lockMs: minute, maxFailuresPerAddress: 4 });
    const now = 1_000_000;
    for (let i = 0; i < 3; i++) expect(t.fail(`u${i}@x.id`, '5.5.5.5', now + i)).toBeNull();
    expect(t.fail('u9@x.id', '5.5.5.5', now + 4)).not.toBeNull();
    expect(t.lockedUntil('fresh@x.id', '5.5.5.5', now + 5)).not.toBeNull();
    expect(t.lockedUntil('fresh@x.id', '6.6.6.6', now + 5)).toBeNull();
  });

  it('forgets failures older than the window and after a success', () => {
    const t = new LoginThrottle({ maxFailures: 2, lockMs: minute });
    t.fail('a@x.id', '1.1.1.1', 0);
    expect(t.fail('a@x.id', '1.1.1.1', 2 * minute)).toBeNull();
    t.succeed('a@x.id');
    expect(t.fail('a@x.id', '1.1.1.1', 2 * minute + 1)).toBeNull();
  });
});
