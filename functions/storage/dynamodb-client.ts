import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { MissingConfigurationError } from '../shared/configuration-error';
import { tables, type TableId } from './tables';

/**
 * The DynamoDB client of the stores, created once per process (in AWS from the
 * Lambda environment; locally `DYNAMODB_ENDPOINT` points it at DynamoDB
 * Local), and the deployed name of each table. With the stores of this folder,
 * the only code that imports `@aws-sdk/lib-dynamodb`.
 */
let documentClient: DynamoDBDocumentClient | undefined;

/** A new low-level client for DynamoDB, for code that needs its own (the Powertools idempotency layer). */
export function newDynamoClient(): DynamoDBClient {
  return new DynamoDBClient({ ...(process.env.DYNAMODB_ENDPOINT && { endpoint: process.env.DYNAMODB_ENDPOINT }) });
}

export function dynamoDocumentClient(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(newDynamoClient(), { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false } });
  return documentClient;
}

/** The deployed name of a table, from the environment variable the CDK app (or `npm start`) sets. */
export function tableName(id: TableId): string {
  const name = process.env[tables[id].tableNameEnv];
  if (!name) throw new MissingConfigurationError(`${tables[id].tableNameEnv} is not set: the function cannot find the ${id} table`);
  return name;
}
