import type { InboundEvent } from '../events';
import { aggregateKeyOf, type AggregateKey } from './aggregates';
import { decideAggregate, type AggregateState } from './decide';
import type { KpiInputs } from './kpi/compute-snapshot';
import { productKpiRecord } from './kpi/kpi-record';
import type { ProductState, ProductVerdict } from './product';
import type { IpGrant, ScienceTask } from './province-facts';
import type { UnitDirectory } from './units';

export interface ProjectedHistory {
  /** Each aggregate's state (none for a product whose registration never came). */
  states: Map<AggregateKey, AggregateState>;
  /** What computeSnapshot takes. */
  inputs: KpiInputs;
  /** The verdict on every event, by eventId. */
  verdicts: Map<string, ProductVerdict>;
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
  const verdicts = new Map<string, ProductVerdict>();
  const inputs: { products: KpiInputs['products'][number][]; ipGrants: IpGrant[]; scienceTasks: ScienceTask[] } = { products: [], ipGrants: [], scienceTasks: [] };
  for (const [key, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const decision = decideAggregate(key, undefined, group, directory);
    for (const verdict of decision.verdicts) verdicts.set(verdict.eventId, verdict);
    if (!decision.state) continue;
    states.set(key, decision.state);
    if (key.startsWith('PRODUCT#')) inputs.products.push(productKpiRecord(decision.state as ProductState));
    else if (key.startsWith('IP#')) inputs.ipGrants.push(decision.state as IpGrant);
    else inputs.scienceTasks.push(decision.state as ScienceTask);
  }
  return { states, inputs, verdicts };
}
