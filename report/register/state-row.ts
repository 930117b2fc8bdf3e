import { certificateOn, listingsOn, MIN_OCOP_STARS, vnDayOf, type IsoDay, type ProductState } from '../../domain';
import type { ProductRegisterRow } from './columns';

/**
 * A product's row of the register as of a day (pure): the export writes it,
 * and the import compares a sheet's row with it to tell what is unchanged.
 * Undefined for a product not yet registered on the day.
 */
export function registerRowOf(state: ProductState, day: IsoDay): ProductRegisterRow | undefined {
  const registration = state.registration;
  if (!registration || registration.registeredOn > day) return undefined;
  const certificate = certificateOn(state, day);
  const decision = certificate?.decision;
  return {
    productId: state.productId,
    name: registration.name,
    unitCode: registration.districtCode,
    ...(registration.communeCode !== undefined && { communeCode: registration.communeCode }),
    ownerName: registration.subject.name,
    ownerKind: registration.subject.kind,
    group: registration.group,
    registeredOn: registration.registeredOn,
    ...(decision && {
      stars: decision.stars,
      ...(decision.level && { level: decision.level }),
      fiveStarPotential: decision.fiveStarPotential,
      score: decision.score,
      council: decision.council,
      decisionNo: decision.decisionNo,
      decisionDate: decision.decisionDate,
      validUntil: decision.validUntil,
    }),
    active: certificate?.valid === true && decision!.stars >= MIN_OCOP_STARS,
    listings: listingsOn(state, day).map((listing) => ({ marketplace: listing.marketplace, ...(listing.listingUrl && { listingUrl: listing.listingUrl }), listedOn: vnDayOf(listing.at) })),
    traceability: state.enrollments
      .filter((enrollment) => enrollment.day <= day)
      .map((enrollment) => ({ system: enrollment.system, ...(enrollment.traceCode && { traceCode: enrollment.traceCode }), enrolledOn: enrollment.day })),
  };
}
