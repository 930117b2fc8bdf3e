import type { FunctionId } from '../functions/catalog';
import { LOCAL_TABLE_PREFIX } from '../local/paths';
import type { ColdStartsResult } from './cold-starts/cold-starts';
import type { DynamoDbCounts } from './dynamodb-counting-proxy';
import type { BackfillResult } from './phases/backfill';
import type { ConditionalPutCeiling, SnapshotQueryCeiling } from './phases/dynamodb-baseline';
import type { FreshnessResult } from './phases/freshness';
import type { ImportResults } from './measure-import';
import type { KpisAsOfResult } from './phases/kpis-as-of';
import type { RebuildPhaseResult } from './phases/rebuild';
import type { SnapshotReadsResult } from './phases/snapshot-reads';

/** The goals of issues 9 and 20, for a 2-core machine. Printed beside the figures, never asserted. */
export const GOALS = {
  /**
   * The backfill settle rate into a system started as `npm start --in-memory`, as a share of that DynamoDB Local's
   * conditional-PutItem rate with 16 callers, measured in the same run (issue 20). The share of the on-disk ceiling
   * (issue 9's first definition, where the disk hid what the system spends) is printed for reference, without a verdict.
   */
  backfillShareOfCeiling: 0.5,
  /** The settle rate at the largest size over the rate at the smallest: "flat". */
  backfillFlatness: 0.8,
  kpisAsOfMedianMs: 100,
  freshnessP99Ms: 1000,
  snapshotReadP99Ms: 10,
  residentBytes: 2 ** 30,
  rebuildSeconds: 300,
  /**
   * DynamoDB write requests per event in the backfill. 1.2 was set for a log appended with BatchWriteItem (a tenth
   * of a request per event); since issue 20 the log takes one conditional PutItem per event (two writers of one
   * eventId must never overwrite each other, and BatchWriteItem has no condition), so the design writes per event
   * one log PutItem and at most one projection PutItem (one per aggregate per batch), plus a share of the snapshot
   * writes and of version conflicts: 2.2. The write units (WCU, what DynamoDB bills) are printed beside it by table;
   * they follow the items' sizes (the log's envelope, the aggregate's whole projection), not the request count.
   */
  writeRequestsPerEvent: 2.2,
  /** Steady-state read capacity per event at the largest size over the smallest: "does not grow". */
  steadyReadGrowth: 1.2,
} as const;

/** The goals of issue 20 for the functions' cold start. Printed beside the figures, never asserted. */
export const COLD_START_GOALS = {
  /** Module load (median) over the SDK-only floor's, measured in the same run. */
  moduleLoadOverFloor: 1.3,
  /** index.js of these functions, in bytes. */
  indexBytes: 400 * 1024,
  indexBytesOf: ['project-event', 'http-api'] as readonly FunctionId[],
} as const;

/** The goals of issue 19 for a register imported through npm start. Printed beside the figures, never asserted. */
export const IMPORT_GOALS = {
  /** The size the goals are stated for. */
  rows: 5000,
  dryRunSeconds: 10,
  importSeconds: 60,
} as const;

export interface SizeResults {
  products: number;
  events: number;
  config: Record<string, unknown>;
  /** DynamoDB Local with its data on disk (as `npm start`). */
  ceiling: ConditionalPutCeiling;
  backfill: BackfillResult;
  /** The same history into a fresh system started as `npm start --in-memory`, beside its DynamoDB Local's ceiling. */
  inMemory: { ceiling: ConditionalPutCeiling; backfill: BackfillResult };
  kpisAsOf: KpisAsOfResult;
  snapshotReads: SnapshotReadsResult;
  snapshotQuery: SnapshotQueryCeiling;
  freshness: FreshnessResult;
  rebuild: RebuildPhaseResult;
  residentPeakBytes: number;
  residentAfterBackfillBytes: number;
  /** The bench's driver alone (its copy of the events, its clients, the counting proxy, the rebuild): not part of the goal. */
  driverPeakBytes: number;
  /** What the cost model reads besides the phases' counts (bench/cost). */
  costInputs: {
    /** TableSizeBytes of all tables after the backfill. */
    storageBytes: number;
    /** Invocations and total duration per function during the freshness phase (the main thread's functions). */
    freshnessFunctions: Record<string, { invocations: number; totalMs: number }>;
    eventBytes: number;
  };
}

