import { computeSnapshot, endOfVnDay, planInForce, vnDayOf, type KpiSnapshot } from '../../../domain';
import { loadKpiInputs } from '../../shared/kpi-inputs';
import { provinceOfDeployment } from '../../shared/province-config';
import type { ApiRequest } from '../api-request';
import { kpisQuery, parseQuery } from '../query-schemas';

/** The indicators as of the end of a day, computed from the dated history in the projections. */
export async function getKpis(request: ApiRequest): Promise<KpiSnapshot> {
  const { asOf } = parseQuery(kpisQuery, request.query);
  const day = asOf ?? vnDayOf(new Date());
  const { inputs, plans } = await loadKpiInputs();
  return computeSnapshot(inputs, { asOf: endOfVnDay(day), plan: planInForce(plans, day), province: provinceOfDeployment() });
}
