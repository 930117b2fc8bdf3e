import type { InboundEvent } from '../../events';
import { aggregateKindOf, foldIpGrant, foldProduct, foldScienceTask, type AggregateKey } from '../../domain';
import type { Projection } from '../shared/projection-store';

type Of<T extends InboundEvent['detailType']> = Extract<InboundEvent, { detailType: T }>;
type ProductEvent = Exclude<InboundEvent, Of<'IntellectualPropertyGranted' | 'ScienceTaskApproved'>>;

/** The projection item of an aggregate from all its accepted events. */
export function buildProjection(pk: AggregateKey, events: InboundEvent[], version: number, now = new Date()): Projection {
  const kind = aggregateKindOf(pk);
  const base = { pk, kind, version, events, updatedAt: now.toISOString() };
  if (kind === 'ip') {
    return { ...base, state: foldIpGrant(events.filter((e): e is Of<'IntellectualPropertyGranted'> => e.detailType === 'IntellectualPropertyGranted'))! };
  }
  if (kind === 'task') {
    return { ...base, state: foldScienceTask(events.filter((e): e is Of<'ScienceTaskApproved'> => e.detailType === 'ScienceTaskApproved'))! };
  }
  const productId = pk.slice('PRODUCT#'.length);
  const state = foldProduct(productId, events as ProductEvent[]);
  const level = state.decisions.at(-1)?.level;
  return {
    ...base,
    state,
    productId,
    ...(state.registration && { districtCode: state.registration.districtCode, group: state.registration.group }),
    ...(level && { level }),
  };
}
