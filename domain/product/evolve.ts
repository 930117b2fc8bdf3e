import type { InboundDetail } from '../../events';
import { effectiveDayOf, unitOfEvent, type ProductEvent } from '../aggregates';
import { addMonths, vnDayOf, type IsoDay } from '../calendar';
import { roundOf } from '../rules-26-2026';
import { awardableStars, levelOf } from '../stars';
import { DEFAULT_VALIDITY_MONTHS, type Decision, type Enrollment, type ListingChange, type ProductRegistration, type ProductState, type Transfer } from './state';

/**
 * How accepted events change a product's state (Emmett's `evolve`): pure, and
 * the parts an event does not change are kept by reference (json-size.ts).
 */

type Of<T extends ProductEvent['detailType']> = Extract<ProductEvent, { detailType: T }>;

/** The state a product's first accepted registration starts: its unit owns the product. */
export function newProduct(productId: string, registration: Of<'ProductRegistered'>): ProductState {
  const { detail } = registration;
  return {
    productId,
    registration: { ...dossierOf(registration), districtCode: unitOfEvent(registration)!, registeredAt: detail.occurredAt, registeredOn: vnDayOf(detail.occurredAt) },
    transfers: [],
    decisions: [],
    revocations: [],
    listings: [],
    enrollments: [],
  };
}

function dossierOf({ detail }: Of<'ProductRegistered'>): Omit<ProductRegistration, 'districtCode' | 'registeredAt' | 'registeredOn'> {
  return {
    eventId: detail.eventId,
    occurredAt: detail.occurredAt,
    name: detail.name,
    group: detail.group,
    ...(detail.productSet !== undefined && { productSet: detail.productSet }),
    subject: { name: detail.subject.name, kind: detail.subject.kind },
    ...(detail.communeCode !== undefined && { communeCode: detail.communeCode }),
  };
}

/**
 * Applies one accepted event (Emmett's `evolve`). Idempotent and
 * commutative for the events of one owner: every part of the state is a set
 * keyed by eventId, or keeps the greatest (or least) of a total order.
 * Returns the same object when nothing changes.
 */
export function evolveProduct(state: ProductState, event: ProductEvent): ProductState {
  switch (event.detailType) {
    case 'ProductRegistered':
      return correctRegistration(state, event);
    case 'ProductRated':
      return withDecision(state, decisionOf(event.detail, 'rating', event.detail.stars));
    case 'ProductUpgraded':
      return withDecision(state, decisionOf(event.detail, 'upgrade', event.detail.toStars));
    case 'ProductCertificateRevoked': {
      const { eventId, decisionNo, decisionDate, reason } = event.detail;
      if (state.revocations.some((r) => r.eventId === eventId)) return state;
      const revocations = [...state.revocations, { eventId, decisionNo, decisionDate, reason }];
      return { ...state, revocations: revocations.sort((a, b) => a.decisionDate.localeCompare(b.decisionDate) || a.eventId.localeCompare(b.eventId)) };
    }
    case 'ProductTransferred': {
      const { eventId, toUnitCode, fromUnitCode, reason, occurredAt } = event.detail;
      if (state.transfers.some((t) => t.eventId === eventId)) return state;
      const transfer: Transfer = { eventId, toUnitCode, ...(fromUnitCode !== undefined && { fromUnitCode }), effectiveOn: effectiveDayOf(event), occurredAt, reason };
      const transfers = [...state.transfers, transfer].sort(
        (a, b) => a.effectiveOn.localeCompare(b.effectiveOn) || Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || a.eventId.localeCompare(b.eventId),
      );
      return { ...state, transfers };
    }
    case 'ProductListedOnMarketplace': {
      const { eventId, marketplace, listedAt, listingUrl } = event.detail;
      return withListingChange(state, marketplace, { eventId, change: 'listed', at: listedAt, day: vnDayOf(listedAt), listingUrl });
    }
    case 'ProductDelistedFromMarketplace': {
      const { eventId, marketplace, delistedAt } = event.detail;
      return withListingChange(state, marketplace, { eventId, change: 'delisted', at: delistedAt, day: vnDayOf(delistedAt) });
    }
    case 'ProductTraceabilityEnrolled': {
      const { eventId, system, traceCode, enrolledAt } = event.detail;
      const candidate: Enrollment = { eventId, system, ...(traceCode !== undefined && { traceCode }), enrolledAt, day: vnDayOf(enrolledAt) };
      const kept = state.enrollments.find((e) => e.system === system);
      if (kept && !isEarlier(candidate.enrolledAt, candidate.eventId, kept.enrolledAt, kept.eventId)) return state;
      const enrollments = [...state.enrollments.filter((e) => e.system !== system), candidate].sort((a, b) => a.system.localeCompare(b.system));
      return { ...state, enrollments };
    }
  }
}

