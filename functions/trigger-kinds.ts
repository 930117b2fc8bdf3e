import type { EventPattern, RetryPolicy } from '../events/subscriptions';
import type { RouteDefinition } from './http-api/route-table';
import type { TableId } from './storage/tables';

/**
 * What can invoke a function: the vocabulary of each function's
 * `functions/<name>/trigger.ts`. A trigger is data: the CDK app
 * (infra/constructs/) builds the rule, queue, event source mapping, schedule
 * or route from it, and `npm start` (local/) runs the same trigger in-process.
 */
export type Trigger = QueueTrigger | StreamTrigger | ScheduleTrigger | HttpTrigger;

/**
 * Events from the bus, through an SQS work queue. A bus rule sends the events
 * its pattern matches to the queue; an event source mapping hands the queue's
 * messages to the function in batches.
 *
 * Why a queue and not the bus invoking the function: EventBridge's target
 * retry policy only covers failures to *invoke*; once Lambda accepted an
 * asynchronous invocation, a throwing function gets Lambda's 2 retries and
 * then a dead letter nobody redrives. With SQS in between, a failed message
 * (or one reported in `batchItemFailures`) comes back after the visibility
 * timeout, up to `maxReceiveCount` receives, then moves to the dead-letter
 * queue, from where `npm run dlq:redrive` moves it back.
 */
export interface QueueTrigger {
  kind: 'queue';
  /** The bus rule that feeds the queue; its retry policy covers sending to the queue, then its own dead-letter queue. */
  rule: BusRule;
  queue: QueueSettings;
}

export interface BusRule {
  /** Rule name suffix, stable: renaming it replaces the deployed rule. */
  id: string;
  description: string;
  pattern: EventPattern;
  retryPolicy: RetryPolicy;
}

export interface QueueSettings {
  /** The queue's id: `<prefix>-<id>` is its name in a stage (infra/stacks/naming.ts), `<prefix>-<id>-dlq` its dead letters'. */
  id: string;
  description: string;
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

/**
 * Changes of a table, from its DynamoDB stream (functions/storage/tables.ts says
 * which tables have one), through an event source mapping. A batch that still
 * fails after its retries goes to a dead-letter queue of its own.
 */
export interface StreamTrigger {
  kind: 'stream';
  table: TableId;
  /** Records per invocation (1..10,000). */
  batchSize: number;
  maxBatchingWindowSeconds: number;
  /** Where a new mapping starts reading (TRIM_HORIZON: the oldest record the stream keeps). */
  startingPosition: 'TRIM_HORIZON' | 'LATEST';
  /** Splits a failing batch in two and retries each half, so one bad record does not hold the others. */
  bisectBatchOnError: boolean;
  /** Retries of a failing batch, then it goes to the dead-letter queue. */
  retryAttempts: number;
  /** Records older than this are not retried but sent to the dead-letter queue. */
  maximumRecordAgeSeconds: number;
}

/**
 * A schedule of EventBridge Scheduler. Expressions use EventBridge's six-field
 * cron syntax: minutes hours day-of-month month day-of-week year. A stage may
 * override the expression or disable the schedule (infra/config/stage-config.ts).
 */
export interface ScheduleTrigger {
  kind: 'schedule';
  id: string;
  description: string;
  /** e.g. `cron(0 7 ? * MON *)` */
  expression: string;
  timeZone: string;
  /** The event the function receives. */
  input: { source: 'ocop.schedule'; schedule: string };
  /** Scheduler's retries of a failed invocation, then the schedule's dead-letter queue. */
  retryPolicy: RetryPolicy;
}

/**
 * Requests to the HTTP API: one API Gateway route per entry (the JWT authorizer
 * where `auth`), and a catch-all route behind the authorizer so the function
 * answers unknown paths with the contract's 404.
 */
export interface HttpTrigger {
  kind: 'http';
  routes: readonly RouteDefinition[];
}

/** How EventBridge Scheduler retries a failed invocation, the same for every schedule. */
export const SCHEDULE_RETRY_POLICY: RetryPolicy = { maximumRetryAttempts: 3, maximumEventAgeSeconds: 3600 };
