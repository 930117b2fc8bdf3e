import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { vnDayOf } from '../domain';
import { tableNames } from '../local/create-tables';
import { LOCAL_TABLE_PREFIX } from '../local/paths';
import { DEFAULT_OPTIONS, startLocalSystem, type LocalSystem } from '../local/system';
import { createApiClient } from './api-client';
import { startDynamoDbCountingProxy, type DynamoDbCountingProxy } from './dynamodb-counting-proxy';
import { assertValid } from './expected-snapshot';
import { runBackfill } from './phases/backfill';
import { runDynamoDbBaseline } from './phases/dynamodb-baseline';
import { runFreshness } from './phases/freshness';
import { runSnapshotReads } from './phases/snapshot-reads';
import { formatOperations, formatTable, GOALS, resultRows } from './report';
import { EVENTS_PER_PRODUCT, syntheticHistory } from './synthetic-history';

/**
 * `npm run bench`: the whole system on DynamoDB Local (in memory), measured in
 * three phases: a backfill of 10,000 events over 2,000 products, snapshot reads
 * from 16 concurrent clients, freshness at a steady 20 events/s; then DynamoDB
 * Local alone on the same work, the ceiling of those figures. Prints the
 * figures next to the goals of the issue and writes them to .bench/results.json.
 * `--quick` runs a smaller version (500 products, 10 s of freshness).
 */
const quick = process.argv.includes('--quick');
const CONFIG = {
  products: quick ? 500 : 2000,
  readClients: 16,
  readRequests: quick ? 500 : 2000,
  freshnessEventsPerSecond: 20,
  freshnessSeconds: quick ? 10 : 30,
  backfillTimeoutMs: 240_000,
  baselineEvents: quick ? 500 : 2000,
  /** Deliveries at once per target of the local bus (its default). */
  busConcurrency: 4,
};
const resultsFile = resolve(__dirname, '..', '.bench', 'results.json');

async function main(): Promise<void> {
  console.log(`ocop-pulse bench: ${cpus().length} CPU(s) (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}${quick ? ' (quick)' : ''}`);
  const events = syntheticHistory({ products: CONFIG.products, today: vnDayOf(new Date()) });
  assertValid(events);
  console.log(`History: ${events.length} events over ${CONFIG.products} products (${EVENTS_PER_PRODUCT} each), all valid`);

  let proxy: DynamoDbCountingProxy | undefined;
  let system: LocalSystem | undefined;
  try {
    system = await startLocalSystem({
      ...DEFAULT_OPTIONS,
      inMemory: true,
      demo: false,
      schedules: false,
      apiPort: 0,
      eventsPort: 0,
      dataDir: join('.bench', 'data'),
      // The bench measures the service, not API Gateway's throttling (50/s per client by default).
      apiRateLimit: { perSecond: 1_000_000, burst: 1_000_000 },
      dynamoEndpointFor: async (endpoint) => (proxy = await startDynamoDbCountingProxy(endpoint)).endpoint,
      print: (line) => {
        if (!line.startsWith('  ✓')) console.log(line);
      },
    });
    const api = createApiClient(system.apiUrl, system.apiToken, CONFIG.readClients);
    const names = tableNames(LOCAL_TABLE_PREFIX);

    console.log(`\n1/4 Backfill: ${events.length} events through PutEvents, until the snapshot equals the expected one`);
    const backfill = await runBackfill({ events, eventsUrl: system.eventsUrl, busName: system.busName, api, proxy: proxy!, eventLogTable: names.events, timeoutMs: CONFIG.backfillTimeoutMs });
    console.log(`  settled after ${backfill.settleSeconds} s (published in ${backfill.publishSeconds} s): ${backfill.eventsPerSecond} events/s`);
    await system.settle();

    console.log(`\n2/4 Snapshot reads: ${CONFIG.readRequests} × GET /v1/snapshots/latest from ${CONFIG.readClients} clients`);
    const snapshotReads = await runSnapshotReads({ api, proxy: proxy!, clients: CONFIG.readClients, requests: CONFIG.readRequests });
    console.log(`  p50 ${snapshotReads.latencyMs.p50} ms, p99 ${snapshotReads.latencyMs.p99} ms, ${snapshotReads.requestsPerSecond} requests/s, ${snapshotReads.bodyBytes} bytes each`);

    console.log(`\n3/4 Freshness: ${CONFIG.freshnessEventsPerSecond} events/s for ${CONFIG.freshnessSeconds} s, each a new dossier (dossiers.year + 1)`);
    const perGet = { reads: snapshotReads.dynamodb.reads / snapshotReads.requests, readCapacityUnits: snapshotReads.dynamodb.readCapacityUnits / snapshotReads.requests };
    const freshness = await runFreshness({ eventsUrl: system.eventsUrl, busName: system.busName, api, proxy: proxy!, eventsPerSecond: CONFIG.freshnessEventsPerSecond, seconds: CONFIG.freshnessSeconds, perGet });
    console.log(`  p50 ${freshness.delayMs.p50} ms, p99 ${freshness.delayMs.p99} ms, max ${freshness.delayMs.max} ms`);
    api.close();

    console.log(`\n4/4 DynamoDB Local alone (bare SDK, same items): the write path of ${CONFIG.baselineEvents} events ×${CONFIG.busConcurrency}, the latest-snapshot Query ×${CONFIG.readClients}`);
    const baseline = await runDynamoDbBaseline({ endpoint: system.dynamoEndpoint, events: CONFIG.baselineEvents, writeConcurrency: CONFIG.busConcurrency, readClients: CONFIG.readClients, readRequests: CONFIG.readRequests });
    console.log(`  write path ${baseline.writePath.eventsPerSecond} events/s; Query p50 ${baseline.latestSnapshotQuery.latencyMs.p50} ms, p99 ${baseline.latestSnapshotQuery.latencyMs.p99} ms`);

    const results = { backfill, snapshotReads, freshness, baseline };
    console.log(`\nResults (goals of the issue for a 2-core machine; informational)\n`);
    console.log(formatTable(resultRows(results)));
    console.log(`\nDynamoDB requests by operation (reads and writes, capacity as DynamoDB Local reports it):`);
    console.log(formatOperations('backfill', backfill.dynamodb, backfill.events));
    console.log(formatOperations(`steady ${freshness.eventsPerSecond} events/s (the reader's GETs included)`, freshness.dynamodbWithReader, freshness.events));
    console.log(formatOperations('one GET /v1/snapshots/latest', snapshotReads.dynamodb, snapshotReads.requests));

    mkdirSync(resolve(resultsFile, '..'), { recursive: true });
    const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform };
    writeFileSync(resultsFile, `${JSON.stringify({ at: new Date().toISOString(), machine, config: CONFIG, goals: GOALS, ...results }, null, 2)}\n`);
    console.log(`\nWritten to ${resultsFile}`);
  } finally {
    await system?.stop();
    await proxy?.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('\nThe bench failed:', error);
    process.exit(1);
  },
);
