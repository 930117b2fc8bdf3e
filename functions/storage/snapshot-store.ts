import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { kpiSnapshotSchema, type KpiSnapshot } from '../../domain';
import { dynamoDocumentClient, tableName } from './dynamodb-client';
import type { Page, StartKey } from './page';
import { tables } from './tables';

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
  return { ...item, snapshot: kpiSnapshotSchema().parse(item.snapshot) };
}

/** The attributes of the start key of a snapshot listing (the table's keys): what a cursor must name. */
export const SNAPSHOT_PAGE_KEY_ATTRIBUTES: readonly string[] = [tables.snapshots.partitionKey.name, tables.snapshots.sortKey.name];

/**
 * One page of a scope's snapshots, newest first, each checked as read; `from`
 * and `to` (instants, both included) bound their asOf.
 */
export async function snapshotsNewestFirst({
  from,
  to,
  limit,
  startKey,
  scope = PROVINCE_SCOPE,
}: {
  from?: string;
  to?: string;
  limit?: number;
  startKey?: StartKey;
  scope?: string;
}): Promise<Page<StoredSnapshot>> {
  const lower = from && sortKeyOf(from);
  const upper = to && sortKeyOf(to);
  const bounds = lower && upper ? ' AND #asOf BETWEEN :from AND :to' : lower ? ' AND #asOf >= :from' : upper ? ' AND #asOf <= :to' : '';
  const page = await dynamoDocumentClient().send(
    new QueryCommand({
      TableName: tableName('snapshots'),
      KeyConditionExpression: `#scope = :scope${bounds}`,
      ExpressionAttributeNames: { '#scope': tables.snapshots.partitionKey.name, ...(bounds && { '#asOf': tables.snapshots.sortKey.name }) },
      ExpressionAttributeValues: { ':scope': scope, ...(lower && { ':from': lower }), ...(upper && { ':to': upper }) },
      ScanIndexForward: false,
      ...(limit !== undefined && { Limit: limit }),
      ExclusiveStartKey: startKey,
    }),
  );
  return { items: ((page.Items ?? []) as StoredSnapshot[]).map(readStoredSnapshot), ...(page.LastEvaluatedKey && { lastKey: page.LastEvaluatedKey }) };
}
