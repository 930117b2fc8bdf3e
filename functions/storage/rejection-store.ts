import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamoDocumentClient, tableName } from './dynamodb-client';
import type { Page, StartKey } from './page';
import { indexOf, tables } from './tables';

/** A rejected event, kept whole with the reasons an operator can act on. */
export interface RejectionRecord {
  /** The rejected event's eventId, or `eb-<EventBridge id>` when it had no usable eventId. */
  rejectionId: string;
  eventId?: string;
  source: string;
  detailType: string;
  districtCode?: string;
  reasons: string[];
  /** The original event, whole (the EventBridge envelope). */
  original: unknown;
  rejectedAt: string;
  /** Sort key of the indexes: rejectedAt + rejectionId. */
  rejectedAtKey: string;
  /** Constant partition of the `byTime` index, which lists every rejection newest first. */
  listPartition: 'rejections';
  /** True once EventRejected was put on the bus. */
  announced: boolean;
  /** Present (PENDING_ANNOUNCEMENT) only while not announced: the key of the sparse `unannounced` index. */
  pendingAnnouncement?: typeof PENDING_ANNOUNCEMENT;
}

export const PENDING_ANNOUNCEMENT = 'pending';
const LIST_PARTITION: RejectionRecord['listPartition'] = 'rejections';

export function newRejection(
  fields: Omit<RejectionRecord, 'rejectedAtKey' | 'listPartition' | 'announced' | 'rejectedAt' | 'pendingAnnouncement'>,
  now = new Date(),
): RejectionRecord {
  const rejectedAt = now.toISOString();
  return {
    ...fields,
    rejectedAt,
    rejectedAtKey: `${rejectedAt}#${fields.rejectionId}`,
    listPartition: LIST_PARTITION,
    announced: false,
    pendingAnnouncement: PENDING_ANNOUNCEMENT,
  };
}

/** Keeps the first rejection of an event; returns the stored one (this one, or the one kept before). */
export async function keepRejection(record: RejectionRecord): Promise<RejectionRecord> {
  try {
    await dynamoDocumentClient().send(
      new PutCommand({ TableName: tableName('rejections'), Item: record, ConditionExpression: 'attribute_not_exists(rejectionId)' }),
    );
    return record;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    const existing = await dynamoDocumentClient().send(
      new GetCommand({ TableName: tableName('rejections'), Key: { rejectionId: record.rejectionId }, ConsistentRead: true }),
    );
    return (existing.Item as RejectionRecord | undefined) ?? record;
  }
}

export async function markAnnounced(rejectionId: string): Promise<void> {
  await dynamoDocumentClient().send(
    new UpdateCommand({ TableName: tableName('rejections'), Key: { rejectionId }, UpdateExpression: 'SET announced = :true REMOVE pendingAnnouncement', ExpressionAttributeValues: { ':true': true } }),
  );
}

/** The listing index: every rejection by time, or one sender's (`source`). */
function listingOf(source: string | undefined) {
  return source !== undefined ? { index: indexOf('rejections', 'bySource'), value: source } : { index: indexOf('rejections', 'byTime'), value: LIST_PARTITION };
}

/** The attributes of the start key of a rejection listing (with `source` or without): what a cursor must name. */
export function rejectionPageKeyAttributes(source: string | undefined): string[] {
  const { index } = listingOf(source);
  return [tables.rejections.partitionKey.name, index.partitionKey.name, index.sortKey.name];
}

/** One page of rejections, newest first; with `source`, only that sender's. */
export async function rejectionsNewestFirst({ source, limit, startKey }: { source?: string; limit?: number; startKey?: StartKey }): Promise<Page<RejectionRecord>> {
  const { index, value } = listingOf(source);
  const page = await dynamoDocumentClient().send(
    new QueryCommand({
      TableName: tableName('rejections'),
      IndexName: index.indexName,
      KeyConditionExpression: '#key = :key',
      ExpressionAttributeNames: { '#key': index.partitionKey.name },
      ExpressionAttributeValues: { ':key': value },
      ScanIndexForward: false,
      ...(limit !== undefined && { Limit: limit }),
      ExclusiveStartKey: startKey,
    }),
  );
  return { items: (page.Items ?? []) as RejectionRecord[], ...(page.LastEvaluatedKey && { lastKey: page.LastEvaluatedKey }) };
}

/** What the sparse `unannounced` index holds of a rejection: the keys and the attributes it copies (tables.ts), not the original event. */
type UnannouncedAttribute = NonNullable<ReturnType<typeof indexOf<'rejections', 'unannounced'>>['nonKeyAttributes']>[number];
export type UnannouncedRejection = Pick<RejectionRecord, 'rejectionId' | 'pendingAnnouncement' | 'rejectedAtKey' | UnannouncedAttribute>;

function unannouncedBefore(cutoff: string, extra: Pick<QueryCommandInput, 'Limit' | 'Select' | 'ExclusiveStartKey'>): QueryCommand {
  const index = indexOf('rejections', 'unannounced');
  return new QueryCommand({
    TableName: tableName('rejections'),
    IndexName: index.indexName,
    KeyConditionExpression: '#pending = :pending AND #at < :cutoff',
    ExpressionAttributeNames: { '#pending': index.partitionKey.name, '#at': index.sortKey.name },
    ExpressionAttributeValues: { ':pending': PENDING_ANNOUNCEMENT, ':cutoff': cutoff },
    ...extra,
  });
}

/** At most `max` rejections not yet announced that were kept before `cutoff` (a UTC ISO instant), oldest first. */
export async function unannouncedRejectionsBefore(cutoff: string, max: number): Promise<UnannouncedRejection[]> {
  const found: UnannouncedRejection[] = [];
  let startKey: StartKey | undefined;
  do {
    const page = await dynamoDocumentClient().send(unannouncedBefore(cutoff, { Limit: max - found.length, ExclusiveStartKey: startKey }));
    found.push(...((page.Items ?? []) as UnannouncedRejection[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey && found.length < max);
  return found;
}

/** How many rejections not yet announced were kept before `cutoff`: a Query counts 1 MB of entries per page, so every page is asked. */
export async function countUnannouncedBefore(cutoff: string): Promise<number> {
  let count = 0;
  let startKey: StartKey | undefined;
  do {
    const page = await dynamoDocumentClient().send(unannouncedBefore(cutoff, { Select: 'COUNT', ExclusiveStartKey: startKey }));
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}
