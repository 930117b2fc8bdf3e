import type { InboundEvent } from '../events';
import { isIpEvent, isProductEvent, isTaskEvent, parseAggregateKey, type AggregateKey, type AggregateKind, type IpEvent, type ProductEvent, type TaskEvent } from './aggregates';
import { decideInOrder, type Decider, type Verdict } from './decider';
import { productDecider, type ProductState } from './product';
import { ipGrantDecider, scienceTaskDecider, type IpGrant, type ScienceTask } from './province-facts';
import type { UnitDirectory } from './units';

/** What each kind of aggregate decides on (its events) and what it keeps (its state). */
interface AggregateTypes {
  product: { event: ProductEvent; state: ProductState };
  ip: { event: IpEvent; state: IpGrant };
  task: { event: TaskEvent; state: ScienceTask };
}

export type AggregateState = AggregateTypes[AggregateKind]['state'];

/** Which aggregate a stored state is: each kind has a field the others lack. */
export const isProductState = (state: AggregateState): state is ProductState => 'registration' in state;
export const isIpGrant = (state: AggregateState): state is IpGrant => 'ipId' in state;
export const isScienceTask = (state: AggregateState): state is ScienceTask => 'taskId' in state;

/** One kind of aggregate: its decider, and how to tell its events and its stored states. */
interface Aggregate<K extends AggregateKind> {
  /** The decider of the aggregate named `id`; `directory` (the deployment's units) lets a product's events come from the unit that took over its owner's territory. */
  deciderFor: (id: string, directory: UnitDirectory | undefined) => Decider<AggregateTypes[K]['event'], AggregateTypes[K]['event'], AggregateTypes[K]['state'] | undefined>;
  isEvent: (event: InboundEvent) => event is AggregateTypes[K]['event'];
  isState: (state: AggregateState) => state is AggregateTypes[K]['state'];
}

/** The aggregates by kind (the kind is read from the aggregate's key, aggregates.ts). */
const AGGREGATES: { [K in AggregateKind]: Aggregate<K> } = {
  product: { deciderFor: (productId, directory) => productDecider(productId, directory), isEvent: isProductEvent, isState: isProductState },
  ip: { deciderFor: () => ipGrantDecider, isEvent: isIpEvent, isState: isIpGrant },
  task: { deciderFor: () => scienceTaskDecider, isEvent: isTaskEvent, isState: isScienceTask },
};

export interface AggregateDecision {
  state: AggregateState | undefined;
  verdicts: Verdict[];
}

/** An event or a state given under the key of another aggregate: a bug of the caller (events are grouped by aggregateKeyOf), not bad input. */
export class AggregateMismatchError extends Error {
  override name = 'AggregateMismatchError';
}

/**
 * The decision for any aggregate: its current state and new events (in the order received) in, the next state and a verdict per event out.
 * `directory` (the deployment's units) lets a product's events come from the unit that took over its owner's territory (product/ownership.ts).
 */
export function decideAggregate(pk: AggregateKey, current: AggregateState | undefined, events: readonly InboundEvent[], directory?: UnitDirectory): AggregateDecision {
  const { kind, id } = parseAggregateKey(pk);
  return decideKind(kind, id, pk, current, events, directory);
}

function decideKind<K extends AggregateKind>(
  kind: K,
  id: string,
  pk: AggregateKey,
  current: AggregateState | undefined,
  events: readonly InboundEvent[],
  directory: UnitDirectory | undefined,
): AggregateDecision {
  const aggregate: Aggregate<K> = AGGREGATES[kind];
  const decider = aggregate.deciderFor(id, directory);
  const state = current === undefined ? decider.initialState() : aggregate.isState(current) ? current : mismatch(`the state given for ${pk} is not of its kind (${kind})`);
  const commands = events.map((event) => (aggregate.isEvent(event) ? event : mismatch(`event ${event.detail.eventId} (${event.detailType}) is not an event of ${pk}`)));
  const { state: next, verdicts } = decideInOrder(decider, state, commands);
  return { state: next, verdicts };
}

function mismatch(message: string): never {
  throw new AggregateMismatchError(message);
}
