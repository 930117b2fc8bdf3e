import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { AggregateDecision, AggregateKey, UnitDirectory } from '../../domain';
import { parseInboundEvent, type EventBridgeEnvelope, type InboundEvent } from '../../events';
import { eventBridge, eventBusName } from '../shared/clients';
import { ProjectionConflictError, type Projection } from '../storage/projection-store';
import { getWaiting, waitingKeysOf } from '../storage/waiting-store';
import { decideAndPut } from './decide-and-put';
import { settleRequestEntry, WAITING_EVENTS_PER_INVOCATION } from './settle-request';

/** A waiting event decided now. */
export interface Waited {
  event: InboundEvent;
  envelope: EventBridgeEnvelope;
}

/** A waiting event that no longer parses (the catalog changed while it waited): kept as a rejection, then removed. */
export interface Unreadable {
  eventId: string;
  envelope: EventBridgeEnvelope;
  reasons: string[];
}

export interface Settlement {
  /** The product's item after the chunk. */
  item: Projection | undefined;
  /** The decided events' verdicts, in the order decided. */
  verdicts: AggregateDecision['verdicts'];
  decided: Waited[];
  unreadable: Unreadable[];
  /** More events wait than this invocation may decide: a follow-up message is to ask for the next chunk. */
  more: boolean;
}

export class SettleRequestError extends Error {
  override name = 'SettleRequestError';
}

/**
 * Decides the events waiting for a product that exists, oldest received first,
 * at most WAITING_EVENTS_PER_INVOCATION of them (`known`: the batch's own
 * events, decided with it). Asks the waiting table again after each chunk, so
 * events parked while the registration was being written are not missed.
 * Nothing is removed here: the caller keeps the rejections first, then removes
 * what was decided, so a failure midway leaves every undecided (or
 * unremoved) event waiting, and a delivery again decides it again, which
 * changes nothing for what was already applied.
 */
export async function settleWaiting(pk: AggregateKey, read: Projection | undefined, known: readonly string[], now: Date, directory: UnitDirectory): Promise<Settlement> {
  const seen = new Set(known);
  const settlement: Settlement = { item: read, verdicts: [], decided: [], unreadable: [], more: false };
  for (;;) {
    const keys = (await waitingKeysOf(pk)).filter((key) => !seen.has(key.eventId));
    if (keys.length === 0) return settlement;
    const room = WAITING_EVENTS_PER_INVOCATION - settlement.decided.length - settlement.unreadable.length;
    if (room <= 0) return { ...settlement, more: true };
    const chunk = keys.slice(0, room);
    for (const key of chunk) seen.add(key.eventId);
    const waited: Waited[] = [];
    for (const item of await getWaiting(pk, chunk.map((key) => key.eventId))) {
      const parsed = parseInboundEvent(item.envelope);
      if (parsed.ok) waited.push({ event: parsed.event, envelope: item.envelope });
      else settlement.unreadable.push({ eventId: item.eventId, envelope: item.envelope, reasons: parsed.reasons });
    }
    if (waited.length === 0) continue;
    const written = await decideAndPut(pk, settlement.item, waited.map((w) => w.event), now, directory);
    if (written === 'conflict-on-create') throw new ProjectionConflictError(`${pk} was created twice`);
    settlement.verdicts.push(...written.decision.verdicts);
    settlement.decided.push(...waited);
    settlement.item = written.item;
  }
}

/** Puts the follow-up message that settles the next chunk of a product's waiting events (settle-request.ts). */
export async function requestSettlement(pk: AggregateKey): Promise<void> {
  const result = await eventBridge().send(new PutEventsCommand({ Entries: [settleRequestEntry(pk, eventBusName())] }));
  if ((result.FailedEntryCount ?? 0) > 0) {
    const failed = result.Entries?.[0];
    throw new SettleRequestError(`the follow-up message for ${pk} was not accepted by the bus: ${failed?.ErrorCode ?? 'unknown'} ${failed?.ErrorMessage ?? ''}`.trim());
  }
}
