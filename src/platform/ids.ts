import { randomBytes } from 'node:crypto';
import { v7 } from 'uuid';

/** A time-ordered UUIDv7, made in the application (PostgreSQL 15 has no generator). */
export function newId(): string {
  return v7();
}

/** A random URL-safe token of `bytes` bytes of entropy (session ids, API tokens, verification codes). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
