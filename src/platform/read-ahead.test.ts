import { describe, expect, it } from 'vitest';
import { readAhead } from './read-ahead.ts';

/** A source that records when each item is asked for, relative to what the consumer did. */
function recorded(items: number[], log: string[], failAt?: number) {
  return (async function* () {
    try {
      for (const i of items) {
        log.push(`read ${i}`);
        await new Promise((r) => setTimeout(r, 1));
        if (i === failAt) throw new Error(`bad row ${i}`);
        yield i;
      }
    } finally {
      log.push('source closed');
    }
  })();
}

describe('readAhead', () => {
  it('reads the next item while the consumer works on the current one, in order', async () => {
    const log: string[] = [];
    const seen: number[] = [];
    for await (const i of readAhead(recorded([1, 2, 3], log))) {
      log.push(`write ${i} starts`);
      await new Promise((r) => setTimeout(r, 5));
      seen.push(i);
    }
    expect(seen).toEqual([1, 2, 3]);
    // Item 2 was asked for before the write of item 1 began.
    expect(log.indexOf('read 2')).toBeLessThan(log.indexOf('write 1 starts'));
    expect(log.filter((l) => l === 'source closed')).toHaveLength(1);
  });

  it('hands the source’s error to the consumer at that item, without an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const seen: number[] = [];
      await expect(
        (async () => {
          for await (const i of readAhead(recorded([1, 2, 3], [], 2))) {
            // The consumer is slower than the failing read.
            await new Promise((r) => setTimeout(r, 20));
            seen.push(i);
          }
        })(),
      ).rejects.toThrow('bad row 2');
      expect(seen).toEqual([1]);
      await new Promise((r) => setTimeout(r, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('closes the source when the consumer stops early', async () => {
    const log: string[] = [];
    for await (const i of readAhead(recorded([1, 2, 3, 4], log))) if (i === 2) break;
    expect(log).toContain('source closed');
    expect(log).not.toContain('read 4');
  });
});
