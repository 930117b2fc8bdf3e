import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
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
import { batchGet, batchWrite } from './batch-requests';
import { dynamoDocumentClient, tableName } from './dynamodb-client';
import type { Page, StartKey } from './page';
import { indexOf, tables } from './tables';

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

const shardKey = (shard: number) => `kpi#${shard}`;

export function readModelShardOf(pk: string): string {
  return shardKey(createHash('sha1').update(pk).digest()[0]! % READ_MODEL_SHARDS);
}

export class ProjectionConflictError extends Error {
  override name = 'ProjectionConflictError';
  /** The item that stood in the way, as DynamoDB returned it with the failed write (`ReturnValuesOnConditionCheckFailure`); absent when there was none. */
  readonly current: Projection | undefined;
  constructor(message: string, options: ErrorOptions & { current?: Projection } = {}) {
    super(message, options);
    this.current = options.current;
  }
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
        // A conflicting write gets the item that won, so the writer decides again without another read.
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        ...(expectedVersion === undefined
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } }),
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      const current = error.Item ? (unmarshall(error.Item) as Projection) : undefined;
      throw new ProjectionConflictError(`${projection.pk} changed since version ${expectedVersion ?? 'none'}`, { cause: error, ...(current && { current }) });
    }
    throw error;
  }
}

/** The filters of a product listing; the most selective one picks the index, the others filter its pages. */
export interface ProductFilter {
  /** The unit the product is recorded under (registration, then ProductTransferred). */
  districtCode?: string;
  /** The level of a certificate in force on the listing's day. */
  level?: string;
  group?: string;
}

const PRODUCT_KIND: AggregateKind = 'product';

/** The listing index of a filter: district, then level, then group, else every product (byKind); with the key value to read. */
function listingOf(filter: ProductFilter) {
  if (filter.districtCode !== undefined) return { index: indexOf('projections', 'byDistrict'), value: filter.districtCode };
  if (filter.level !== undefined) return { index: indexOf('projections', 'byLevel'), value: filter.level };
  if (filter.group !== undefined) return { index: indexOf('projections', 'byGroup'), value: filter.group };
  return { index: indexOf('projections', 'byKind'), value: PRODUCT_KIND };
}

/** The attributes of the start key of a product listing with this filter (its index's keys and the table's): what a cursor must name. */
export function productPageKeyAttributes(filter: ProductFilter): string[] {
  const { index } = listingOf(filter);
  return [...new Set([index.partitionKey.name, index.sortKey.name, tables.projections.partitionKey.name])];
}

/**
 * One page of the products that match the filter, by product key, each with
 * its state. A level is the level of a certificate in force on `day`: not an
 * expired or revoked one, nor one dated later.
 */
export async function listProductsPage(filter: ProductFilter, { day, limit, startKey }: { day: string; limit?: number; startKey?: StartKey }): Promise<Page<Projection>> {
  const { index, value } = listingOf(filter);
  const keyAttribute = index.partitionKey.name;
  const rest = (['districtCode', 'level', 'group'] as const).flatMap((name) => (filter[name] !== undefined && name !== keyAttribute ? [[name, filter[name]] as const] : []));
  const inForce = filter.level !== undefined ? ' AND #levelFrom <= :today AND #levelThrough >= :today' : '';
  const conditions = rest.map(([name]) => `#${name} = :${name}`).join(' AND ');
  const filterExpression = conditions ? `${conditions}${inForce}` : inForce.slice(' AND '.length);
  return queryProjections({
    IndexName: index.indexName,
    KeyConditionExpression: '#key = :key',
    ...(filterExpression && { FilterExpression: filterExpression }),
    ExpressionAttributeNames: {
      '#key': keyAttribute,
      ...Object.fromEntries(rest.map(([name]) => [`#${name}`, name])),
      ...(inForce && { '#levelFrom': 'levelFrom', '#levelThrough': 'levelThrough' }),
    },
    ExpressionAttributeValues: {
      ':key': value,
      ...Object.fromEntries(rest.map(([name, v]) => [`:${name}`, v])),
      ...(inForce && { ':today': day }),
    },
    ...(limit !== undefined && { Limit: limit }),
    ExclusiveStartKey: startKey,
  });
}

/** Every product's state, page after page of the byKind index (the register, the import's comparison). */
export async function allProductStates(): Promise<ProductState[]> {
  const states: ProductState[] = [];
  let startKey: StartKey | undefined;
  do {
    const page = await listProductsPage({}, { day: '', startKey });
    states.push(...page.items.map((item) => item.state as ProductState));
    startKey = page.lastKey;
  } while (startKey);
  return states;
}

/**
 * One page of a listing index over projections, with each item's state: the
 * index gives the keys in order (its entries hold no state, tables.ts), one
 * BatchGetItem the items. `input` has no ProjectionExpression: the items come whole.
 */
async function queryProjections(input: Omit<QueryCommandInput, 'TableName' | 'ProjectionExpression'>): Promise<Page<Projection>> {
  const page = await dynamoDocumentClient().send(new QueryCommand({ TableName: tableName('projections'), ...input, ProjectionExpression: 'pk' }));
  const keys = (page.Items ?? []).map((item) => item.pk as AggregateKey);
  const items = await getProjections(keys);
  return { items: keys.flatMap((pk) => items.get(pk) ?? []), ...(page.LastEvaluatedKey && { lastKey: page.LastEvaluatedKey }) };
}

/** Writes items whole, unconditionally (the rebuild, which overwrites every aggregate it replays), 25 per request. */
export async function overwriteProjections(items: readonly Projection[]): Promise<void> {
  await batchWrite(tableName('projections'), items.map((item) => ({ PutRequest: { Item: item } })));
}

/** An entry of the readModel index, or a stream image of a projection. */
export interface ReadModelItem {
  pk: string;
  version: number;
  kpi?: string;
  changedAt?: string;
}

/** The entries of one shard of the readModel index (0 .. READ_MODEL_SHARDS - 1) changed after `since` (all of them without), every page. */
export async function readModelEntries(shard: number, since: string | undefined): Promise<ReadModelItem[]> {
  const index = indexOf('projections', 'readModel');
  const items: ReadModelItem[] = [];
  let startKey: StartKey | undefined;
  do {
    const page = await dynamoDocumentClient().send(
      new QueryCommand({
        TableName: tableName('projections'),
        IndexName: index.indexName,
        KeyConditionExpression: since === undefined ? '#shard = :shard' : '#shard = :shard AND #changed > :since',
        ExpressionAttributeNames: { '#shard': index.partitionKey.name, ...(since !== undefined && { '#changed': index.sortKey.name }) },
        ExpressionAttributeValues: { ':shard': shardKey(shard), ...(since !== undefined && { ':since': since }) },
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...((page.Items ?? []) as ReadModelItem[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}
