import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  activeCertificateOn,
  addDays,
  aggregateKindOf,
  encodeKpiRecord,
  productKpiRecord,
  type AggregateKey,
  type AggregateKind,
  type IpGrant,
  type KpiRecord,
  type ProductState,
  type ScienceTask,
} from '../../domain';
import { batchGet } from './batch-requests';
import { dynamoDocumentClient, tableName } from '../shared/clients';

/**
 * One item per aggregate in the projections table: its folded state (never
 * its events: those are in the event log) and its compact KPI record, written
 * together with a version check, so two concurrent batches for one product
 * never lose an update.
 */
export type ProjectionState = ProductState | IpGrant | ScienceTask;

export interface Projection<S extends ProjectionState = ProjectionState> {
  pk: AggregateKey;
  kind: AggregateKind;
  version: number;
  state: S;
  updatedAt: string;
  /** The KPI record (domain/kpi/kpi-record.ts), encoded; the `readModel` index carries it. */
  kpi: string;
  kpiShard: string;
  /** When the record last changed (UTC ISO): the `readModel` index's sort key, for "what changed since". */
  changedAt: string;
  /** Index attributes of products. */
  productId?: string;
  districtCode?: string;
  group?: string;
  /** The level of the latest decision of 3+ stars, with the days its certificate is in force: `?level=` filters on them. */
  level?: string;
  levelFrom?: string;
  levelThrough?: string;
}

/** The readModel index spreads the records over this many partitions, read in parallel. */
export const READ_MODEL_SHARDS = 4;

export function readModelShardOf(pk: string): string {
  return `kpi#${createHash('sha1').update(pk).digest()[0]! % READ_MODEL_SHARDS}`;
}

export class ProjectionConflictError extends Error {
  override name = 'ProjectionConflictError';
}

/** The item of an aggregate's state. */
export function projectionOf(pk: AggregateKey, state: ProjectionState, version: number, now = new Date()): Projection {
  const kind = aggregateKindOf(pk);
  const at = now.toISOString();
  const base = { pk, kind, version, state, updatedAt: at, changedAt: at, kpiShard: readModelShardOf(pk) };
  if (kind === 'ip') return { ...base, kpi: encodeKpiRecord({ kind: 'ip', grant: state as IpGrant }) };
  if (kind === 'task') return { ...base, kpi: encodeKpiRecord({ kind: 'task', task: state as ScienceTask }) };
  const product = state as ProductState;
  const record: KpiRecord = { kind: 'product', product: productKpiRecord(product) };
  return {
    ...base,
    kpi: encodeKpiRecord(record),
    productId: product.productId,
    districtCode: product.transfers.at(-1)?.toUnitCode ?? product.registration.districtCode,
    group: product.registration.group,
    ...levelAttributes(product),
  };
}

/** The latest decision's level and the days it is in force (from its date to validUntil, or to the day before a revocation). */
function levelAttributes(product: ProductState): Pick<Projection, 'level' | 'levelFrom' | 'levelThrough'> {
  const latest = product.decisions.at(-1);
  if (!latest?.level) return {};
  const certificate = activeCertificateOn(product, latest.decisionDate);
  if (!certificate) return {};
  const revokedOn = product.revocations.map((r) => r.decisionDate).filter((d) => d >= latest.decisionDate).sort()[0];
  const through = revokedOn !== undefined && addDays(revokedOn, -1) < latest.validUntil ? addDays(revokedOn, -1) : latest.validUntil;
  return { level: latest.level, levelFrom: latest.decisionDate, levelThrough: through };
}

export async function getProjection(pk: AggregateKey): Promise<Projection | undefined> {
  const result = await dynamoDocumentClient().send(new GetCommand({ TableName: tableName('projections'), Key: { pk }, ConsistentRead: true }));
  return result.Item as Projection | undefined;
}

/** Many aggregates' items in one consistent request (per 100). */
export async function getProjections(pks: readonly AggregateKey[]): Promise<Map<AggregateKey, Projection>> {
  const items = pks.length === 0 ? [] : await batchGet<Projection>(tableName('projections'), [...new Set(pks)].map((pk) => ({ pk })));
  return new Map(items.map((item) => [item.pk, item]));
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

export interface Page<T> {
  items: T[];
  lastKey?: Record<string, unknown>;
}

/**
 * One page of a listing index over projections, with each item's state: the
 * index gives the keys in order (its entries hold no state, tables.ts), one
 * BatchGetItem the items. `input` has no ProjectionExpression: the items come whole.
 */
export async function queryProjections(input: Omit<QueryCommandInput, 'TableName' | 'ProjectionExpression'>): Promise<Page<Projection>> {
  const page = await dynamoDocumentClient().send(new QueryCommand({ TableName: tableName('projections'), ...input, ProjectionExpression: 'pk' }));
  const keys = (page.Items ?? []).map((item) => item.pk as AggregateKey);
  const items = await getProjections(keys);
  return { items: keys.flatMap((pk) => items.get(pk) ?? []), ...(page.LastEvaluatedKey && { lastKey: page.LastEvaluatedKey }) };
}
