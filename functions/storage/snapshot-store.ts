import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { kpiSnapshotSchema, type KpiSnapshot } from '../../domain';
import { dynamoDocumentClient, tableName } from '../shared/clients';

/**
 * Snapshot history in the snapshots table: partition `scope` ("province"),
 * sort key `asOf` as a UTC ISO instant so that string order is time order.
 */
export const PROVINCE_SCOPE = 'province';

export interface StoredSnapshot {
  scope: string;
  /** UTC ISO instant (sort key). */
  asOf: string;
  computedAt: string;
  snapshot: KpiSnapshot;
}

export function sortKeyOf(instant: string): string {
  return new Date(instant).toISOString();
}

export async function putSnapshot(snapshot: KpiSnapshot, scope = PROVINCE_SCOPE): Promise<StoredSnapshot> {
  const item: StoredSnapshot = { scope, asOf: sortKeyOf(snapshot.asOf), computedAt: new Date().toISOString(), snapshot };
  await dynamoDocumentClient().send(new PutCommand({ TableName: tableName('snapshots'), Item: item }));
  return item;
}

export async function latestSnapshot(scope = PROVINCE_SCOPE): Promise<StoredSnapshot | undefined> {
  const result = await dynamoDocumentClient().send(
    new QueryCommand({
      TableName: tableName('snapshots'),
      KeyConditionExpression: '#scope = :scope',
      ExpressionAttributeNames: { '#scope': 'scope' },
      ExpressionAttributeValues: { ':scope': scope },
      ScanIndexForward: false,
      Limit: 1,
    }),
  );
  const item = result.Items?.[0] as StoredSnapshot | undefined;
  return item && readStoredSnapshot(item);
}

/** A stored item as read: the snapshot checked against its schema, its fields in the documented order (DynamoDB maps come back in any order). */
export function readStoredSnapshot(item: StoredSnapshot): StoredSnapshot {
  return { ...item, snapshot: kpiSnapshotSchema.parse(item.snapshot) };
}
