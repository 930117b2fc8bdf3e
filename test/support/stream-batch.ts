import { GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AttributeValue, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { tables, type TableDefinition } from '../../functions/storage/tables';
import { LOCAL_AWS } from '../../local/dynamodb-local';

/**
 * A batch of the projections table's stream as the Lambda event source
 * mapping hands it to recompute-snapshot: one record per write, in write
 * order, with the view of the table's definition (functions/storage/tables.ts):
 * the item as it is now read from DynamoDB Local is the record's NewImage.
 */
export async function projectionStreamBatch(
  client: DynamoDBClient,
  tableName: string,
  writes: Array<{ pk: string; eventName?: 'INSERT' | 'MODIFY' | 'REMOVE' }>,
): Promise<DynamoDBStreamEvent> {
  const view = tables.projections.stream as NonNullable<TableDefinition['stream']>;
  const streamArn = `arn:aws:dynamodb:${LOCAL_AWS.region}:000000000000:table/${tableName}/stream/2026-01-01T00:00:00.000`;
  const now = Math.floor(Date.now() / 1000);
  const Records = await Promise.all(
    writes.map(async ({ pk, eventName = 'MODIFY' }, i): Promise<DynamoDBRecord> => {
      const item = view === 'KEYS_ONLY' || eventName === 'REMOVE' ? undefined : (await client.send(new GetItemCommand({ TableName: tableName, Key: { pk: { S: pk } }, ConsistentRead: true }))).Item;
      return {
        eventID: `${now}-${i}`,
        eventName,
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: LOCAL_AWS.region,
        dynamodb: {
          ApproximateCreationDateTime: now,
          Keys: { pk: { S: pk } },
          ...(item && { NewImage: item as Record<string, AttributeValue> }),
          SequenceNumber: String(100_000_000_000 + i),
          SizeBytes: 40 + pk.length + (item ? JSON.stringify(item).length : 0),
          StreamViewType: view,
        },
        eventSourceARN: streamArn,
      };
    }),
  );
  return { Records };
}
