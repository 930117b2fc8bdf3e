import { startDynamoDbLocal, type RunningDynamoDbLocal } from '../../local/dynamodb-local';

/** Starts one DynamoDB Local (in memory, on a free port) for the integration project; each test file makes its own tables. */
export default async function globalSetup(): Promise<void> {
  const dynamo = await startDynamoDbLocal();
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  (globalThis as { __dynamo?: RunningDynamoDbLocal }).__dynamo = dynamo;
}
