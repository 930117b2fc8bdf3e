import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { InboundEvent } from '../events';
import type { FunctionId } from '../functions/catalog';
import { queues, schedules, streamConsumers, subscriptions, TriggerDefinitionError } from '../functions/triggers';
import { localEnvironment } from './connect';
import { createTables, tableNames } from './create-tables';
import { LOCAL_AWS, startDynamoDbLocal } from './dynamodb-local';
import { LocalEventBus, startPutEventsServer, type BusEvent } from './eventbridge';
import { invokeFunction, isFunctionId } from './function-runtime';
import { startHttpApiWorker } from './http-api-thread';
import { LOCAL_TABLE_PREFIX, localPaths } from './paths';
import { writeRuntimeInfo } from './runtime-info';
import { runSchedules } from './schedules';
import { StreamPoller } from './stream-poller';
import { loadDemo } from './demo/load-demo';
import { demoHistory } from './demo/demo-history';
import { importDemoRegister, writeDemoRegister } from './demo/register-workbooks';
import { formerRegister } from './demo/merged-province';
import { createProgressBar } from './demo/progress-bar';
import { loadShippedUnits } from './load-shipped-units';
import { inTurnPerKey } from './in-turn';

/** The whole system on one machine (CONTRACT §5): what `npm start` runs, and what the end-to-end test and the benchmark start. */
export interface LocalSystemOptions {
  host: string;
  apiPort: number;
  eventsPort: number;
  busName: string;
  dataDir: string;
  inMemory: boolean;
  demo: boolean;
  apiToken?: string;
  schedules: boolean;
  verbose: boolean;
  /** Where progress and activity lines go (default: the console). */
  print?: (line: string) => void;
  /** Overrides of the bus's retry timing (tests). */
  busRetryBaseDelayMs?: number;
  /** Scales the queues' visibility timeouts (tests; default 1, as deployed). */
  queueTimeScale?: number;
  /** Puts something between the system and DynamoDB Local (the benchmark's counting proxy): given DynamoDB Local's endpoint, returns the one the functions and the stream poller use. */
  dynamoEndpointFor?: (dynamoLocalEndpoint: string) => Promise<string>;
  /** The HTTP API's throttling per client, as API Gateway's (default 50 requests/s, burst 100). */
  apiRateLimit?: { perSecond: number; burst: number };
}

