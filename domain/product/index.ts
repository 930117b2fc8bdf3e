/**
 * A product: its state (state.ts), how accepted events change it (evolve.ts), who may publish for it
 * (ownership.ts), and its decider (decider.ts).
 */
export * from './state';
export { compareDecisions, evolveProduct, listingDayEntry, parseListingDayEntry } from './evolve';
export { productDecider, decideProduct, foldProduct, type MaybeProduct, type ProductDecision, type ProductVerdict } from './decider';
