import { isDeepStrictEqual } from 'node:util';
import { computeSnapshot, planInForce, vnDayOf, type KpiSnapshot } from '../../domain';
import { loadKpiInputs } from '../shared/kpi-inputs';
import { provinceOfDeployment } from '../shared/province-config';
import { latestSnapshot, putSnapshot } from '../shared/snapshot-store';

export interface RecomputeResult {
  written: boolean;
  asOf: string;
  products: number;
}

/**
 * Recomputes the provincial snapshot from every projection. One call covers
 * any number of changes, so a burst of events costs one computation per
 * batch, not one per event. A snapshot equal to the latest one (same day,
 * same figures) is not stored again unless `force` is set.
 */
export async function recomputeSnapshot({ now = new Date(), force = false }: { now?: Date; force?: boolean } = {}): Promise<RecomputeResult> {
  const { inputs, plans } = await loadKpiInputs();
  const asOf = now.toISOString();
  const snapshot = computeSnapshot(inputs, { asOf, plan: planInForce(plans, vnDayOf(now)), province: provinceOfDeployment() });
  const latest = await latestSnapshot();
  const unchanged = latest !== undefined && sameFigures(latest.snapshot, snapshot);
  if (!force && unchanged) return { written: false, asOf: latest.snapshot.asOf, products: inputs.products.length };
  await putSnapshot(snapshot);
  return { written: true, asOf, products: inputs.products.length };
}

/**
 * Same figures whatever the key order: a snapshot read back from DynamoDB
 * has its maps' keys in another order than the one just computed.
 */
function sameFigures(a: KpiSnapshot, b: KpiSnapshot): boolean {
  const figures = (snapshot: KpiSnapshot): unknown => JSON.parse(JSON.stringify({ ...snapshot, asOf: undefined }));
  return isDeepStrictEqual(figures(a), figures(b));
}
