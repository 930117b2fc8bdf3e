import plan53 from './tra-vinh-plan-53-kh-ubnd.plan.json';
import { parsePlan, type Plan } from '../plan';
import type { Province } from '../province';
import { memoized } from '../../events/memoized';

/**
 * The plan files that ship with the repository (their sources are in
 * docs/provinces-and-plans.md): a deployment starts with those of its provinces
 * until plans are loaded as data (`npm run plan:load`). Bundled with the
 * functions, as the units files are loaded into the store; parsed on first use.
 */
export const shippedPlans = memoized((): readonly Plan[] => [parsePlan(plan53, 'domain/data/tra-vinh-plan-53-kh-ubnd.plan.json')]);

/** The shipped plans of a province over time: those of any province it was (periods' codes). */
export function shippedPlansOf(province: Pick<Province, 'periods'>): Plan[] {
  const codes = new Set(province.periods.map((period) => period.code));
  return shippedPlans().filter((plan) => codes.has(plan.provinceCode));
}
