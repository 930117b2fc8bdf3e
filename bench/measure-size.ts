import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { vnDayOf } from '../domain';
import { tableNames } from '../local/create-tables';
import { LOCAL_TABLE_PREFIX } from '../local/paths';
import { localEnvironment } from '../local/connect';
import { DEFAULT_OPTIONS } from '../local/system';
import { createApiClient } from './api-client';
import { startDynamoDbCountingProxy, type DynamoDbCountingProxy } from './dynamodb-counting-proxy';
import { assertValid } from './expected-snapshot';
import { runBackfill } from './phases/backfill';
import { measureConditionalPuts, measureSnapshotQuery } from './phases/dynamodb-baseline';
import { runFreshness } from './phases/freshness';
import { runKpisAsOf } from './phases/kpis-as-of';
import { runRebuild } from './phases/rebuild';
import { runSnapshotReads } from './phases/snapshot-reads';
import type { SizeResults } from './report';
import { tableBytes } from './cost/table-bytes';
import { sampleOwnResidentMemory, sampleResidentMemory, type MemorySampler } from './resident-memory';
import { startSystemProcess, type SystemProcess } from './system-client';
import { EVENTS_PER_PRODUCT, syntheticHistory } from './synthetic-history';

/**
 * One size of the bench, in a process of its own (so no cache of the
 * functions carries over from one size to the next): the whole system as
 * `npm start` runs it (DynamoDB Local with its data on disk, in a fresh
 * directory) in a child process of its own (bench/system-process.ts), so its
 * resident memory is measured apart from this driver's; `--products`
 * products, measured in seven phases; then, in an eighth, the same backfill
 * into a fresh system started as `npm start --in-memory`, beside its DynamoDB
 * Local's own ceiling. Writes its results as JSON to `--out`.
 * `BENCH_CPU_PROF_DIR=<dir>` profiles the in-memory system's process (Node's
 * --cpu-prof), the profile written under `<dir>/size-<products>/`.
 * Run by bench/run.ts.
 */
const { values } = parseArgs({ options: { products: { type: 'string' }, out: { type: 'string' }, quick: { type: 'boolean' } } });
const products = Number(values.products);
if (!Number.isInteger(products) || products < 1 || !values.out) throw new Error('usage: measure-size.ts --products N --out results.json [--quick]');
const quick = values.quick ?? false;
const CONFIG = {
  products,
  ceilingPuts: quick ? 1000 : 3000,
  ceilingCallers: 16,
  readClients: 16,
  readRequests: quick ? 500 : 2000,
  kpisAsOfRequests: quick ? 10 : 40,
  freshnessEventsPerSecond: 20,
  freshnessSeconds: quick ? 10 : 30,
  /** The backfill fails when no event was projected for this long. */
  backfillStallMs: 120_000,
};

