import type { Council } from '../events';
import type { IsoDay } from './calendar';
import { TWO_TIER_FROM, TWO_TIER_REFERENCE } from './reform';
import { DECISION_26_2026, TWO_LEVELS_26_2026 } from './rules-26-2026';

/** A certificate's level as the province reports it (CONTRACT §2, `byLevel`). */
export const LEVELS = ['3', '4', '4-potential-5', '5'] as const;
export type OcopLevel = (typeof LEVELS)[number];

/** OCOP products are those of 3 stars and up. */
export const MIN_OCOP_STARS = 3;

/**
 * The score bands: 90..100 → 5, 70..89 → 4, 50..69 → 3, 30..49 → 2, below 30 → 1. A score on a boundary takes the
 * higher band. Điều 3 khoản 3 of 26/2026/QĐ-TTg words them so ("từ 70 đến dưới 90 điểm" is 4 stars), unchanged.
 */
export function starsForScore(score: number): number {
  if (score >= 90) return 5;
  if (score >= 70) return 4;
  if (score >= 50) return 3;
  if (score >= 30) return 2;
  return 1;
}

/**
 * The stars a council may award for a score: only the central council awards
 * 5 stars; 90+ from any other council is 4 stars with five-star potential.
 */
export function awardableStars(score: number, council: Council): { stars: number; fiveStarPotential: boolean } {
  const band = starsForScore(score);
  if (band === 5 && council !== 'central') return { stars: 4, fiveStarPotential: true };
  return { stars: band, fiveStarPotential: false };
}

/** The reporting level of a decision, or undefined below 3 stars (not an OCOP product). */
export function levelOf(stars: number, fiveStarPotential: boolean): OcopLevel | undefined {
  if (stars >= 5) return '5';
  if (stars === 4) return fiveStarPotential ? '4-potential-5' : '4';
  if (stars === 3) return '3';
  return undefined;
}

/**
 * Who may rate, by the decision date: the national rules in force that day.
 * - Quyết định 1048/QĐ-TTg of 21/8/2019 (date as cited by Kế hoạch 115/KH-UBND of 8/5/2020
 *   of Thừa Thiên Huế, thuvienphapluat.vn): district councils only screen dossiers; the
 *   province recognises 3-4 stars, the central council 5. This system applies it to every
 *   decision before 148/2023 (it holds no earlier decisions).
 * - Quyết định 148/QĐ-TTg of 24/2/2023: the district council recognises up to 3 stars, the
 *   province 4, the central council 5.
 * - From 2025-07-01 there is no district level (domain/reform.ts); Quyết định 1489/QĐ-TTg
 *   of 6/7/2025 (the date as Điều 11 khoản 2 of 26/2026/QĐ-TTg gives it) has communes check the
 *   dossier, the province rate 3-4 stars and the central level 5. The district council's end is
 *   the day the districts ended, 2025-07-01, whatever the rules in force.
 * - From 2026-05-22, Quyết định 26/2026/QĐ-TTg (Điều 11 khoản 1): two levels, the province
 *   (3-4 stars) and the central level (5 stars) (Điều 4 khoản 1). The rules it adds are in
 *   rules-26-2026.ts; the bands are those of its Điều 3 khoản 3, the same as before.
 */
export interface CouncilRules {
  /** The decision that sets the rules, as the rejections quote it. */
  decision: string;
  /** First decision date the rules apply to. */
  from: IsoDay;
  /** The most stars a district council may award; undefined when it may not decide at all. */
  districtMaxStars?: number;
  /** Why a district council may not decide, when it may not. */
  noDistrictCouncil?: string;
  /** The article a rejection cites first, when the rules' text was read (26/2026 on). */
  article?: string;
}

export const COUNCIL_RULES: readonly CouncilRules[] = [
  { decision: '1048/QĐ-TTg (2019)', from: '0000-01-01', noDistrictCouncil: 'district councils only screen dossiers; the province recognises 3-4 stars and the central council 5 stars' },
  { decision: '148/QĐ-TTg (2023)', from: '2023-02-24', districtMaxStars: 3 },
  {
    decision: '1489/QĐ-TTg (2025)',
    from: TWO_TIER_FROM,
    noDistrictCouncil: `the district level was abolished on ${TWO_TIER_FROM} (${TWO_TIER_REFERENCE}); the province rates 3-4 stars (communes check the dossier) and the central council 5 stars`,
  },
  { decision: DECISION_26_2026.citation, from: DECISION_26_2026.effectiveFrom, noDistrictCouncil: TWO_LEVELS_26_2026.why, article: TWO_LEVELS_26_2026.article },
];

/** The council rules in force on a decision date. */
export function councilRulesOn(decisionDate: IsoDay): CouncilRules {
  return COUNCIL_RULES.filter((rules) => rules.from <= decisionDate).at(-1)!;
}

/** Why a council may not award `stars` on `decisionDate`, or undefined when it may. */
export function councilRefusal(council: Council, stars: number, decisionDate: IsoDay): string | undefined {
  if (council !== 'district') return undefined;
  const rules = councilRulesOn(decisionDate);
  if (rules.noDistrictCouncil !== undefined && rules.article !== undefined) {
    return `${rules.article}: ${rules.noDistrictCouncil}; a decision dated ${decisionDate} cannot come from a district council`;
  }
  if (rules.noDistrictCouncil !== undefined) {
    return `a decision dated ${decisionDate} cannot come from a district council: under ${rules.decision} ${rules.noDistrictCouncil}`;
  }
  if (rules.districtMaxStars !== undefined && stars > rules.districtMaxStars) {
    return `under ${rules.decision} a district council recognises up to ${rules.districtMaxStars} stars; ${stars} stars is the province's decision (council: province)`;
  }
  return undefined;
}
