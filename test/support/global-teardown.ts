import type { RunningDynamoDbLocal } from '../../local/dynamodb-local';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __dynamo?: RunningDynamoDbLocal }).__dynamo?.stop();
}