async function main(): Promise<void> {
  const driverMemory = sampleOwnResidentMemory();
  let memory: MemorySampler | undefined;
  const today = vnDayOf(new Date());
  const events = syntheticHistory({ products, today });
  assertValid(events);
  console.log(`History: ${events.length} events over ${products} products (${EVENTS_PER_PRODUCT} each), all valid`);

  let proxy: DynamoDbCountingProxy | undefined;
  let system: SystemProcess | undefined;
  /** The system as the bench starts it, behind a counting proxy of its own; `proxy` and `system` are the running ones. */
  const start = async (storage: { inMemory: true; cpuProfileDir?: string } | { inMemory: false; dataDir: string }) => {
    system = await startSystemProcess({
      ...DEFAULT_OPTIONS,
      ...storage,
      demo: false,
      schedules: false,
      apiPort: 0,
      eventsPort: 0,
      // The bench measures the service, not API Gateway's throttling (50/s per client by default).
      apiRateLimit: { perSecond: 1_000_000, burst: 1_000_000 },
      dynamoEndpointFor: async (endpoint) => (proxy = await startDynamoDbCountingProxy(endpoint)).endpoint,
    });
    return { system, proxy: proxy! };
  };
  try {
    // As `npm start` runs by default: DynamoDB Local with its data on disk (a fresh directory per size).
    const dataDir = join('.bench', `data-${products}`);
    rmSync(dataDir, { recursive: true, force: true });
    ({ system } = await start({ inMemory: false, dataDir }));
    // The system's processes: its node process (the functions, the bus, the HTTP API's thread) and DynamoDB Local under it.
    memory = sampleResidentMemory(500, system.pid);
    // The rebuild phase runs here, as `npm run rebuild` is a process of its own beside npm start.
    Object.assign(process.env, localEnvironment(proxy!.endpoint, system.outboxDir));
    const api = createApiClient(system.apiUrl, system.apiToken, CONFIG.readClients);
    const names = tableNames(LOCAL_TABLE_PREFIX);

    console.log(`\n1/8 DynamoDB Local alone: ${CONFIG.ceilingPuts} conditional PutItem from ${CONFIG.ceilingCallers} callers (the ceiling)`);
    const ceiling = await measureConditionalPuts({ endpoint: system.dynamoEndpoint, puts: CONFIG.ceilingPuts, callers: CONFIG.ceilingCallers, runId: String(products) });
    console.log(`  ${ceiling.putsPerSecond} PutItem/s (p50 ${ceiling.latencyMs.p50} ms)`);

    console.log(`\n2/8 Backfill: ${events.length} events through PutEvents, until the snapshot equals the expected one`);
    const backfill = await runBackfill({ events, eventsUrl: system.eventsUrl, busName: system.busName, api, proxy: proxy!, eventLogTable: names.events, stallMs: CONFIG.backfillStallMs });
    console.log(`  settled after ${backfill.settleSeconds} s (published in ${backfill.publishSeconds} s): ${backfill.eventsPerSecond} events/s`);
    await system.settle();
    const residentAfterBackfill = memory.peakBytes();
    const storageBytes = await tableBytes(system.dynamoEndpoint, Object.values(names));
    const driverAfterBackfill = driverMemory.peakBytes();

    console.log(`\n3/8 GET /v1/kpis?asOf=<a past day>: ${CONFIG.kpisAsOfRequests} days, one client`);
    const kpisAsOf = await runKpisAsOf({ api, proxy: proxy!, events, today, requests: CONFIG.kpisAsOfRequests });
    console.log(`  first (loads the read model) ${kpisAsOf.firstMs} ms; then p50 ${kpisAsOf.latencyMs.p50} ms, p99 ${kpisAsOf.latencyMs.p99} ms`);

    console.log(`\n4/8 Snapshot reads: ${CONFIG.readRequests} × GET /v1/snapshots/latest from ${CONFIG.readClients} clients`);
    const snapshotReads = await runSnapshotReads({ api, proxy: proxy!, clients: CONFIG.readClients, requests: CONFIG.readRequests });
    console.log(`  p50 ${snapshotReads.latencyMs.p50} ms, p99 ${snapshotReads.latencyMs.p99} ms, ${snapshotReads.requestsPerSecond} requests/s, ${snapshotReads.bodyBytes} bytes each`);
    const snapshotQuery = await measureSnapshotQuery({ endpoint: system.dynamoEndpoint, requests: CONFIG.readRequests, clients: CONFIG.readClients });
    console.log(`  DynamoDB Local alone, the latest-snapshot Query ×${CONFIG.readClients}: p50 ${snapshotQuery.latencyMs.p50} ms, p99 ${snapshotQuery.latencyMs.p99} ms`);

    console.log(`\n5/8 Freshness: ${CONFIG.freshnessEventsPerSecond} events/s for ${CONFIG.freshnessSeconds} s, each a new dossier (dossiers.year + 1)`);
    const perGet = { reads: snapshotReads.dynamodb.reads / snapshotReads.requests, readCapacityUnits: snapshotReads.dynamodb.readCapacityUnits / snapshotReads.requests };
    const statsBefore = await system.functionStats();
    const freshness = await runFreshness({ eventsUrl: system.eventsUrl, busName: system.busName, api, proxy: proxy!, eventsPerSecond: CONFIG.freshnessEventsPerSecond, seconds: CONFIG.freshnessSeconds, perGet });
    console.log(`  p50 ${freshness.delayMs.p50} ms, p99 ${freshness.delayMs.p99} ms, max ${freshness.delayMs.max} ms`);
    api.close();
    await system.settle();
    const statsAfter = await system.functionStats();
    const freshnessFunctions = Object.fromEntries(
      Object.entries(statsAfter).map(([id, after]) => [id, { invocations: after!.invocations - (statsBefore[id]?.invocations ?? 0), totalMs: after!.totalMs - (statsBefore[id]?.totalMs ?? 0) }]),
    );

    console.log(`\n6/8 Rebuild: the event log replayed into the projections and the read model`);
    const rebuild = await runRebuild({ proxy: proxy! });
    console.log(`  ${rebuild.events} events into ${rebuild.aggregates} aggregates in ${rebuild.seconds} s; the KPIs of today unchanged`);

    console.log(`\n7/8 Resident memory of the system (its node process and DynamoDB Local), apart from this driver's`);
    const residentPeakBytes = memory.peakBytes();
    const driverPeakBytes = driverMemory.peakBytes();
    console.log(`  peak ${Math.round(residentPeakBytes / 2 ** 20)} MB (${Math.round(residentAfterBackfill / 2 ** 20)} MB by the end of the backfill); the driver apart: ${Math.round(driverPeakBytes / 2 ** 20)} MB (${Math.round(driverAfterBackfill / 2 ** 20)} MB by the end of the backfill, the rebuild's run since)`);

    memory.stop();
    await system.stop();
    await proxy!.close();
    [system, proxy] = [undefined, undefined];

    // `npm start --in-memory`: the same history into a fresh system whose DynamoDB Local keeps its tables in memory,
    // beside that DynamoDB Local's own ceiling: what the system itself spends per event, no longer hidden by the disk.
    console.log(`\n8/8 In memory (npm start --in-memory): the ceiling again, then the same backfill into a fresh system`);
    const cpuProfileDir = process.env.BENCH_CPU_PROF_DIR;
    const inMemorySystem = await start({ inMemory: true, ...(cpuProfileDir && { cpuProfileDir: join(cpuProfileDir, `size-${products}`) }) });
    const inMemoryCeiling = await measureConditionalPuts({ endpoint: inMemorySystem.system.dynamoEndpoint, puts: CONFIG.ceilingPuts, callers: CONFIG.ceilingCallers, runId: `${products}-in-memory` });
    console.log(`  DynamoDB Local in memory alone: ${inMemoryCeiling.putsPerSecond} PutItem/s (p50 ${inMemoryCeiling.latencyMs.p50} ms)`);
    const inMemoryApi = createApiClient(inMemorySystem.system.apiUrl, inMemorySystem.system.apiToken, 1);
    const inMemoryBackfill = await runBackfill({ events, eventsUrl: inMemorySystem.system.eventsUrl, busName: inMemorySystem.system.busName, api: inMemoryApi, proxy: inMemorySystem.proxy, eventLogTable: names.events, stallMs: CONFIG.backfillStallMs });
    inMemoryApi.close();
    console.log(`  settled after ${inMemoryBackfill.settleSeconds} s: ${inMemoryBackfill.eventsPerSecond} events/s = ${Math.round((100 * inMemoryBackfill.eventsPerSecond) / inMemoryCeiling.putsPerSecond)} % of the in-memory ceiling (on disk: ${Math.round((100 * backfill.eventsPerSecond) / ceiling.putsPerSecond)} % of ${ceiling.putsPerSecond}/s)`);

    const results: SizeResults = { products, events: events.length, config: CONFIG, ceiling, backfill, inMemory: { ceiling: inMemoryCeiling, backfill: inMemoryBackfill }, kpisAsOf, snapshotReads, snapshotQuery, freshness, rebuild, residentPeakBytes, residentAfterBackfillBytes: residentAfterBackfill, driverPeakBytes,
      costInputs: { storageBytes, freshnessFunctions, eventBytes: events.reduce((sum, event) => sum + JSON.stringify(event).length, 0) / events.length } };
    writeFileSync(values.out!, `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    memory?.stop();
    driverMemory.stop();
    await (system as SystemProcess | undefined)?.stop();
    await (proxy as DynamoDbCountingProxy | undefined)?.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('\nThe bench failed:', error);
    process.exit(1);
  },
);
