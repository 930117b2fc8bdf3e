import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { AggregateDecision, AggregateKey, UnitDirectory } from '../../domain';
import { parseInboundEvent, type EventBridgeEnvelope, type InboundEvent } from '../../events';
import { eventBridge, eventBusName } from '../shared/clients';
import type { Projection } from '../storage/projection-store';
import { keepRejection, type RejectionRecord } from '../storage/rejection-store';
import { getWaiting, removeWaiting, waitingKeysOf } from '../storage/waiting-store';
import { decideAndPut } from './decide-and-put';
import type { PendingRejection } from './messages';
import { rejectionOf } from './rejections';
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

type Verdict = AggregateDecision['verdicts'][number];

export interface Settlement {
  /** The product's item after the chunk. */
  item: Projection | undefined;
  /** The decided events' verdicts, in the order decided. */
  verdicts: readonly Verdict[];
  decided: readonly Waited[];
  unreadable: readonly Unreadable[];
  /** More events wait than this invocation may decide: a follow-up message is to ask for the next chunk. */
  more: boolean;
}

export const NO_SETTLEMENT: Settlement = { item: undefined, verdicts: [], decided: [], unreadable: [], more: false };

export class SettleRequestError extends Error {
  override name = 'SettleRequestError';
}

/**
 * Decides the events waiting for a product that exists, oldest received first,
 * at most WAITING_EVENTS_PER_INVOCATION of them (`known`: the batch's own
 * events, decided with it). Asks the waiting table again after each chunk, so
 * events parked while the registration was being written are not missed.
 * Nothing is removed here: `keepAndRemoveSettled` keeps the rejections first,
 * then removes what was decided, so a failure midway leaves every undecided
 * (or unremoved) event waiting, and a delivery again decides it again, which
 * changes nothing for what was already applied.
 */
export async function settleWaiting(pk: AggregateKey, read: Projection | undefined, known: readonly string[], directory: UnitDirectory): Promise<Settlement> {
  const seen = new Set(known);
  let item = read;
  const verdicts: Verdict[] = [];
  const decided: Waited[] = [];
  const unreadable: Unreadable[] = [];
  for (;;) {
    const keys = (await waitingKeysOf(pk)).filter((key) => !seen.has(key.eventId));
    if (keys.length === 0) return { item, verdicts, decided, unreadable, more: false };
    const room = WAITING_EVENTS_PER_INVOCATION - decided.length - unreadable.length;
    if (room <= 0) return { item, verdicts, decided, unreadable, more: true };
    const chunk = keys.slice(0, room);
    for (const key of chunk) seen.add(key.eventId);
    const waited: Waited[] = [];
    for (const stored of await getWaiting(pk, chunk.map((key) => key.eventId))) {
      const parsed = parseInboundEvent(stored.envelope);
      if (parsed.ok) waited.push({ event: parsed.event, envelope: stored.envelope });
      else unreadable.push({ eventId: stored.eventId, envelope: stored.envelope, reasons: parsed.reasons });
    }
    if (waited.length === 0) continue;
    const written = await decideAndPut(pk, item, waited.map((w) => w.event), directory);
    verdicts.push(...written.decision.verdicts);
    decided.push(...waited);
    item = written.item;
  }
}

/**
 * After a settlement: keeps the rejections of the events that waited, then
 * removes from the waiting table what was decided (`removable`), then, when
 * more wait, asks for the next chunk. Returns the rejections kept, to be
 * announced.
 */
export async function keepAndRemoveSettled(
  pk: AggregateKey,
  settlement: Settlement,
  verdicts: ReadonlyMap<string, Verdict>,
  removable: readonly string[],
  now: Date,
): Promise<PendingRejection[]> {
  const kept = await Promise.all(waitedRejections(settlement, verdicts, now).map(keepRejection));
  await removeWaiting(pk, removable);
  if (settlement.more) await requestSettlement(pk);
  return kept.map((record) => ({ record, kept: true }));
}

/** Pure: the rejections of a settlement, the unreadable events' and the rejected verdicts'. */
export function waitedRejections(settlement: Settlement, verdicts: ReadonlyMap<string, Verdict>, now: Date): RejectionRecord[] {
  const rejected = settlement.decided.flatMap((waited) => {
    const verdict = verdicts.get(waited.event.detail.eventId);
    return verdict?.verdict === 'rejected' ? [rejectionOf(waited.envelope, verdict.reasons, now)] : [];
  });
  return [...settlement.unreadable.map((u) => rejectionOf(u.envelope, u.reasons, now)), ...rejected];
}

/** Puts the follow-up message that settles the next chunk of a product's waiting events (settle-request.ts). */
export async function requestSettlement(pk: AggregateKey): Promise<void> {
  const result = await eventBridge().send(new PutEventsCommand({ Entries: [settleRequestEntry(pk, eventBusName())] }));
  if ((result.FailedEntryCount ?? 0) > 0) {
    const failed = result.Entries?.[0];
    throw new SettleRequestError(`the follow-up message for ${pk} was not accepted by the bus: ${failed?.ErrorCode ?? 'unknown'} ${failed?.ErrorMessage ?? ''}`.trim());
  }
}
