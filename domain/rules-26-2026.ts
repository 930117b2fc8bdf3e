import type { Council } from '../events';
import { addDays, addMonths, type IsoDay } from './calendar';

/**
 * Quyết định 26/2026/QĐ-TTg of 22/5/2026 (Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm OCOP), as far as
 * its text was read (docs/sources-and-councils.md, "The rules of 26/2026/QĐ-TTg"). Each rule below names its article.
 * The text read is a transcription of the decision in a public repository (`source`); the official page is
 * `officialPage`, which this project did not read itself.
 */
export const DECISION_26_2026 = {
  citation: 'Quyết định 26/2026/QĐ-TTg',
  /** Điều 11 khoản 1: in force from the day it was signed. */
  effectiveFrom: '2026-05-22' as IsoDay,
  /**
   * The last day a decision may still follow the former rules: Điều 11 khoản 2 ends 148/QĐ-TTg (2023) and 1489/QĐ-TTg
   * (6/7/2025) 60 days after effectiveFrom, and Điều 12 khoản 2 has dossiers filed before effectiveFrom rated under the
   * former rules within those 60 days (22/5/2026 to 20/7/2026, both days counted).
   */
  formerRulesUntil: '2026-07-20' as IsoDay,
  /** Điều 4 khoản 3: a certificate of 3 stars and up is valid 36 months from the day it is issued. */
  validityMonths: 36,
  source: 'hakienpdu95/minhan@94397bfc4fc870e69c79f5543cdcc39cca9a6c5b:docs/bnn_txng.html',
  officialPage: 'https://vanban.chinhphu.vn/?classid=1&docid=218267&pageid=27160',
} as const;

const cite = (article: string) => `${article} ${DECISION_26_2026.citation}`;

/** Whether a decision date falls under 26/2026 (Điều 11 khoản 1). */
export function isUnder26of2026(decisionDate: IsoDay): boolean {
  return decisionDate >= DECISION_26_2026.effectiveFrom;
}

/**
 * Whether only 26/2026 applies to a decision date: after the 60 days in which dossiers filed earlier may still be
 * rated under the former rules (Điều 11 khoản 2, Điều 12 khoản 2). The rules that 26/2026 added (no decision below 3
 * stars, 5 stars only from the central level, 36 months at most) are checked from then; who may decide is the same
 * under both, so it is checked from effectiveFrom.
 */
export function isOnlyUnder26of2026(decisionDate: IsoDay): boolean {
  return decisionDate > DECISION_26_2026.formerRulesUntil;
}

/** Điều 4 khoản 1: why a district council may not decide under 26/2026 (stars.ts COUNCIL_RULES quotes it). */
export const TWO_LEVELS_26_2026 = {
  article: cite('Điều 4 khoản 1'),
  why: 'rating and recognition have two levels, the province (3 and 4 stars) and the central level, Bộ Nông nghiệp và Môi trường (5 stars)',
} as const;

/** Điều 4 khoản 1 điểm b: only the ministry recognises 5 stars (a reason for 5 stars from another council quotes it). */
export const FIVE_STARS_26_2026 = `${cite('Điều 4 khoản 1 điểm b')}: only the central level, Bộ Nông nghiệp và Môi trường, recognises 5 stars`;

/** What the rules of 26/2026 look at in a rating or an upgrade. */
export interface DecisionUnderReview {
  council: Council;
  stars: number;
  decisionDate: IsoDay;
  validUntil?: IsoDay;
}

/**
 * The reasons a decision breaks the rules 26/2026 added, each citing its article, or none. `starsField` names the
 * field of the stars (`stars` of ProductRated, `toStars` of ProductUpgraded).
 */
export function refusalsUnder26of2026(decision: DecisionUnderReview, starsField: 'stars' | 'toStars'): string[] {
  const { council, stars, decisionDate, validUntil } = decision;
  if (!isOnlyUnder26of2026(decisionDate)) return [];
  const reasons: string[] = [];
  if (stars < 3) {
    reasons.push(
      `detail.${starsField}: ${cite('Điều 4 khoản 1 điểm a')}: a product rated 1 or 2 stars gets no recognition decision and no certificate, ` +
        `so a decision dated ${decisionDate} cannot record ${stars} stars`,
    );
  }
  if (council === 'central' && stars >= 3 && stars < 5) {
    reasons.push(
      `detail.council: ${cite('Điều 4 khoản 1')}: the central level recognises 5 stars only; a product the central council scores under 90 ` +
        `is recognised at 3 or 4 stars by the province (council: province, Điều 7 khoản 4), so ${stars} stars dated ${decisionDate} cannot come from the central council`,
    );
  }
  const longest = addMonths(decisionDate, DECISION_26_2026.validityMonths);
  if (validUntil !== undefined && validUntil > longest) {
    reasons.push(
      `detail.validUntil: ${cite('Điều 4 khoản 3')}: a certificate is valid ${DECISION_26_2026.validityMonths} months from its decision, ` +
        `so a decision dated ${decisionDate} is valid until ${longest} at the latest, not ${validUntil}`,
    );
  }
  return reasons;
}

/** The last day of the province's first round in a year (Điều 5 khoản 1: "đợt 01 trước ngày 30 tháng 6"). */
const PROVINCE_FIRST_ROUND_BY = '06-30';

/**
 * The rating round (đợt) of a decision in the year of its date: the round it names, else, for a province decision
 * under 26/2026, the round of Điều 5 khoản 1 it falls in (1 up to 30 June, 2 after). The province may hold more
 * rounds (Điều 5 khoản 1, second paragraph): those only a decision's own `round` tells. A central decision, or one
 * before 26/2026, has a round only when it names one.
 */
export function roundOf(decision: { council: Council; decisionDate: IsoDay; round?: number }): number | undefined {
  if (decision.round !== undefined) return decision.round;
  if (decision.council !== 'province' || !isUnder26of2026(decision.decisionDate)) return undefined;
  return decision.decisionDate.slice(5) <= PROVINCE_FIRST_ROUND_BY ? 1 : 2;
}

/** The fewest rounds a year the province holds (Điều 5 khoản 1: "ít nhất 02 đợt trong năm"). */
export const PROVINCE_MIN_ROUNDS_A_YEAR = 2;

/** The first day after the transition: for tests and docs. */
export const ONLY_26_2026_FROM: IsoDay = addDays(DECISION_26_2026.formerRulesUntil, 1);