/** A later registration from the owner corrects the dossier (the latest wins); the product stays registered since the earliest. */
function correctRegistration(state: ProductState, event: Of<'ProductRegistered'>): ProductState {
  const current = state.registration;
  const { occurredAt, eventId } = event.detail;
  const newer = isEarlier(current.occurredAt, current.eventId, occurredAt, eventId);
  const earlierStart = Date.parse(occurredAt) < Date.parse(current.registeredAt);
  if (!newer && !earlierStart) return state;
  const registration: ProductRegistration = {
    ...(newer ? { ...dossierOf(event), districtCode: current.districtCode } : current),
    registeredAt: earlierStart ? occurredAt : current.registeredAt,
    registeredOn: earlierStart ? vnDayOf(occurredAt) : current.registeredOn,
  };
  return { ...state, registration };
}

function isEarlier(at: string, eventId: string, otherAt: string, otherEventId: string): boolean {
  const delta = Date.parse(at) - Date.parse(otherAt);
  return delta < 0 || (delta === 0 && eventId < otherEventId);
}

function withDecision(state: ProductState, decision: Decision): ProductState {
  if (state.decisions.some((d) => d.eventId === decision.eventId)) return state;
  return { ...state, decisions: [...state.decisions, decision].sort(compareDecisions) };
}

/** The canonical order of decisions: the later one replaces the earlier as the certificate. */
export function compareDecisions(a: Decision, b: Decision): number {
  return a.decisionDate.localeCompare(b.decisionDate) || Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || a.eventId.localeCompare(b.eventId);
}

function decisionOf(detail: InboundDetail['ProductRated'] | InboundDetail['ProductUpgraded'], kind: Decision['kind'], stars: number): Decision {
  const { fiveStarPotential } = awardableStars(detail.score, detail.council);
  const level = levelOf(stars, fiveStarPotential);
  const round = roundOf(detail);
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
    ...(round !== undefined && { round }),
  };
}

/**
 * Listing changes: per marketplace the latest change wins (a delisting wins
 * a tie), both overall (`latest`, whole) and per day (`days`, compact), so
 * the status at the end of any day is the last entry on or before it.
 */
function withListingChange(state: ProductState, marketplace: string, change: ListingChange): ProductState {
  const kept = state.listings.find((l) => l.marketplace === marketplace);
  const entry = listingDayEntry(change);
  if (!kept) {
    const listings = [...state.listings, { marketplace, latest: change, days: [entry] }].sort((a, b) => a.marketplace.localeCompare(b.marketplace));
    return { ...state, listings };
  }
  const latest = isLaterChange(change, kept.latest) ? change : kept.latest;
  const index = kept.days.findIndex((d) => d.startsWith(`${change.day}|`));
  let days = kept.days;
  if (index === -1) days = [...kept.days, entry].sort();
  else if (isLaterDayEntry(entry, kept.days[index]!)) days = kept.days.map((d, i) => (i === index ? entry : d));
  if (latest === kept.latest && days === kept.days) return state;
  return { ...state, listings: state.listings.map((l) => (l.marketplace === marketplace ? { marketplace, latest, days } : l)) };
}

function isLaterChange(candidate: ListingChange, kept: ListingChange): boolean {
  const delta = Date.parse(candidate.at) - Date.parse(kept.at);
  if (delta !== 0) return delta > 0;
  if (candidate.change !== kept.change) return candidate.change === 'delisted';
  return candidate.eventId > kept.eventId;
}

/** `YYYY-MM-DD|<epoch ms, 15 digits>|L` or `…|U` (unlisted): sorts by day, then time, then U after L, so a delisting wins a tie. */
export function listingDayEntry(change: Pick<ListingChange, 'day' | 'at' | 'change'>): string {
  return `${change.day}|${String(Date.parse(change.at)).padStart(15, '0')}|${change.change === 'listed' ? 'L' : 'U'}`;
}

function isLaterDayEntry(candidate: string, kept: string): boolean {
  return candidate > kept;
}

/** A compact day entry, read back. */
export function parseListingDayEntry(entry: string): { day: IsoDay; at: string; listed: boolean } {
  const [day, millis, change] = entry.split('|');
  return { day: day!, at: new Date(Number(millis)).toISOString(), listed: change === 'L' };
}
