import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { InboundEvent } from '../../events';
import type { AggregateKey } from '../../domain';
import { dynamoDocumentClient, tableName } from './clients';

/** One accepted event in the event log, kept whole: the log is the source of truth the projections can be rebuilt from. */
export interface EventLogRecord {
  eventId: string;
  aggregateKey: AggregateKey;
  detailType: string;
  source: string;
  event: InboundEvent;
  /** The EventBridge envelope's id and time, for tracing. */
  busEventId: string;
  busTime: string;
  receivedAt: string;
}

/** Appends once per eventId. Returns 'duplicate' when the eventId is already in the log. */
export async function appendToEventLog(record: EventLogRecord): Promise<'appended' | 'duplicate'> {
  try {
    await dynamoDocumentClient().send(
      new PutCommand({
        TableName: tableName('events'),
        Item: record,
        ConditionExpression: 'attribute_not_exists(eventId)',
      }),
    );
    return 'appended';
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return 'duplicate';
    throw error;
  }
}
