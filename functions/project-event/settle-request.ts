import { PROVINCE_SOURCE } from '../../events/vocabulary';
import type { AggregateKey } from '../../domain/aggregates';

/**
 * The follow-up message by which project-event settles a long queue of
 * waiting events (events received before their product's registration) in
 * bounded chunks: an invocation decides at most WAITING_EVENTS_PER_INVOCATION
 * of them, then, if more wait, puts this event on the bus; the inbound rule
 * takes it to the same queue (its detail type is not outbound), and the
 * invocation that receives it settles the next chunk.
 *
 * It is internal: of the system's functions only project-event may put it
 * (its IAM policy); the bus's resource policy lets the districts' and
 * communes' accounts put only the inbound catalog. And it can only ask for
 * what a registration delivered again does anyway, so even a forged one
 * changes nothing it should not.
 */
export const SETTLE_WAITING_DETAIL_TYPE = 'WaitingEventsToSettle';

/** Waiting events an invocation decides at most (one conditional write of the product, their rejections, their removal). */
export const WAITING_EVENTS_PER_INVOCATION = 250;

/** The aggregate a follow-up message asks to settle; undefined when the body is not one. */
export function settleRequestOf(body: unknown): AggregateKey | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { source, 'detail-type': detailType, detail } = body as Record<string, unknown>;
  if (source !== PROVINCE_SOURCE || detailType !== SETTLE_WAITING_DETAIL_TYPE || typeof detail !== 'object' || detail === null) return undefined;
  const { aggregateKey, ...rest } = detail as Record<string, unknown>;
  // Any product key is harmless (it names what to look up); the bound keeps a forged one from being large.
  if (typeof aggregateKey !== 'string' || !aggregateKey.startsWith('PRODUCT#') || aggregateKey.length > 200 || Object.keys(rest).length > 0) return undefined;
  return aggregateKey as AggregateKey;
}

/** The PutEvents entry of a follow-up message for an aggregate. */
export function settleRequestEntry(aggregateKey: AggregateKey, eventBusName: string): { EventBusName: string; Source: string; DetailType: string; Detail: string } {
  return { EventBusName: eventBusName, Source: PROVINCE_SOURCE, DetailType: SETTLE_WAITING_DETAIL_TYPE, Detail: JSON.stringify({ aggregateKey }) };
}
