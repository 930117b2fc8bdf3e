import { OUTBOUND_DETAIL_TYPES } from './catalog';
import { OCOP_SOURCE_PREFIX } from './vocabulary';

/** An EventBridge event pattern, as JSON (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html). */
export type EventPattern = { [field: string]: unknown };

/** Where a matching event goes: a queue of functions/queues.ts (whose consumer is a function), or the bus's audit log. */
export type SubscriptionTarget = { kind: 'queue'; queueId: string } | { kind: 'function'; functionId: string } | { kind: 'audit-log' };

/**
 * How the bus retries delivery of one event to a target (EventBridge's target
 * RetryPolicy); an event still undelivered goes to the dead-letter queue.
 * Read by the CDK app and by the local bus of `npm start`.
 */
export interface RetryPolicy {
  /** Retries after the first attempt (AWS allows 0..185). */
  maximumRetryAttempts: number;
  /** No retry once the event is older than this, counted from its acceptance (AWS allows 60..86400). */
  maximumEventAgeSeconds: number;
}

export interface Subscription {
  /** Rule name suffix, stable: renaming it replaces the deployed rule. */
  id: string;
  description: string;
  pattern: EventPattern;
  target: SubscriptionTarget;
  retryPolicy: RetryPolicy;
}

/** Retries for the consumers of this system: a few minutes of retrying, then the dead letters, where an operator sees them. */
const DEFAULT_RETRY_POLICY: RetryPolicy = { maximumRetryAttempts: 8, maximumEventAgeSeconds: 3600 };

/**
 * Which consumer receives which events. The CDK app turns each entry into an
 * EventBridge rule; `npm start` routes PutEvents through the same patterns.
 */
export const subscriptions: readonly Subscription[] = [
  {
    id: 'project-inbound-events',
    description:
      'Every event from an ocop.* source except the ones this system announces itself. ' +
      'Unknown detail types are matched on purpose, so a typo becomes a visible rejection instead of vanishing.',
    pattern: {
      source: [{ prefix: OCOP_SOURCE_PREFIX }],
      'detail-type': [{ 'anything-but': [...OUTBOUND_DETAIL_TYPES] }],
    },
    target: { kind: 'queue', queueId: 'inbound-events' },
    retryPolicy: DEFAULT_RETRY_POLICY,
  },
  {
    id: 'audit-every-event',
    description: 'Catch-all: every event on the bus is written to the audit log, so nothing on the bus is invisible.',
    pattern: { source: [{ prefix: '' }] },
    target: { kind: 'audit-log' },
    retryPolicy: DEFAULT_RETRY_POLICY,
  },
];
