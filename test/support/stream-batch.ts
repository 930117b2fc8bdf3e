import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { LOCAL_AWS } from '../../local/dynamodb-local';

/**
 * A batch of the projections table's stream (view KEYS_ONLY) as the Lambda
 * event source mapping hands it to recompute-snapshot: one record per write,
 * in write order.
 */
export function projectionStreamBatch(tableName: string, writes: Array<{ pk: string; eventName?: 'INSERT' | 'MODIFY' | 'REMOVE' }>): DynamoDBStreamEvent {
  const streamArn = `arn:aws:dynamodb:${LOCAL_AWS.region}:000000000000:table/${tableName}/stream/2026-01-01T00:00:00.000`;
  const now = Math.floor(Date.now() / 1000);
  const Records = writes.map(
    ({ pk, eventName = 'MODIFY' }, i): DynamoDBRecord => ({
      eventID: `${now}-${i}`,
      eventName,
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: LOCAL_AWS.region,
      dynamodb: {
        ApproximateCreationDateTime: now,
        Keys: { pk: { S: pk } },
        SequenceNumber: String(100_000_000_000 + i),
        SizeBytes: 40 + pk.length,
        StreamViewType: 'KEYS_ONLY',
      },
      eventSourceARN: streamArn,
    }),
  );
  return { Records };
}
