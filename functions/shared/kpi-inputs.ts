import { parsePlan, type IpGrant, type KpiInputs, type Plan, type ProductState, type ScienceTask } from '../../domain';
import { scanProjectionStates } from './projection-store';
import { PLAN_KIND } from './plan-store';
import { defaultPlansOfDeployment } from './province-config';

/** Everything a KPI computation needs, read from the projections table in one consistent scan. */
export async function loadKpiInputs(): Promise<{ inputs: KpiInputs; plans: Plan[] }> {
  const items = await scanProjectionStates();
  const products: ProductState[] = [];
  const ipGrants: IpGrant[] = [];
  const scienceTasks: ScienceTask[] = [];
  const plans: Plan[] = [];
  for (const item of items) {
    if (item.kind === 'product') products.push(item.state as ProductState);
    else if (item.kind === 'ip') ipGrants.push(item.state as IpGrant);
    else if (item.kind === 'task') scienceTasks.push(item.state as ScienceTask);
    else if ((item.kind as string) === PLAN_KIND) plans.push(parsePlan(item.state, item.pk));
  }
  return { inputs: { products, ipGrants, scienceTasks }, plans: plans.length > 0 ? plans : defaultPlansOfDeployment() };
}
