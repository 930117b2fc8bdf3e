import { isDeepStrictEqual } from 'node:util';
import { computeSnapshot, type KpiSnapshot } from '../../domain';
import { applyReadModelItems, loadKpiInputs } from '../shared/kpi-inputs';
import type { ReadModelItem } from '../storage/projection-store';
import { provinceOfDeployment } from '../shared/province-config';
import { latestSnapshot, putSnapshot } from '../storage/snapshot-store';
import { unitDirectoryOfDeployment } from '../shared/unit-directory';
import { UNITS_KEY } from '../storage/unit-store';

export interface RecomputeResult {
  written: boolean;
  asOf: string;
  products: number;
  /** KPI records this call took from the stream's images. */
  changed: number;
}

/** The instance's read model is refreshed from the readModel index at most this often; the stream's images keep it current in between. */
const READ_MODEL_MAX_AGE_MS = 1_000;

/**
 * Recomputes the provincial snapshot. The stream's new images update the
 * read model (kpi-inputs.ts) with exactly what changed, so a batch costs work
 * in proportion to its changes plus one computation in memory; one call
 * covers any number of changes. A snapshot equal to the latest one (same day,
 * same figures) is not stored again unless `force` is set.
 */
export async function recomputeSnapshot({
  now = new Date(),
  force = false,
  images = [],
}: { now?: Date; force?: boolean; images?: readonly ReadModelItem[] } = {}): Promise<RecomputeResult> {
  const changed = applyReadModelItems(images);
  const { inputs, plans } = await loadKpiInputs({ maxAgeMs: force ? 0 : READ_MODEL_MAX_AGE_MS });
  // A units load comes through the stream too: then the units are read again at once.
  const unitsChanged = force || images.some((image) => image.pk === UNITS_KEY);
  const units = await unitDirectoryOfDeployment(unitsChanged ? { maxAgeMs: 0 } : {});
  const asOf = now.toISOString();
  const snapshot = computeSnapshot(inputs, { asOf, plans, province: provinceOfDeployment(), units });
  const latest = await latestSnapshot();
  const unchanged = latest !== undefined && sameFigures(latest.snapshot, snapshot);
  if (!force && unchanged) return { written: false, asOf: latest.snapshot.asOf, products: inputs.products.length, changed };
  await putSnapshot(snapshot);
  return { written: true, asOf, products: inputs.products.length, changed };
}

/**
 * Same figures whatever the key order: a snapshot read back from DynamoDB
 * has its maps' keys in another order than the one just computed.
 */
function sameFigures(a: KpiSnapshot, b: KpiSnapshot): boolean {
  const figures = (snapshot: KpiSnapshot): unknown => JSON.parse(JSON.stringify({ ...snapshot, asOf: undefined }));
  return isDeepStrictEqual(figures(a), figures(b));
}
