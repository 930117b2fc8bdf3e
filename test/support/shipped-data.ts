import { shippedPlans } from '../../domain/data/shipped-plans';
import { loadProvince } from '../../functions/shared/province-config';

/** The shipped data the tests compute with: Plan 53/KH-UBND of Trà Vinh and the deployment's province over time. */
export const PLAN_53_KH_UBND = shippedPlans().find((plan) => plan.id === 'tra-vinh-53-kh-ubnd')!;
export const DEPLOYMENT_PROVINCE = loadProvince('vinh-long');
