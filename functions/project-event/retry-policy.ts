import { ProjectionConflictError } from '../storage/projection-store';
import type { RetryPolicy } from '../shared/retry';

/**
 * The projector's one retry policy, used by every retry in it: an
 * aggregate's conditional write lost to another batch writing the same
 * aggregate (or creating it first), so it decides again against the item
 * that won (decide-and-put.ts): at once when the failed write returned that
 * item, after a jittered backoff and a read when it did not. Any other error is not retried here: the
 * messages of that aggregate fail and the queue delivers them again (its
 * `maxReceiveCount`, ./trigger.ts, then the dead letters).
 *
 * Not the same fact as the bus's retry policy (events/subscriptions.ts: the
 * delivery of an event to the queue) nor as the retry of unprocessed batch
 * items (functions/storage/batch-requests.ts: throttling).
 */
export const PROJECTOR_RETRY: RetryPolicy = {
  attempts: 20,
  // A lost write that brought the winning item back decides again at once: that item is current now, and a wait
  // would make it stale (a steady writer of the same aggregate then wins every round). Without it, the next attempt
  // reads the item after a jittered backoff.
  delayMs: (attempt, error) => (error instanceof ProjectionConflictError && error.current ? 0 : Math.random() * Math.min(250, 5 * 2 ** attempt)),
  retries: (error) => error instanceof ProjectionConflictError,
};
