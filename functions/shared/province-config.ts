import { PLAN_53_KH_UBND, TRA_VINH, type Plan, type Province } from '../../domain';

/**
 * The province this deployment serves. Province data (units, names) ship as
 * data files under domain/data/; `OCOP_PROVINCE` picks one (default: Trà Vinh).
 */
const provinces: Record<string, Province> = { 'tra-vinh': TRA_VINH, [TRA_VINH.code]: TRA_VINH };

export class UnknownProvinceError extends Error {
  override name = 'UnknownProvinceError';
}

export function provinceOfDeployment(): Province {
  const key = process.env.OCOP_PROVINCE ?? 'tra-vinh';
  const province = provinces[key];
  if (!province) throw new UnknownProvinceError(`OCOP_PROVINCE=${key} names no known province (known: ${Object.keys(provinces).join(', ')})`);
  return province;
}

/** The plans a province starts with, until plans are loaded as data (`npm run plan:load`). */
export function defaultPlansOfDeployment(): Plan[] {
  return provinceOfDeployment().code === TRA_VINH.code ? [PLAN_53_KH_UBND] : [];
}
