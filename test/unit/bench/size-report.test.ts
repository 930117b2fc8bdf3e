import { summarize, type OperationCount } from '../../../bench/dynamodb-counting-proxy';
import { GOALS, scalingRows, sizeRows, writesByTable, type SizeResults } from '../../../bench/report';
import { LOCAL_TABLE_PREFIX } from '../../../local/paths';

/** A size's results with round figures; `inMemory` and `onDisk` give the two backfills' rates and ceilings. */
function sizeWith({ onDisk, inMemory }: { onDisk: { ceiling: number; rate: number }; inMemory: { ceiling: number; rate: number } }): SizeResults {
  const latency = { count: 10, p50: 5, p90: 6, p99: 8, max: 9, mean: 5 };
  const put = (table: string, requests: number, capacityUnits: number): OperationCount => ({ operation: 'PutItem', table: `${LOCAL_TABLE_PREFIX}-${table}`, kind: 'write', requests, itemsWritten: requests, capacityUnits, totalMs: requests });
  const writes = summarize([put('events', 100, 100), put('projections', 110, 480), put('snapshots', 5, 20)]);
  const none = summarize([]);
  const ceiling = (putsPerSecond: number) => ({ puts: 1000, callers: 16, putsPerSecond, latencyMs: latency });
  const backfill = (eventsPerSecond: number) => ({ events: 100, publishSeconds: 1, settleSeconds: 100 / eventsPerSecond, eventsPerSecond, snapshotsSeen: 3, dynamodb: writes });
  return {
    products: 20,
    events: 100,
    config: {},
    ceiling: ceiling(onDisk.ceiling),
    backfill: backfill(onDisk.rate),
    inMemory: { ceiling: ceiling(inMemory.ceiling), backfill: backfill(inMemory.rate) },
    kpisAsOf: { requests: 10, firstMs: 20, latencyMs: latency, dynamodb: none, checkedDay: '2026-01-01' },
    snapshotReads: { clients: 16, requests: 100, seconds: 1, requestsPerSecond: 100, latencyMs: latency, bodyBytes: 1000, dynamodb: none },
    snapshotQuery: { requests: 100, clients: 16, requestsPerSecond: 100, latencyMs: latency },
    freshness: { eventsPerSecond: 20, events: 200, pollMs: 25, delayMs: latency, snapshotGets: 10, dynamodb: none, dynamodbWithReader: none },
    rebuild: { events: 100, aggregates: 20, seconds: 1, changedIndicators: 0, dynamodb: none },
    residentPeakBytes: 2 ** 29,
    residentAfterBackfillBytes: 2 ** 29,
    driverPeakBytes: 2 ** 27,
    costInputs: { storageBytes: 1000, freshnessFunctions: {}, eventBytes: 500 },
  };
}

const row = (size: SizeResults, figure: string) => sizeRows(size).find((r) => r.figure.startsWith(figure))!;

describe('sizeRows, the backfill beside the in-memory ceiling', () => {
  it('judges the in-memory share and prints the on-disk share without a verdict', () => {
    // Prepare: 60 % of the in-memory ceiling, 90 % of the on-disk one
    const size = sizeWith({ onDisk: { ceiling: 100, rate: 90 }, inMemory: { ceiling: 500, rate: 300 } });

    // Act
    const inMemory = row(size, 'Backfill settle rate in memory');
    const onDisk = row(size, 'Backfill settle rate on disk');

    // Assess
    expect(inMemory).toMatchObject({ goal: `≥ ${GOALS.backfillShareOfCeiling * 100} % of the in-memory ceiling`, verdict: 'PASS' });
    expect(inMemory.measured).toContain('300 events/s = 60 %');
    expect(onDisk).toMatchObject({ goal: '—', verdict: '' });
    expect(onDisk.measured).toContain('90 events/s = 90 % of the on-disk ceiling');
    expect(row(size, 'Ceiling in memory').measured).toBe('500 PutItem/s');
  });

  it('misses the goal when the in-memory share is under it, whatever the on-disk share', () => {
    // Prepare: 30 % in memory, 100 % on disk
    const size = sizeWith({ onDisk: { ceiling: 100, rate: 100 }, inMemory: { ceiling: 1000, rate: 300 } });

    // Act
    const inMemory = row(size, 'Backfill settle rate in memory');
    const flatness = scalingRows(size, sizeWith({ onDisk: { ceiling: 100, rate: 100 }, inMemory: { ceiling: 1000, rate: 150 } }))[0]!;

    // Assess
    expect(inMemory.verdict).toBe('MISS');
    expect(flatness.measured).toContain('30 % → 15 %');
    expect(flatness.verdict).toBe('MISS');
  });
});

describe('the write requests per event', () => {
  it('are judged against the goal and split by table with their write units', () => {
    // Prepare: 215 writes for 100 events (log 100, projections 110, snapshots 5)
    const size = sizeWith({ onDisk: { ceiling: 100, rate: 50 }, inMemory: { ceiling: 500, rate: 250 } });

    // Act
    const writes = row(size, 'Backfill: DynamoDB write requests per event');

    // Assess
    expect(writes.goal).toBe(`≤ ${GOALS.writeRequestsPerEvent}`);
    expect(writes.verdict).toBe('PASS');
    expect(writes.measured).toBe(`2.15, 6.0 WCU: ${writesByTable(size.backfill.dynamodb, 100)}`);
    expect(writesByTable(size.backfill.dynamodb, 100)).toBe('projections 1.10 (4.8 WCU), events 1.00 (1.0 WCU), snapshots 0.05 (0.2 WCU)');
  });
});
