import { randomUUID } from 'node:crypto';
import { adminUnitCode, districtCodeOfSource, parseInboundEvent, type EventBridgeEnvelope, type InboundEvent } from '../../events';
import { aggregateKeyOf, checkEventRules, type AggregateKey, type ProductState, type Province } from '../../domain';
import { appendToEventLog, loggedEnvelope } from '../shared/event-log-store';
import { getProjection, putProjection, ProjectionConflictError, type Projection } from '../shared/projection-store';
import { keepRejection, markAnnounced, newRejection, type RejectionRecord } from '../shared/rejection-store';
import { announceRejection } from '../shared/announce-rejection';
import { buildProjection } from './build-projection';

export type Outcome = 'accepted' | 'duplicate' | 'rejected';

export interface ProjectEventResult {
  outcome: Outcome;
  rejectionId?: string;
  reasons?: string[];
  /** Rejections of other events this event settled (e.g. another district's events once the registration arrived). */
  settledRejections: number;
}

/** Concurrent writers of one aggregate retry with jittered exponential backoff; past this, EventBridge's own retry takes over. */
const MAX_WRITE_ATTEMPTS = 30;

/**
 * Takes one EventBridge event to its projection:
 * validate → check rules → append to the event log (once per eventId) →
 * re-fold the aggregate and write it with a version check → keep and
 * announce every rejection. Permanent problems (bad events) never throw;
 * transient ones (DynamoDB, the bus) throw so EventBridge retries, and every
 * step is idempotent so a retry neither loses nor double-counts.
 */
export async function projectEvent(envelope: EventBridgeEnvelope, province: Province): Promise<ProjectEventResult> {
  const parsed = parseInboundEvent(envelope);
  const reasons = parsed.ok ? checkEventRules(parsed.event, province) : parsed.reasons;
  if (!parsed.ok || reasons.length > 0) {
    const rejection = await keepAndAnnounce(rejectionOfEnvelope(envelope, reasons));
    return { outcome: 'rejected', rejectionId: rejection.rejectionId, reasons: rejection.reasons, settledRejections: 0 };
  }

  const event = parsed.event;
  const aggregateKey = aggregateKeyOf(event);
  await appendToEventLog({
    eventId: event.detail.eventId,
    aggregateKey,
    detailType: event.detailType,
    source: event.source,
    event,
    busEventId: envelope.id,
    busTime: envelope.time,
    receivedAt: new Date().toISOString(),
    envelope,
  });
  const { projection, alreadyProjected, rejectedBefore } = await foldIntoProjection(aggregateKey, event);
  const settled = await settleFoldRejections(projection, rejectedBefore);
  const own = settled.find((r) => r.eventId === event.detail.eventId);
  if (own) return { outcome: 'rejected', rejectionId: own.rejectionId, reasons: own.reasons, settledRejections: settled.length };
  return { outcome: alreadyProjected ? 'duplicate' : 'accepted', settledRejections: settled.length };
}

/**
 * Folds the event into its aggregate's projection, once. `alreadyProjected`
 * says the projection held it before this delivery: a duplicate. (Being in
 * the event log is not enough: a delivery that appended it and then failed
 * to write the projection is retried, and the retry is what projects it.)
 * `rejectedBefore` lists the fold rejections of the version this write
 * replaced; it is absent when this delivery did not write the projection.
 */
async function foldIntoProjection(
  pk: AggregateKey,
  event: InboundEvent,
): Promise<{ projection: Projection; alreadyProjected: boolean; rejectedBefore?: ReadonlySet<string> }> {
  for (let attempt = 1; ; attempt += 1) {
    const current = await getProjection(pk);
    if (current?.events.some((e) => e.detail.eventId === event.detail.eventId)) return { projection: current, alreadyProjected: attempt === 1 };
    const next = buildProjection(pk, [...(current?.events ?? []), event], (current?.version ?? 0) + 1);
    try {
      await putProjection(next, current?.version);
      return { projection: next, alreadyProjected: false, rejectedBefore: new Set(rejectionIdsOf(current)) };
    } catch (error) {
      if (!(error instanceof ProjectionConflictError) || attempt >= MAX_WRITE_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(250, 5 * 2 ** attempt)));
    }
  }
}

