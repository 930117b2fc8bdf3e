import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mkdirSync } from 'node:fs';
import { createTables, tableNameEnvironment } from './create-tables';
import { LOCAL_AWS, startDynamoDbLocal } from './dynamodb-local';
import { LOCAL_TABLE_PREFIX, localPaths } from './paths';
import { dataDirectoryOwner, DataDirectoryInUseError } from './data-dir-lock';
import { readRuntimeInfo, runningInMemorySystems, type RuntimeInfo } from './runtime-info';

/**
 * For local commands (`npm run kpi:send`, `npm run stakeholders`...): points the
 * functions' environment at the local system's DynamoDB, and says on stderr which:
 * - the `npm start` running on the data directory (`.ocop/` or `OCOP_DATA_DIR`);
 * - else, unless a data directory was named, a running `npm start --in-memory` (the newest, when several run);
 * - else a DynamoDB Local started here on the data directory (stopped by `close()`).
 * While an `npm start` is still starting on the data directory, waits for its announcement.
 * Sets DYNAMODB_ENDPOINT, the table-name variables, the local AWS region and
 * credentials, EMAIL_TRANSPORT=outbox and OUTBOX_DIR (the running system's outbox).
 */
export async function connectToLocalSystem(
  options: { dataDir?: string; say?: (line: string) => void; startWaitMs?: number } = {},
): Promise<{ outboxDir: string; running?: RuntimeInfo; close(): Promise<void> }> {
  const say = options.say ?? ((line: string) => console.error(line));
  const paths = localPaths(options.dataDir);
  const running = (await announcedSystemOf(paths.dynamodb, options.dataDir, options.startWaitMs ?? 120_000, say)) ?? (explicitDataDir(options.dataDir) ? undefined : runningInMemorySystems()[0]);
  if (running) {
    const outboxDir = running.outboxDir ?? paths.outbox;
    say(
      running.dataDir === null
        ? `Using the running npm start --in-memory (process ${running.pid}, outbox ${outboxDir}).`
        : `Using the running npm start (process ${running.pid}, data in ${paths.dataDir}).`,
    );
    Object.assign(process.env, localEnvironment(running.dynamoEndpoint, outboxDir));
    return { outboxDir, running, close: async () => {} };
  }
  say(`No npm start is running: using the data in ${paths.dataDir} (a DynamoDB Local started for this command).`);
  const dynamo = await startDynamoDbLocal({ dataDir: paths.dynamodb });
  const client = new DynamoDBClient({ ...LOCAL_AWS, endpoint: dynamo.endpoint });
  await createTables(client, LOCAL_TABLE_PREFIX);
  client.destroy();
  mkdirSync(paths.outbox, { recursive: true });
  Object.assign(process.env, localEnvironment(dynamo.endpoint, paths.outbox));
  return { outboxDir: paths.outbox, close: async () => dynamo.stop() };
}

/** A data directory named on purpose (option or OCOP_DATA_DIR) means that one: no falling back to an in-memory system. */
const explicitDataDir = (dataDir: string | undefined) => dataDir !== undefined || process.env.OCOP_DATA_DIR !== undefined;

/** The system announced for the data directory; while the lock's owner is alive but not yet announced (starting), waits for it. */
async function announcedSystemOf(dynamoDir: string, dataDir: string | undefined, waitMs: number, say: (line: string) => void): Promise<RuntimeInfo | undefined> {
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    const info = readRuntimeInfo(dataDir);
    if (info) return info;
    const owner = dataDirectoryOwner(dynamoDir);
    if (!owner || owner.pid === process.pid) return undefined;
    if (Date.now() > deadline) throw new DataDirectoryInUseError(`Process ${owner.pid} holds ${dynamoDir} but announced no system in ${waitMs / 1000} s; is it an npm start that hangs?`);
    if (!told) say(`npm start (process ${owner.pid}) is starting on ${dynamoDir}; waiting for it…`);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The environment the functions run with locally. */
export function localEnvironment(dynamoEndpoint: string, outboxDir: string): Record<string, string> {
  return {
    ...tableNameEnvironment(LOCAL_TABLE_PREFIX),
    DYNAMODB_ENDPOINT: dynamoEndpoint,
    AWS_REGION: LOCAL_AWS.region,
    AWS_ACCESS_KEY_ID: LOCAL_AWS.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_AWS.credentials.secretAccessKey,
    EMAIL_TRANSPORT: 'outbox',
    OUTBOX_DIR: outboxDir,
  };
}