interface Row {
  figure: string;
  goal: string;
  measured: string;
  verdict: string;
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const fixed = (value: number, digits = 2) => value.toFixed(digits);
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
const percent = (ratio: number) => `${Math.round(ratio * 100)} %`;

/** The goal's share: the in-memory backfill over the in-memory ceiling. */
export const shareOfCeiling = (size: SizeResults) => size.inMemory.backfill.eventsPerSecond / size.inMemory.ceiling.putsPerSecond;
/** For reference: the on-disk backfill over the on-disk ceiling. */
export const onDiskShareOfCeiling = (size: SizeResults) => size.backfill.eventsPerSecond / size.ceiling.putsPerSecond;
export const writesPerEvent = (size: SizeResults) => size.backfill.dynamodb.writes / size.backfill.events;

/** Write requests and units per event, by table (the local tables' prefix left out). */
export function writesByTable(counts: DynamoDbCounts, events: number): string {
  const byTable = new Map<string, { requests: number; units: number }>();
  for (const e of counts.byOperation.filter((o) => o.kind === 'write')) {
    const table = e.table.startsWith(`${LOCAL_TABLE_PREFIX}-`) ? e.table.slice(LOCAL_TABLE_PREFIX.length + 1) : e.table;
    const sum = byTable.get(table) ?? { requests: 0, units: 0 };
    byTable.set(table, { requests: sum.requests + e.requests, units: sum.units + e.capacityUnits });
  }
  return [...byTable]
    .sort(([, a], [, b]) => b.requests - a.requests)
    .map(([table, sum]) => `${table} ${fixed(sum.requests / events)} (${fixed(sum.units / events, 1)} WCU)`)
    .join(', ');
}
export const steadyReadUnitsPerEvent = (size: SizeResults) => size.freshness.dynamodb.readCapacityUnits / size.freshness.events;

/** The rows of one size: each figure beside its goal. */
export function sizeRows(size: SizeResults): Row[] {
  const n = size.products.toLocaleString('en');
  const share = shareOfCeiling(size);
  const { inMemory } = size;
  const wcu = size.backfill.dynamodb.writeCapacityUnits / size.backfill.events;
  return [
    { figure: `Ceiling on disk: DynamoDB Local alone, conditional PutItem ×${size.ceiling.callers}`, goal: 'ceiling', measured: `${size.ceiling.putsPerSecond} PutItem/s`, verdict: '' },
    { figure: `Ceiling in memory: the same, DynamoDB Local --in-memory`, goal: 'ceiling', measured: `${inMemory.ceiling.putsPerSecond} PutItem/s`, verdict: '' },
    {
      figure: `Backfill settle rate in memory, ${size.events.toLocaleString('en')} events (${n} products)`,
      goal: `≥ ${percent(GOALS.backfillShareOfCeiling)} of the in-memory ceiling`,
      measured: `${inMemory.backfill.eventsPerSecond} events/s = ${percent(share)} (${inMemory.backfill.settleSeconds} s)`,
      verdict: verdict(share >= GOALS.backfillShareOfCeiling),
    },
    {
      figure: `Backfill settle rate on disk (for reference)`,
      goal: '—',
      measured: `${size.backfill.eventsPerSecond} events/s = ${percent(onDiskShareOfCeiling(size))} of the on-disk ceiling (${size.backfill.settleSeconds} s)`,
      verdict: '',
    },
    {
      figure: `Backfill: DynamoDB write requests per event (1 log PutItem + ≤ 1 projection PutItem + snapshots)`,
      goal: `≤ ${GOALS.writeRequestsPerEvent}`,
      measured: `${fixed(writesPerEvent(size))}, ${fixed(wcu, 1)} WCU: ${writesByTable(size.backfill.dynamodb, size.backfill.events)}`,
      verdict: verdict(writesPerEvent(size) <= GOALS.writeRequestsPerEvent),
    },
    { figure: `Backfill: DynamoDB read requests per event`, goal: '—', measured: `${fixed(size.backfill.dynamodb.reads / size.backfill.events)} (${fixed(size.backfill.dynamodb.readCapacityUnits / size.backfill.events, 1)} RCU)`, verdict: '' },
    { figure: `GET /v1/kpis?asOf=<past day> median (${n} products)`, goal: `< ${GOALS.kpisAsOfMedianMs} ms`, measured: `${size.kpisAsOf.latencyMs.p50} ms (p99 ${size.kpisAsOf.latencyMs.p99}, first ${size.kpisAsOf.firstMs})`, verdict: verdict(size.kpisAsOf.latencyMs.p50 < GOALS.kpisAsOfMedianMs) },
    { figure: `Freshness p99, PutEvents → snapshot, ${size.freshness.eventsPerSecond} events/s`, goal: `< ${GOALS.freshnessP99Ms} ms`, measured: `${size.freshness.delayMs.p99} ms (p50 ${size.freshness.delayMs.p50})`, verdict: verdict(size.freshness.delayMs.p99 < GOALS.freshnessP99Ms) },
    { figure: `Steady ${size.freshness.eventsPerSecond}/s: DynamoDB reads per event (the reader's GETs taken out)`, goal: '—', measured: `${fixed(size.freshness.dynamodb.reads / size.freshness.events)} requests, ${fixed(steadyReadUnitsPerEvent(size))} RCU`, verdict: '' },
    { figure: `GET /v1/snapshots/latest p99, ${size.snapshotReads.clients} clients`, goal: `< ${GOALS.snapshotReadP99Ms} ms`, measured: `${size.snapshotReads.latencyMs.p99} ms (p50 ${size.snapshotReads.latencyMs.p50}; DynamoDB Local's Query alone p99 ${size.snapshotQuery.latencyMs.p99})`, verdict: verdict(size.snapshotReads.latencyMs.p99 < GOALS.snapshotReadP99Ms) },
    { figure: `Resident memory, system + DynamoDB Local (peak; the driver apart)`, goal: `< ${mb(GOALS.residentBytes)}`, measured: `${mb(size.residentPeakBytes)} (driver ${mb(size.driverPeakBytes)})`, verdict: verdict(size.residentPeakBytes < GOALS.residentBytes) },
    { figure: `Rebuild, ${size.rebuild.events.toLocaleString('en')} events into ${size.rebuild.aggregates.toLocaleString('en')} aggregates`, goal: `< ${GOALS.rebuildSeconds} s`, measured: `${size.rebuild.seconds} s`, verdict: verdict(size.rebuild.seconds < GOALS.rebuildSeconds) },
  ];
}

/** The rows that compare the smallest size with the largest. */
export function scalingRows(small: SizeResults, large: SizeResults): Row[] {
  const flatness = shareOfCeiling(large) / shareOfCeiling(small);
  const growth = steadyReadUnitsPerEvent(large) / Math.max(1e-9, steadyReadUnitsPerEvent(small));
  const sizes = `${small.products.toLocaleString('en')} → ${large.products.toLocaleString('en')} products`;
  return [
    { figure: `Backfill share of the in-memory ceiling, ${sizes}`, goal: `flat (≥ ${GOALS.backfillFlatness}×)`, measured: `${percent(shareOfCeiling(small))} → ${percent(shareOfCeiling(large))} (${fixed(flatness)}×)`, verdict: verdict(flatness >= GOALS.backfillFlatness) },
    { figure: `Steady-state read capacity per event, ${sizes}`, goal: `does not grow (≤ ${GOALS.steadyReadGrowth}×)`, measured: `${fixed(steadyReadUnitsPerEvent(small))} → ${fixed(steadyReadUnitsPerEvent(large))} RCU (${fixed(growth)}×)`, verdict: verdict(growth <= GOALS.steadyReadGrowth) },
  ];
}

const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} KB`;

/** The rows of the cold-start phase: each function's module load beside its SDK-only floor, and its index.js beside the size goal. */
export function coldStartRows(result: ColdStartsResult): Row[] {
  return result.functions.flatMap((f) => {
    const ratio = f.moduleLoadMs.p50 / f.floorMs.p50;
    const cpuRatio = f.moduleLoadCpuMs.p50 / f.floorCpuMs.p50;
    const rows: Row[] = [
      {
        figure: `${f.functionId}: module load / SDK-only floor (${f.sdkPackages.map((name) => name.replace('@aws-sdk/', '')).join(', ')})`,
        goal: `≤ ${COLD_START_GOALS.moduleLoadOverFloor}×`,
        measured: `${f.moduleLoadMs.p50} / ${f.floorMs.p50} ms = ${fixed(ratio)}× (CPU ${f.moduleLoadCpuMs.p50} / ${f.floorCpuMs.p50} ms = ${fixed(cpuRatio)}×)`,
        verdict: verdict(ratio <= COLD_START_GOALS.moduleLoadOverFloor),
      },
    ];
    const sizeGoal = COLD_START_GOALS.indexBytesOf.includes(f.functionId);
    rows.push({
      figure: `${f.functionId}: index.js (the floor's ${kb(f.floorBytes)}; whole asset ${kb(f.assetBytes)})`,
      goal: sizeGoal ? `< ${kb(COLD_START_GOALS.indexBytes)}` : '—',
      measured: kb(f.indexBytes),
      verdict: sizeGoal ? verdict(f.indexBytes < COLD_START_GOALS.indexBytes) : '',
    });
    return rows;
  });
}

