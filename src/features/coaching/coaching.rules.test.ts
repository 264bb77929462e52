import { describe, expect, it } from 'vitest';
import { answers, isOpen, programmePhase } from './coaching.rules.ts';

describe('a programme’s phase and openness by its dates', () => {
  const p = { startDate: '2024-03-01', endDate: '2024-08-31' };
  it('is planned before its start, under way through its last day, finished after', () => {
    expect(programmePhase(p, '2024-02-29')).toBe('planned');
    expect(programmePhase(p, '2024-03-01')).toBe('ongoing');
    expect(programmePhase(p, '2024-08-31')).toBe('ongoing');
    expect(programmePhase(p, '2024-09-01')).toBe('finished');
  });
  it('runs on without an end date, and takes participants until it ends', () => {
    expect(programmePhase({ startDate: '2020-01-01', endDate: null }, '2030-01-01')).toBe('ongoing');
    expect(isOpen({ endDate: null }, '2030-01-01')).toBe(true);
    expect(isOpen(p, '2024-08-31')).toBe(true);
    expect(isOpen(p, '2024-09-01')).toBe(false);
  });
});

describe('which programme answers a recommendation', () => {
  it('needs the same coaching kind', () => {
    expect(
      answers(
        { kind: 'training', certificationKind: null },
        { coachingKind: 'packaging_branding', certificationKind: null },
      ),
    ).toBe(false);
    expect(
      answers(
        { kind: 'promotion', certificationKind: null },
        { coachingKind: 'promotion', certificationKind: null },
      ),
    ).toBe(true);
  });
  it('needs the same certificate when the recommendation names one', () => {
    const halal = { coachingKind: 'certification', certificationKind: 'halal' } as const;
    expect(answers({ kind: 'certification', certificationKind: 'halal' }, halal)).toBe(true);
    expect(answers({ kind: 'certification', certificationKind: 'pirt' }, halal)).toBe(false);
    expect(
      answers(
        { kind: 'certification', certificationKind: 'pirt' },
        { coachingKind: 'certification', certificationKind: null },
      ),
    ).toBe(true);
  });
});
