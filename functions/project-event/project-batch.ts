import { randomUUID } from 'node:crypto';
import {
  adminUnitCode,
  districtCodeOfSource,
  eventBridgeEnvelope,
  describeIssues,
  parseInboundEvent,
  PROVINCE_SOURCE,
  type EventBridgeEnvelope,
  type InboundEvent,
} from '../../events';
import { aggregateKeyOf, checkEventRules, type AggregateDecision, type AggregateKey, type UnitDirectory } from '../../domain';
import { appendToEventLog, contentHashOf, findLogged, type EventLogRecord, type LoggedEvent } from '../storage/event-log-store';
import { getProjection, getProjections, type Projection } from '../storage/projection-store';
import { putWaiting, removeWaiting } from '../storage/waiting-store';
import { keepRejection, markAnnounced, newRejection, type RejectionRecord } from '../storage/rejection-store';
import { announceRejections } from '../shared/announce-rejection';
import { unitDirectoryOfDeployment } from '../shared/unit-directory';
import { decideAndPut } from './decide-and-put';
import { settleRequestOf, SETTLE_WAITING_DETAIL_TYPE } from './settle-request';
import { requestSettlement, settleWaiting, type Unreadable, type Waited } from './settle-waiting';

/** One message of a batch: an SQS message whose body should be an EventBridge envelope. */
export interface InboundMessage {
  messageId: string;
  /** The message body, JSON-parsed when it could be. */
  body: unknown;
  /** When the queue received it (SQS SentTimestamp): the order the province received events in. */
  sentAt?: string;
}

/** `settled`: a follow-up message, whose chunk of waiting events was settled. */
export type Outcome = 'accepted' | 'duplicate' | 'waiting' | 'rejected' | 'settled';

export interface MessageResult {
  messageId: string;
  /** Absent when the message failed (a transient error): it is to be delivered again. */
  outcome?: Outcome;
  error?: Error;
  rejectionId?: string;
  reasons?: string[];
  /** Metadata for the logs (never the event's content). */
  eventId?: string;
  source?: string;
  detailType?: string;
  productId?: string;
}

/** Aggregates of one batch decided and written at once. */
const AGGREGATES_IN_FLIGHT = 8;

interface Candidate {
  messageId: string;
  envelope: EventBridgeEnvelope;
  event: InboundEvent;
  pk: AggregateKey;
  contentHash: string;
  receivedAt: string;
  /** Already in the event log with the same content: a redelivery. */
  redelivered: boolean;
}

interface PendingRejection {
  messageId?: string;
  record: RejectionRecord;
  /** Already kept (the record is the stored one). */
  kept?: boolean;
}

/**
 * Takes a batch of inbound messages to the projections:
 * validate and check the rules of each → find which eventIds the log has →
 * append each new event to the log, on condition its eventId is still absent
 * (one conditional PutItem each: a racing batch's event is never overwritten,
 * and a loser with other content is a reused eventId) → per aggregate, one
 * consistent read, the domain's decision, one conditional write → keep every
 * rejection and announce it (EventRejected, 10 per PutEvents).
 *
 * Permanent problems (bad events, another unit's events, a reused eventId)
 * are rejections, never errors. Transient ones (DynamoDB, the bus) fail only
 * the messages of the aggregate concerned, and the queue delivers them again;
 * every step is idempotent, so a redelivery neither loses nor double-counts.
 */
