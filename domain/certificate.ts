import { addDays, type IsoDay } from './calendar';
import type { Decision, ListingChange, ProductState } from './product';
import { MIN_OCOP_STARS } from './stars';

/**
 * Questions about a product on a given day. Every answer counts only facts
 * dated on or before that day, so the same state answers for any past day.
 */

export interface CertificateOnDay {
  decision: Decision;
  /** True when within validUntil (inclusive) and not revoked. */
  valid: boolean;
  revokedOn?: IsoDay;
}

function byDecisionOrder(a: Decision, b: Decision): number {
  return a.decisionDate.localeCompare(b.decisionDate) || Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || a.eventId.localeCompare(b.eventId);
}

/** The certificate on `day`: the latest decision dated on or before it, whatever its stars. */
export function certificateOn(state: ProductState, day: IsoDay): CertificateOnDay | undefined {
  const decision = state.decisions.filter((d) => d.decisionDate <= day).sort(byDecisionOrder).at(-1);
  if (!decision) return undefined;
  const revocation = state.revocations
    .filter((r) => r.decisionDate >= decision.decisionDate && r.decisionDate <= day)
    .sort((a, b) => a.decisionDate.localeCompare(b.decisionDate))[0];
  const valid = !revocation && day <= decision.validUntil;
  return { decision, valid, ...(revocation && { revokedOn: revocation.decisionDate }) };
}

/** Active: registered, with a valid certificate of 3 stars or more on `day`. */
export function activeCertificateOn(state: ProductState, day: IsoDay): Decision | undefined {
  if (!state.registration) return undefined;
  const certificate = certificateOn(state, day);
  return certificate?.valid && certificate.decision.stars >= MIN_OCOP_STARS ? certificate.decision : undefined;
}

/** The first recognition: the earliest decision of 3+ stars dated on or before `day`. */
export function firstRecognition(state: ProductState, day: IsoDay): Decision | undefined {
  return state.decisions
    .filter((d) => d.stars >= MIN_OCOP_STARS && d.decisionDate <= day)
    .sort(byDecisionOrder)[0];
}

/** Marketplaces where the product is listed on `day`: per marketplace the latest change wins (a delisting wins a tie). */
export function listingsOn(state: ProductState, day: IsoDay): ListingChange[] {
  const latest = new Map<string, ListingChange>();
  for (const change of state.listingChanges.filter((c) => c.day <= day)) {
    const kept = latest.get(change.marketplace);
    if (!kept || isLater(change, kept)) latest.set(change.marketplace, change);
  }
  return [...latest.values()].filter((c) => c.change === 'listed').sort((a, b) => a.marketplace.localeCompare(b.marketplace));
}

function isLater(candidate: ListingChange, kept: ListingChange): boolean {
  const delta = Date.parse(candidate.at) - Date.parse(kept.at);
  if (delta !== 0) return delta > 0;
  if (candidate.change !== kept.change) return candidate.change === 'delisted';
  return candidate.eventId > kept.eventId;
}

export function isTraceableOn(state: ProductState, day: IsoDay): boolean {
  return state.enrollments.some((e) => e.day <= day);
}

/** Expiring: active on `day` and valid until at most `withinDays` after it. */
export function expiresWithin(decision: Decision, day: IsoDay, withinDays: number): boolean {
  return decision.validUntil <= addDays(day, withinDays);
}
