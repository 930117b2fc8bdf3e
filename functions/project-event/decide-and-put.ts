import { decideAggregate, type AggregateDecision, type AggregateKey, type UnitDirectory } from '../../domain';
import type { InboundEvent } from '../../events';
import { getProjection, projectionOf, putProjection, ProjectionConflictError, type Projection } from '../storage/projection-store';
import { withRetry } from '../shared/retry';
import { PROJECTOR_RETRY } from './retry-policy';

/** A decision and the item it left: the one written, or the one read when nothing changed. */
export interface Written {
  decision: AggregateDecision;
  item: Projection | undefined;
}

/**
 * Decides events against an aggregate's item and writes the next state on
 * condition the item's version is still the one read (absent: the item
 * must not exist yet). A write lost to another batch is retried by the
 * projector's retry policy (retry-policy.ts): decide again against the item
 * that won, as the failed write returned it (a read only if it did not).
 * No write when the state did not change (nothing new, or not registered).
 */
export async function decideAndPut(pk: AggregateKey, read: Projection | undefined, events: readonly InboundEvent[], directory: UnitDirectory): Promise<Written> {
  /** The item that won the last lost write (DynamoDB returns it with the failure). */
  let winner: Projection | undefined;
  return withRetry(PROJECTOR_RETRY, async (attempt) => {
    const current = attempt === 1 ? read : (winner ?? (await getProjection(pk)));
    winner = undefined;
    const decision = decideAggregate(pk, current?.state, events, directory);
    if (!decision.state || decision.state === current?.state) return { decision, item: current };
    const next = projectionOf(pk, decision.state, (current?.version ?? 0) + 1, new Date());
    try {
      await putProjection(next, current?.version);
    } catch (error) {
      if (error instanceof ProjectionConflictError) winner = error.current;
      throw error;
    }
    return { decision, item: next };
  });
}
