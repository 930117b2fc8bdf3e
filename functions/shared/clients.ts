import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { tables, type TableId } from '../storage/tables';
import { traced } from './tracer';

/**
 * AWS SDK clients, created once per process. In AWS they use the Lambda
 * environment; locally `DYNAMODB_ENDPOINT` and `EVENTS_ENDPOINT` point them at
 * DynamoDB Local and the local PutEvents endpoint.
 */
let documentClient: DynamoDBDocumentClient | undefined;
let eventBridgeClient: EventBridgeClient | undefined;

export function dynamoDocumentClient(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(
    traced(new DynamoDBClient({ ...(process.env.DYNAMODB_ENDPOINT && { endpoint: process.env.DYNAMODB_ENDPOINT }) })),
    { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false } },
  );
  return documentClient;
}

export function eventBridge(): EventBridgeClient {
  eventBridgeClient ??= traced(new EventBridgeClient({ ...(process.env.EVENTS_ENDPOINT && { endpoint: process.env.EVENTS_ENDPOINT }) }));
  return eventBridgeClient;
}

export class MissingConfigurationError extends Error {
  override name = 'MissingConfigurationError';
}

/** The deployed name of a table, from the environment variable the CDK app (or `npm start`) sets. */
export function tableName(id: TableId): string {
  const name = process.env[tables[id].tableNameEnv];
  if (!name) throw new MissingConfigurationError(`${tables[id].tableNameEnv} is not set: the function cannot find the ${id} table`);
  return name;
}

export function eventBusName(): string {
  return process.env.EVENT_BUS_NAME ?? 'ocop-pulse';
}
