import { randomBytes, randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

// uuid asks the system for 16 random bytes per id (≈8 µs a call); an import of 100,000 rows makes
// 200,000 ids. One call fills a pool that serves 256 ids.
const pool = new Uint8Array(16 * 256);
let used = pool.length;

function random16(): Uint8Array {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += 16;
  return pool.subarray(used - 16, used);
}

// Ids made in the same millisecond count up from a random start (RFC 9562's counter method, as
// uuid itself does), so ids sort in the order they were made.
const clock = { msecs: Number.NEGATIVE_INFINITY, seq: 0 };

/** A time-ordered UUIDv7, made in the application (PostgreSQL 15 has no generator). */
export function newId(): string {
  const random = random16();
  const now = Date.now();
  if (now > clock.msecs) {
    clock.msecs = now;
    clock.seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else {
    clock.seq = (clock.seq + 1) | 0;
    if (clock.seq === 0) clock.msecs++;
  }
  return v7({ random, msecs: clock.msecs, seq: clock.seq });
}

/** A random URL-safe token of `bytes` bytes of entropy (session ids, API tokens, verification codes). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
