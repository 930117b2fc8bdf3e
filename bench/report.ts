import type { DynamoDbCounts } from './dynamodb-counting-proxy';
import type { BackfillResult } from './phases/backfill';
import type { DynamoDbBaselineResult } from './phases/dynamodb-baseline';
import type { FreshnessResult } from './phases/freshness';
import type { SnapshotReadsResult } from './phases/snapshot-reads';

/** The goals of the issue, for a 2-core machine. */
export const GOALS = { backfillEventsPerSecond: 200, freshnessP99Ms: 2000, snapshotReadP99Ms: 20 } as const;

export interface BenchResults {
  backfill: BackfillResult;
  snapshotReads: SnapshotReadsResult;
  freshness: FreshnessResult;
  baseline: DynamoDbBaselineResult;
}

interface Row {
  figure: string;
  goal: string;
  measured: string;
  verdict: string;
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const perEvent = (value: number, events: number) => (value / events).toFixed(2);

export function resultRows({ backfill, snapshotReads, freshness, baseline }: BenchResults): Row[] {
  const db = (label: string, counts: DynamoDbCounts, events: number): Row[] => [
    { figure: `DynamoDB reads per event, ${label}`, goal: '—', measured: `${perEvent(counts.reads, events)} requests, ${perEvent(counts.readCapacityUnits, events)} RCU`, verdict: '' },
    { figure: `DynamoDB writes per event, ${label}`, goal: '—', measured: `${perEvent(counts.writes, events)} requests, ${perEvent(counts.writeCapacityUnits, events)} WCU`, verdict: '' },
  ];
  return [
    { figure: `Backfill, ${backfill.events} events until the KPIs settle`, goal: `≥ ${GOALS.backfillEventsPerSecond} events/s`, measured: `${backfill.eventsPerSecond} events/s (${backfill.settleSeconds} s)`, verdict: verdict(backfill.eventsPerSecond >= GOALS.backfillEventsPerSecond) },
    { figure: `Freshness p50, PutEvents → snapshot (${freshness.eventsPerSecond} events/s)`, goal: '—', measured: `${freshness.delayMs.p50} ms`, verdict: '' },
    { figure: `Freshness p99, PutEvents → snapshot (${freshness.eventsPerSecond} events/s)`, goal: `< ${GOALS.freshnessP99Ms} ms`, measured: `${freshness.delayMs.p99} ms`, verdict: verdict(freshness.delayMs.p99 < GOALS.freshnessP99Ms) },
    { figure: `GET /v1/snapshots/latest p50 (${snapshotReads.clients} clients)`, goal: '—', measured: `${snapshotReads.latencyMs.p50} ms`, verdict: '' },
    { figure: `GET /v1/snapshots/latest p99 (${snapshotReads.clients} clients)`, goal: `< ${GOALS.snapshotReadP99Ms} ms`, measured: `${snapshotReads.latencyMs.p99} ms`, verdict: verdict(snapshotReads.latencyMs.p99 < GOALS.snapshotReadP99Ms) },
    ...db('backfill', backfill.dynamodb, backfill.events),
    ...db(`steady ${freshness.eventsPerSecond}/s`, freshness.dynamodb, freshness.events),
    { figure: `DynamoDB Local alone: write path of one event (×${baseline.writePath.concurrency})`, goal: 'ceiling', measured: `${baseline.writePath.eventsPerSecond} events/s`, verdict: '' },
    { figure: `DynamoDB Local alone: latest-snapshot Query (×${baseline.latestSnapshotQuery.clients})`, goal: 'ceiling', measured: `p50 ${baseline.latestSnapshotQuery.latencyMs.p50} ms, p99 ${baseline.latestSnapshotQuery.latencyMs.p99} ms`, verdict: '' },
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
