import { QueryCommand, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { EventBridgeEnvelope } from '../../events';
import type { AggregateKey } from '../../domain';
import { batchGet, batchWrite } from './batch-requests';
import { dynamoDocumentClient, tableName } from './dynamodb-client';

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

/** Where an event waits: its key, and the order the province received it in. */
export type WaitingKey = Pick<WaitingEvent, 'eventId' | 'receivedAt'>;

/**
 * The keys of every event waiting for an aggregate, read consistently, in the
 * order the province received them (receivedAt, then eventId). Keys only come
 * back (a page still reads up to 1 MB of items: read units are counted on the
 * items' whole size), so a long queue is known without holding its events.
 */
export async function waitingKeysOf(aggregateKey: AggregateKey): Promise<WaitingKey[]> {
  const keys: WaitingKey[] = [];
  await queryWaiting(aggregateKey, { ProjectionExpression: '#id, #received', ExpressionAttributeNames: { '#id': 'eventId', '#received': 'receivedAt' }, ConsistentRead: true }, (page) =>
    keys.push(...((page.Items ?? []) as WaitingKey[])),
  );
  return keys.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.eventId.localeCompare(b.eventId));
}

/** Some waiting events, whole, read consistently (100 per request), in the order of `eventIds`; those gone meanwhile are left out. */
export async function getWaiting(aggregateKey: AggregateKey, eventIds: readonly string[]): Promise<WaitingEvent[]> {
  if (eventIds.length === 0) return [];
  const items = await batchGet<WaitingEvent>(tableName('waiting'), eventIds.map((eventId) => ({ aggregateKey, eventId })));
  const byId = new Map(items.map((item) => [item.eventId, item]));
  return eventIds.flatMap((eventId) => byId.get(eventId) ?? []);
}

/** How many events wait for an aggregate (the API shows it for a product not registered yet): a Query counts 1 MB of items per page, so every page is asked. */
export async function countWaiting(aggregateKey: AggregateKey): Promise<number> {
  let count = 0;
  await queryWaiting(aggregateKey, { Select: 'COUNT' }, (page) => (count += page.Count ?? 0));
  return count;
}

/** Every page of the Query of one aggregate's waiting events, with the caller's projection or count. */
async function queryWaiting(
  aggregateKey: AggregateKey,
  options: Pick<QueryCommandInput, 'ProjectionExpression' | 'ExpressionAttributeNames' | 'ConsistentRead' | 'Select'>,
  onPage: (page: QueryCommandOutput) => unknown,
): Promise<void> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamoDocumentClient().send(
      new QueryCommand({
        TableName: tableName('waiting'),
        KeyConditionExpression: 'aggregateKey = :key',
        ExpressionAttributeValues: { ':key': aggregateKey },
        ...options,
        ExclusiveStartKey: startKey,
      }),
    );
    onPage(page);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}
