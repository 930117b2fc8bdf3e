import type { InboundEvent } from '../events';
import { aggregateKindOf, type AggregateKey } from './aggregates';
import { decideProduct, type ProductEvent, type ProductState, type ProductVerdict } from './product';
import type { UnitDirectory } from './units';
import { decideIpGrant, decideScienceTask, type IpGrant, type ScienceTask } from './province-facts';

export type AggregateState = ProductState | IpGrant | ScienceTask;

export interface AggregateDecision {
  state: AggregateState | undefined;
  verdicts: ProductVerdict[];
}

type Of<T extends InboundEvent['detailType']> = Extract<InboundEvent, { detailType: T }>;

/**
 * The decision for any aggregate: its current state and new events (in the order received) in, the next state and a verdict per event out.
 * `directory` (the deployment's units) lets a product's events come from the unit that took over its owner's territory (product.ts).
 */
export function decideAggregate(pk: AggregateKey, current: AggregateState | undefined, events: readonly InboundEvent[], directory?: UnitDirectory): AggregateDecision {
  switch (aggregateKindOf(pk)) {
    case 'ip':
      return decideIpGrant(current as IpGrant | undefined, events as Of<'IntellectualPropertyGranted'>[]);
    case 'task':
      return decideScienceTask(current as ScienceTask | undefined, events as Of<'ScienceTaskApproved'>[]);
    case 'product':
      return decideProduct(pk.slice('PRODUCT#'.length), current as ProductState | undefined, events as ProductEvent[], directory);
  }
}
