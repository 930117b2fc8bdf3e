import type { InboundEvent } from '../events';
import { vnDayOf, type IsoDay } from './calendar';

/**
 * Events are folded per aggregate: a product, an IP grant or a science task.
 * The key names the aggregate in the event log and in the projections.
 */
export type AggregateKind = 'product' | 'ip' | 'task';
export type AggregateKey = `PRODUCT#${string}` | `IP#${string}` | `TASK#${string}`;

export function aggregateKeyOf(event: InboundEvent): AggregateKey {
  switch (event.detailType) {
    case 'IntellectualPropertyGranted':
      return `IP#${event.detail.ipId}`;
    case 'ScienceTaskApproved':
      return `TASK#${event.detail.taskId}`;
    default:
      return `PRODUCT#${event.detail.productId}`;
  }
}

export function aggregateKindOf(key: AggregateKey): AggregateKind {
  if (key.startsWith('PRODUCT#')) return 'product';
  if (key.startsWith('IP#')) return 'ip';
  return 'task';
}

/**
 * The Vietnamese day on which an event counts for an `asOf` (CONTRACT §2):
 * the decision date for decisions, else the event's own time.
 */
export function effectiveDayOf(event: InboundEvent): IsoDay {
  switch (event.detailType) {
    case 'ProductRated':
    case 'ProductUpgraded':
    case 'ProductCertificateRevoked':
      return event.detail.decisionDate;
    case 'ProductListedOnMarketplace':
      return vnDayOf(event.detail.listedAt);
    case 'ProductDelistedFromMarketplace':
      return vnDayOf(event.detail.delistedAt);
    case 'ProductTraceabilityEnrolled':
      return vnDayOf(event.detail.enrolledAt);
    case 'IntellectualPropertyGranted':
      return event.detail.grantedAt;
    case 'ScienceTaskApproved':
      return event.detail.approvedAt;
    case 'ProductTransferred':
      return event.detail.effectiveDate ?? vnDayOf(event.detail.occurredAt);
    case 'ProductRegistered':
      return vnDayOf(event.detail.occurredAt);
  }
}

/** A total, arrival-independent order of events: by effective day, then occurredAt, then eventId. */
export function compareEvents(a: InboundEvent, b: InboundEvent): number {
  return (
    effectiveDayOf(a).localeCompare(effectiveDayOf(b)) ||
    Date.parse(a.detail.occurredAt) - Date.parse(b.detail.occurredAt) ||
    a.detail.eventId.localeCompare(b.detail.eventId)
  );
}

/** Drops repeated eventIds (the first in eventId order wins) and sorts: the same facts in any order give the same list. */
export function canonicalEvents<E extends InboundEvent>(events: readonly E[]): E[] {
  const byId = new Map<string, E>();
  for (const event of events) {
    const kept = byId.get(event.detail.eventId);
    if (!kept || JSON.stringify(event) < JSON.stringify(kept)) byId.set(event.detail.eventId, event);
  }
  return [...byId.values()].sort(compareEvents);
}
