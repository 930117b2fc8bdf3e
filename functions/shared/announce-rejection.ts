import { PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { PROVINCE_SOURCE, type EventRejectedDetail } from '../../events';
import { eventBridge, eventBusName } from './clients';
import type { RejectionRecord } from '../storage/rejection-store';

export class PublishEventError extends Error {
  override name = 'PublishEventError';
}

/** What an announcement needs of a rejection (the `unannounced` index carries exactly this, not the original event). */
export type AnnounceableRejection = Pick<RejectionRecord, 'rejectionId' | 'eventId' | 'source' | 'detailType' | 'districtCode' | 'reasons' | 'rejectedAt'>;

/** PutEvents takes at most 10 entries per call. */
const PUT_EVENTS_MAX_ENTRIES = 10;

function entryOf(rejection: AnnounceableRejection): PutEventsRequestEntry {
  const detail: EventRejectedDetail = {
    eventId: `rejected-${rejection.rejectionId}`,
    schemaVersion: 1,
    occurredAt: rejection.rejectedAt,
    ...(rejection.districtCode !== undefined && { districtCode: rejection.districtCode }),
    ...(rejection.eventId !== undefined && { rejectedEventId: rejection.eventId }),
    rejectedSource: rejection.source,
    rejectedDetailType: rejection.detailType,
    reasons: rejection.reasons,
  };
  return { EventBusName: eventBusName(), Source: PROVINCE_SOURCE, DetailType: 'EventRejected', Detail: JSON.stringify(detail) };
}

/** Puts `EventRejected` (source ocop.province) on the bus, so the sender can subscribe to its own rejections. */
export async function announceRejection(rejection: AnnounceableRejection): Promise<void> {
  const result = await eventBridge().send(new PutEventsCommand({ Entries: [entryOf(rejection)] }));
  if ((result.FailedEntryCount ?? 0) > 0) {
    const entry = result.Entries?.[0];
    throw new PublishEventError(`EventRejected for ${rejection.rejectionId} was not accepted by the bus: ${entry?.ErrorCode} ${entry?.ErrorMessage}`);
  }
}

export interface AnnouncementOutcome {
  announced: string[];
  /** Entries the bus refused (FailedEntryCount > 0), with its error code and message. */
  failed: Array<{ rejectionId: string; errorCode?: string; errorMessage?: string }>;
}

/**
 * Announces several rejections, 10 entries per PutEvents call, and tells
 * which ones the bus accepted: a call can succeed with some entries failed
 * (FailedEntryCount), whose results carry an ErrorCode in the same position.
 */
export async function announceRejections(rejections: readonly AnnounceableRejection[]): Promise<AnnouncementOutcome> {
  const outcome: AnnouncementOutcome = { announced: [], failed: [] };
  for (let start = 0; start < rejections.length; start += PUT_EVENTS_MAX_ENTRIES) {
    const chunk = rejections.slice(start, start + PUT_EVENTS_MAX_ENTRIES);
    const result = await eventBridge().send(new PutEventsCommand({ Entries: chunk.map(entryOf) }));
    chunk.forEach((rejection, index) => {
      const entry = result.Entries?.[index];
      const failed = (result.FailedEntryCount ?? 0) > 0 && (entry === undefined || entry.ErrorCode !== undefined || entry.EventId === undefined);
      if (failed) outcome.failed.push({ rejectionId: rejection.rejectionId, ...(entry?.ErrorCode && { errorCode: entry.ErrorCode }), ...(entry?.ErrorMessage && { errorMessage: entry.ErrorMessage }) });
      else outcome.announced.push(rejection.rejectionId);
    });
  }
  return outcome;
}
