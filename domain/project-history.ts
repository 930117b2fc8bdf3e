import type { InboundEvent } from '../events';
import { aggregateKeyOf, type AggregateKey } from './aggregates';
import { decideAggregate, isIpGrant, isProductState, type AggregateState } from './decide';
import type { KpiInputs } from './kpi/compute-snapshot';
import { productKpiRecord } from './kpi/kpi-record';
import type { Verdict } from './decider';
import type { IpGrant, ScienceTask } from './province-facts';
import type { UnitDirectory } from './units';

export interface ProjectedHistory {
  /** Each aggregate's state (none for a product whose registration never came). */
  states: Map<AggregateKey, AggregateState>;
  /** What computeSnapshot takes. */
  inputs: KpiInputs;
  /** The verdict on every event, by eventId. */
  verdicts: Map<string, Verdict>;
}

/**
 * A whole history, in the order the province received it, decided aggregate
 * by aggregate as the projector does: what the projections hold once every
 * event is in. The rebuild, the demo's checks and the tests use it; give the
 * deployment's units so products cross the 2025 reform as the projector has them.
 */
export function projectHistory(events: readonly InboundEvent[], directory?: UnitDirectory): ProjectedHistory {
  const groups = new Map<AggregateKey, InboundEvent[]>();
  for (const event of events) {
    const key = aggregateKeyOf(event);
    groups.set(key, [...(groups.get(key) ?? []), event]);
  }
  const states = new Map<AggregateKey, AggregateState>();
  const verdicts = new Map<string, Verdict>();
  const inputs: { products: KpiInputs['products'][number][]; ipGrants: IpGrant[]; scienceTasks: ScienceTask[] } = { products: [], ipGrants: [], scienceTasks: [] };
  for (const [key, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const decision = decideAggregate(key, undefined, group, directory);
    for (const verdict of decision.verdicts) verdicts.set(verdict.eventId, verdict);
    const { state } = decision;
    if (!state) continue;
    states.set(key, state);
    if (isProductState(state)) inputs.products.push(productKpiRecord(state));
    else if (isIpGrant(state)) inputs.ipGrants.push(state);
    else inputs.scienceTasks.push(state);
  }
  return { states, inputs, verdicts };
}
