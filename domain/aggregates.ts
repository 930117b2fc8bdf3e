import { unitCodeOfSource, type InboundEvent } from '../events';
import { vnDayOf, type IsoDay } from './calendar';

/**
 * Events are folded per aggregate: a product, an IP grant or a science task.
 * The key names the aggregate in the event log and in the projections.
 */
export type AggregateKind = 'product' | 'ip' | 'task';
export type AggregateKey = `PRODUCT#${string}` | `IP#${string}` | `TASK#${string}`;

/** The events of each kind of aggregate: an IP grant's, a science task's, and a product's (all the others). */
export type IpEvent = Extract<InboundEvent, { detailType: 'IntellectualPropertyGranted' }>;
export type TaskEvent = Extract<InboundEvent, { detailType: 'ScienceTaskApproved' }>;
export type ProductEvent = Exclude<InboundEvent, IpEvent | TaskEvent>;

export const isIpEvent = (event: InboundEvent): event is IpEvent => event.detailType === 'IntellectualPropertyGranted';
export const isTaskEvent = (event: InboundEvent): event is TaskEvent => event.detailType === 'ScienceTaskApproved';
export const isProductEvent = (event: InboundEvent): event is ProductEvent => !isIpEvent(event) && !isTaskEvent(event);

export function aggregateKeyOf(event: InboundEvent): AggregateKey {
  if (isIpEvent(event)) return `IP#${event.detail.ipId}`;
  if (isTaskEvent(event)) return `TASK#${event.detail.taskId}`;
  return `PRODUCT#${event.detail.productId}`;
}

const PREFIXES = { product: 'PRODUCT#', ip: 'IP#', task: 'TASK#' } as const satisfies Record<AggregateKind, string>;

/** A key read back: the kind of aggregate and its own id (a productId, an ipId, a taskId). */
export function parseAggregateKey(key: AggregateKey): { kind: AggregateKind; id: string } {
  const kind = aggregateKindOf(key);
  return { kind, id: key.slice(PREFIXES[kind].length) };
}

export function aggregateKindOf(key: AggregateKey): AggregateKind {
  if (key.startsWith(PREFIXES.product)) return 'product';
  if (key.startsWith(PREFIXES.ip)) return 'ip';
  return 'task';
}

/** The unit an event speaks for: its source's (a district, or since 2025 a commune), or for the province the one it names. */
export function unitOfEvent(event: InboundEvent): string | undefined {
  return unitCodeOfSource(event.source) ?? event.detail.districtCode ?? event.detail.communeCode;
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
