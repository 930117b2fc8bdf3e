/**
 * The DynamoDB tables, defined once: the CDK app (infra/) and the local
 * bootstrap (local/) both create them from here, and the stores (this folder,
 * one per table) read their key and index names from here. Access patterns are
 * listed in the README.
 */
export type AttributeType = 'S' | 'N';
export interface KeyDefinition {
  name: string;
  type: AttributeType;
}
export interface IndexDefinition {
  indexName: string;
  partitionKey: KeyDefinition;
  sortKey?: KeyDefinition;
  /** Attributes copied into the index besides the keys; absent: every attribute (ALL). */
  nonKeyAttributes?: string[];
}
export interface TableDefinition {
  /** Environment variable that carries the deployed table name to a function. */
  tableNameEnv: string;
  /** Table name suffix locally (`ocop-pulse-<suffix>`) and construct id in the CDK app. */
  suffix: string;
  description: string;
  partitionKey: KeyDefinition;
  sortKey?: KeyDefinition;
  globalIndexes: IndexDefinition[];
  timeToLiveAttribute?: string;
  stream?: 'KEYS_ONLY' | 'NEW_IMAGE' | 'NEW_AND_OLD_IMAGES';
}

const s = (name: string): KeyDefinition => ({ name, type: 'S' });

export const tables = {
  /**
   * The event log, the source of truth: every event that passed validation, kept whole (encrypted at rest), once per
   * eventId (with its content hash, so a reused eventId is told apart), with the time the province received it.
   * Written in batches; `npm run rebuild` replays it into the projections.
   */
  events: {
    tableNameEnv: 'EVENTS_TABLE_NAME',
    suffix: 'events',
    description: 'Event log: every validated event, kept whole, keyed by eventId',
    partitionKey: s('eventId'),
    globalIndexes: [],
  },
  /**
   * One item per aggregate (product, IP grant, science task, plan): its folded state, never its events, and its compact
   * KPI record. The `readModel` index holds only the records, spread over a few shards and sorted by change time, so a
   * function loads the province's records in a few requests and then reads only what changed. The stream drives the
   * snapshot recompute.
   */
  projections: {
    tableNameEnv: 'PROJECTIONS_TABLE_NAME',
    suffix: 'projections',
    description: 'Folded state per aggregate: PRODUCT#id, IP#id, TASK#id, PLAN#id; the units store: UNITS',
    partitionKey: s('pk'),
    // The listing indexes carry the filter attributes, not the state: most writes (a listing, a dossier) change none
    // of them, so DynamoDB leaves these indexes alone, and an entry costs one write unit however long the history.
    // A listing page reads its keys from an index, then the states from the table (one BatchGetItem).
    globalIndexes: [
      { indexName: 'byKind', partitionKey: s('kind'), sortKey: s('pk'), nonKeyAttributes: ['districtCode', 'level', 'levelFrom', 'levelThrough', 'group'] },
      { indexName: 'byDistrict', partitionKey: s('districtCode'), sortKey: s('pk'), nonKeyAttributes: ['level', 'levelFrom', 'levelThrough', 'group'] },
      { indexName: 'byLevel', partitionKey: s('level'), sortKey: s('pk'), nonKeyAttributes: ['districtCode', 'levelFrom', 'levelThrough', 'group'] },
      { indexName: 'byGroup', partitionKey: s('group'), sortKey: s('pk'), nonKeyAttributes: ['districtCode', 'level', 'levelFrom', 'levelThrough'] },
      { indexName: 'readModel', partitionKey: s('kpiShard'), sortKey: s('changedAt'), nonKeyAttributes: ['kpi', 'version'] },
    ],
    stream: 'NEW_IMAGE',
  },
  /**
   * Events of a product whose registration has not arrived yet, kept whole until it does; then each is decided (accepted,
   * or rejected when another unit sent it) and removed. Never part of the product's item, so no one can jam it.
   */
  waiting: {
    tableNameEnv: 'WAITING_TABLE_NAME',
    suffix: 'waiting',
    description: 'Events waiting for their product registration, per aggregate',
    partitionKey: s('aggregateKey'),
    sortKey: s('eventId'),
    globalIndexes: [],
  },
  /** Events not accepted, kept whole with their reasons. */
  rejections: {
    tableNameEnv: 'REJECTIONS_TABLE_NAME',
    suffix: 'rejections',
    description: 'Rejected events with reasons, keyed by the rejected eventId (or EventBridge id)',
    partitionKey: s('rejectionId'),
    globalIndexes: [
      { indexName: 'bySource', partitionKey: s('source'), sortKey: s('rejectedAtKey') },
      { indexName: 'byTime', partitionKey: s('listPartition'), sortKey: s('rejectedAtKey') },
      // Sparse: only rejections not yet announced carry `pendingAnnouncement`; the announce-rejections sweep reads it.
      {
        indexName: 'unannounced',
        partitionKey: s('pendingAnnouncement'),
        sortKey: s('rejectedAtKey'),
        nonKeyAttributes: ['eventId', 'source', 'detailType', 'districtCode', 'reasons', 'rejectedAt'],
      },
    ],
  },
  /** Snapshot history per scope, newest last; sort key is the UTC instant. */
  snapshots: {
    tableNameEnv: 'SNAPSHOTS_TABLE_NAME',
    suffix: 'snapshots',
    description: 'KPI snapshots: scope "province" + asOf (UTC ISO instant)',
    partitionKey: s('scope'),
    sortKey: s('asOf'),
    globalIndexes: [],
  },
  /** Who receives the KPI report. */
  stakeholders: {
    tableNameEnv: 'STAKEHOLDERS_TABLE_NAME',
    suffix: 'stakeholders',
    description: 'Stakeholder registry for the KPI report',
    partitionKey: s('stakeholderId'),
    globalIndexes: [],
  },
  /** Powertools for AWS Lambda idempotency records (e.g. one report email per recipient and period). */
  idempotency: {
    tableNameEnv: 'IDEMPOTENCY_TABLE_NAME',
    suffix: 'idempotency',
    description: 'Powertools idempotency records',
    partitionKey: s('id'),
    globalIndexes: [],
    timeToLiveAttribute: 'expiration',
  },
} as const satisfies Record<string, TableDefinition>;

export type TableId = keyof typeof tables;
export const TABLE_IDS = Object.keys(tables) as TableId[];

/** The global secondary indexes of a table, each with its literal name and keys, as defined above. */
export type IndexOf<T extends TableId> = (typeof tables)[T]['globalIndexes'][number];
/** The name of an index of a table: a store names its indexes with this type, so a misspelt or removed index does not compile. */
export type IndexName<T extends TableId> = IndexOf<T>['indexName'];

export class UnknownIndexError extends Error {
  override name = 'UnknownIndexError';
}

/** The definition of one index, by its name: a store reads the index's key attribute names from it. */
export function indexOf<T extends TableId, N extends IndexName<T>>(table: T, name: N): Extract<IndexOf<T>, { indexName: N }> {
  const index = (tables[table].globalIndexes as readonly IndexDefinition[]).find((candidate) => candidate.indexName === name);
  if (!index) throw new UnknownIndexError(`${table} has no index ${name}`);
  return index as Extract<IndexOf<T>, { indexName: N }>;
}
