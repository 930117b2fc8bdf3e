import { decideAggregate, type AggregateDecision, type AggregateKey, type UnitDirectory } from '../../domain';
import type { InboundEvent } from '../../events';
import { getProjection, projectionOf, putProjection, ProjectionConflictError, type Projection } from '../storage/projection-store';

/** Concurrent batches writing one aggregate retry with jittered backoff; past this, the messages fail and the queue redelivers them. */
const MAX_WRITE_ATTEMPTS = 20;

/** Decides events against an item and writes the result, re-reading on a version conflict (except when creating: the caller starts over). */
export async function decideAndPut(
  pk: AggregateKey,
  read: Projection | undefined,
  events: readonly InboundEvent[],
  now: Date,
  directory: UnitDirectory,
): Promise<{ decision: AggregateDecision; item: Projection | undefined } | 'conflict-on-create'> {
  let current = read;
  for (let attempt = 1; ; attempt++) {
    const decision = decideAggregate(pk, current?.state, events, directory);
    if (!decision.state || decision.state === current?.state) return { decision, item: current };
    const next = projectionOf(pk, decision.state, (current?.version ?? 0) + 1, new Date());
    try {
      await putProjection(next, current?.version);
      return { decision, item: next };
    } catch (error) {
      if (!(error instanceof ProjectionConflictError) || attempt >= MAX_WRITE_ATTEMPTS) throw error;
      if (!current) return 'conflict-on-create';
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(250, 5 * 2 ** attempt)));
      current = await getProjection(pk);
    }
  }
}

