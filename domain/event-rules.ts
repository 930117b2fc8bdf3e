import { districtCodeOfSource, PROVINCE_SOURCE, type InboundEvent } from '../events';
import { awardableStars } from './stars';
import type { Province } from './province';

/**
 * The business rules of CONTRACT §1 that need no history: who may publish,
 * and what a council may decide. Returns the reasons to reject, empty if none.
 * Rules that need the product's registration live in the fold (product.ts).
 */
export function checkEventRules(event: InboundEvent, province: Province): string[] {
  return [...checkPublisher(event, province), ...checkDecision(event)];
}

function checkPublisher(event: InboundEvent, province: Province): string[] {
  const { source, detail } = event;
  const reasons: string[] = [];
  const knownUnit = (code: string) => province.units.some((unit) => unit.code === code);
  const sourceDistrict = districtCodeOfSource(source);
  if (sourceDistrict !== undefined) {
    if (!knownUnit(sourceDistrict)) {
      reasons.push(`Source: ${source} names unit ${sourceDistrict}, which is not a unit of ${province.name} (${unitList(province)})`);
    }
    if (detail.districtCode === undefined) {
      reasons.push(`detail.districtCode: required from a district; it must be ${sourceDistrict}, as in Source ${source}`);
    } else if (detail.districtCode !== sourceDistrict) {
      reasons.push(`detail.districtCode: ${detail.districtCode} does not match Source ${source}; a district may only publish for its own district`);
    }
  } else if (source === PROVINCE_SOURCE && detail.districtCode !== undefined && !knownUnit(detail.districtCode)) {
    reasons.push(`detail.districtCode: ${detail.districtCode} is not a unit of ${province.name} (${unitList(province)})`);
  }
  if (event.detailType === 'ProductTransferred') {
    if (source !== PROVINCE_SOURCE) reasons.push(`Source: only ${PROVINCE_SOURCE} may move a product between units; ${source} may not`);
    if (!knownUnit(event.detail.toUnitCode)) reasons.push(`detail.toUnitCode: ${event.detail.toUnitCode} is not a unit of ${province.name} (${unitList(province)})`);
  }
  if (event.detailType === 'ProductRegistered' && source === PROVINCE_SOURCE && detail.districtCode === undefined) {
    reasons.push('detail.districtCode: required for ProductRegistered from ocop.province: a product belongs to a district');
  }
  return reasons;
}

function unitList(province: Province): string {
  return `known: ${province.units.map((unit) => unit.code).join(', ')}`;
}

function checkDecision(event: InboundEvent): string[] {
  if (event.detailType !== 'ProductRated' && event.detailType !== 'ProductUpgraded') return [];
  const { detail } = event;
  const reasons: string[] = [];
  const field = event.detailType === 'ProductRated' ? 'stars' : 'toStars';
  const stars = event.detailType === 'ProductRated' ? event.detail.stars : event.detail.toStars;
  if (event.detailType === 'ProductUpgraded' && event.detail.toStars <= event.detail.fromStars) {
    reasons.push(`detail.toStars: an upgrade must raise the level, but toStars ${event.detail.toStars} is not above fromStars ${event.detail.fromStars}`);
  }
  const allowed = awardableStars(detail.score, detail.council);
  if (stars !== allowed.stars) {
    const why =
      allowed.fiveStarPotential
        ? `a score of ${detail.score} from the ${detail.council} council is 4 stars with five-star potential; only the central council awards 5 stars`
        : `a score of ${detail.score} falls in the ${allowed.stars}-star band (90..100 → 5, 70..89 → 4, 50..69 → 3, 30..49 → 2, below 30 → 1)`;
    reasons.push(`detail.${field}: ${stars} stars disagrees with the score: ${why}`);
  }
  if (detail.fiveStarPotential !== undefined && detail.fiveStarPotential !== allowed.fiveStarPotential) {
    reasons.push(
      allowed.fiveStarPotential
        ? `detail.fiveStarPotential: must be true (or omitted) for a score of 90+ from the ${detail.council} council`
        : `detail.fiveStarPotential: must be false (or omitted): five-star potential is a score of 90+ from a council other than central`,
    );
  }
  if (detail.validUntil !== undefined && detail.validUntil < detail.decisionDate) {
    reasons.push(`detail.validUntil: ${detail.validUntil} is before decisionDate ${detail.decisionDate}`);
  }
  return reasons;
}
