import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { EventBridgeEnvelope } from '../../events';
import type { AggregateKey } from '../../domain';
import { batchGet } from './batch-requests';
import { dynamoDocumentClient, tableName } from './dynamodb-client';

/**
 * One validated event in the event log, kept whole: the log is the source of
 * truth the projections are rebuilt from (`npm run rebuild`). It holds the
 * only whole copy of an accepted event (owner names included); the table is
 * encrypted, and logs carry ids only.
 */
export interface EventLogRecord {
  eventId: string;
  aggregateKey: AggregateKey;
  detailType: string;
  source: string;
  /** sha256 of the event's source, detail type and detail: tells a redelivery from a reused eventId. */
  contentHash: string;
  /** When the province received it: the order ownership is decided in, on a rebuild too. */
  receivedAt: string;
  /** The EventBridge envelope as delivered. */
  envelope: EventBridgeEnvelope;
}

/** What a batch needs to know of an eventId already in the log. */
export type LoggedEvent = Pick<EventLogRecord, 'eventId' | 'contentHash' | 'receivedAt'>;

/** The content hash of an event: the same fact redelivered has the same one, whatever its envelope id or key order. */
export function contentHashOf(envelope: Pick<EventBridgeEnvelope, 'source' | 'detail-type' | 'detail'>): string {
  return createHash('sha256')
    .update(stableJson({ source: envelope.source, detailType: envelope['detail-type'], detail: envelope.detail }))
    .digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The eventIds of a batch that the log already holds (one consistent request per 100). */
export async function findLogged(eventIds: readonly string[]): Promise<Map<string, LoggedEvent>> {
  const unique = [...new Set(eventIds)];
  if (unique.length === 0) return new Map();
  const items = await batchGet<LoggedEvent>(
    tableName('events'),
    unique.map((eventId) => ({ eventId })),
    LOGGED_PROJECTION,
  );
  return new Map(items.map((item) => [item.eventId, item]));
}

/** Conditional puts to the log in flight at once (a batch holds at most 10 events). */
const APPENDS_IN_FLIGHT = 10;
const LOGGED_PROJECTION = { expression: '#id, #hash, #received', names: { '#id': 'eventId', '#hash': 'contentHash', '#received': 'receivedAt' } };

/**
 * Appends new events, each with its own conditional PutItem (the eventId must
 * not be in the log yet), so two writers of one eventId can never overwrite
 * each other: the first one's record stays. Returns the events another writer
 * logged first (what the log holds for their eventId), for the caller to tell
 * a redelivery (same content) from a reused eventId (different content).
 *
 * Why not BatchWriteItem (25 items a request): it has no condition, so the
 * later of two racing writers replaces the first. Why not TransactWriteItems:
 * it costs two write units per item, and one conflicting item cancels the
 * whole transaction. A conditional PutItem costs what a batched put costs
 * (one write unit per KB), in one request per event.
 */
export async function appendToEventLog(records: readonly EventLogRecord[]): Promise<Map<string, LoggedEvent>> {
  const loggedBefore = new Map<string, LoggedEvent>();
  let next = 0;
  const settled = await Promise.allSettled(
    Array.from({ length: Math.min(APPENDS_IN_FLIGHT, records.length) }, async () => {
      while (next < records.length) {
        const record = records[next++]!;
        const existing = await appendOne(record);
        if (existing) loggedBefore.set(record.eventId, existing);
      }
    }),
  );
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return loggedBefore;
}

/** Puts one record unless its eventId is logged; returns the logged one then. */
async function appendOne(record: EventLogRecord): Promise<LoggedEvent | undefined> {
  try {
    await dynamoDocumentClient().send(
      new PutCommand({
        TableName: tableName('events'),
        Item: record,
        ConditionExpression: 'attribute_not_exists(eventId)',
      }),
    );
    return undefined;
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    // Another writer was first (findLogged, just before, did not see it): read what it logged, consistently.
    const read = await dynamoDocumentClient().send(
      new GetCommand({
        TableName: tableName('events'),
        Key: { eventId: record.eventId },
        ConsistentRead: true,
        ProjectionExpression: LOGGED_PROJECTION.expression,
        ExpressionAttributeNames: LOGGED_PROJECTION.names,
      }),
    );
    if (!read.Item) throw new EventLogAppendError(`eventId ${record.eventId}: the log refused it as present, then did not have it`, { cause: error });
    return read.Item as LoggedEvent;
  }
}

export class EventLogAppendError extends Error {
  override name = 'EventLogAppendError';
}

/** Where a segment's scan stands: the key to go on from (absent: from the start). */
export type ScanPosition = Record<string, unknown> | undefined;

/**
 * One segment of a parallel scan of the whole log (the rebuild), page by page
 * from `startKey`, each page with the key to go on from after it (absent after
 * the last page). `limit` caps the items of a page (a page is at most 1 MB anyway).
 */
export async function* scanEventLog(
  segment: number,
  totalSegments: number,
  { startKey, limit }: { startKey?: ScanPosition; limit?: number } = {},
): AsyncGenerator<{ records: EventLogRecord[]; nextKey: ScanPosition }> {
  let key = startKey;
  do {
    const page = await dynamoDocumentClient().send(
      new ScanCommand({ TableName: tableName('events'), Segment: segment, TotalSegments: totalSegments, ExclusiveStartKey: key, ConsistentRead: true, Limit: limit }),
    );
    key = page.LastEvaluatedKey;
    yield { records: (page.Items ?? []) as EventLogRecord[], nextKey: key };
  } while (key);
}
