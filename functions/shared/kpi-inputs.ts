import { decodeKpiRecord, parsePlan, type IpGrant, type KpiInputs, type KpiRecord, type Plan, type ProductKpiRecord, type ScienceTask } from '../../domain';
import { tableName } from '../storage/dynamodb-client';
import { PLAN_KIND } from '../storage/plan-store';
import { READ_MODEL_SHARDS, readModelEntries, type ReadModelItem } from '../storage/projection-store';
import { defaultPlansOfDeployment } from './province-config';

/**
 * The KPI read model of this function instance: every aggregate's KPI record
 * (and the plans), loaded once from the projections' `readModel` index, then
 * kept current by reading only the records changed since the last refresh
 * (and by the stream's new images, for recompute-snapshot). A KPI question
 * then costs one small query per shard and a computation in memory, whatever
 * the size of the province.
 */
interface CachedRecord {
  version: number;
  record: KpiRecord | { kind: typeof PLAN_KIND; plan: Plan };
}

/** Writers' clocks may differ a little, and the index trails the table: a refresh re-reads this much before its watermark. */
const REFRESH_OVERLAP_MS = 5_000;

const cache = new Map<string, CachedRecord>();
let watermark: string | undefined;
let lastRefresh = 0;
let inputs: { inputs: KpiInputs; plans: Plan[] } | undefined;
/** The table the cache was read from: another one (a test's, a benchmark run's) starts afresh. */
let cachedTable: string | undefined;

/** Takes newer records into the cache (stream images, index items); older versions are ignored. Returns how many changed. */
export function applyReadModelItems(items: readonly ReadModelItem[]): number {
  let changed = 0;
  for (const item of items) {
    if (!item.kpi) continue;
    const cached = cache.get(item.pk);
    if (cached && cached.version >= item.version) continue;
    const record = decodeKpiRecord(item.kpi) as CachedRecord['record'];
    cache.set(item.pk, { version: item.version, record: record.kind === PLAN_KIND ? { kind: PLAN_KIND, plan: parsePlan(record.plan, item.pk) } : record });
    changed += 1;
  }
  if (changed > 0) inputs = undefined;
  return changed;
}

/**
 * The KPI inputs, refreshed when older than `maxAgeMs` (0: always). The first
 * call of an instance reads every record; later ones what changed since.
 */
export async function loadKpiInputs({ maxAgeMs = 0 }: { maxAgeMs?: number } = {}): Promise<{ inputs: KpiInputs; plans: Plan[] }> {
  if (cachedTable !== tableName('projections')) {
    resetKpiReadModel();
    cachedTable = tableName('projections');
  }
  if (Date.now() - lastRefresh >= maxAgeMs || !watermark) await refresh();
  return (inputs ??= assemble());
}

async function refresh(): Promise<void> {
  const startedAt = Date.now();
  const since = watermark === undefined ? undefined : new Date(Date.parse(watermark) - REFRESH_OVERLAP_MS).toISOString();
  const shards = await Promise.all(Array.from({ length: READ_MODEL_SHARDS }, (_, shard) => readModelEntries(shard, since)));
  let newest = watermark ?? '';
  for (const items of shards) {
    applyReadModelItems(items);
    for (const item of items) if (item.changedAt && item.changedAt > newest) newest = item.changedAt;
  }
  watermark = newest || new Date(startedAt).toISOString();
  lastRefresh = startedAt;
}

function assemble(): { inputs: KpiInputs; plans: Plan[] } {
  const products: ProductKpiRecord[] = [];
  const ipGrants: IpGrant[] = [];
  const scienceTasks: ScienceTask[] = [];
  const plans: Plan[] = [];
  for (const { record } of cache.values()) {
    if (record.kind === 'product') products.push(record.product);
    else if (record.kind === 'ip') ipGrants.push(record.grant);
    else if (record.kind === 'task') scienceTasks.push(record.task);
    else plans.push(record.plan);
  }
  // The shipped plans of the deployment's provinces, and every loaded plan (a loaded plan replaces a shipped one of its id).
  const loaded = new Set(plans.map((plan) => plan.id));
  return { inputs: { products, ipGrants, scienceTasks }, plans: [...defaultPlansOfDeployment().filter((plan) => !loaded.has(plan.id)), ...plans] };
}

/** Forgets everything (tests that switch tables, the rebuild). */
export function resetKpiReadModel(): void {
  cache.clear();
  watermark = undefined;
  lastRefresh = 0;
  inputs = undefined;
}
