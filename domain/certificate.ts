import { addDays, type IsoDay } from './calendar';
import { parseListingDayEntry, type MarketplaceListing, type ProductState } from './product';
import type { OcopLevel } from './stars';
import { MIN_OCOP_STARS } from './stars';

/**
 * Questions about a product on a given day. Every answer counts only facts
 * dated on or before that day, so the same state answers for any past day.
 * They take the least they need, so the product state and its compact KPI
 * record (kpi/kpi-record.ts) are asked the same questions the same way.
 */

/** What a certificate question needs of a decision. */
export interface DatedDecision {
  decisionDate: IsoDay;
  stars: number;
  level?: OcopLevel;
  validUntil: IsoDay;
}

/** Decisions in canonical order (product/evolve.ts compareDecisions), and revocations. */
export interface CertificateHistory<D extends DatedDecision = DatedDecision> {
  decisions: readonly D[];
  revocations: readonly { decisionDate: IsoDay }[];
}

export interface CertificateOnDay<D extends DatedDecision = DatedDecision> {
  decision: D;
  /** True when within validUntil (inclusive) and not revoked. */
  valid: boolean;
  revokedOn?: IsoDay;
}

/** The certificate on `day`: the latest decision dated on or before it, whatever its stars. */
export function certificateOn<D extends DatedDecision>(history: CertificateHistory<D>, day: IsoDay): CertificateOnDay<D> | undefined {
  // Loops, not filter/map/sort: computeSnapshot asks this of every product of the province.
  let decision: D | undefined;
  for (const d of history.decisions) if (d.decisionDate <= day) decision = d;
  if (!decision) return undefined;
  let revokedOn: IsoDay | undefined;
  for (const { decisionDate } of history.revocations) {
    if (decisionDate >= decision.decisionDate && decisionDate <= day && (revokedOn === undefined || decisionDate < revokedOn)) revokedOn = decisionDate;
  }
  const valid = revokedOn === undefined && day <= decision.validUntil;
  return { decision, valid, ...(revokedOn !== undefined && { revokedOn }) };
}

/** Active: a valid certificate of 3 stars or more on `day` (certificateOn's answer, without allocating: computeSnapshot asks it of every product). */
export function activeCertificateOn<D extends DatedDecision>(history: CertificateHistory<D>, day: IsoDay): D | undefined {
  let decision: D | undefined;
  for (const d of history.decisions) if (d.decisionDate <= day) decision = d;
  if (!decision || decision.stars < MIN_OCOP_STARS || day > decision.validUntil) return undefined;
  for (const { decisionDate } of history.revocations) if (decisionDate >= decision.decisionDate && decisionDate <= day) return undefined;
  return decision;
}

/** The first recognition: the earliest decision of 3+ stars dated on or before `day`. */
export function firstRecognition<D extends DatedDecision>(history: CertificateHistory<D>, day: IsoDay): D | undefined {
  return history.decisions.find((d) => d.stars >= MIN_OCOP_STARS && d.decisionDate <= day);
}

/** A marketplace's status at the end of `day`. */
export interface ListingOnDay {
  marketplace: string;
  /** When the change in force was made. */
  at: string;
  /** The listing's address, when the change in force is the marketplace's latest. */
  listingUrl?: string;
}

/** Marketplaces where the product is listed at the end of `day`: per marketplace the latest change wins (a delisting wins a tie). */
export function listingsOn(state: Pick<ProductState, 'listings'>, day: IsoDay): ListingOnDay[] {
  const listed: ListingOnDay[] = [];
  for (const listing of state.listings) {
    const status = statusOn(listing, day);
    if (!status?.listed) continue;
    const isLatest = listing.latest.day <= day && listing.latest.change === 'listed' && Date.parse(listing.latest.at) === Date.parse(status.at);
    listed.push({ marketplace: listing.marketplace, at: isLatest ? listing.latest.at : status.at, ...(isLatest && listing.latest.listingUrl && { listingUrl: listing.latest.listingUrl }) });
  }
  return listed;
}

function statusOn(listing: MarketplaceListing, day: IsoDay): ReturnType<typeof parseListingDayEntry> | undefined {
  let found: string | undefined;
  for (const entry of listing.days) {
    if (entry.slice(0, 10) > day) break;
    found = entry;
  }
  return found === undefined ? undefined : parseListingDayEntry(found);
}

/**
 * The days on which the product had at least one marketplace listing, as
 * half-open intervals [from, until) of days (until absent: still listed):
 * what the KPI record keeps of the listings. One pass over the sorted day
 * entries (a cursor per marketplace), so a product with thousands of
 * listing days costs thousands of steps at each write, not millions.
 */
export function listedIntervals(state: Pick<ProductState, 'listings'>): [IsoDay, IsoDay | null][] {
  const changeDays = [...new Set(state.listings.flatMap((l) => l.days.map((d) => d.slice(0, 10))))].sort();
  const intervals: [IsoDay, IsoDay | null][] = [];
  /** Per marketplace, the index of its entry in force (the last one on or before the day), -1 before its first. */
  const inForce = state.listings.map(() => -1);
  for (const day of changeDays) {
    let listed = false;
    state.listings.forEach((listing, i) => {
      while (inForce[i]! + 1 < listing.days.length && listing.days[inForce[i]! + 1]!.slice(0, 10) <= day) inForce[i]! += 1;
      if (inForce[i]! >= 0 && parseListingDayEntry(listing.days[inForce[i]!]!).listed) listed = true;
    });
    const open = intervals.at(-1)?.[1] === null;
    if (listed && !open) intervals.push([day, null]);
    if (!listed && open) intervals.at(-1)![1] = day;
  }
  return intervals;
}

/** Listed at the end of `day`, from the intervals of listedIntervals. */
export function isListedOn(intervals: readonly [IsoDay, IsoDay | null][], day: IsoDay): boolean {
  return intervals.some(([from, until]) => from <= day && (until === null || day < until));
}

export function isTraceableOn(state: Pick<ProductState, 'enrollments'>, day: IsoDay): boolean {
  return state.enrollments.some((e) => e.day <= day);
}

/** Expiring: active on `day` and valid until at most `withinDays` after it. */
export function expiresWithin(decision: Pick<DatedDecision, 'validUntil'>, day: IsoDay, withinDays: number): boolean {
  return decision.validUntil <= addDays(day, withinDays);
}
