import { IP_KINDS } from '../../events/vocabulary';

/**
 * The indicators of CONTRACT §2. `kind` says how a value is judged:
 * - `yearly-count`: a count in the calendar year of asOf, prorated over that year;
 * - `plan-count`: a count within the plan period, prorated over the period;
 * - `share`: a ratio 0..1, met or behind;
 * - `count`: reported without a target.
 */
export type IndicatorKind = 'yearly-count' | 'plan-count' | 'share' | 'count';

export const INDICATORS = {
  'ocop.active': 'count',
  'ocop.recognized.year': 'yearly-count',
  'ocop.rerecognized.year': 'yearly-count',
  'ocop.share4.year': 'share',
  'ocop.share5.year': 'share',
  'traceability.coverage': 'share',
  'ecommerce.coverage': 'share',
  ...(Object.fromEntries(IP_KINDS.map((kind) => [`ip.${kind}`, 'plan-count'])) as Record<`ip.${(typeof IP_KINDS)[number]}`, 'plan-count'>),
  'science.tasks': 'plan-count',
  'dossiers.year': 'yearly-count',
  'certificates.expiring': 'count',
  /**
   * The province's rating rounds (đợt) in the calendar year of asOf, up to asOf: the distinct rounds of its decisions
   * dated that year (a decision's round: rules-26-2026.ts roundOf). Quyết định 26/2026/QĐ-TTg, Điều 5 khoản 1: at
   * least two a year (PROVINCE_MIN_ROUNDS_A_YEAR); a plan may set a target like any count's. Absent from the snapshot
   * of a year that ends before 26/2026 took effect when none of its decisions names a round (0 would not be true).
   */
  'ocop.rounds.year': 'count',
} as const satisfies Record<string, IndicatorKind>;

export type IndicatorId = keyof typeof INDICATORS;
export const INDICATOR_IDS = Object.keys(INDICATORS) as IndicatorId[];

/** Days before validUntil at which an active certificate is reported as expiring. */
export const EXPIRING_WITHIN_DAYS = 90;