export async function projectBatch(messages: readonly InboundMessage[], now = new Date()): Promise<MessageResult[]> {
  const directory = await unitDirectoryOfDeployment();
  const results = new Map<string, MessageResult>();
  const rejections: PendingRejection[] = [];
  const reject = (messageId: string | undefined, record: RejectionRecord, meta: Partial<MessageResult> = {}) => {
    rejections.push({ ...(messageId !== undefined && { messageId }), record });
    if (messageId !== undefined) results.set(messageId, { messageId, outcome: 'rejected', rejectionId: record.rejectionId, reasons: record.reasons, ...meta });
  };

  // 1. Validate; the same eventId twice in one batch is one event (or a reuse).
  const firstOfEventId = new Map<string, Candidate>();
  const copies: { messageId: string; of: Candidate }[] = [];
  /** Follow-up messages (settle-request.ts), by the product they ask to settle. */
  const followUps = new Map<AggregateKey, string[]>();
  for (const message of messages) {
    const settle = settleRequestOf(message.body);
    if (settle !== undefined) {
      followUps.set(settle, [...(followUps.get(settle) ?? []), message.messageId]);
      continue;
    }
    const checked = checkMessage(message, directory, now);
    if ('rejection' in checked) {
      reject(message.messageId, checked.rejection, checked.meta);
      continue;
    }
    const candidate = checked.candidate;
    const first = firstOfEventId.get(candidate.event.detail.eventId);
    if (!first) firstOfEventId.set(candidate.event.detail.eventId, candidate);
    else if (first.contentHash === candidate.contentHash) copies.push({ messageId: message.messageId, of: first });
    else reject(message.messageId, reusedEventId(candidate, first.receivedAt), metaOf(candidate));
  }

  // 2. The log: what it has already, then the new events, each appended only if its eventId is still absent
  //    (a failure here fails the whole batch: nothing was decided yet).
  //    What another batch logged in between is told apart as for the log's answer before: same content, a redelivery; else a reuse.
  const candidates: Candidate[] = [];
  const fresh: Candidate[] = [];
  /** Sorts a candidate by what the log holds for its eventId: nothing (`ifNew`), the same content (a redelivery), other content (a reuse). */
  const byLog = (candidate: Candidate, entry: LoggedEvent | undefined, ifNew: Candidate[]) => {
    if (!entry) ifNew.push(candidate);
    else if (entry.contentHash === candidate.contentHash) candidates.push({ ...candidate, redelivered: true, receivedAt: entry.receivedAt });
    else reject(candidate.messageId, reusedEventId(candidate, entry.receivedAt), metaOf(candidate));
  };
  const logged = await findLogged([...firstOfEventId.keys()]);
  for (const candidate of firstOfEventId.values()) byLog(candidate, logged.get(candidate.event.detail.eventId), fresh);
  const loggedMeanwhile = await appendToEventLog(fresh.map(logRecordOf));
  for (const candidate of fresh) byLog(candidate, loggedMeanwhile.get(candidate.event.detail.eventId), candidates);

  // 3. Per aggregate: one read, the decision, one write (and for a registration or a follow-up, a chunk of what waited).
  const groups = new Map<AggregateKey, Candidate[]>();
  for (const candidate of candidates) groups.set(candidate.pk, [...(groups.get(candidate.pk) ?? []), candidate]);
  for (const pk of followUps.keys()) if (!groups.has(pk)) groups.set(pk, []);
  const current = await getProjections([...groups.keys()]);
  await inParallel([...groups], AGGREGATES_IN_FLIGHT, async ([pk, group]) => {
    try {
      const { decision, decided, unreadable, removable, more } = await decideAndWrite(pk, group, current.get(pk), now, directory, followUps.has(pk));
      const verdictOf = new Map(decision.verdicts.map((v) => [v.eventId, v]));
      for (const candidate of group) {
        const verdict = verdictOf.get(candidate.event.detail.eventId)!;
        const meta = metaOf(candidate);
        if (verdict.verdict === 'rejected') reject(candidate.messageId, rejectionOf(candidate.envelope, verdict.reasons, now), meta);
        else results.set(candidate.messageId, { messageId: candidate.messageId, outcome: verdict.verdict === 'accepted' && candidate.redelivered ? 'duplicate' : verdict.verdict, ...meta });
      }
      // Events that waited for the registration, decided now: their rejections are kept before they leave the waiting table.
      const waitedRejections: RejectionRecord[] = unreadable.map((u) => rejectionOf(u.envelope, u.reasons, now));
      for (const waited of decided) {
        const verdict = verdictOf.get(waited.event.detail.eventId);
        if (verdict?.verdict === 'rejected') waitedRejections.push(rejectionOf(waited.envelope, verdict.reasons, now));
      }
      const kept = await Promise.all(waitedRejections.map(keepRejection));
      await removeWaiting(pk, removable);
      rejections.push(...kept.map((record) => ({ record, kept: true })));
      // More waited than one invocation decides: the next chunk is for the follow-up message (the same queue, through the bus).
      if (more) await requestSettlement(pk);
      for (const messageId of followUps.get(pk) ?? []) results.set(messageId, { messageId, outcome: 'settled', ...followUpMeta(pk) });
    } catch (error) {
      for (const candidate of group) results.set(candidate.messageId, { messageId: candidate.messageId, error: error as Error, ...metaOf(candidate) });
      for (const messageId of followUps.get(pk) ?? []) results.set(messageId, { messageId, error: error as Error, ...followUpMeta(pk) });
    }
  });

  // 4. Keep each rejection once, announce those not announced yet. A failure fails its message, which comes again.
  await settleRejections(rejections, results);
  for (const { messageId, of } of copies) {
    const first = results.get(of.messageId)!;
    results.set(messageId, { ...first, messageId, ...(first.outcome !== undefined && first.outcome !== 'rejected' && { outcome: 'duplicate' as const }) });
  }
  return messages.map((m) => results.get(m.messageId)!);
}

