import { randomUUID } from 'node:crypto';
import {
  adminUnitCode,
  districtCodeOfSource,
  eventBridgeEnvelope,
  describeIssues,
  parseInboundEvent,
  type EventBridgeEnvelope,
  type InboundEvent,
} from '../../events';
import { aggregateKeyOf, checkEventRules, decideAggregate, type AggregateDecision, type AggregateKey, type UnitDirectory } from '../../domain';
import { appendToEventLog, contentHashOf, findLogged, type EventLogRecord, type LoggedEvent } from '../shared/event-log-store';
import { getProjection, getProjections, projectionOf, putProjection, ProjectionConflictError, type Projection } from '../shared/projection-store';
import { putWaiting, removeWaiting, waitingFor } from '../shared/waiting-store';
import { keepRejection, markAnnounced, newRejection, type RejectionRecord } from '../shared/rejection-store';
import { announceRejections } from '../shared/announce-rejection';
import { unitDirectoryOfDeployment } from '../shared/unit-directory';

/** One message of a batch: an SQS message whose body should be an EventBridge envelope. */
export interface InboundMessage {
  messageId: string;
  /** The message body, JSON-parsed when it could be. */
  body: unknown;
  /** When the queue received it (SQS SentTimestamp): the order the province received events in. */
  sentAt?: string;
}

export type Outcome = 'accepted' | 'duplicate' | 'waiting' | 'rejected';

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

/** Concurrent batches writing one aggregate retry with jittered backoff; past this, the messages fail and the queue redelivers them. */
const MAX_WRITE_ATTEMPTS = 20;
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
  for (const message of messages) {
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

  // 3. Per aggregate: one read, the decision, one write.
  const groups = new Map<AggregateKey, Candidate[]>();
  for (const candidate of candidates) groups.set(candidate.pk, [...(groups.get(candidate.pk) ?? []), candidate]);
  const current = await getProjections([...groups.keys()]);
  await inParallel([...groups], AGGREGATES_IN_FLIGHT, async ([pk, group]) => {
    try {
      const { decision, decided, removable } = await decideAndWrite(pk, group, current.get(pk), now, directory);
      const verdictOf = new Map(decision.verdicts.map((v) => [v.eventId, v]));
      for (const candidate of group) {
        const verdict = verdictOf.get(candidate.event.detail.eventId)!;
        const meta = metaOf(candidate);
        if (verdict.verdict === 'rejected') reject(candidate.messageId, rejectionOf(candidate.envelope, verdict.reasons, now), meta);
        else results.set(candidate.messageId, { messageId: candidate.messageId, outcome: verdict.verdict === 'accepted' && candidate.redelivered ? 'duplicate' : verdict.verdict, ...meta });
      }
      // Events that waited for the registration, decided now: their rejections are kept before they leave the waiting table.
      const waitedRejections: RejectionRecord[] = [];
      for (const waited of decided) {
        const verdict = verdictOf.get(waited.event.detail.eventId);
        if (verdict?.verdict === 'rejected') waitedRejections.push(rejectionOf(waited.envelope, verdict.reasons, now));
      }
      const kept = await Promise.all(waitedRejections.map(keepRejection));
      await removeWaiting(pk, removable);
      rejections.push(...kept.map((record) => ({ record, kept: true })));
    } catch (error) {
      for (const candidate of group) results.set(candidate.messageId, { messageId: candidate.messageId, error: error as Error, ...metaOf(candidate) });
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
 * batch that brings a registration reads that table once, after its write,
 * and decides what waited in a second write (only products with waiting
 * events pay it): parked before, or while the registration was being
 * written. It reads it even when the product existed: a registration
 * delivered again after a failure between the product's write and the
 * waiting events' rejections (or their removal) settles them then, instead
 * of leaving them waiting for good.
 */
async function decideAndWrite(
  pk: AggregateKey,
  group: readonly Candidate[],
  read: Projection | undefined,
  now: Date,
  directory: UnitDirectory,
): Promise<{ decision: AggregateDecision; decided: Waited[]; removable: string[] }> {
  const registers = pk.startsWith('PRODUCT#') && group.some((c) => c.event.detailType === 'ProductRegistered');
  let current = read;
  let parked = false;
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
      if (!current) return { decision: written.decision, decided: [], removable: [] };
      continue;
    }
    const verdicts = [...written.decision.verdicts];
    const decided: Waited[] = [];
    let item = written.item;
    if (registers) {
      // The events that waited for the registration (parked before, or while it was being written) are decided now.
      // Asked once the product exists, so nothing parked later can be missed: a later event sees the product and is not parked.
      for (;;) {
        const known = [...decided.map((w) => w.event.detail.eventId), ...group.map((c) => c.event.detail.eventId)];
        const late = await waitingEventsOf(pk, known);
        if (late.length === 0) break;
        const more = await decideAndPut(pk, item, late.map((w) => w.event), now, directory);
        if (more === 'conflict-on-create') throw new ProjectionConflictError(`${pk} was created twice`);
        verdicts.unshift(...more.decision.verdicts);
        decided.push(...late);
        item = more.item;
      }
    }
    const removable = [...decided.map((w) => w.event.detail.eventId), ...(parked ? group.map((c) => c.event.detail.eventId) : [])];
    return { decision: { state: item?.state, verdicts }, decided, removable };
  }
}

interface Waited {
  event: InboundEvent;
  envelope: EventBridgeEnvelope;
}

/** Decides events against an item and writes the result, re-reading on a version conflict (except when creating: the caller starts over). */
async function decideAndPut(
  pk: AggregateKey,
  read: Projection | undefined,
  events: readonly InboundEvent[],
  now: Date,
  directory: UnitDirectory,
): Promise<{ decision: AggregateDecision; item: Projection | undefined } | 'conflict-on-create'> {
  let current = read;
  for (let attempt = 1; ; attempt++) {
    const decision = decideAggregate(pk, current?.state, events, directory);
    if (!decision.state || decision.state === current?.state) return { decision, item: current };
    const next = projectionOf(pk, decision.state, (current?.version ?? 0) + 1, new Date());
    try {
      await putProjection(next, current?.version);
      return { decision, item: next };
    } catch (error) {
      if (!(error instanceof ProjectionConflictError) || attempt >= MAX_WRITE_ATTEMPTS) throw error;
      if (!current) return 'conflict-on-create';
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(250, 5 * 2 ** attempt)));
      current = await getProjection(pk);
    }
  }
}

async function waitingEventsOf(pk: AggregateKey, known: readonly string[]): Promise<Waited[]> {
  const inBatch = new Set(known);
  const waited: Waited[] = [];
  for (const item of await waitingFor(pk)) {
    if (inBatch.has(item.eventId)) continue;
    const parsed = parseInboundEvent(item.envelope);
    if (parsed.ok) waited.push({ event: parsed.event, envelope: item.envelope });
  }
  return waited;
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