function rejectionIdsOf(projection: Projection | undefined): string[] {
  return projection?.kind === 'product' ? (projection.state as ProductState).rejections.map((r) => r.eventId) : [];
}

/**
 * Keeps (once) and announces (until announced) each rejection the fold decided.
 * When this delivery wrote the projection, only the rejections its write added
 * are settled (earlier ones were settled by the deliveries that added them, or
 * will be by their retries); otherwise, as on a retry, every one is checked.
 */
async function settleFoldRejections(projection: Projection, rejectedBefore: ReadonlySet<string> | undefined): Promise<RejectionRecord[]> {
  if (projection.kind !== 'product') return [];
  const rejections = (projection.state as ProductState).rejections.filter((r) => !rejectedBefore?.has(r.eventId));
  const settled: RejectionRecord[] = [];
  for (const rejected of rejections) {
    const original = projection.events.find((e) => e.detail.eventId === rejected.eventId);
    const envelope = await loggedEnvelope(rejected.eventId);
    settled.push(
      await keepAndAnnounce(
        newRejection({
          rejectionId: rejected.eventId,
          eventId: rejected.eventId,
          source: rejected.source,
          detailType: rejected.detailType,
          ...(original?.detail.districtCode !== undefined && { districtCode: original.detail.districtCode }),
          reasons: rejected.reasons,
          original: envelope ?? (original && { source: original.source, 'detail-type': original.detailType, detail: original.detail }),
        }),
      ),
    );
  }
  return settled;
}

async function keepAndAnnounce(candidate: RejectionRecord): Promise<RejectionRecord> {
  const stored = await keepRejection(candidate);
  if (!stored.announced) {
    await announceRejection(stored);
    await markAnnounced(stored.rejectionId);
  }
  return stored;
}

/**
 * An invocation that is not an EventBridge event at all (it cannot come from
 * the bus, but nothing is dropped): kept as a rejection with what was wrong.
 */
export async function rejectMalformedInvocation(input: unknown, reasons: string[]): Promise<ProjectEventResult> {
  const fields = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
  const envelope: EventBridgeEnvelope = {
    version: text(fields.version, '0'),
    id: text(fields.id, randomUUID()),
    'detail-type': text(fields['detail-type'], 'unknown'),
    source: text(fields.source, 'unknown'),
    account: text(fields.account, ''),
    time: text(fields.time, new Date().toISOString()),
    region: text(fields.region, ''),
    resources: [],
    detail: fields.detail,
  };
  const rejection = await keepAndAnnounce({ ...rejectionOfEnvelope(envelope, reasons), original: input });
  return { outcome: 'rejected', rejectionId: rejection.rejectionId, reasons: rejection.reasons, settledRejections: 0 };
}

function rejectionOfEnvelope(envelope: EventBridgeEnvelope, reasons: string[]): RejectionRecord {
  const detail = (typeof envelope.detail === 'object' && envelope.detail !== null ? envelope.detail : {}) as Record<string, unknown>;
  const eventId = typeof detail.eventId === 'string' && detail.eventId.length >= 8 && detail.eventId.length <= 128 ? detail.eventId : undefined;
  // EventRejected.districtCode must be a well-formed code: the detail's, else the Source's, else none.
  const districtCode = [detail.districtCode, districtCodeOfSource(envelope.source)].find((code): code is string => adminUnitCode.safeParse(code).success);
  return newRejection({
    rejectionId: eventId ?? `eb-${envelope.id || randomUUID()}`,
    ...(eventId !== undefined && { eventId }),
    source: envelope.source,
    detailType: envelope['detail-type'],
    ...(districtCode !== undefined && { districtCode }),
    reasons,
    original: envelope,
  });
}
