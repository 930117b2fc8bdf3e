import type { Council, ProductGroup, ProductSet, SubjectKind } from '../../events';
import type { IsoDay } from '../calendar';
import type { OcopLevel } from '../stars';

/**
 * A product's folded state: everything the KPIs and the API need, with dates,
 * so any past day can be asked. It holds folded facts only, never events: its
 * size grows with the product's own distinct facts (decisions, days with a
 * listing change), not with duplicates, rejected or foreign events.
 */
export interface ProductState {
  productId: string;
  registration: ProductRegistration;
  /** Moves between units by the provincial office, in canonical order (effective day, occurredAt, eventId). */
  transfers: Transfer[];
  /** Ratings and upgrades, in canonical order (decisionDate, occurredAt, eventId). */
  decisions: Decision[];
  revocations: Revocation[];
  /** Per marketplace, sorted by marketplace. */
  listings: MarketplaceListing[];
  /** Per traceability system, its earliest enrolment; sorted by system. */
  enrollments: Enrollment[];
}

export interface ProductRegistration {
  /** The registration whose dossier is shown: the owner's latest by (occurredAt, eventId). */
  eventId: string;
  occurredAt: string;
  name: string;
  group: ProductGroup;
  /** The product set of Appendix I of Quyết định 26/2026/QĐ-TTg (product-sets.ts), when the registration gives it. */
  productSet?: ProductSet;
  subject: { name: string; kind: SubjectKind };
  /**
   * The unit of the registration as the province first received it: the product's owner until a
   * transfer. A district code for products registered before 2025-07-01, a commune's from then on
   * (the field keeps its first name, so stored products read as before).
   */
  districtCode: string;
  /** The product's commune: before the reform a commune of its district, which tells which commune took it over. */
  communeCode?: string;
  /** When the product was first registered: the earliest occurredAt of the owner's registrations. */
  registeredAt: string;
  registeredOn: IsoDay;
}

export interface Transfer {
  eventId: string;
  toUnitCode: string;
  fromUnitCode?: string;
  effectiveOn: IsoDay;
  occurredAt: string;
  reason: string;
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
  /** The rating round (đợt) in the decision's year: named by the decision, or derived (rules-26-2026.ts roundOf). */
  round?: number;
}

export interface Revocation {
  eventId: string;
  decisionNo: string;
  decisionDate: IsoDay;
  reason: string;
}

/** The latest listing change of a marketplace, whole, and the end-of-day status of every day that had a change. */
export interface MarketplaceListing {
  marketplace: string;
  latest: ListingChange;
  /** One entry per day with a change, oldest first: the day's last change, compact (see listingDayEntry). */
  days: string[];
}

export interface ListingChange {
  eventId: string;
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

/**
 * A certificate lasts 36 months from its decision unless the decision says otherwise (the contract's default; under
 * Quyết định 26/2026/QĐ-TTg also the longest, rules-26-2026.ts).
 */
export const DEFAULT_VALIDITY_MONTHS = 36;

/**
 * The largest state a product may reach (UTF-8 bytes of its JSON). DynamoDB
 * refuses items over 400 KB, and the item also carries the KPI record (at
 * most about half the state's listing days); a product whose own history
 * would pass this bound has further events rejected (kept, with the reason),
 * so it is never jammed.
 */
export const MAX_PRODUCT_STATE_BYTES = 240_000;
/** @deprecated name kept for the tests written against it: the bound is in bytes. */
export const MAX_PRODUCT_STATE_CHARS = MAX_PRODUCT_STATE_BYTES;

/** The unit that owns the product now: the latest transfer's, else the registration's. */
export function ownerOf(state: ProductState): string {
  return state.transfers.at(-1)?.toUnitCode ?? state.registration.districtCode;
}

/** The unit the product is counted under on `day`. */
export function unitOn(state: Pick<ProductState, 'registration' | 'transfers'>, day: IsoDay): string {
  let unit = state.registration.districtCode;
  for (const transfer of state.transfers) if (transfer.effectiveOn <= day) unit = transfer.toUnitCode;
  return unit;
}
