import { projectHistory, type KpiInputs } from '../../../../domain';
import type { InboundEvent } from '../../../../events';

/** Projects events as the system does (projectHistory: one decision per aggregate, in the order received): the inputs of computeSnapshot. */
export function project(events: readonly InboundEvent[]): KpiInputs {
  return projectHistory(events).inputs;
}