/** The rows of the import phase: the dry run and the import beside their goals, the import's rate beside the ceiling. */
export function importRows(result: ImportResults): Row[] {
  const { import: run, ceiling } = result;
  const n = run.rows.toLocaleString('en');
  // The goals are stated for 5,000 rows: a smaller (quick) run gets no verdict.
  const judged = run.rows >= IMPORT_GOALS.rows;
  const judge = (ok: boolean) => (judged ? verdict(ok) : 'quick');
  const eventsPerSecond = run.events / run.settleSeconds;
  return [
    { figure: `DynamoDB Local alone: conditional PutItem ×${ceiling.callers} (the ceiling)`, goal: 'ceiling', measured: `${ceiling.putsPerSecond} PutItem/s`, verdict: '' },
    {
      figure: `Dry run, ${n} rows: npm run import -- --dry-run (read, check, report)`,
      goal: `< ${IMPORT_GOALS.dryRunSeconds} s for ${IMPORT_GOALS.rows.toLocaleString('en')} rows`,
      measured: `${run.dryRunSeconds} s = ${Math.round(run.rows / run.dryRunSeconds)} rows/s`,
      verdict: judge(run.dryRunSeconds < IMPORT_GOALS.dryRunSeconds),
    },
    {
      figure: `Import, ${n} rows (${run.events.toLocaleString('en')} events): npm run import until all projected`,
      goal: `< ${IMPORT_GOALS.importSeconds} s for ${IMPORT_GOALS.rows.toLocaleString('en')} rows`,
      measured: `${run.settleSeconds} s = ${Math.round(run.rows / run.settleSeconds)} rows/s (the command ${run.publishSeconds} s)`,
      verdict: judge(run.settleSeconds < IMPORT_GOALS.importSeconds),
    },
    { figure: `Import: settle rate as a share of the ceiling`, goal: '—', measured: `${Math.round(eventsPerSecond)} events/s = ${percent(eventsPerSecond / ceiling.putsPerSecond)}`, verdict: '' },
    { figure: `Import: DynamoDB write requests per event`, goal: '—', measured: fixed(run.writeRequestsPerEvent), verdict: '' },
  ];
}