function checkMessage(
  message: InboundMessage,
  directory: UnitDirectory,
  now: Date,
): { candidate: Candidate } | { rejection: RejectionRecord; meta: Partial<MessageResult> } {
  const envelope = eventBridgeEnvelope.safeParse(message.body);
  if (!envelope.success) {
    const reasons = describeIssues(envelope.error.issues, 'event');
    return { rejection: malformedRejection(message.body, reasons.length > 0 ? reasons : ['event: not an EventBridge event'], now), meta: {} };
  }
  const parsed = parseInboundEvent(envelope.data);
  const reasons = parsed.ok ? checkEventRules(parsed.event, directory) : parsed.reasons;
  const meta = { source: envelope.data.source, detailType: envelope.data['detail-type'] };
  if (!parsed.ok || reasons.length > 0) return { rejection: rejectionOf(envelope.data, reasons, now), meta };
  return {
    candidate: {
      messageId: message.messageId,
      envelope: envelope.data,
      event: parsed.event,
      pk: aggregateKeyOf(parsed.event),
      contentHash: contentHashOf(envelope.data),
      receivedAt: message.sentAt ?? now.toISOString(),
      redelivered: false,
    },
  };
}

/**
 * Decides an aggregate's events against its state and writes the result
 * with a version check; on a conflict, reads again and decides again. A
 * product not registered yet keeps its events in the waiting table. A
 * batch that brings a registration (or a follow-up message asking for it)
 * then settles what waited (settle-waiting.ts), after its write: parked
 * before, or while the registration was being written; at most a chunk per
 * invocation, and `more` says a follow-up is to ask for the next. It settles
 * even when the product existed: a registration delivered again after a
 * failure between the product's write and the waiting events' rejections (or
 * their removal) settles them then, instead of leaving them waiting for good.
 */
async function decideAndWrite(
  pk: AggregateKey,
  group: readonly Candidate[],
  read: Projection | undefined,
  now: Date,
  directory: UnitDirectory,
  followUp: boolean,
): Promise<{ decision: AggregateDecision; decided: Waited[]; unreadable: Unreadable[]; removable: string[]; more: boolean }> {
  const settles = pk.startsWith('PRODUCT#') && (followUp || group.some((c) => c.event.detailType === 'ProductRegistered'));
  const nothing = { decided: [], unreadable: [], removable: [], more: false };
  let current = read;
  let parked = false;
  if (group.length === 0 && !current) return { decision: { state: undefined, verdicts: [] }, ...nothing };
  for (;;) {
    const written = await decideAndPut(pk, current, group.map((c) => c.event), now, directory);
    if (written === 'conflict-on-create') {
      current = await getProjection(pk);
      continue;
    }
    if (!written.decision.state) {
      // Not registered: the events wait outside the product. Then look again, in case the registration was just written.
      await putWaiting(group.map((c) => ({ aggregateKey: pk, eventId: c.event.detail.eventId, receivedAt: c.receivedAt, envelope: c.envelope })));
      parked = true;
      current = await getProjection(pk);
      if (!current) return { decision: written.decision, ...nothing };
      continue;
    }
    const ownIds = group.map((c) => c.event.detail.eventId);
    if (!settles) return { decision: written.decision, ...nothing, removable: parked ? ownIds : [] };
    // Asked once the product exists, so nothing parked later can be missed: a later event sees the product and is not parked.
    const settled = await settleWaiting(pk, written.item, ownIds, now, directory);
    return {
      decision: { state: settled.item?.state, verdicts: [...settled.verdicts, ...written.decision.verdicts] },
      decided: settled.decided,
      unreadable: settled.unreadable,
      removable: [...settled.decided.map((w) => w.event.detail.eventId), ...settled.unreadable.map((u) => u.eventId), ...(parked ? ownIds : [])],
      more: settled.more,
    };
  }
}

