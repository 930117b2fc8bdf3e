import { PROVINCE_SOURCE, unitCodeOfSource, type Council, type InboundDetail, type InboundEvent, type ProductGroup, type ProductSet, type SubjectKind } from '../events';
import { addMonths, vnDayOf, type IsoDay } from './calendar';
import { effectiveDayOf } from './aggregates';
import { publishedDayOf } from './event-rules';
import { roundOf } from './rules-26-2026';
import { awardableStars, levelOf, type OcopLevel } from './stars';
import { territoryOn, unitDirectory, type UnitDirectory } from './units';
import { jsonSizer } from './json-size';

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

export type ProductEvent = Exclude<InboundEvent, { detailType: 'IntellectualPropertyGranted' | 'ScienceTaskApproved' }>;
type Of<T extends ProductEvent['detailType']> = Extract<ProductEvent, { detailType: T }>;

/** What the decision says of one event. */
export type ProductVerdict =
  | { eventId: string; verdict: 'accepted' }
  /** The product's registration has not arrived: the event waits for it. */
  | { eventId: string; verdict: 'waiting' }
  | { eventId: string; verdict: 'rejected'; reasons: string[] };

export interface ProductDecision {
  /** The state after the accepted events; undefined while the product is not registered. */
  state: ProductState | undefined;
  /** One verdict per event, in the order given. */
  verdicts: ProductVerdict[];
}

/** The unit an event speaks for: its source's (a district, or since 2025 a commune), or for the province the one it names. */
export function unitOfEvent(event: InboundEvent): string | undefined {
  return unitCodeOfSource(event.source) ?? event.detail.districtCode ?? event.detail.communeCode;
}

/** Without units: no unit has successors, so a product is owned by its unit alone. */
const NO_UNITS = unitDirectory([]);

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

/**
 * The decision for a product (Emmett's `decide`, with `evolve` applied to
 * what it accepts): takes the current state and events in the order the
 * province received them, and says of each whether it is accepted, waits
 * for the registration, or is rejected and why.
 *
 * Ownership: the first registration received makes its unit the owner; a
 * registration or any other event from another unit is rejected, whatever
 * its dates, and changes nothing. Only ocop.province may publish for any
 * unit, and only its ProductTransferred moves a product. Events received
 * before the registration wait, and are decided once it arrives.
 *
 * Across the 2025 reform: when the owner is a unit no longer in force on an
 * event's day (a district, from 2025-07-01), the unit that holds its territory
 * that day (`territoryOn` in `directory`, narrowed by the registration's
 * commune) speaks for the product too; when several do, the event is rejected
 * until the province assigns the product with ProductTransferred.
 *
 * Accepted events of one owner commute and are idempotent, so the state does
 * not depend on their arrival order, and a redelivery changes nothing.
 */
export function decideProduct(
  productId: string,
  current: ProductState | undefined,
  events: readonly ProductEvent[],
  directory: UnitDirectory = NO_UNITS,
): ProductDecision {
  let state = current;
  // Measures each next state from the parts measured before (json-size.ts): the stored state once, then what each event changed.
  const sizer = jsonSizer();
  const verdicts = new Map<string, ProductVerdict>();
  const waiting: ProductEvent[] = [];
  const decideOne = (event: ProductEvent): void => {
    const eventId = event.detail.eventId;
    if (!state) {
      if (event.detailType !== 'ProductRegistered') {
        verdicts.set(eventId, { eventId, verdict: 'waiting' });
        waiting.push(event);
        return;
      }
      state = newProduct(productId, event);
      verdicts.set(eventId, { eventId, verdict: 'accepted' });
      for (const earlier of waiting.splice(0)) decideOne(earlier);
      return;
    }
    const reasons = ownershipReasons(state, event, directory);
    if (reasons.length > 0) {
      verdicts.set(eventId, { eventId, verdict: 'rejected', reasons });
      return;
    }
    const next = evolveProduct(state, event);
    if (next !== state && sizer.bytes(next) > MAX_PRODUCT_STATE_BYTES) {
      verdicts.set(eventId, {
        eventId,
        verdict: 'rejected',
        reasons: [`productId ${productId}: the product's history has reached its size limit; the event is kept here, and the provincial office can act on it`],
      });
      return;
    }
    state = next;
    verdicts.set(eventId, { eventId, verdict: 'accepted' });
  };
  for (const event of events) decideOne(event);
  return { state, verdicts: events.map((event) => verdicts.get(event.detail.eventId)!) };
}

