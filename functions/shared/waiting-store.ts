import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { EventBridgeEnvelope } from '../../events';
import type { AggregateKey } from '../../domain';
import { batchWrite } from './batch-requests';
import { dynamoDocumentClient, tableName } from './clients';

/** An event whose product is not registered yet (tables.ts `waiting`). */
export interface WaitingEvent {
  aggregateKey: AggregateKey;
  eventId: string;
  receivedAt: string;
  envelope: EventBridgeEnvelope;
}

export async function putWaiting(events: readonly WaitingEvent[]): Promise<void> {
  if (events.length > 0) await batchWrite(tableName('waiting'), events.map((item) => ({ PutRequest: { Item: item } })));
}

export async function removeWaiting(aggregateKey: AggregateKey, eventIds: readonly string[]): Promise<void> {
  if (eventIds.length > 0) await batchWrite(tableName('waiting'), eventIds.map((eventId) => ({ DeleteRequest: { Key: { aggregateKey, eventId } } })));
}

/** Every event waiting for an aggregate, read consistently, in the order the province received them. */
export async function waitingFor(aggregateKey: AggregateKey): Promise<WaitingEvent[]> {
  const items: WaitingEvent[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamoDocumentClient().send(
      new QueryCommand({
        TableName: tableName('waiting'),
        KeyConditionExpression: 'aggregateKey = :key',
        ExpressionAttributeValues: { ':key': aggregateKey },
        ConsistentRead: true,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...((page.Items ?? []) as WaitingEvent[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.eventId.localeCompare(b.eventId));
}

/** How many events wait for an aggregate (the API shows it for a product not registered yet): a Query counts 1 MB of items per page, so every page is asked. */
export async function countWaiting(aggregateKey: AggregateKey): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamoDocumentClient().send(
      new QueryCommand({
        TableName: tableName('waiting'),
        KeyConditionExpression: 'aggregateKey = :key',
        ExpressionAttributeValues: { ':key': aggregateKey },
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}
