import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { computeSnapshot, decideAggregate, type AggregateKey, type KpiSnapshot } from '../../domain';
import { parseInboundEvent, type InboundEvent } from '../../events';
import { batchWrite } from '../shared/batch-requests';
import { tableName } from '../shared/clients';
import { scanEventLog, type EventLogRecord } from '../shared/event-log-store';
import { loadKpiInputs, resetKpiReadModel } from '../shared/kpi-inputs';
import { projectionOf, type Projection } from '../shared/projection-store';
import { provinceOfDeployment } from '../shared/province-config';
import { unitDirectoryOfDeployment } from '../shared/unit-directory';

/**
 * `npm run rebuild`: replays the event log into the projections and the KPI
 * read model, aggregate by aggregate, each in the order the province received
 * its events, through the same decision as the projector. Use it after a rule
 * fix, to migrate items of an older format (they are overwritten whole), or
 * after a disaster. Resumable: a checkpoint file names the aggregates done.
 * Returns the KPIs of today before and after, for the diff.
 */
export interface RebuildOptions {
  checkpointFile: string;
  onProgress?(done: number, total: number): void;
  now?: Date;
}

export interface RebuildResult {
  aggregates: number;
  events: number;
  before: KpiSnapshot;
  after: KpiSnapshot;
}

const SCAN_SEGMENTS = 4;
const WRITE_GROUP = 100;
/** Groups written at once. */
const FLUSHES_IN_FLIGHT = 4;

export async function rebuildProjections({ checkpointFile, onProgress, now = new Date() }: RebuildOptions): Promise<RebuildResult> {
  const before = await snapshotNow(now);
  const directory = await unitDirectoryOfDeployment();
  const byAggregate = new Map<AggregateKey, EventLogRecord[]>();
  let events = 0;
  await Promise.all(
    Array.from({ length: SCAN_SEGMENTS }, async (_, segment) => {
      for await (const page of scanEventLog(segment, SCAN_SEGMENTS)) {
        for (const record of page) {
          const records = byAggregate.get(record.aggregateKey);
          if (records) records.push(record);
          else byAggregate.set(record.aggregateKey, [record]);
          events += 1;
        }
      }
    }),
  );
  const keys = [...byAggregate.keys()].sort();
  const done = new Set<string>(existsSync(checkpointFile) ? (JSON.parse(readFileSync(checkpointFile, 'utf8')) as { done: string[] }).done : []);
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
    const write = batchWrite(tableName('projections'), group.map((item) => ({ PutRequest: { Item: item } }))).then(() => {
      for (const item of group) done.add(item.pk);
      writeFileSync(checkpointFile, JSON.stringify({ done: [...done] }));
    });
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
  rmSync(checkpointFile, { force: true });
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
