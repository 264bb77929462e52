import { describe, expect, it } from 'vitest';
import { fromLocalInput } from '../../platform/format.ts';
import {
  checkEligibility,
  type EligibilityInput,
  ruleCommodityCovered,
  ruleEarlierStarHolder,
  ruleFoodHalal,
  ruleFoodLabTest,
  ruleFoodPermit,
  ruleLeadBusiness,
  ruleNib,
  ruleSentraDecree,
} from './eligibility.ts';
import { outcomeDetail } from './nominations.messages.ts';

/** A food IKM that meets every rule, with the deadline at 30 June 2026 23.59 WIT. */
function food(over: Partial<EligibilityInput> = {}): EligibilityInput {
  return {
    cycle: {
      kind: 'provincial_preselection',
      commodities: ['makanan_minuman', 'kain_tenun'],
      proposalDeadline: fromLocalInput('2026-06-30T23:59')!,
    },
    product: { commodity: 'makanan_minuman' },
    ikm: { id: 'ikm-1', nib: '9120001234567' },
    sentra: { decreeNumber: '530/123/2021', decreeDate: '2021-03-01', leadIkmId: 'ikm-1' },
    legalDocuments: [
      { kind: 'pirt', number: '206817101234526', expiresOn: '2026-12-31' },
      { kind: 'halal', number: 'ID81110000123450124', expiresOn: '2028-01-01' },
      { kind: 'lab_test', number: 'LAB-77', expiresOn: '2026-09-30' },
    ],
    earlierStars: [],
    ...over,
  };
}

