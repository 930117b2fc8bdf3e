import { communeCodeOfSource, communeSource, districtCodeOfSource, PROVINCE_SOURCE, type InboundEvent } from '../events';
import { vnDayOf, type IsoDay } from './calendar';
import { effectiveDayOf } from './aggregates';
import { productIdProblem } from './product-id';
import { productSetProblem } from './product-sets';
import { isAfterReform, TWO_TIER_FROM, TWO_TIER_REFERENCE } from './reform';
import { FIVE_STARS_26_2026, isUnder26of2026, refusalsUnder26of2026 } from './rules-26-2026';
import { awardableStars, councilRefusal } from './stars';
import { UNIT_LEVEL, type UnitDirectory } from './units';

/**
 * The business rules of CONTRACT §1 that need no history: who may publish on
 * the event's day, and what a council may decide. Returns the reasons to
 * reject, empty if none. Rules that need the product's registration live in
 * the product's decider (product/ownership.ts). The units come from the deployment's directory: a
 * unit must be in force on the event's day (docs/sources-and-councils.md).
 */
export function checkEventRules(event: InboundEvent, directory: UnitDirectory): string[] {
  return [...checkPublisher(event, directory), ...checkDecision(event)];
}

/** The day an event's publisher is judged on: the decision date for decisions, else the Vietnamese day of occurredAt. */
export function publishedDayOf(event: InboundEvent): IsoDay {
  switch (event.detailType) {
    case 'ProductRated':
    case 'ProductUpgraded':
    case 'ProductCertificateRevoked':
      return event.detail.decisionDate;
    default:
      return vnDayOf(event.detail.occurredAt);
  }
}

const unitsLink = (day: IsoDay) => `GET /v1/units?asOf=${day} lists the units in force that day`;

function checkPublisher(event: InboundEvent, directory: UnitDirectory): string[] {
  const { source } = event;
  const day = publishedDayOf(event);
  const reasons: string[] = [];
  const district = districtCodeOfSource(source);
  const commune = communeCodeOfSource(source);
  if (district !== undefined) reasons.push(...checkDistrictSource(event, district, day, directory));
  else if (commune !== undefined) reasons.push(...checkCommuneSource(event, commune, day, directory));
  else if (source === PROVINCE_SOURCE) reasons.push(...checkProvinceUnits(event, day, directory));
  if (event.detailType === 'ProductRegistered') {
    const problem = productIdProblem(event.detail.productId, day, event.detail.communeCode);
    if (problem !== undefined) reasons.push(`detail.productId: ${problem}`);
    const setProblem = event.detail.productSet === undefined ? undefined : productSetProblem(event.detail.productSet, event.detail.group);
    if (setProblem !== undefined) reasons.push(`detail.productSet: ${setProblem}`);
  }
  if (event.detailType === 'ProductTransferred') {
    if (source !== PROVINCE_SOURCE) reasons.push(`Source: only ${PROVINCE_SOURCE} may move a product between units; ${source} may not`);
    const effective = effectiveDayOf(event);
    if (directory.unitOn(event.detail.toUnitCode, effective) === undefined) {
      reasons.push(`detail.toUnitCode: ${event.detail.toUnitCode} is not a unit in force on ${effective}, the day the transfer takes effect (${unitsLink(effective)})`);
    }
  }
  return reasons;
}

function checkDistrictSource(event: InboundEvent, code: string, day: IsoDay, directory: UnitDirectory): string[] {
  const { source, detail } = event;
  if (isAfterReform(day)) {
    return [
      `Source: ${source} is a district source, and this event is dated ${day}: the district level was abolished on ${TWO_TIER_FROM} (${TWO_TIER_REFERENCE}). ` +
        `From then on the commune or ward publishes as ${communeSource('<code>')} (5-digit code, detail.communeCode equal to it, no districtCode), or the provincial office as ${PROVINCE_SOURCE}`,
    ];
  }
  const reasons: string[] = [];
  const unit = directory.unitOn(code, day);
  if (unit === undefined || UNIT_LEVEL[unit.kind] !== 'district') {
    reasons.push(`Source: ${source} names unit ${code}, which is not a district in force on ${day} (${unitsLink(day)})`);
  }
  if (detail.districtCode === undefined) {
    reasons.push(`detail.districtCode: required from a district; it must be ${code}, as in Source ${source}`);
  } else if (detail.districtCode !== code) {
    reasons.push(`detail.districtCode: ${detail.districtCode} does not match Source ${source}; a district may only publish for its own district`);
  }
  return reasons;
}

