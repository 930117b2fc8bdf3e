import type { ProductEvent } from '../aggregates';
import { decideInOrder, type Decider, type Verdict } from '../decider';
import { jsonSizer } from '../json-size';
import { unitDirectory, type UnitDirectory } from '../units';
import { evolveProduct, newProduct } from './evolve';
import { ownershipReasons } from './ownership';
import { MAX_PRODUCT_STATE_BYTES, type ProductState } from './state';

/** A product's state while its registration has not arrived: none. */
export type MaybeProduct = ProductState | undefined;

/** Without units: no unit has successors, so a product is owned by its unit alone. */
const NO_UNITS = unitDirectory([]);

/**
 * The decider of one product (`productId`), its owners' successors read from `directory`:
 * - `decide`: before the registration, a registration is accepted and every other event waits for it;
 *   after, an event is accepted when its unit may publish for the product (ownership.ts), else rejected;
 * - `evolve`: the registration starts the product, each later event changes its part (evolve.ts);
 * - `invariant`: the state stays under MAX_PRODUCT_STATE_BYTES, so an event that would grow it past the
 *   bound is rejected (kept, with the reason) and the product is never jammed.
 *
 * Accepted events of one owner commute and are idempotent, so the state does not depend on their arrival
 * order, and a redelivery changes nothing.
 */
export function productDecider(productId: string, directory: UnitDirectory = NO_UNITS): Decider<ProductEvent, ProductEvent, MaybeProduct> {
  // Measures each next state from the parts measured before (json-size.ts): a stored state once, then what each event changed.
  const sizer = jsonSizer();
  return {
    initialState: () => undefined,
    decide: (event, state) => {
      if (!state) return event.detailType === 'ProductRegistered' ? { verdict: 'accepted', events: [event] } : { verdict: 'waiting' };
      const reasons = ownershipReasons(state, event, directory);
      return reasons.length > 0 ? { verdict: 'rejected', reasons } : { verdict: 'accepted', events: [event] };
    },
    evolve: (state, event) => {
      if (state) return evolveProduct(state, event);
      // Only a registration starts a product: `decide` accepts nothing else before it.
      return event.detailType === 'ProductRegistered' ? newProduct(productId, event) : state;
    },
    invariant: (next) =>
      next !== undefined && sizer.bytes(next) > MAX_PRODUCT_STATE_BYTES
        ? [`productId ${productId}: the product's history has reached its size limit; the event is kept here, and the provincial office can act on it`]
        : [],
  };
}

/** @deprecated the verdict's former name, kept for the code written against it: see Verdict (decider.ts). */
export type ProductVerdict = Verdict;

export interface ProductDecision {
  /** The state after the accepted events; undefined while the product is not registered. */
  state: MaybeProduct;
  /** One verdict per event, in the order given. */
  verdicts: Verdict[];
}

/**
 * The decision for a product: its current state and events in the order the province received them in,
 * the next state and a verdict per event out (productDecider, run by decideInOrder).
 */
export function decideProduct(productId: string, current: MaybeProduct, events: readonly ProductEvent[], directory: UnitDirectory = NO_UNITS): ProductDecision {
  const { state, verdicts } = decideInOrder(productDecider(productId, directory), current, events);
  return { state, verdicts };
}

/** Convenience for a whole history: the state from events in the order received (tests, the demo, the rebuild). */
export function foldProduct(productId: string, events: readonly ProductEvent[], directory: UnitDirectory = NO_UNITS): ProductDecision {
  return decideProduct(productId, undefined, events, directory);
}
