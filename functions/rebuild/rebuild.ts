import { computeSnapshot, decideAggregate, type AggregateKey, type KpiSnapshot } from '../../domain';
import { parseInboundEvent, type InboundEvent } from '../../events';
import { scanEventLog, type EventLogRecord } from '../storage/event-log-store';
import { RebuildCheckpoint } from './rebuild-checkpoint';
import { loadKpiInputs, resetKpiReadModel } from '../shared/kpi-inputs';
import { overwriteProjections, projectionOf, type Projection } from '../storage/projection-store';
import { provinceOfDeployment } from '../shared/province-config';
import { unitDirectoryOfDeployment } from '../shared/unit-directory';

/**
 * `npm run rebuild`: replays the event log into the projections and the KPI
 * read model, aggregate by aggregate, each in the order the province received
 * its events, through the same decision as the projector. Use it after a rule
 * fix, to migrate items of an older format (they are overwritten whole), or
 * after a disaster. The log is read by a parallel Scan (`totalSegments`
 * segments at once), each segment streamed page by page to a file beside the
 * checkpoint; resumable: the checkpoint names where each segment stands and
 * the aggregates written (rebuild-checkpoint.ts), so a rebuild run again after
 * a crash scans each segment on from where it stopped, and writes only the
 * aggregates not written yet. Returns the KPIs of today before and after, for the diff.
 */
export interface RebuildOptions {
  checkpointFile: string;
  onProgress?(done: number, total: number): void;
  now?: Date;
  /** Segments of the parallel Scan (default 4). A checkpoint of another count starts the scan over. */
  totalSegments?: number;
  /** At most this many log records a Scan page (default: DynamoDB's 1 MB pages). */
  scanPageLimit?: number;
}

export interface RebuildResult {
  aggregates: number;
  events: number;
  before: KpiSnapshot;
  after: KpiSnapshot;
}

const SCAN_SEGMENTS = 4;

export class RebuildScanError extends Error {
  override name = 'RebuildScanError';
}
const WRITE_GROUP = 100;
/** Groups written at once. */
const FLUSHES_IN_FLIGHT = 4;

export async function rebuildProjections({ checkpointFile, onProgress, now = new Date(), totalSegments = SCAN_SEGMENTS, scanPageLimit }: RebuildOptions): Promise<RebuildResult> {
  const before = await snapshotNow(now);
  const directory = await unitDirectoryOfDeployment();
  const checkpoint = new RebuildCheckpoint(checkpointFile, totalSegments);
  const scans = await Promise.allSettled(
    Array.from({ length: totalSegments }, async (_, segment) => {
      if (checkpoint.segments[segment]!.done) return;
      const startKey = checkpoint.resume(segment);
      for await (const { records, nextKey } of scanEventLog(segment, totalSegments, { startKey, ...(scanPageLimit !== undefined && { limit: scanPageLimit }) })) {
        checkpoint.addPage(segment, records, nextKey);
      }
    }),
  );
  // Every segment goes as far as it can before a failure is reported: a run again goes on from there.
  const failed = scans.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw new RebuildScanError(`the scan of the event log stopped; run the rebuild again to go on from ${checkpointFile}`, { cause: failed.reason });
  const byAggregate = new Map<AggregateKey, EventLogRecord[]>();
  let events = 0;
  for (const record of checkpoint.records<EventLogRecord>()) {
    const records = byAggregate.get(record.aggregateKey);
    if (records) records.push(record);
    else byAggregate.set(record.aggregateKey, [record]);
    events += 1;
  }
  const keys = [...byAggregate.keys()].sort();
  const done = checkpoint.done;
  const version = now.getTime();
  let pending: Projection[] = [];
  let finished = 0;
  // Groups are written FLUSHES_IN_FLIGHT at a time; the checkpoint names only aggregates whose write completed.
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  const flush = async () => {
    if (pending.length === 0) return;
    const group = pending;
    pending = [];
    const write = overwriteProjections(group).then(() => checkpoint.markWritten(group.map((item) => item.pk)));
    inFlight.add(write);
    write.catch((error: unknown) => (failure ??= error)).finally(() => inFlight.delete(write));
    if (inFlight.size >= FLUSHES_IN_FLIGHT) await Promise.race(inFlight).catch(() => undefined);
    if (failure !== undefined) throw failure;
  };
  for (const key of keys) {
    finished += 1;
    if (done.has(key)) continue;
    const received = byAggregate.get(key)!.sort((a, b) => (a.receivedAt ?? '').localeCompare(b.receivedAt ?? '') || a.eventId.localeCompare(b.eventId));
    const parsed = received.flatMap((r): InboundEvent[] => {
      // Records of the earlier log format may lack the envelope: they kept the parsed event.
      const legacy = (r as { event?: InboundEvent }).event;
      const result = parseInboundEvent(r.envelope ?? { source: legacy?.source ?? '', 'detail-type': legacy?.detailType ?? '', detail: legacy?.detail });
      return result.ok ? [result.event] : [];
    });
    const decision = decideAggregate(key, undefined, parsed, directory);
    if (decision.state) pending.push(projectionOf(key, decision.state, version, now));
    else done.add(key);
    if (pending.length >= WRITE_GROUP) await flush();
    onProgress?.(finished, keys.length);
  }
  await flush();
  await Promise.allSettled([...inFlight]);
  if (failure !== undefined) throw failure;
  onProgress?.(keys.length, keys.length);
  checkpoint.remove();
  resetKpiReadModel();
  const after = await snapshotNow(now);
  return { aggregates: keys.length, events, before, after };
}

async function snapshotNow(now: Date): Promise<KpiSnapshot> {
  resetKpiReadModel();
  const { inputs, plans } = await loadKpiInputs();
  const units = await unitDirectoryOfDeployment({ maxAgeMs: 0 });
  return computeSnapshot(inputs, { asOf: now.toISOString(), plans, province: provinceOfDeployment(), units });
}

/** The indicators whose value differs: what the rebuild changed. */
export function kpiDiff(before: KpiSnapshot, after: KpiSnapshot): { id: string; before: number | undefined; after: number }[] {
  const old = new Map(before.indicators.map((i) => [i.id, i.value]));
  return after.indicators.filter((i) => old.get(i.id) !== i.value).map((i) => ({ id: i.id, before: old.get(i.id), after: i.value }));
}