describe('eligibility rules', () => {
  it('passes a complete food nomination', () => {
    const result = checkEligibility(food());
    expect(result.eligible).toBe(true);
    expect(result.outcomes.map((o) => o.status)).toEqual([
      'pass',
      'pass',
      'pass',
      'pass',
      'pass',
      'pass',
      'pass',
      'pass',
    ]);
  });

  it('sentra decree: fails without a sentra, or a sentra without decree number or date', () => {
    expect(ruleSentraDecree(food({ sentra: null })).status).toBe('fail');
    expect(
      ruleSentraDecree(food({ sentra: { decreeNumber: ' ', decreeDate: '2021-03-01', leadIkmId: null } }))
        .status,
    ).toBe('fail');
    expect(
      ruleSentraDecree(food({ sentra: { decreeNumber: '530/1', decreeDate: null, leadIkmId: null } })).status,
    ).toBe('fail');
    expect(ruleSentraDecree(food()).status).toBe('pass');
  });

  it('lead business: passes for the penghela, flags a reason, fails with neither', () => {
    const other = { decreeNumber: '530/1', decreeDate: '2021-03-01', leadIkmId: 'ikm-9' };
    expect(ruleLeadBusiness(food()).status).toBe('pass');
    expect(ruleLeadBusiness(food({ sentra: other })).status).toBe('fail');
    const flagged = ruleLeadBusiness(
      food({ sentra: other, ikm: { id: 'ikm-1', nib: 'x', notLeadReason: 'Penghela tutup 2025' } }),
    );
    expect(flagged.status).toBe('flag');
    expect(outcomeDetail(flagged, 'id')).toBe('Bukan penghela; alasan: Penghela tutup 2025');
  });

  it('NIB: fails when the IKM has none, passes with a NIB document alone', () => {
    expect(ruleNib(food({ ikm: { id: 'ikm-1', nib: null } })).status).toBe('fail');
    expect(
      ruleNib(
        food({
          ikm: { id: 'ikm-1', nib: '' },
          legalDocuments: [{ kind: 'nib', number: '9120001234567', expiresOn: null }],
        }),
      ).status,
    ).toBe('pass');
  });

  it('commodity: fails when the cycle does not cover the product’s commodity', () => {
    expect(ruleCommodityCovered(food({ product: { commodity: 'gerabah' } })).status).toBe('fail');
    expect(ruleCommodityCovered(food()).status).toBe('pass');
  });

  it('food permit: PIRT or BPOM MD; not applicable to other commodities', () => {
    const bpomOnly = food({
      legalDocuments: [{ kind: 'bpom_md', number: 'MD 123456789012', expiresOn: '2030-01-01' }],
    });
    expect(ruleFoodPermit(bpomOnly).status).toBe('pass');
    expect(ruleFoodPermit(food({ legalDocuments: [] })).status).toBe('fail');
    expect(ruleFoodPermit(food({ product: { commodity: 'kain_tenun' }, legalDocuments: [] })).status).toBe(
      'not_applicable',
    );
  });

  it('halal: a certificate expiring before the deadline fails, naming both dates', () => {
    const expired = food({ legalDocuments: [{ kind: 'halal', number: 'ID811', expiresOn: '2026-06-29' }] });
    const outcome = ruleFoodHalal(expired);
    expect(outcome.status).toBe('fail');
    expect(outcomeDetail(outcome, 'en')).toBe(
      'Number ID811 is valid until 2026-06-29, before the proposal deadline 2026-06-30.',
    );
  });

  it('halal: valid through its expiry day when that day is the deadline’s day in WIT', () => {
    expect(
      ruleFoodHalal(food({ legalDocuments: [{ kind: 'halal', number: 'ID811', expiresOn: '2026-06-30' }] }))
        .status,
    ).toBe('pass');
  });

  it('expiry at midnight WIT: a deadline of 1 July 00.00 WIT finds a 30 June certificate expired, though UTC still says 30 June', () => {
    const midnight = fromLocalInput('2026-07-01T00:00')!;
    expect(midnight.toISOString().slice(0, 10)).toBe('2026-06-30');
    const input = food({
      cycle: {
        kind: 'provincial_preselection',
        commodities: ['makanan_minuman'],
        proposalDeadline: midnight,
      },
      legalDocuments: [
        { kind: 'pirt', number: 'P1', expiresOn: '2026-06-30' },
        { kind: 'halal', number: 'H1', expiresOn: '2026-07-01' },
        { kind: 'lab_test', number: 'L1', expiresOn: '2026-06-30' },
      ],
    });
    expect(ruleFoodPermit(input).status).toBe('fail');
    expect(ruleFoodHalal(input).status).toBe('pass');
    expect(ruleFoodLabTest(input).status).toBe('fail');
    // One minute earlier (30 June 23.59 WIT), the same documents are valid.
    const earlier = {
      ...input,
      cycle: { ...input.cycle, proposalDeadline: fromLocalInput('2026-06-30T23:59')! },
    };
    expect(ruleFoodPermit(earlier).status).toBe('pass');
  });

  it('lab test: needed for food, missing fails', () => {
    const noLab = food({ legalDocuments: food().legalDocuments.filter((d) => d.kind !== 'lab_test') });
    const outcome = ruleFoodLabTest(noLab);
    expect(outcome.status).toBe('fail');
    expect(outcomeDetail(outcome, 'id')).toBe('Belum ada dokumennya.');
    expect(checkEligibility(noLab).eligible).toBe(false);
  });

  it('earlier star holder: flagged for re-evaluation in a new round, fine in a re-evaluation cycle', () => {
    const holder = food({ earlierStars: [{ year: 2022, stars: 2 }] });
    const outcome = ruleEarlierStarHolder(holder);
    expect(outcome.status).toBe('flag');
    expect(outcomeDetail(outcome, 'id')).toBe('Sudah menerima 2 bintang pada 2022: masuk evaluasi ulang.');
    expect(checkEligibility(holder).eligible).toBe(true);
    const reEval = { ...holder, cycle: { ...holder.cycle, kind: 're_evaluation' as const } };
    expect(ruleEarlierStarHolder(reEval).status).toBe('pass');
  });
});