export function formatTable(rows: Row[]): string {
  const headers: Row = { figure: 'Figure', goal: 'Goal', measured: 'Measured', verdict: '' };
  const keys = ['figure', 'goal', 'measured', 'verdict'] as const;
  const widths = keys.map((key) => Math.max(...[headers, ...rows].map((row) => row[key].length)));
  const line = (row: Row) => keys.map((key, i) => row[key].padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  ').trimEnd(), ...rows.map(line)].join('\n');
}

/** DynamoDB requests by operation and table, per event. */
export function formatOperations(label: string, counts: DynamoDbCounts, events: number): string {
  const lines = counts.byOperation
    .filter((e) => e.kind === 'read' || e.kind === 'write')
    .map((e) => `    ${`${e.operation} ${e.table}`.padEnd(44)} ${String(e.requests).padStart(7)} requests  ${(e.requests / events).toFixed(2).padStart(6)}/event  ${(e.capacityUnits / events).toFixed(2).padStart(8)} CU/event  ${(e.totalMs / e.requests).toFixed(1).padStart(6)} ms mean`);
  const stream = counts.streamRequests > 0 ? [`    (stream reads of the local event source mapping: ${counts.streamRequests} requests, not table reads)`] : [];
  return [`  ${label}:`, ...lines, ...stream].join('\n');
}
