import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, ScanCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { InboundEvent } from '../../events';
import type { AggregateKey, AggregateKind, IpGrant, ProductState, ScienceTask } from '../../domain';
import { dynamoDocumentClient, tableName } from './clients';

/**
 * One item per aggregate in the projections table: the aggregate's accepted
 * events and their fold. Keeping the events in the item lets a writer re-fold
 * from one consistent read and commit with a version check, so two concurrent
 * events for one product never lose an update.
 */
export type ProjectionState = ProductState | IpGrant | ScienceTask;

export interface Projection<S extends ProjectionState = ProjectionState> {
  pk: AggregateKey;
  kind: AggregateKind;
  version: number;
  events: InboundEvent[];
  state: S;
  updatedAt: string;
  /** Index attributes of products (sparse: absent until known). */
  productId?: string;
  districtCode?: string;
  level?: string;
  group?: string;
}

export class ProjectionConflictError extends Error {
  override name = 'ProjectionConflictError';
}

export async function getProjection(pk: AggregateKey): Promise<Projection | undefined> {
  const result = await dynamoDocumentClient().send(new GetCommand({ TableName: tableName('projections'), Key: { pk }, ConsistentRead: true }));
  return result.Item as Projection | undefined;
}

/** Writes a new version; fails with ProjectionConflictError when someone else wrote `expectedVersion` + 1 first. */
export async function putProjection(projection: Projection, expectedVersion: number | undefined): Promise<void> {
  try {
    await dynamoDocumentClient().send(
      new PutCommand({
        TableName: tableName('projections'),
        Item: projection,
        ...(expectedVersion === undefined
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } }),
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      throw new ProjectionConflictError(`${projection.pk} changed since version ${expectedVersion ?? 'none'}`, { cause: error });
    }
    throw error;
  }
}

/** Segments of the parallel scan of scanProjectionStates: the pages of a large table are read a few at a time, not one after the other. */
export const PROJECTION_SCAN_SEGMENTS = 4;

/** Every projection's kind and state (not its events), read consistently: the input of a KPI computation. */
export async function scanProjectionStates(): Promise<Pick<Projection, 'pk' | 'kind' | 'state'>[]> {
  const segments = await Promise.all(Array.from({ length: PROJECTION_SCAN_SEGMENTS }, (_, segment) => scanSegment(segment)));
  return segments.flat();
}

async function scanSegment(segment: number): Promise<Pick<Projection, 'pk' | 'kind' | 'state'>[]> {
  const items: Pick<Projection, 'pk' | 'kind' | 'state'>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamoDocumentClient().send(
      new ScanCommand({
        TableName: tableName('projections'),
        ConsistentRead: true,
        ProjectionExpression: 'pk, kind, #state',
        ExpressionAttributeNames: { '#state': 'state' },
        Segment: segment,
        TotalSegments: PROJECTION_SCAN_SEGMENTS,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...((page.Items ?? []) as Pick<Projection, 'pk' | 'kind' | 'state'>[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

export interface Page<T> {
  items: T[];
  lastKey?: Record<string, unknown>;
}

/** One page of an index query over projections. */
export async function queryProjections(input: Omit<QueryCommandInput, 'TableName'>): Promise<Page<Projection>> {
  const page = await dynamoDocumentClient().send(new QueryCommand({ TableName: tableName('projections'), ...input }));
  return { items: (page.Items ?? []) as Projection[], ...(page.LastEvaluatedKey && { lastKey: page.LastEvaluatedKey }) };
}
