import { OUTBOUND_DETAIL_TYPES } from '../../events/catalog';
import { BUS_TARGET_RETRY_POLICY } from '../../events/subscriptions';
import { OCOP_SOURCE_PREFIX } from '../../events/vocabulary';
import { lambdaFunctions } from '../catalog';
import type { QueueSettings, QueueTrigger } from '../trigger-kinds';

/** The queue between the bus and project-event (the sweep of announce-rejections also reads its timing). */
export const inboundEventsQueue = {
  id: 'inbound-events',
  description: 'Every inbound event, on its way from the bus to project-event',
  batchSize: 10,
  maximumBatchingWindowSeconds: 0,
  maximumConcurrency: 8,
  visibilityTimeoutSeconds: 6 * lambdaFunctions['project-event'].timeoutSeconds,
  maxReceiveCount: 5,
  retentionSeconds: 4 * 24 * 3600,
  deadLetterRetentionSeconds: 14 * 24 * 3600,
  alarms: { visibleMessages: 1000, oldestMessageAgeSeconds: 900 },
} as const satisfies QueueSettings;

/**
 * What invokes project-event: every inbound event on the bus, through the
 * `inbound-events` queue, in batches of up to 10. A message that fails (thrown,
 * or reported in `batchItemFailures`) comes back after the visibility timeout,
 * up to 5 receives, then moves to the queue's dead-letter queue.
 */
export const projectEventTriggers = [
  {
    kind: 'queue',
    rule: {
      id: 'project-inbound-events',
      description:
        'Every event from an ocop.* source except the ones this system announces itself. ' +
        'Unknown detail types are matched on purpose, so a typo becomes a visible rejection instead of vanishing.',
      pattern: {
        source: [{ prefix: OCOP_SOURCE_PREFIX }],
        'detail-type': [{ 'anything-but': [...OUTBOUND_DETAIL_TYPES] }],
      },
      retryPolicy: BUS_TARGET_RETRY_POLICY,
    },
    queue: inboundEventsQueue,
  },
] as const satisfies readonly QueueTrigger[];
