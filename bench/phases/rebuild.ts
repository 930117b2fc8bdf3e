import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { rebuildProjections, kpiDiff } from '../../functions/rebuild/rebuild';
import { createProgressBar } from '../../local/demo/progress-bar';
import type { DynamoDbCountingProxy, DynamoDbCounts } from '../dynamodb-counting-proxy';

/**
 * `npm run rebuild`'s work on the system's tables, once the backfill has
 * settled: the whole event log replayed into fresh projections and the read
 * model. The KPIs of today must come out unchanged.
 */
export interface RebuildPhaseResult {
  events: number;
  aggregates: number;
  seconds: number;
  changedIndicators: number;
  dynamodb: DynamoDbCounts;
}

export class RebuildChangedKpisError extends Error {
  override name = 'RebuildChangedKpisError';
}

export async function runRebuild(options: { proxy: DynamoDbCountingProxy }): Promise<RebuildPhaseResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-pulse-bench-rebuild-'));
  try {
    options.proxy.reset();
    const bar = createProgressBar({ label: '  rebuilt aggregates' });
    const startedAt = performance.now();
    const result = await rebuildProjections({ checkpointFile: join(dir, 'checkpoint.json'), onProgress: (done, total) => bar.update(done, total) });
    const seconds = (performance.now() - startedAt) / 1000;
    bar.finish();
    const changed = kpiDiff(result.before, result.after);
    if (changed.length > 0) throw new RebuildChangedKpisError(`the rebuild changed the KPIs of today: ${changed.map((c) => `${c.id} ${c.before} → ${c.after}`).join(', ')}`);
    return { events: result.events, aggregates: result.aggregates, seconds: Math.round(seconds * 10) / 10, changedIndicators: changed.length, dynamodb: options.proxy.counts() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
