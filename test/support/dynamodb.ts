import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { LOCAL_AWS } from '../../local/dynamodb-local';
import { createTables, tableNameEnvironment } from '../../local/create-tables';
import type { TableId } from '../../functions/shared/tables';

/**
 * Fresh tables on the DynamoDB Local of the global setup, under a prefix of
 * this test file's own, with the table-name environment variables set the way
 * Lambda sets them. Call in beforeAll.
 */
export async function createTestTables(): Promise<{ endpoint: string; prefix: string; names: Record<TableId, string>; client: DynamoDBClient }> {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('DYNAMODB_ENDPOINT is not set: run this test in the jest "integration" project');
  const prefix = `t${randomUUID().slice(0, 8)}`;
  const client = new DynamoDBClient({ ...LOCAL_AWS, endpoint });
  const names = await createTables(client, prefix);
  Object.assign(process.env, tableNameEnvironment(prefix), {
    AWS_REGION: LOCAL_AWS.region,
    AWS_ACCESS_KEY_ID: LOCAL_AWS.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_AWS.credentials.secretAccessKey,
  });
  return { endpoint, prefix, names, client };
}
