import { lambdaFunctions, type FunctionId } from './catalog';

/**
 * The SQS queues between the bus and the functions, defined once: the CDK app
 * builds each queue, its dead-letter queue (redrive policy), the Lambda event
 * source mapping and the alarms from an entry; `npm start`'s local bus applies
 * the same receive / visibility / dead-letter semantics from the same entry.
 *
 * Why a queue and not the bus invoking the function: EventBridge's target
 * retry policy only covers failures to *invoke*; once Lambda accepted an
 * asynchronous invocation, a throwing function gets Lambda's 2 retries and
 * then a dead letter nobody redrives. With SQS in between, a failed message
 * (or one reported in `batchItemFailures`) comes back after the visibility
 * timeout, up to `maxReceiveCount` receives, then moves to the dead-letter
 * queue, from where `npm run dlq:redrive` moves it back.
 */
export interface QueueDefinition {
  description: string;
  /** The function that consumes it (through an event source mapping with ReportBatchItemFailures). */
  consumer: FunctionId;
  /** Messages per invocation (SQS allows 1..10 without a batching window). */
  batchSize: number;
  /** 0: an invocation starts as soon as messages are there (freshness first). */
  maximumBatchingWindowSeconds: number;
  /** Batches processed at once (the event source mapping's MaximumConcurrency, 2..1000). */
  maximumConcurrency: number;
  /** How long a received message stays invisible: AWS advises at least 6 × the function timeout. */
  visibilityTimeoutSeconds: number;
  /** Receives before a message moves to the dead-letter queue (AWS advises at least 5 for Lambda consumers). */
  maxReceiveCount: number;
  /** How long the queue keeps a message (SQS allows 60 s .. 14 days). */
  retentionSeconds: number;
  /** How long the dead-letter queue keeps one: the maximum, 14 days, so an operator has time to redrive. */
  deadLetterRetentionSeconds: number;
  /** Alarm thresholds: messages waiting, and the age of the oldest one. */
  alarms: { visibleMessages: number; oldestMessageAgeSeconds: number };
}

export const queues = {
  'inbound-events': {
    description: 'Every inbound event, on its way from the bus to project-event',
    consumer: 'project-event',
    batchSize: 10,
    maximumBatchingWindowSeconds: 0,
    maximumConcurrency: 8,
    visibilityTimeoutSeconds: 6 * lambdaFunctions['project-event'].timeoutSeconds,
    maxReceiveCount: 5,
    retentionSeconds: 4 * 24 * 3600,
    deadLetterRetentionSeconds: 14 * 24 * 3600,
    alarms: { visibleMessages: 1000, oldestMessageAgeSeconds: 900 },
  },
} as const satisfies Record<string, QueueDefinition>;

export type QueueId = keyof typeof queues;