async function settleRejections(rejections: readonly PendingRejection[], results: Map<string, MessageResult>): Promise<void> {
  const fail = (messageId: string | undefined, error: Error) => {
    if (messageId === undefined) return; // a waited event's rejection: kept unannounced, the sweep announces it
    const result = results.get(messageId)!;
    results.set(messageId, { messageId, error, ...(result.eventId && { eventId: result.eventId }), ...(result.source && { source: result.source }), ...(result.detailType && { detailType: result.detailType }) });
  };
  const toAnnounce: PendingRejection[] = [];
  await inParallel(rejections, AGGREGATES_IN_FLIGHT, async (pending) => {
    try {
      const stored = pending.kept ? pending.record : await keepRejection(pending.record);
      if (!stored.announced) toAnnounce.push({ ...pending, record: stored });
    } catch (error) {
      fail(pending.messageId, error as Error);
    }
  });
  if (toAnnounce.length === 0) return;
  let failed: Set<string>;
  try {
    failed = new Set((await announceRejections(toAnnounce.map((p) => p.record))).failed.map((f) => f.rejectionId));
  } catch (error) {
    for (const pending of toAnnounce) fail(pending.messageId, error as Error);
    return;
  }
  await inParallel(toAnnounce, AGGREGATES_IN_FLIGHT, async (pending) => {
    if (failed.has(pending.record.rejectionId)) return fail(pending.messageId, new Error(`EventRejected for ${pending.record.rejectionId} was not accepted by the bus`));
    await markAnnounced(pending.record.rejectionId).catch((error: Error) => fail(pending.messageId, error));
  });
}

function logRecordOf(candidate: Candidate): EventLogRecord {
  return {
    eventId: candidate.event.detail.eventId,
    aggregateKey: candidate.pk,
    detailType: candidate.event.detailType,
    source: candidate.event.source,
    contentHash: candidate.contentHash,
    receivedAt: candidate.receivedAt,
    envelope: candidate.envelope,
  };
}

function metaOf(candidate: Candidate): Partial<MessageResult> {
  const detail = candidate.event.detail as { productId?: string };
  return {
    eventId: candidate.event.detail.eventId,
    source: candidate.event.source,
    detailType: candidate.event.detailType,
    ...(detail.productId !== undefined && { productId: detail.productId }),
  };
}

function followUpMeta(pk: AggregateKey): Partial<MessageResult> {
  return { source: PROVINCE_SOURCE, detailType: SETTLE_WAITING_DETAIL_TYPE, productId: pk.slice('PRODUCT#'.length) };
}

function reusedEventId(candidate: Candidate, firstReceivedAt: string): RejectionRecord {
  const eventId = candidate.event.detail.eventId;
  const record = rejectionOf(
    candidate.envelope,
    [`detail.eventId: eventId ${eventId} reused with different content (the province first received it at ${firstReceivedAt}); an eventId names one fact: publish a new fact with a new eventId`],
    new Date(),
  );
  return { ...record, rejectionId: `${eventId}#reused-${candidate.contentHash.slice(0, 16)}` };
}

/** A rejection of an envelope: keyed by its eventId when it has a usable one, else by its EventBridge id. */
export function rejectionOf(envelope: EventBridgeEnvelope, reasons: string[], now: Date): RejectionRecord {
  const detail = (typeof envelope.detail === 'object' && envelope.detail !== null ? envelope.detail : {}) as Record<string, unknown>;
  const eventId = typeof detail.eventId === 'string' && detail.eventId.length >= 8 && detail.eventId.length <= 128 ? detail.eventId : undefined;
  // EventRejected.districtCode must be a well-formed code: the detail's, else the Source's, else none.
  const districtCode = [detail.districtCode, districtCodeOfSource(envelope.source)].find((code): code is string => adminUnitCode.safeParse(code).success);
  return newRejection(
    {
      rejectionId: eventId ?? `eb-${envelope.id || randomUUID()}`,
      ...(eventId !== undefined && { eventId }),
      source: envelope.source,
      detailType: envelope['detail-type'],
      ...(districtCode !== undefined && { districtCode }),
      reasons,
      original: envelope,
    },
    now,
  );
}

/** A message that is not an EventBridge event at all (nothing is dropped): kept as a rejection with what was wrong. */
function malformedRejection(body: unknown, reasons: string[], now: Date): RejectionRecord {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
  const envelope: EventBridgeEnvelope = {
    version: text(fields.version, '0'),
    id: text(fields.id, randomUUID()),
    'detail-type': text(fields['detail-type'], 'unknown'),
    source: text(fields.source, 'unknown'),
    account: text(fields.account, ''),
    time: text(fields.time, now.toISOString()),
    region: text(fields.region, ''),
    resources: [],
    detail: fields.detail,
  };
  return { ...rejectionOf(envelope, reasons, now), original: body };
}

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}
