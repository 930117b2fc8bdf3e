import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { LOCAL_AWS } from '../../local/dynamodb-local';
import { createTables, tableNameEnvironment } from '../../local/create-tables';
import type { TableId } from '../../functions/storage/tables';
import { readFileSync } from 'node:fs';
import { SHIPPED_UNITS_FILES, shippedUnitsFile } from '../../domain/data/shipped-units';
import { planUnitsLoad, storeUnits } from '../../functions/storage/unit-store';
import { resetUnitDirectory } from '../../functions/shared/unit-directory';

/**
 * Fresh tables on the DynamoDB Local of the global setup, under a prefix of
 * this test file's own, with the table-name environment variables set the way
 * Lambda sets them, and the shipped units in the units store as `npm start`
 * loads them (`{ units: false }`: an empty store). Call in beforeAll.
 */
export async function createTestTables({ units = true }: { units?: boolean } = {}): Promise<{ endpoint: string; prefix: string; names: Record<TableId, string>; client: DynamoDBClient }> {
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
  resetUnitDirectory();
  // With a client of its own: the functions' shared client is created on their first call, with the endpoint the test sets.
  if (units) await storeUnits(planUnitsLoad(shippedUnitsTexts(), undefined), undefined, DynamoDBDocumentClient.from(client));
  return { endpoint, prefix, names, client };
}

/** The shipped units files as `npm run units:load` reads them. */
export function shippedUnitsTexts(): { path: string; text: string }[] {
  return SHIPPED_UNITS_FILES.map((file) => ({ path: shippedUnitsFile(file), text: readFileSync(shippedUnitsFile(file), 'utf8') }));
}