function checkCommuneSource(event: InboundEvent, code: string, day: IsoDay, directory: UnitDirectory): string[] {
  const { source, detail } = event;
  if (!isAfterReform(day)) {
    return [
      `Source: ${source} is a commune source, and this event is dated ${day}: communes publish from ${TWO_TIER_FROM}, when the district level was abolished. ` +
        `An event dated before then is published by its district (ocop.district.<code>) or by ${PROVINCE_SOURCE}`,
    ];
  }
  const reasons: string[] = [];
  const unit = directory.unitOn(code, day);
  if (unit === undefined || UNIT_LEVEL[unit.kind] !== 'commune') {
    reasons.push(`Source: ${source} names unit ${code}, which is not a commune or ward in force on ${day} (${unitsLink(day)})`);
  }
  if (detail.communeCode === undefined) {
    reasons.push(`detail.communeCode: required from a commune; it must be ${code}, as in Source ${source}`);
  } else if (detail.communeCode !== code) {
    reasons.push(`detail.communeCode: ${detail.communeCode} does not match Source ${source}; a commune may only publish for itself`);
  }
  if (detail.districtCode !== undefined) {
    reasons.push(`detail.districtCode: a commune sends no districtCode (there are no districts since ${TWO_TIER_FROM}); give communeCode ${code} only`);
  }
  return reasons;
}

/**
 * The province may publish for any unit; the unit it names must be in force on the event's day:
 * a district before the reform (districtCode), a commune or ward from it (communeCode).
 * Before the reform a ProductRegistered's communeCode is the product's commune within its
 * district, a former unit, and is not checked here.
 */
function checkProvinceUnits(event: InboundEvent, day: IsoDay, directory: UnitDirectory): string[] {
  const { detail } = event;
  const reasons: string[] = [];
  const after = isAfterReform(day);
  if (detail.districtCode !== undefined) {
    const unit = directory.unitOn(detail.districtCode, day);
    if (after) {
      reasons.push(
        `detail.districtCode: ${detail.districtCode} names a district, and this event is dated ${day}: the district level was abolished on ${TWO_TIER_FROM}; ` +
          `name the commune or ward the event belongs to with communeCode, or leave both out`,
      );
    } else if (unit === undefined || UNIT_LEVEL[unit.kind] !== 'district') {
      reasons.push(`detail.districtCode: ${detail.districtCode} is not a district in force on ${day} (${unitsLink(day)})`);
    }
  }
  if (after && detail.communeCode !== undefined) {
    const unit = directory.unitOn(detail.communeCode, day);
    if (unit === undefined || UNIT_LEVEL[unit.kind] !== 'commune') {
      reasons.push(`detail.communeCode: ${detail.communeCode} is not a commune or ward in force on ${day} (${unitsLink(day)})`);
    }
  }
  if (event.detailType === 'ProductRegistered') {
    if (!after && detail.districtCode === undefined) {
      reasons.push('detail.districtCode: required for ProductRegistered from ocop.province before 2025-07-01: a product belongs to a district');
    }
    if (after && detail.communeCode === undefined) {
      reasons.push(`detail.communeCode: required for ProductRegistered from ocop.province from ${TWO_TIER_FROM}: a product belongs to a commune or ward`);
    }
  }
  return reasons;
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
        ? `a score of ${detail.score} from the ${detail.council} council is 4 stars with five-star potential; ${
            isUnder26of2026(detail.decisionDate) ? FIVE_STARS_26_2026 : 'only the central council awards 5 stars'
          }`
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
  const refusal = councilRefusal(detail.council, stars, detail.decisionDate);
  if (refusal !== undefined) reasons.push(`detail.council: ${refusal}`);
  if (detail.validUntil !== undefined && detail.validUntil < detail.decisionDate) {
    reasons.push(`detail.validUntil: ${detail.validUntil} is before decisionDate ${detail.decisionDate}`);
  }
  reasons.push(...refusalsUnder26of2026({ council: detail.council, stars, decisionDate: detail.decisionDate, ...(detail.validUntil !== undefined && { validUntil: detail.validUntil }) }, field));
  return reasons;
}
