import { randomUUID } from 'node:crypto';
import { adminUnitCode, districtCodeOfSource, type EventBridgeEnvelope } from '../../events';
import { newRejection, type RejectionRecord } from '../storage/rejection-store';
import type { Candidate } from './messages';

/** A rejection of an envelope: keyed by its eventId when it has a usable one, else by its EventBridge id. */
export function rejectionOf(envelope: EventBridgeEnvelope, reasons: string[], now: Date): RejectionRecord {
  const detail = (typeof envelope.detail === 'object' && envelope.detail !== null ? envelope.detail : {}) as Record<string, unknown>;
  const eventId = typeof detail.eventId === 'string' && detail.eventId.length >= 8 && detail.eventId.length <= 128 ? detail.eventId : undefined;
  // EventRejected.districtCode must be a well-formed code: the detail's, else the Source's, else none.
  const districtCode = [detail.districtCode, districtCodeOfSource(envelope.source)].find((code): code is string => adminUnitCode().safeParse(code).success);
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
export function malformedRejection(body: unknown, reasons: string[], now: Date): RejectionRecord {
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

/**
 * An eventId already taken by other content (earlier in the batch, or in the log): the later one is kept as a
 * rejection of its own, keyed by its content, so the first fact stays and the reuse is told to its sender.
 */
export function reusedEventIdRejection(candidate: Candidate, firstReceivedAt: string, now: Date): RejectionRecord {
  const eventId = candidate.event.detail.eventId;
  const record = rejectionOf(
    candidate.envelope,
    [`detail.eventId: eventId ${eventId} reused with different content (the province first received it at ${firstReceivedAt}); an eventId names one fact: publish a new fact with a new eventId`],
    now,
  );
  return { ...record, rejectionId: `${eventId}#reused-${candidate.contentHash.slice(0, 16)}` };
}
