import { districtCodeOfSource, type Council, type InboundDetail, type InboundEvent, type ProductGroup, type SubjectKind } from '../events';
import { addMonths, vnDayOf, type IsoDay } from './calendar';
import { canonicalEvents } from './aggregates';
import { awardableStars, levelOf, type OcopLevel } from './stars';

/** A product's folded state: everything the KPIs and the API need, with dates, so any past day can be asked. */
export interface ProductState {
  productId: string;
  /** Absent while the registration has not arrived: the product's other events wait for it. */
  registration?: ProductRegistration;
  /** Ratings and upgrades, oldest first. */
  decisions: Decision[];
  revocations: Revocation[];
  listingChanges: ListingChange[];
  enrollments: Enrollment[];
  /** Events waiting for the registration. */
  awaitingRegistration: string[];
  /** Events refused once the registration was known (another district's). */
  rejections: ProductRejection[];
}

export interface ProductRegistration {
  eventId: string;
  name: string;
  group: ProductGroup;
  subject: { name: string; kind: SubjectKind };
  districtCode: string;
  communeCode?: string;
  /** When the product was first registered: a correction (a later registration from the same district) keeps it. */
  registeredAt: string;
  registeredOn: IsoDay;
}

export interface Decision {
  eventId: string;
  kind: 'rating' | 'upgrade';
  score: number;
  stars: number;
  fiveStarPotential: boolean;
  /** Undefined below 3 stars. */
  level?: OcopLevel;
  council: Council;
  decisionNo: string;
  decisionDate: IsoDay;
  validUntil: IsoDay;
  occurredAt: string;
}

export interface Revocation {
  eventId: string;
  decisionNo: string;
  decisionDate: IsoDay;
  reason: string;
}

export interface ListingChange {
  eventId: string;
  marketplace: string;
  change: 'listed' | 'delisted';
  at: string;
  day: IsoDay;
  listingUrl?: string;
}

export interface Enrollment {
  eventId: string;
  system: string;
  traceCode?: string;
  enrolledAt: string;
  day: IsoDay;
}

export interface ProductRejection {
  eventId: string;
  detailType: string;
  source: string;
  reasons: string[];
}

/** A certificate lasts 36 months from its decision unless the decision says otherwise. */
export const DEFAULT_VALIDITY_MONTHS = 36;

type ProductEvent = Exclude<InboundEvent, { detailType: 'IntellectualPropertyGranted' | 'ScienceTaskApproved' }>;

/** The district an event speaks for: its source's, or for the province the one it names. */
function districtOf(event: InboundEvent): string | undefined {
  return districtCodeOfSource(event.source) ?? event.detail.districtCode;
}

/**
 * Folds one product's events into its state. Pure and deterministic:
 * duplicates (same eventId) change nothing, and any arrival order gives the same state.
 */
export function foldProduct(productId: string, events: readonly ProductEvent[]): ProductState {
  const ordered = canonicalEvents(events);
  const state: ProductState = {
    productId,
    decisions: [],
    revocations: [],
    listingChanges: [],
    enrollments: [],
    awaitingRegistration: [],
    rejections: [],
  };

  const registrations = ordered.filter((e): e is Extract<ProductEvent, { detailType: 'ProductRegistered' }> => e.detailType === 'ProductRegistered');
  const owner = registrations[0];
  for (const registration of registrations) {
    const district = districtOf(registration)!;
    if (owner && district !== districtOf(owner)) {
      state.rejections.push(rejection(registration, `productId ${productId} is already registered by district ${districtOf(owner)}; district ${district} cannot register it again`));
      continue;
    }
    // A later registration from the same district corrects the dossier; the product stays registered since the first.
    state.registration = { ...registrationOf(registration.detail, district), registeredAt: owner!.detail.occurredAt, registeredOn: vnDayOf(owner!.detail.occurredAt) };
  }

  for (const event of ordered) {
    if (event.detailType === 'ProductRegistered') continue;
    if (!state.registration) {
      state.awaitingRegistration.push(event.detail.eventId);
      continue;
    }
    const sourceDistrict = districtCodeOfSource(event.source);
    if (sourceDistrict !== undefined && sourceDistrict !== state.registration.districtCode) {
      state.rejections.push(
        rejection(event, `productId ${productId} is registered in district ${state.registration.districtCode}; district ${sourceDistrict} may only publish for its own products`),
      );
      continue;
    }
    apply(state, event);
  }
  return state;
}

function rejection(event: InboundEvent, reason: string): ProductRejection {
  return { eventId: event.detail.eventId, detailType: event.detailType, source: event.source, reasons: [reason] };
}

function registrationOf(detail: InboundDetail['ProductRegistered'], districtCode: string): ProductRegistration {
  return {
    eventId: detail.eventId,
    name: detail.name,
    group: detail.group,
    subject: { name: detail.subject.name, kind: detail.subject.kind },
    districtCode,
    ...(detail.communeCode !== undefined && { communeCode: detail.communeCode }),
    registeredAt: detail.occurredAt,
    registeredOn: vnDayOf(detail.occurredAt),
  };
}

function decisionOf(detail: InboundDetail['ProductRated'] | InboundDetail['ProductUpgraded'], kind: Decision['kind'], stars: number): Decision {
  const { fiveStarPotential } = awardableStars(detail.score, detail.council);
  const level = levelOf(stars, fiveStarPotential);
  return {
    eventId: detail.eventId,
    kind,
    score: detail.score,
    stars,
    fiveStarPotential,
    ...(level !== undefined && { level }),
    council: detail.council,
    decisionNo: detail.decisionNo,
    decisionDate: detail.decisionDate,
    validUntil: detail.validUntil ?? addMonths(detail.decisionDate, DEFAULT_VALIDITY_MONTHS),
    occurredAt: detail.occurredAt,
  };
}

function apply(state: ProductState, event: Exclude<ProductEvent, { detailType: 'ProductRegistered' }>): void {
  switch (event.detailType) {
    case 'ProductRated':
      state.decisions.push(decisionOf(event.detail, 'rating', event.detail.stars));
      return;
    case 'ProductUpgraded':
      state.decisions.push(decisionOf(event.detail, 'upgrade', event.detail.toStars));
      return;
    case 'ProductCertificateRevoked':
      state.revocations.push({
        eventId: event.detail.eventId,
        decisionNo: event.detail.decisionNo,
        decisionDate: event.detail.decisionDate,
        reason: event.detail.reason,
      });
      return;
    case 'ProductListedOnMarketplace':
      state.listingChanges.push({
        eventId: event.detail.eventId,
        marketplace: event.detail.marketplace,
        change: 'listed',
        at: event.detail.listedAt,
        day: vnDayOf(event.detail.listedAt),
        listingUrl: event.detail.listingUrl,
      });
      return;
    case 'ProductDelistedFromMarketplace':
      state.listingChanges.push({
        eventId: event.detail.eventId,
        marketplace: event.detail.marketplace,
        change: 'delisted',
        at: event.detail.delistedAt,
        day: vnDayOf(event.detail.delistedAt),
      });
      return;
    case 'ProductTraceabilityEnrolled':
      state.enrollments.push({
        eventId: event.detail.eventId,
        system: event.detail.system,
        ...(event.detail.traceCode !== undefined && { traceCode: event.detail.traceCode }),
        enrolledAt: event.detail.enrolledAt,
        day: vnDayOf(event.detail.enrolledAt),
      });
      return;
  }
}
