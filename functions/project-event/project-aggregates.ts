import type { AggregateKey, UnitDirectory } from '../../domain';
import { getProjections } from '../storage/projection-store';
import { IN_FLIGHT, inParallel } from './in-parallel';
import { merged, type Candidate, type Resolved } from './messages';
import { projectAggregate, type AggregateWork } from './project-aggregate';

/**
 * Step 3: the candidates by aggregate, one consistent read of all their
 * items (a failure fails the whole batch), then each aggregate decided,
 * persisted and settled on its own (project-aggregate.ts), a few at once.
 */
export async function projectAggregates(
  candidates: readonly Candidate[],
  followUps: ReadonlyMap<AggregateKey, readonly string[]>,
  now: Date,
  directory: UnitDirectory,
): Promise<Resolved> {
  const aggregates = aggregatesOf(candidates, followUps);
  const items = await getProjections(aggregates.map((a) => a.pk));
  return merged(...(await inParallel(aggregates, IN_FLIGHT, (work) => projectAggregate(work, items.get(work.pk), now, directory))));
}

/** Pure: the candidates grouped by aggregate, in the order first met (each group's events in the candidates' order), then the products only follow-ups ask for. */
export function aggregatesOf(candidates: readonly Candidate[], followUps: ReadonlyMap<AggregateKey, readonly string[]>): AggregateWork[] {
  const groups = new Map<AggregateKey, Candidate[]>();
  for (const candidate of candidates) groups.set(candidate.pk, [...(groups.get(candidate.pk) ?? []), candidate]);
  for (const pk of followUps.keys()) if (!groups.has(pk)) groups.set(pk, []);
  return [...groups].map(([pk, group]) => ({ pk, candidates: group, followUps: followUps.get(pk) ?? [] }));
}
