import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.ts';
import { fromLocalInput } from '../../platform/format.ts';
import { render } from '../../platform/i18n.ts';
import { assertWithinProposalWindow, isLateSubmission, proposalWindowState } from './deadline.ts';

const wit = (s: string) => fromLocalInput(s)!;
const window = { startsAt: wit('2026-06-01T08:00'), endsAt: wit('2026-06-30T23:59') };

describe('the proposal deadline in WIT', () => {
  it('takes a submission in the last second of the end minute, 23.59.59 WIT', () => {
    expect(isLateSubmission(wit('2026-06-30T23:59:59'), window)).toBe(false);
  });

  it('refuses one at midnight WIT, though it is still 30 June in UTC', () => {
    const midnight = wit('2026-07-01T00:00');
    expect(midnight.toISOString()).toBe('2026-06-30T15:00:00.000Z');
    expect(isLateSubmission(midnight, window)).toBe(true);
  });

  it('takes an afternoon submission that is already 1 July in WIT only if the window ends later', () => {
    // 16:00 UTC on 30 June is 01:00 on 1 July in WIT.
    expect(isLateSubmission(new Date('2026-06-30T16:00:00Z'), window)).toBe(true);
    expect(isLateSubmission(new Date('2026-06-30T14:59:00Z'), window)).toBe(false);
  });

  it("honours the kab/kota's extension, and never shortens the window with an earlier one", () => {
    const extension = wit('2026-07-07T23:59');
    expect(isLateSubmission(wit('2026-07-05T10:00'), window, extension)).toBe(false);
    expect(isLateSubmission(wit('2026-07-08T00:00'), window, extension)).toBe(true);
    expect(isLateSubmission(wit('2026-06-30T12:00'), window, wit('2026-06-15T00:00'))).toBe(false);
  });

  it('says the window has not opened before its start', () => {
    expect(proposalWindowState(wit('2026-06-01T07:59'), window)).toBe('not_open');
    expect(proposalWindowState(wit('2026-06-01T08:00'), window)).toBe('open');
    expect(proposalWindowState(wit('2026-07-01T00:00'), window)).toBe('closed');
  });

  it('refuses a late submission with the deadline in WIT in the message', () => {
    try {
      assertWithinProposalWindow(wit('2026-07-01T00:00'), window);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      const e = err as DomainError;
      expect(render(e.userMessage, 'id', e.params)).toBe(
        'Masa pengajuan sudah berakhir pada 30 Jun 2026 23.59 WIT; usulan tidak dapat diajukan lagi.',
      );
      expect(render(e.userMessage, 'en', e.params)).toContain('30 Jun 2026 23:59 WIT');
    }
    expect(() => assertWithinProposalWindow(wit('2026-06-15T12:00'), window)).not.toThrow();
  });
});