/**
 * Convenience for a whole history: the state from events in the order
 * received (tests, the demo, the rebuild).
 */
export function foldProduct(productId: string, events: readonly ProductEvent[], directory: UnitDirectory = NO_UNITS): ProductDecision {
  return decideProduct(productId, undefined, events, directory);
}

function ownershipReasons(state: ProductState, event: ProductEvent, directory: UnitDirectory): string[] {
  const owner = ownerOf(state);
  const unit = unitOfEvent(event);
  const { productId } = state;
  if (event.source === PROVINCE_SOURCE && event.detailType !== 'ProductRegistered') {
    if (event.detailType === 'ProductTransferred' && event.detail.fromUnitCode !== undefined && event.detail.fromUnitCode !== owner) {
      return [`detail.fromUnitCode: productId ${productId} belongs to unit ${owner}, not ${event.detail.fromUnitCode}; the transfer is stale`];
    }
    return [];
  }
  if (unit === owner) return [];
  const heir = heirOf(state, publishedDayOf(event), directory);
  if (heir?.kind === 'unit' && heir.code === unit) return [];
  if (heir?.kind === 'ambiguous') {
    return [
      `productId ${productId} belongs to unit ${owner}, which ended on ${heir.endedOn}; its territory passed to ${heir.candidates.join(', ')}, ` +
        `and the product's registration does not say which of them holds the product (its communeCode ${state.registration.communeCode ?? 'is not given'}). ` +
        `The provincial office assigns the product to its unit with ProductTransferred (toUnitCode); until then unit ${unit} cannot publish for it.`,
    ];
  }
  const holder = heir?.kind === 'unit' ? ` (on ${publishedDayOf(event)} its territory is held by unit ${heir.code})` : '';
  if (event.detailType === 'ProductRegistered') {
    return [
      `productId ${productId} is already registered by unit ${owner} (since ${state.registration.registeredOn})${holder}; ` +
        `unit ${unit} cannot register it again. If the product really belongs to another unit, the provincial office publishes ProductTransferred.`,
    ];
  }
  return [`productId ${productId} belongs to unit ${owner}${holder}; unit ${unit} may only publish for its own products`];
}

type Heir = { kind: 'unit'; code: string } | { kind: 'ambiguous'; candidates: string[]; endedOn: IsoDay };

/**
 * Who speaks for the owner on `day` when the owner is no longer in force then (the 2025
 * reform ended the districts): the one unit holding its territory, or the candidates.
 * Undefined while the owner is in force, or when the directory does not know it.
 */
function heirOf(state: ProductState, day: IsoDay, directory: UnitDirectory): Heir | undefined {
  const owner = ownerOf(state);
  if (directory.unitOn(owner, day) !== undefined) return undefined;
  const territory = territoryOn(directory, owner, day, state.registration.communeCode);
  if (territory.kind === 'unit') return { kind: 'unit', code: territory.unit.code };
  if (territory.kind === 'ambiguous') {
    const endedOn = directory.units.filter((u) => u.code === owner && u.validTo !== undefined && u.validTo < day).map((u) => u.validTo!).sort().at(-1) ?? day;
    return { kind: 'ambiguous', candidates: territory.candidates.map((c) => `${c.code} (${c.name})`), endedOn };
  }
  return undefined;
}

function newProduct(productId: string, registration: Of<'ProductRegistered'>): ProductState {
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
