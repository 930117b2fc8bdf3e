import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDocumentClient, tableName } from '../shared/clients';

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

export function newRejection(
  fields: Omit<RejectionRecord, 'rejectedAtKey' | 'listPartition' | 'announced' | 'rejectedAt' | 'pendingAnnouncement'>,
  now = new Date(),
): RejectionRecord {
  const rejectedAt = now.toISOString();
  return {
    ...fields,
    rejectedAt,
    rejectedAtKey: `${rejectedAt}#${fields.rejectionId}`,
    listPartition: 'rejections',
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
