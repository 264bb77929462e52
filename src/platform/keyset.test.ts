import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './keyset.ts';

describe('keyset cursors', () => {
  it('round-trip their key values', () => {
    const values = ['ambon', '0190c3a0-0000-7000-8000-000000000000'];
    expect(decodeCursor(encodeCursor(values), 2)).toEqual(values);
  });

  it('ignore a tampered or malformed cursor (the first page is shown)', () => {
    expect(decodeCursor('not-base64-json', 2)).toBeNull();
    expect(decodeCursor(encodeCursor(['a']), 2)).toBeNull();
    expect(decodeCursor(Buffer.from('[{"$gt":1},"x"]').toString('base64url'), 2)).toBeNull();
  });
});
