import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { PROVINCE_SOURCE, type EventRejectedDetail } from '../../events';
import { eventBridge, eventBusName } from './clients';
import type { RejectionRecord } from './rejection-store';

export class PublishEventError extends Error {
  override name = 'PublishEventError';
}

/** Puts `EventRejected` (source ocop.province) on the bus, so the sender can subscribe to its own rejections. */
export async function announceRejection(rejection: RejectionRecord): Promise<void> {
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
  const result = await eventBridge().send(
    new PutEventsCommand({
      Entries: [{ EventBusName: eventBusName(), Source: PROVINCE_SOURCE, DetailType: 'EventRejected', Detail: JSON.stringify(detail) }],
    }),
  );
  if ((result.FailedEntryCount ?? 0) > 0) {
    const entry = result.Entries?.[0];
    throw new PublishEventError(`EventRejected for ${rejection.rejectionId} was not accepted by the bus: ${entry?.ErrorCode} ${entry?.ErrorMessage}`);
  }
}
