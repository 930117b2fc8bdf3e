import type { Council } from '../events';

/** A certificate's level as the province reports it (CONTRACT §2, `byLevel`). */
export const LEVELS = ['3', '4', '4-potential-5', '5'] as const;
export type OcopLevel = (typeof LEVELS)[number];

/** OCOP products are those of 3 stars and up. */
export const MIN_OCOP_STARS = 3;

/** The score bands: 90..100 → 5, 70..89 → 4, 50..69 → 3, 30..49 → 2, below 30 → 1. */
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
