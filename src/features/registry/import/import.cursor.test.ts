import { describe, expect, it } from 'vitest';
import { advance, isImported } from './import.cursor.ts';

describe('import progress', () => {
  it('moves the cursor when batches commit in sheet order', () => {
    let p = { cursorRow: 1, ahead: [] as [number, number][] };
    p = advance(p, [1, 501]);
    p = advance(p, [501, 1001]);
    expect(p).toEqual({ cursorRow: 1001, ahead: [] });
  });

  it('keeps a batch that committed before the one above it, and absorbs it when the gap closes', () => {
    let p = advance({ cursorRow: 1, ahead: [] }, [501, 1001]);
    expect(p).toEqual({ cursorRow: 1, ahead: [[501, 1001]] });
    expect([1, 2, 501, 502, 1001, 1002].map(isImported(p))).toEqual([true, false, false, true, true, false]);
    p = advance(p, [1001, 1500]);
    expect(p).toEqual({
      cursorRow: 1,
      ahead: [
        [501, 1001],
        [1001, 1500],
      ],
    });
    p = advance(p, [1, 501]);
    expect(p).toEqual({ cursorRow: 1500, ahead: [] });
  });

  it('takes a resumed batch that spans rows already imported ahead', () => {
    // After a crash: rows up to 1000 and 1500–2000 saved; the resumed batch reads 1001–1500 and 2001–2400.
    const p = advance({ cursorRow: 1000, ahead: [[1500, 2000]] }, [1000, 2400]);
    expect(p).toEqual({ cursorRow: 2400, ahead: [] });
  });
});
