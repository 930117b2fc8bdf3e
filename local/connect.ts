import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mkdirSync } from 'node:fs';
import { createTables, tableNameEnvironment } from './create-tables';
import { LOCAL_AWS, startDynamoDbLocal } from './dynamodb-local';
import { LOCAL_TABLE_PREFIX, localPaths } from './paths';
import { readRuntimeInfo } from './runtime-info';

/**
 * For local commands (`npm run kpi:send`, `npm run stakeholders`...): points the
 * functions' environment at the local system's DynamoDB: the one a running
 * `npm start` serves, or else a DynamoDB Local started here on the same data
 * directory (stopped by `close()`). Sets DYNAMODB_ENDPOINT, the table-name
 * variables, the local AWS region and credentials, EMAIL_TRANSPORT=outbox and OUTBOX_DIR.
 */
export async function connectToLocalSystem(options: { dataDir?: string } = {}): Promise<{ outboxDir: string; close(): Promise<void> }> {
  const paths = localPaths(options.dataDir);
  const running = readRuntimeInfo(options.dataDir);
  const dynamo = running ? undefined : await startDynamoDbLocal({ dataDir: paths.dynamodb });
  const endpoint = running?.dynamoEndpoint ?? dynamo!.endpoint;
  if (dynamo) {
    const client = new DynamoDBClient({ ...LOCAL_AWS, endpoint });
    await createTables(client, LOCAL_TABLE_PREFIX);
    client.destroy();
  }
  mkdirSync(paths.outbox, { recursive: true });
  Object.assign(process.env, localEnvironment(endpoint, paths.outbox));
  return { outboxDir: paths.outbox, close: async () => dynamo?.stop() };
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
