import { createHash } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { EventBridgeEnvelope } from '../../events';
import type { AggregateKey } from '../../domain';
import { batchGet, batchWrite } from './batch-requests';
import { dynamoDocumentClient, tableName } from './clients';

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
    { expression: '#id, #hash, #received', names: { '#id': 'eventId', '#hash': 'contentHash', '#received': 'receivedAt' } },
  );
  return new Map(items.map((item) => [item.eventId, item]));
}

/** Appends new events, 25 per request. The caller has checked with findLogged that their eventIds are new. */
export async function appendToEventLog(records: readonly EventLogRecord[]): Promise<void> {
  await batchWrite(
    tableName('events'),
    records.map((record) => ({ PutRequest: { Item: record } })),
  );
}

/** One segment of a parallel scan of the whole log (the rebuild). */
export async function* scanEventLog(segment: number, totalSegments: number): AsyncGenerator<EventLogRecord[]> {
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamoDocumentClient().send(
      new ScanCommand({ TableName: tableName('events'), Segment: segment, TotalSegments: totalSegments, ExclusiveStartKey: startKey, ConsistentRead: true }),
    );
    yield (page.Items ?? []) as EventLogRecord[];
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}
