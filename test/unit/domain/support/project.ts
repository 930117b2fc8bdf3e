import { aggregateKeyOf, foldIpGrant, foldProduct, foldScienceTask, type KpiInputs } from '../../../../domain';
import type { InboundEvent } from '../../../../events';

type ProductEvent = Parameters<typeof foldProduct>[1][number];
type IpEvent = Parameters<typeof foldIpGrant>[0][number];
type TaskEvent = Parameters<typeof foldScienceTask>[0][number];

/** Projects events as the system does, one fold per aggregate, in aggregate-key order: the inputs of computeSnapshot. */
export function project(events: readonly InboundEvent[]): KpiInputs {
  const groups = new Map<string, InboundEvent[]>();
  for (const event of events) {
    const key = aggregateKeyOf(event);
    groups.set(key, [...(groups.get(key) ?? []), event]);
  }
  const products: KpiInputs['products'][number][] = [];
  const ipGrants: KpiInputs['ipGrants'][number][] = [];
  const scienceTasks: KpiInputs['scienceTasks'][number][] = [];
  for (const [key, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const [kind, id] = [key.slice(0, key.indexOf('#')), key.slice(key.indexOf('#') + 1)];
    if (kind === 'PRODUCT') products.push(foldProduct(id, group as ProductEvent[]));
    if (kind === 'IP') ipGrants.push(foldIpGrant(group as IpEvent[])!);
    if (kind === 'TASK') scienceTasks.push(foldScienceTask(group as TaskEvent[])!);
  }
  return { products, ipGrants, scienceTasks };
}
