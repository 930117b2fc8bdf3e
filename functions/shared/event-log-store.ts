import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { EventBridgeEnvelope, InboundEvent } from '../../events';
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
  /** The EventBridge envelope as delivered, so a later rejection of the event (by the fold) keeps the original whole. */
  envelope?: EventBridgeEnvelope;
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

/** The envelope an accepted event arrived in, when the log has it. */
export async function loggedEnvelope(eventId: string): Promise<EventBridgeEnvelope | undefined> {
  const result = await dynamoDocumentClient().send(
    new GetCommand({ TableName: tableName('events'), Key: { eventId }, ConsistentRead: true, ProjectionExpression: 'envelope' }),
  );
  return (result.Item as Pick<EventLogRecord, 'envelope'> | undefined)?.envelope;
}
