import { PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { PROVINCE_SOURCE, type EventRejectedDetail } from '../../events';
import { eventBridge, eventBusName } from './clients';
import type { RejectionRecord } from './rejection-store';

export class PublishEventError extends Error {
  override name = 'PublishEventError';
}

/** PutEvents takes at most 10 entries per call. */
const PUT_EVENTS_MAX_ENTRIES = 10;

function entryOf(rejection: RejectionRecord): PutEventsRequestEntry {
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

/**
 * Puts `EventRejected` (source ocop.province) on the bus for each rejection,
 * 10 per call, so each sender can subscribe to its own. Checks every entry
 * (FailedEntryCount): returns the rejections the bus did not take, to be
 * announced again (at least once: subscribers deduplicate on detail.eventId).
 */
export async function announceRejections(rejections: readonly RejectionRecord[]): Promise<{ failed: { rejection: RejectionRecord; error: string }[] }> {
  const failed: { rejection: RejectionRecord; error: string }[] = [];
  for (let i = 0; i < rejections.length; i += PUT_EVENTS_MAX_ENTRIES) {
    const chunk = rejections.slice(i, i + PUT_EVENTS_MAX_ENTRIES);
    const result = await eventBridge().send(new PutEventsCommand({ Entries: chunk.map(entryOf) }));
    if ((result.FailedEntryCount ?? 0) === 0) continue;
    chunk.forEach((rejection, index) => {
      const entry = result.Entries?.[index];
      if (!entry || entry.ErrorCode) failed.push({ rejection, error: `${entry?.ErrorCode ?? 'NoEntry'} ${entry?.ErrorMessage ?? ''}`.trim() });
    });
  }
  return { failed };
}

/** One rejection; throws PublishEventError when the bus did not take it. */
export async function announceRejection(rejection: RejectionRecord): Promise<void> {
  const { failed } = await announceRejections([rejection]);
  if (failed.length > 0) throw new PublishEventError(`EventRejected for ${rejection.rejectionId} was not accepted by the bus: ${failed[0]!.error}`);
}
