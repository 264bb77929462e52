/**
 * The eligibility rules of a nomination (brief §1.5, §2.4), as pure functions over plain data. The
 * nominations code maps registry rows onto `EligibilityInput`; every rule answers on its own, so the
 * page can show each with its outcome.
 */
import type { ChecklistDocumentKind, Commodity, CycleKind } from '../../platform/domain.ts';
import { localDate } from '../../platform/format.ts';

export interface EligibilityDocument {
  kind: ChecklistDocumentKind;
  number: string | null;
  /** The last calendar day (WIT) it is valid, `YYYY-MM-DD`; null when it does not expire. */
  expiresOn: string | null;
}

export interface EligibilityInput {
  cycle: {
    kind: CycleKind;
    commodities: readonly Commodity[];
    /** The proposal deadline that applies to the nomination's kab/kota (extension included). */
    proposalDeadline: Date;
  };
  product: { commodity: Commodity };
  ikm: {
    id: string;
    nib: string | null;
    /** Why the IKM is nominated although it is not the sentra's lead business. */
    notLeadReason?: string | null;
  };
  sentra: { decreeNumber: string | null; decreeDate: string | null; leadIkmId: string | null } | null;
  legalDocuments: readonly EligibilityDocument[];
  /** Stars this IKM received in earlier cycles. */
  earlierStars: readonly { year: number; stars: number }[];
}

export const ELIGIBILITY_RULES = [
  'sentra_decree',
  'lead_business',
  'nib',
  'commodity_covered',
  'food_permit',
  'food_halal',
  'food_lab_test',
  'earlier_star_holder',
] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];

/**
 * pass / fail; `not_applicable` (a food rule for another commodity); `flag` to draw attention
 * without blocking (an earlier star holder goes to re-evaluation; a non-lead IKM with a reason).
 */
export type RuleStatus = 'pass' | 'fail' | 'not_applicable' | 'flag';

export interface RuleOutcome {
  rule: EligibilityRule;
  status: RuleStatus;
  params: Record<string, string | number>;
}

/** Whether a document is valid on the deadline's calendar day in WIT (valid through its expiry day). */
export function validOnDeadline(doc: EligibilityDocument, deadline: Date): boolean {
  return doc.expiresOn === null || doc.expiresOn >= localDate(deadline);
}

/** The best document of `kinds` on the deadline: a valid one if any, else the latest-expiring one. */
function bestOf(input: EligibilityInput, kinds: ChecklistDocumentKind[]) {
  const docs = input.legalDocuments.filter((d) => kinds.includes(d.kind));
  const valid = docs.find((d) => validOnDeadline(d, input.cycle.proposalDeadline));
  if (valid) return { doc: valid, valid: true };
  const latest = [...docs].sort((a, b) => (b.expiresOn ?? '').localeCompare(a.expiresOn ?? ''))[0];
  return { doc: latest, valid: false };
}

const isFood = (input: EligibilityInput) => input.product.commodity === 'makanan_minuman';

/** The IKM sits in a sentra set up by a bupati/walikota decree (number and date). */
export function ruleSentraDecree(input: EligibilityInput): RuleOutcome {
  const s = input.sentra;
  const ok = !!s && !!s.decreeNumber?.trim() && !!s.decreeDate;
  return { rule: 'sentra_decree', status: ok ? 'pass' : 'fail', params: { decree: s?.decreeNumber ?? '' } };
}

/** The IKM is the sentra's lead business (penghela), or a reason says why it is nominated anyway. */
export function ruleLeadBusiness(input: EligibilityInput): RuleOutcome {
  if (input.sentra?.leadIkmId && input.sentra.leadIkmId === input.ikm.id)
    return { rule: 'lead_business', status: 'pass', params: {} };
  const reason = input.ikm.notLeadReason?.trim();
  return reason
    ? { rule: 'lead_business', status: 'flag', params: { reason } }
    : { rule: 'lead_business', status: 'fail', params: {} };
}

/** The IKM holds a NIB (industrial legal status through OSS). */
export function ruleNib(input: EligibilityInput): RuleOutcome {
  const nib = input.ikm.nib?.trim() || input.legalDocuments.find((d) => d.kind === 'nib')?.number?.trim();
  return { rule: 'nib', status: nib ? 'pass' : 'fail', params: { nib: nib ?? '' } };
}

/** The product's commodity is one the cycle covers. */
export function ruleCommodityCovered(input: EligibilityInput): RuleOutcome {
  const ok = input.cycle.commodities.includes(input.product.commodity);
  return {
    rule: 'commodity_covered',
    status: ok ? 'pass' : 'fail',
    params: { commodity: input.product.commodity },
  };
}

function foodDocumentRule(
  input: EligibilityInput,
  rule: EligibilityRule,
  kinds: ChecklistDocumentKind[],
): RuleOutcome {
  if (!isFood(input)) return { rule, status: 'not_applicable', params: {} };
  const deadline = localDate(input.cycle.proposalDeadline);
  const { doc, valid } = bestOf(input, kinds);
  if (!doc) return { rule, status: 'fail', params: { deadline, missing: 1 } };
  return {
    rule,
    status: valid ? 'pass' : 'fail',
    params: { deadline, number: doc.number ?? '', expiresOn: doc.expiresOn ?? '', kind: doc.kind },
  };
}

/** Food and drink: a distribution permit, PIRT or BPOM MD, valid on the proposal deadline. */
export const ruleFoodPermit = (input: EligibilityInput) =>
  foodDocumentRule(input, 'food_permit', ['pirt', 'bpom_md']);
/** Food and drink: a halal certificate valid on the proposal deadline. */
export const ruleFoodHalal = (input: EligibilityInput) => foodDocumentRule(input, 'food_halal', ['halal']);
/** Food and drink: a laboratory test against food-safety standards, valid on the proposal deadline. */
export const ruleFoodLabTest = (input: EligibilityInput) =>
  foodDocumentRule(input, 'food_lab_test', ['lab_test']);

/** An earlier star holder is flagged: it belongs to re-evaluation rather than a new proposal. */
export function ruleEarlierStarHolder(input: EligibilityInput): RuleOutcome {
  const last = [...input.earlierStars].sort((a, b) => b.year - a.year)[0];
  if (!last) return { rule: 'earlier_star_holder', status: 'pass', params: {} };
  const params = { year: last.year, stars: last.stars };
  return {
    rule: 'earlier_star_holder',
    status: input.cycle.kind === 're_evaluation' ? 'pass' : 'flag',
    params,
  };
}

const RULES: Record<EligibilityRule, (input: EligibilityInput) => RuleOutcome> = {
  sentra_decree: ruleSentraDecree,
  lead_business: ruleLeadBusiness,
  nib: ruleNib,
  commodity_covered: ruleCommodityCovered,
  food_permit: ruleFoodPermit,
  food_halal: ruleFoodHalal,
  food_lab_test: ruleFoodLabTest,
  earlier_star_holder: ruleEarlierStarHolder,
};

/** Every rule's outcome, in display order, and whether the nomination is eligible (no rule failed). */
export function checkEligibility(input: EligibilityInput): { eligible: boolean; outcomes: RuleOutcome[] } {
  const outcomes = ELIGIBILITY_RULES.map((r) => RULES[r](input));
  return { eligible: outcomes.every((o) => o.status !== 'fail'), outcomes };
}
