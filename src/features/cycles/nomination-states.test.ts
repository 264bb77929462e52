import { describe, expect, it } from 'vitest';
import { NOMINATION_STATES, type NominationState } from '../../platform/domain.ts';
import {
  checkTransition,
  FINAL_STATES,
  type GuardFacts,
  NOMINATION_ACTIONS,
  type NominationAction,
  TRANSITION_GUARDS,
  TRANSITIONS,
  type TransitionActor,
  type TransitionRequester,
} from './nomination-states.ts';
import { transitionRefusal } from './nominations.messages.ts';

const KAB = '81.71';
const requesters: Record<TransitionActor, TransitionRequester> = {
  officer: { role: 'petugas_kabkota', regionCode: KAB },
  admin: { role: 'admin_provinsi', regionCode: null },
  system: { role: 'system', regionCode: null },
};
const allFacts: GuardFacts = Object.fromEntries(TRANSITION_GUARDS.map((g) => [g, true]));

/** The expected table, written out by hand: from → action → [to, who]. */
const EXPECTED: Partial<
  Record<NominationState, Partial<Record<NominationAction, [NominationState, TransitionActor[]]>>>
> = {
  draft: { submit: ['submitted', ['officer']], withdraw: ['withdrawn', ['officer', 'admin']] },
  submitted: {
    withdraw: ['withdrawn', ['officer', 'admin']],
    return: ['returned', ['admin']],
    pass: ['admin_passed', ['admin']],
    fail: ['admin_failed', ['admin']],
  },
  returned: { resubmit: ['submitted', ['officer']], withdraw: ['withdrawn', ['officer', 'admin']] },
  admin_passed: { start_assessment: ['in_assessment', ['admin', 'system']] },
  in_assessment: { complete_assessment: ['assessed', ['system']] },
  assessed: { decide: ['decided', ['admin']] },
  decided: { publish: ['published', ['admin']] },
};

describe('the nomination transition table', () => {
  for (const from of NOMINATION_STATES) {
    for (const action of NOMINATION_ACTIONS) {
      const expected = EXPECTED[from]?.[action];
      if (expected) {
        const [to, who] = expected;
        it(`allows ${action} from ${from} to ${to} by ${who.join(' or ')} only`, () => {
          for (const kind of ['officer', 'admin', 'system'] as const) {
            const result = checkTransition({
              from,
              action,
              requester: requesters[kind],
              nominationKabkota: KAB,
              facts: allFacts,
            });
            if (who.includes(kind)) expect(result).toMatchObject({ ok: true, to });
            else expect(result).toMatchObject({ ok: false, reason: 'wrong_actor' });
          }
        });
      } else {
        it(`forbids ${action} from ${from}`, () => {
          for (const kind of ['officer', 'admin', 'system'] as const) {
            const result = checkTransition({
              from,
              action,
              requester: requesters[kind],
              nominationKabkota: KAB,
              facts: allFacts,
            });
            expect(result).toMatchObject({ ok: false, reason: 'not_allowed' });
          }
        });
      }
    }
  }

  it('has no move out of a final state', () => {
    for (const s of FINAL_STATES) expect(TRANSITIONS.some((t) => t.from.includes(s))).toBe(false);
  });

  it('refuses passing a draft, in words', () => {
    const result = checkTransition({
      from: 'draft',
      action: 'pass',
      requester: requesters.admin,
      nominationKabkota: KAB,
      facts: allFacts,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(transitionRefusal(result, 'id')).toBe('Usulan berstatus "Draf" tidak dapat diluluskan.');
    expect(transitionRefusal(result, 'en')).toBe('A nomination that is "Draft" cannot be passed.');
  });

  it('refuses returning a withdrawn nomination, in words', () => {
    const result = checkTransition({
      from: 'withdrawn',
      action: 'return',
      requester: requesters.admin,
      nominationKabkota: KAB,
      facts: allFacts,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(transitionRefusal(result, 'en')).toBe(
      'A nomination that is "Withdrawn" cannot be returned for correction.',
    );
  });

  it('treats an officer of another kab/kota as nobody', () => {
    const result = checkTransition({
      from: 'draft',
      action: 'submit',
      requester: { role: 'petugas_kabkota', regionCode: '81.03' },
      nominationKabkota: KAB,
      facts: allFacts,
    });
    expect(result).toMatchObject({ ok: false, reason: 'wrong_actor' });
    for (const role of ['penilai', 'pemilik_ikm'] as const) {
      expect(
        checkTransition({
          from: 'draft',
          action: 'submit',
          requester: { role, regionCode: KAB },
          nominationKabkota: KAB,
          facts: allFacts,
        }),
      ).toMatchObject({ ok: false, reason: 'wrong_actor' });
    }
  });

  for (const t of TRANSITIONS) {
    for (const guard of t.guards) {
      it(`needs "${guard}" to ${t.action}`, () => {
        const who = requesters[t.by[0]!];
        const result = checkTransition({
          from: t.from[0]!,
          action: t.action,
          requester: who,
          nominationKabkota: KAB,
          facts: { ...allFacts, [guard]: false },
        });
        expect(result).toEqual({
          ok: false,
          reason: 'guard_failed',
          from: t.from[0],
          action: t.action,
          failed: [guard],
        });
      });
    }
  }

  it('names every unmet condition of a late, incomplete submission', () => {
    const result = checkTransition({
      from: 'draft',
      action: 'submit',
      requester: requesters.officer,
      nominationKabkota: KAB,
      facts: { withinQuota: true },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(transitionRefusal(result, 'id')).toBe(
      'Belum dapat diajukan: syarat yang belum terpenuhi: masa pengajuan sedang berjalan; semua dokumen wajib sudah diunggah.',
    );
  });
});