export interface LocalSystem {
  apiUrl: string;
  eventsUrl: string;
  dynamoEndpoint: string;
  /** Where emails go: `<data dir>/outbox`, or a temporary folder in memory. */
  outboxDir: string;
  apiToken: string;
  busName: string;
  demoEvents: number;
  /** Where the demo wrote the registers it imported (first start with demo data only). */
  demoRegistersDir?: string;
  bus: LocalEventBus;
  /** Waits until every accepted event is delivered and the snapshot reflects it. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/** The schedule `npm start` also runs once at start, so the snapshot is today's. */
const DAILY_SNAPSHOT_SCHEDULE = 'daily-snapshot';

export const DEFAULT_OPTIONS: LocalSystemOptions = {
  host: '127.0.0.1',
  apiPort: 3000,
  eventsPort: 4010,
  busName: 'ocop-pulse',
  dataDir: '.ocop',
  inMemory: false,
  demo: true,
  schedules: true,
  verbose: false,
};

export async function startLocalSystem(options: LocalSystemOptions): Promise<LocalSystem> {
  const print = options.print ?? ((line: string) => console.log(line));
  const paths = localPaths(options.dataDir);
  // In memory, nothing goes under the data directory: the outbox is a temporary folder of its own.
  const outboxDir = options.inMemory ? mkdtempSync(join(tmpdir(), 'ocop-pulse-outbox-')) : paths.outbox;
  mkdirSync(outboxDir, { recursive: true });

  print(options.inMemory ? 'Starting DynamoDB Local (in memory)…' : `Starting DynamoDB Local (data in ${paths.dynamodb})…`);
  // The first start of a data directory decides about demo data once: a later start never adds it to data of its own.
  const initializedMarker = join(paths.dataDir, 'initialized.json');
  const firstStart = options.inMemory || !existsSync(initializedMarker);
  const dynamo = await startDynamoDbLocal(options.inMemory ? {} : { dataDir: paths.dynamodb });
  const stops: Array<() => Promise<void> | void> = [() => dynamo.stop()];
  // Announced before the API answers and before the demo load, so a local command never opens a second DynamoDB Local on these files.
  const announcement = { pid: process.pid, dataDir: options.inMemory ? null : paths.dataDir, dynamoEndpoint: dynamo.endpoint, outboxDir, startedAt: new Date().toISOString() };
  stops.push(writeRuntimeInfo(announcement));
  try {
    const admin = new DynamoDBClient({ ...LOCAL_AWS, endpoint: dynamo.endpoint });
    await createTables(admin, LOCAL_TABLE_PREFIX);
    admin.destroy();

    const dynamoEndpoint = options.dynamoEndpointFor ? await options.dynamoEndpointFor(dynamo.endpoint) : dynamo.endpoint;
    const apiToken = options.apiToken ?? persistentToken(options.inMemory ? undefined : join(paths.dataDir, 'api-token'));
    Object.assign(process.env, localEnvironment(dynamoEndpoint, outboxDir), {
      EVENT_BUS_NAME: options.busName,
      API_TOKEN: apiToken,
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? (options.verbose ? 'INFO' : 'WARN'),
      POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
    });

    await loadShippedUnits({ print, verbose: options.verbose });

    let quiet = false;
    const bus = new LocalEventBus({
      name: options.busName,
      region: LOCAL_AWS.region,
      subscriptions,
      ...(options.inMemory ? {} : { dataDir: paths.bus }),
      ...(options.busRetryBaseDelayMs !== undefined && { retryBaseDelayMs: options.busRetryBaseDelayMs }),
      queues,
      ...(options.queueTimeScale !== undefined && { queueTimeScale: options.queueTimeScale }),
      targets: {
        invokeFunction: async (functionId, event) => {
          if (!isFunctionId(functionId)) throw new Error(`No function ${functionId} in functions/catalog.ts`);
          return invokeFunction(functionId, event);
        },
        auditLog: (envelope) => {
          if (options.verbose) print(`  bus: ${envelope.source} ${envelope['detail-type']} ${envelope.id}`);
          // The console shows what a district would hear: its rejections, as announced on the bus.
          else if (!quiet && envelope['detail-type'] === 'EventRejected') print(rejectionLine(envelope));
        },
      },
      log: (level, message, fields) => {
        if (level !== 'info' || options.verbose) print(`  bus ${level}: ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`);
      },
    });
    stops.unshift(() => bus.close(options.inMemory ? {} : { drain: false }));
    const eventsServer = await startPutEventsServer({ host: options.host, port: options.eventsPort, bus });
    stops.unshift(() => eventsServer.close());
    process.env.EVENTS_ENDPOINT = eventsServer.url;

    // The stream triggers (functions/<name>/trigger.ts): a poller of the table's stream for each, standing in for the
    // event source mapping; a consumer's invocations run one after another, as the batches of one shard do.
    const inTurn = inTurnPerKey<FunctionId>();
    const invokeInTurn = (functionId: FunctionId, event: unknown) => inTurn.run(functionId, () => invokeFunction(functionId, event).then(() => undefined));
    const pollers: StreamPoller[] = [];
    for (const { functionId, trigger } of streamConsumers) {
      const poller = new StreamPoller({
        dynamoEndpoint,
        tableName: tableNames(LOCAL_TABLE_PREFIX)[trigger.table],
        batchSize: trigger.batchSize,
        maxBatchingWindowMs: trigger.maxBatchingWindowSeconds * 1000,
        onBatch: (records) => invokeInTurn(functionId, { Records: records }),
        onError: (error) => print(`  stream: ${(error as Error).name} ${(error as Error).message} ${(error as Error).stack?.split('\n').slice(1,4).join(' ')}`),
      });
      await poller.start();
      stops.unshift(() => poller.stop());
      pollers.push(poller);
    }

    // On a thread of its own, as the http-api function is its own process in AWS (it gets the environment set above).
    const api = await startHttpApiWorker({
      host: options.host,
      port: options.apiPort,
      ...(options.apiRateLimit && { rateLimit: options.apiRateLimit }),
    });
    stops.unshift(() => api.close());
    writeRuntimeInfo({ ...announcement, apiUrl: api.url, eventsUrl: eventsServer.url });

    let demoEvents = 0;
    let demoRegistersDir: string | undefined;
    if (options.demo && firstStart) {
      // Trà Vinh's history to the import day, the registers of the former Vĩnh Long and Bến Tre as workbooks
      // through the import's steps, then every later event (local/demo/README.md).
      const { before, registers, after, importDay } = demoHistory();
      const registersDir = options.inMemory ? mkdtempSync(join(tmpdir(), 'ocop-pulse-demo-')) : join(paths.dataDir, 'demo');
      const bar = createProgressBar({ label: 'Demo data (Trà Vinh, then the merged Vĩnh Long, from the published figures)' });
      quiet = true;
      const client = new EventBridgeClient({ ...LOCAL_AWS, endpoint: eventsServer.url });
      const total = before.length + after.length + registers.reduce((sum, register) => sum + 2 * formerRegister(register.province).length, 0);
      let done = 0;
      const publish = async (events: InboundEvent[]) => {
        await loadDemo({ client, eventBusName: options.busName, events, onProgress: ({ published }) => bar.update(done + published, total) });
        done += events.length;
      };
      await publish(before);
      // Each part is delivered before the next is published: no event comes before its product's registration.
      await bus.drain();
      for (const register of registers) {
        const path = await writeDemoRegister(registersDir, register);
        const summary = await importDemoRegister(path, {
          client,
          eventBusName: options.busName,
          today: importDay,
          onProgress: ({ phase, done: n }) => phase === 'publish' && bar.update(done + n, total),
        });
        done += summary.eventsPublished;
        if (summary.rejected.length > 0) {
          const first = summary.rejected[0]!;
          print(
            `\nDemo: the register of ${register.label} (${path}) was not imported: ${summary.rejected.length} of ${summary.rowsRead} rows refused, ` +
              `e.g. row ${first.rowNumber}: ${first.problems[0]?.reason ?? ''}`,
          );
        }
        await bus.drain();
      }
      await publish(after);
      await bus.drain();
      client.destroy();
      bar.finish();
      quiet = false;
      demoEvents = done;
      demoRegistersDir = registersDir;
    }
    if (firstStart && !options.inMemory) writeFileSync(initializedMarker, `${JSON.stringify({ at: new Date().toISOString(), demoEvents })}\n`);
    // Today's snapshot at start: the daily schedule's invocation, in turn with the stream's.
    const dailySnapshot = schedules.find((schedule) => schedule.id === DAILY_SNAPSHOT_SCHEDULE);
    if (!dailySnapshot) throw new TriggerDefinitionError(`No schedule ${DAILY_SNAPSHOT_SCHEDULE} among the functions' triggers`);
    await invokeInTurn(dailySnapshot.functionId, dailySnapshot.input);

    if (options.schedules) {
      const running = runSchedules(schedules, async (schedule) => {
        print(`Schedule ${schedule.id}: invoking ${schedule.functionId}`);
        await invokeFunction(schedule.functionId, schedule.input).catch((error: Error) => print(`Schedule ${schedule.id} failed: ${error.message}`));
      });
      stops.unshift(() => running.stop());
    }

    return {
      apiUrl: api.url,
      eventsUrl: eventsServer.url,
      dynamoEndpoint: dynamo.endpoint,
      outboxDir,
      apiToken,
      busName: options.busName,
      demoEvents,
      ...(demoRegistersDir && { demoRegistersDir }),
      bus,
      settle: async () => {
        await bus.drain();
        for (const poller of pollers) await poller.whenIdle();
        await inTurn.settled();
      },
      stop: async () => {
        for (const stop of stops) await stop();
      },
    };
  } catch (error) {
    for (const stop of stops) await stop();
    throw error;
  }
}

function persistentToken(file: string | undefined): string {
  if (file && existsSync(file)) return readFileSync(file, 'utf8').trim();
  const token = randomBytes(24).toString('base64url');
  if (file) writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

function rejectionLine(envelope: BusEvent): string {
  const detail = envelope.detail as { rejectedDetailType?: string; rejectedSource?: string; reasons?: string[] };
  return `  ✗ rejected ${detail.rejectedDetailType} from ${detail.rejectedSource}: ${(detail.reasons ?? []).join('; ')}`;
}
