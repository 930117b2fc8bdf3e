/** An EventBridge event pattern, as JSON (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html). */
export type EventPattern = { [field: string]: unknown };

/** Where a matching event goes: the work queue of a function (its trigger, functions/<name>/trigger.ts), or the bus's audit log. */
export type SubscriptionTarget = { kind: 'queue'; queueId: string } | { kind: 'audit-log' };

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

/** One rule on the bus: which events (its pattern) go to which target, with what retries. */
export interface Subscription {
  /** Rule name suffix, stable: renaming it replaces the deployed rule. */
  id: string;
  description: string;
  pattern: EventPattern;
  target: SubscriptionTarget;
  retryPolicy: RetryPolicy;
}

/**
 * Retries of a delivery *to the target* (EventBridge's target RetryPolicy), the same for every rule of the bus: for a
 * queue, failures to send the message; the consumer's own failures are the queue's business (its trigger: visibility
 * timeout, maxReceiveCount).
 */
export const BUS_TARGET_RETRY_POLICY: RetryPolicy = { maximumRetryAttempts: 8, maximumEventAgeSeconds: 3600 };

/**
 * The bus's own rule: every event is written to the audit log. The rules that
 * feed functions are declared beside each function (functions/<name>/trigger.ts)
 * and listed with this one in functions/triggers.ts, which the CDK app and the
 * local bus read.
 */
export const auditSubscription: Subscription = {
  id: 'audit-every-event',
  description: 'Catch-all: every event on the bus is written to the audit log, so nothing on the bus is invisible.',
  pattern: { source: [{ prefix: '' }] },
  target: { kind: 'audit-log' },
  retryPolicy: BUS_TARGET_RETRY_POLICY,
};
