import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { newDynamoClient, tableName } from './dynamodb-client';

/**
 * The `idempotency` table (tables.ts): its records are Powertools for AWS
 * Lambda's, written and read by its DynamoDB persistence layer (one record per
 * idempotency key, with its expiry in `expiration`, the table's TTL), so this
 * store only gives that layer the table and a client of its own.
 */
let persistenceStore: DynamoDBPersistenceLayer | undefined;

export function idempotencyPersistence(): DynamoDBPersistenceLayer {
  persistenceStore ??= new DynamoDBPersistenceLayer({ tableName: tableName('idempotency'), awsSdkV3Client: newDynamoClient() });
  return persistenceStore;
}
